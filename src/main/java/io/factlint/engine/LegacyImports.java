package io.factlint.engine;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Keeps newsroom DRL written before the rule API moved to {@code io.factlint.rules} working. Drools ignores a
 * wildcard import that names no class ({@code import io.factlint.engine.functions.*;}) and then fails on the
 * first use of a type it no longer finds ("Unable to resolve ObjectType 'Timeline'"); an explicit import of a
 * moved class fails outright. So before compiling, the import lines of a DRL file that name the old places are
 * pointed at the new package, on the same line (line and column numbers of every error stay those of the file):
 * <ul>
 *   <li>{@code import io.factlint.engine.functions.X} becomes {@code import io.factlint.rules.X};</li>
 *   <li>{@code import io.factlint.engine.Timeline} (and Moment, DayFacts, FactPair, StatusAt) likewise;</li>
 *   <li>{@code import io.factlint.engine.*;} gains {@code import io.factlint.rules.*;} after it.</li>
 * </ul>
 * docs/extending.md describes the migration (replace both imports by {@code import io.factlint.rules.*;}).
 */
final class LegacyImports {
    private static final Pattern FUNCTIONS = Pattern.compile("(?m)^([ \\t]*import[ \\t]+)io\\.factlint\\.engine\\.functions\\.");
    private static final Pattern MOVED = Pattern.compile(
            "(?m)^([ \\t]*import[ \\t]+)io\\.factlint\\.engine\\.(Timeline|Moment|DayFacts|FactPair|StatusAt)\\b");
    private static final Pattern ENGINE_ALL = Pattern.compile("(?m)^([ \\t]*import[ \\t]+io\\.factlint\\.engine\\.\\*)[ \\t]*;?");

    private LegacyImports() {
    }

    /** The DRL text with old rule-API imports pointed at {@code io.factlint.rules}; the same bytes if none. */
    static byte[] map(byte[] drl) {
        String s = new String(drl, StandardCharsets.UTF_8);
        if (!s.contains("io.factlint.engine")) return drl;
        String t = FUNCTIONS.matcher(s).replaceAll("$1io.factlint.rules.");
        t = MOVED.matcher(t).replaceAll("$1io.factlint.rules.$2");
        t = ENGINE_ALL.matcher(t).replaceAll("$1; import io.factlint.rules.*;");
        return t.equals(s) ? drl : t.getBytes(StandardCharsets.UTF_8);
    }
}
