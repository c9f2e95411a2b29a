package io.factlint.report;

import io.factlint.model.BaselineComparison;
import io.factlint.model.BaselineState;
import io.factlint.model.CheckResult;
import io.factlint.model.Fact;
import io.factlint.model.FactBase;
import io.factlint.model.FixedFinding;
import io.factlint.model.Finding;
import io.factlint.model.RuleInfo;
import io.factlint.model.Severity;
import io.factlint.model.Story;
import io.factlint.model.Waiver;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** What several writers need: which story a finding belongs to, the rule table, the fail-on label. */
public final class ReportSupport {
    /** Rule metadata keys that reports show in their own place, not again in a rule's list of metadata. */
    public static final java.util.Set<String> SHOWN_RULE_KEYS = java.util.Set.of("id", "severity", "description");
    /** The rule help keys of the DRL annotations ({@code @fires}, {@code @example}, {@code @fix}) with their headings. */
    public static final List<Map.Entry<String, String>> HELP_KEYS = List.of(
            Map.entry("fires", "What makes it fire"), Map.entry("example", "Example"), Map.entry("fix", "What to do"));

    private ReportSupport() {
    }

    /**
     * The rules of the findings and the fixed findings (rule ids a fixed finding names but no loaded rule has
     * get a stand-in, as in {@link #rules}).
     */
    public static List<RuleInfo> rulesWithFixed(CheckResult result) {
        List<RuleInfo> out = rules(result);
        if (result.baseline() == null) return out;
        java.util.Set<String> ids = new java.util.HashSet<>();
        out.forEach(r -> ids.add(r.id()));
        for (FixedFinding f : result.baseline().fixed()) {
            if (ids.add(f.rule())) out.add(new RuleInfo(f.rule(), f.severity(), f.rule(), null, null, Map.of()));
        }
        return out;
    }

    /** The {@code --fail-on} level as the CLI spells it: {@code error}, ..., or {@code never} for null. */
    public static String failOnLabel(ReportOptions options) {
        return options.failOn() == null ? "never" : options.failOn().id();
    }

    /** True when the finding's severity is at or above the fail-on level (never when that level is null). */
    public static boolean atFailOn(Finding f, ReportOptions options) {
        return options.failOn() != null && f.severity().atLeast(options.failOn());
    }

    /**
     * True when the finding counts toward the gate: at or above the fail-on level, not waived, and (with
     * {@code --fail-on-new}) not unchanged since the baseline. A result passes exactly when no finding is failing
     * ({@link ReportOptions#passed}).
     */
    public static boolean failing(Finding f, ReportOptions options) {
        return atFailOn(f, options) && !f.waived()
                && !(options.failOnNew() && f.review().baseline() == BaselineState.UNCHANGED);
    }

    /**
     * Why a finding at or above the fail-on level does not count, or null when it counts (or is below the level):
     * {@code waived}, or {@code unchanged since the baseline} with {@code --fail-on-new}.
     */
    public static String notCountedBecause(Finding f, ReportOptions options) {
        if (!atFailOn(f, options)) return null;
        if (f.waived()) return "waived";
        if (options.failOnNew() && f.review().baseline() == BaselineState.UNCHANGED) return "unchanged since the baseline";
        return null;
    }

    /** The waiver of a finding in one line: {@code until 2025-03-31 by J. Editor: reason (facts/waivers.yaml:2:5)}. */
    public static String waiverLine(Waiver w) {
        return "until " + w.expires() + " by " + w.author() + ": " + w.reason() + " (" + w.location() + ")";
    }

    /** {@code 2 errors, 1 warning, 0 infos}, then {@code (1 waived)} when a waiver applies. */
    public static String countsWithWaived(CheckResult result) {
        return counts(result) + (result.countWaived() > 0 ? " (" + result.countWaived() + " waived)" : "");
    }

    /** {@code 3 new, 2 unchanged, 1 fixed} against the baseline, or null without one. */
    public static String baselineCounts(CheckResult result) {
        BaselineComparison b = result.baseline();
        if (b == null) return null;
        return result.count(BaselineState.NEW) + " new, " + result.count(BaselineState.UNCHANGED) + " unchanged, "
                + b.fixed().size() + " fixed";
    }

    /** The story of a reference {@code story#item}. */
    public static String storyOfRef(String ref) {
        int hash = ref.lastIndexOf('#');
        return hash < 0 ? ref : ref.substring(0, hash);
    }

    /**
     * The story a finding is reported under: that of its claim, else the story of the file it points at, else that
     * of its first fact, else the file's name without extension.
     */
    public static String primaryStory(Finding f, FactBase facts) {
        if (f.claimRef() != null) return storyOfRef(f.claimRef());
        if (f.location() != null) {
            for (Story s : facts.stories()) {
                if (f.location().file().equals(s.file())) return s.id();
            }
        }
        if (!f.facts().isEmpty()) return f.facts().get(0).getStoryId();
        String file = f.location() == null ? "" : f.location().file();
        String name = file.substring(file.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** Every story a finding touches: its primary story and those of its facts, sorted. */
    public static List<String> storiesOf(Finding f, FactBase facts) {
        TreeSet<String> ids = new TreeSet<>();
        ids.add(primaryStory(f, facts));
        for (Fact fact : f.facts()) ids.add(fact.getStoryId());
        return List.copyOf(ids);
    }

    /**
     * The rules to describe: the loaded rules in their order, then (for results built without rule metadata) a
     * stand-in for each rule id a finding names that no loaded rule has.
     */
    public static List<RuleInfo> rules(CheckResult result) {
        Map<String, RuleInfo> byId = new LinkedHashMap<>();
        for (RuleInfo r : result.rules()) byId.putIfAbsent(r.id(), r);
        for (Finding f : result.findings()) {
            byId.computeIfAbsent(f.rule(), id -> new RuleInfo(id, f.severity(), id, null, null, Map.of()));
        }
        return new ArrayList<>(byId.values());
    }

    /** A count with its noun: {@code 1 error}, {@code 2 errors}, {@code 0 infos}. */
    public static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** {@code 2 errors, 1 warning, 0 infos}. */
    public static String counts(CheckResult result) {
        return plural(result.count(Severity.ERROR), "error") + ", " + plural(result.count(Severity.WARNING), "warning")
                + ", " + plural(result.count(Severity.INFO), "info");
    }

    /**
     * One fact on one line, for plain-text reports: {@code story#f2 facts/x.json:28:7: soldier-1 status = captured on
     * 26 Dec 2024; source: NIS (agency), confirmed; quote: "..."}.
     */
    public static String factLine(Fact f, FactBase facts) {
        StringBuilder b = new StringBuilder(f.getRef());
        if (f.getLocation() != null) b.append(' ').append(f.getLocation());
        b.append(": ").append(facts.entityName(f.getSubject())).append(' ').append(f.getAttribute()).append(" = ")
                .append(f.valueWords());
        if (f.getAt() != null) b.append(" on ").append(f.getAt().display());
        b.append("; source: ").append(facts.sourceName(f.getSource()));
        io.factlint.model.Source src = facts.sources().get(f.getSource());
        if (src != null && src.kind() != null) b.append(" (").append(src.kind().id()).append(')');
        if (f.getCertainty() != null) b.append(", ").append(f.getCertainty().id());
        if (f.getQuote() != null && !f.getQuote().isEmpty()) b.append("; quote: \"").append(f.getQuote()).append('"');
        return b.toString();
    }

    /**
     * The text with every character that XML 1.0 cannot carry (C0 controls other than tab, LF and CR; lone
     * surrogates; U+FFFE and U+FFFF) written as the six characters {@code \\uXXXX}, so a reader still sees which.
     */
    public static String xmlSafe(String s) {
        if (s == null) return null;
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok;
            if (Character.isHighSurrogate(c)) {
                ok = i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
                if (ok) {
                    if (b != null) b.append(c).append(s.charAt(i + 1));
                    i++;
                    continue;
                }
            } else if (Character.isLowSurrogate(c)) {
                ok = false;
            } else {
                ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xFFFD);
            }
            if (ok) {
                if (b != null) b.append(c);
            } else {
                if (b == null) b = new StringBuilder(s.length() + 16).append(s, 0, i);
                b.append(String.format(java.util.Locale.ROOT, "\\u%04X", (int) c));
            }
        }
        return b == null ? s : b.toString();
    }

    /** The text with lone surrogates (which no UTF-8 encoder can write) replaced by U+FFFD. */
    public static String wellFormed(String s) {
        if (s == null) return null;
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
            boolean lone = !pair && Character.isSurrogate(c);
            if (lone && b == null) b = new StringBuilder(s).delete(i, s.length());
            if (b != null) {
                if (lone) b.append('\uFFFD');
                else if (pair) b.append(c).append(s.charAt(i + 1));
                else b.append(c);
            }
            if (pair) i++;
        }
        return b == null ? s : b.toString();
    }
}
