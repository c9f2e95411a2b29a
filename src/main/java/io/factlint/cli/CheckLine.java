package io.factlint.cli;

import io.factlint.check.ExitCode;
import io.factlint.report.Format;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fast path of a plain {@code factlint check ...}: the command line read by hand into the fields picocli would
 * set on {@link CheckCommand}, then the same {@link CheckCommand#run}, without loading any picocli class.
 *
 * <p>Why by hand (docs/performance.md, "Start-up: the command line without picocli"): building picocli's model of
 * the eight commands costs ≈ 0.2 s CPU of a 0.85 s cached check (its Java 5 class files stay out of JDK 17's
 * class-data archive, and its reflective set-up runs interpreted); no picocli option avoids that set-up.
 *
 * <p>The parser understands only what it can prove it reads exactly as picocli does; {@link #parse} returns null
 * for anything else (help, {@code --version}, {@code --watch}, an unknown or abbreviated option, a repeated
 * single-valued option, a value picocli might convert differently or reject, a value or path that starts with
 * {@code -} or {@code @}, argument files), and {@link Main#run} then hands the untouched arguments to picocli, so
 * every message and exit code of a line it refuses stays picocli's. {@code CheckLineTest} compares both parses
 * field by field over a corpus of command lines.
 */
final class CheckLine {
    /** {@code -Dfactlint.fastCheck=false} sends every command line to picocli (for measurements and tests). */
    static final String SWITCH = "factlint.fastCheck";

    // the defaults of the options, as CheckCommand and RuleOptions declare them to picocli
    private static final String DEFAULT_RULES = "rules";
    private static final CheckCommand.FailOn DEFAULT_FAIL_ON = CheckCommand.FailOn.ERROR;
    private static final long DEFAULT_TIMEOUT = 60;

    final List<Path> paths = new ArrayList<>();
    Path rules = Path.of(DEFAULT_RULES);
    boolean noCache;
    final List<Format> formats = new ArrayList<>();
    String output;
    CheckCommand.FailOn failOn = DEFAULT_FAIL_ON;
    Path waivers;
    Path baseline;
    boolean failOnNew;
    final Map<String, Long> parserLimits = new LinkedHashMap<>();
    long timeoutSeconds = DEFAULT_TIMEOUT;
    boolean profile;
    boolean debug;

    private CheckLine() {
    }

    /** The fast path's reading of {@code args}, or null: picocli's (also when {@link #SWITCH} is false). */
    static CheckLine of(String[] args) {
        if ("false".equals(System.getProperty(SWITCH))) return null;
        // picocli's own switches (picocli.trimQuotes, ...) change how it reads a line: leave such a run to picocli
        for (Object key : System.getProperties().keySet()) {
            if (key instanceof String k && k.startsWith("picocli.")) return null;
        }
        return parse(args);
    }

    /** {@code args} read as picocli would read them, or null when this parser does not fully understand them. */
    static CheckLine parse(String[] args) {
        if (args.length == 0 || !"check".equals(args[0])) return null;
        CheckLine line = new CheckLine();
        java.util.Set<String> seen = new java.util.HashSet<>();
        boolean endOfOptions = false;
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("@")) return null; // an argument file, expanded by picocli
            if (endOfOptions || !arg.startsWith("-")) {
                Path p = path(arg);
                if (p == null) return null;
                line.paths.add(p);
                continue;
            }
            if (arg.equals("--")) {
                endOfOptions = true;
                continue;
            }
            String name;
            String value = null; // attached: --name=value, -ovalue, -o=value
            if (arg.startsWith("--")) {
                int eq = arg.indexOf('=');
                name = eq < 0 ? arg : arg.substring(0, eq);
                if (eq >= 0) value = arg.substring(eq + 1);
            } else if (arg.startsWith("-o") && arg.length() > 2) {
                name = "-o";
                value = arg.charAt(2) == '=' ? arg.substring(3) : arg.substring(2);
            } else {
                name = arg;
            }
            if (name.equals("-o")) name = "--output";
            switch (name) {
                case "--no-cache", "--fail-on-new", "--profile", "--debug" -> {
                    if (value != null || !seen.add(name)) return null; // --flag=value, or twice: picocli decides
                    switch (name) {
                        case "--no-cache" -> line.noCache = true;
                        case "--fail-on-new" -> line.failOnNew = true;
                        case "--profile" -> line.profile = true;
                        default -> line.debug = true;
                    }
                    continue;
                }
                case "--rules", "--format", "--output", "--fail-on", "--waivers", "--baseline", "--parser-limit",
                     "--timeout" -> {
                    // a single-valued option given twice is picocli's error
                    if (!name.equals("--format") && !name.equals("--parser-limit") && !seen.add(name)) return null;
                }
                default -> {
                    return null; // help, --version, --watch, unknown, abbreviated, clustered
                }
            }
            if (value == null) {
                if (i + 1 >= args.length) return null;
                value = args[++i];
                if (value.startsWith("@")) return null;
            }
            // picocli's reading of a value that looks like an option, is empty or starts with '=' depends on more
            // than the value: leave those to it
            if (value.isEmpty() || value.startsWith("-") || value.startsWith("=")) return null;
            if (!line.set(name, value)) return null;
        }
        return line;
    }

    /** Sets option {@code name} to {@code value}; false when the value is not one this parser reads exactly. */
    private boolean set(String name, String value) {
        switch (name) {
            case "--rules" -> rules = path(value);
            case "--waivers" -> waivers = path(value);
            case "--baseline" -> baseline = path(value);
            case "--output" -> output = value;
            case "--format" -> {
                Format f = enumValue(Format.class, value);
                if (f == null) return false;
                formats.add(f);
            }
            case "--fail-on" -> {
                failOn = enumValue(CheckCommand.FailOn.class, value);
                return failOn != null;
            }
            case "--timeout" -> {
                Long t = decimal(value);
                if (t == null) return false;
                timeoutSeconds = t;
            }
            case "--parser-limit" -> {
                int eq = value.indexOf('=');
                if (eq <= 0) return false;
                Long v = decimal(value.substring(eq + 1));
                if (v == null) return false;
                parserLimits.put(value.substring(0, eq), v);
            }
            default -> {
                return false;
            }
        }
        return switch (name) {
            case "--rules" -> rules != null;
            case "--waivers" -> waivers != null;
            case "--baseline" -> baseline != null;
            default -> true;
        };
    }

    /** The path picocli's converter gives ({@code Paths.get}), or null when it would refuse it. */
    private static Path path(String s) {
        if (s.isEmpty()) return null;
        try {
            return Path.of(s);
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /** ASCII digits only, within a long (picocli's {@code Long.valueOf} also takes a sign and other digits). */
    private static Long decimal(String s) {
        if (s.isEmpty() || s.length() > 19) return null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return null;
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return null; // beyond Long.MAX_VALUE
        }
    }

    /** The constant {@link Main#lowerCase}'s converter gives (its name in any case); null where it would refuse. */
    static <E extends Enum<E>> E enumValue(Class<E> type, String text) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(text)) return e;
        }
        return null;
    }

    /** The command picocli would have built from the same line, its parent {@code main}. */
    CheckCommand command(Main main) {
        CheckCommand c = new CheckCommand();
        c.paths = new ArrayList<>(paths);
        c.rules = new RuleOptions();
        c.rules.dir = rules;
        c.rules.noCache = noCache;
        c.formats = new ArrayList<>(formats);
        c.output = output;
        c.failOn = failOn;
        c.waivers = waivers;
        c.baseline = baseline;
        c.failOnNew = failOnNew;
        c.parserLimits = new LinkedHashMap<>(parserLimits);
        c.timeoutSeconds = timeoutSeconds;
        c.profile = profile;
        c.debug = debug;
        c.main = main;
        return c;
    }

    /**
     * Runs the check as picocli's {@code execute} would: the same writers, the same exit code, and an exception
     * out of the command reported as picocli's execution-exception handler in {@link Main} reports it.
     */
    int run(Main main, PrintStream out, PrintStream err) {
        PrintWriter o = Main.outWriter(out);
        PrintWriter e = Main.errWriter(err);
        try {
            return command(main).run(o, e);
        } catch (Exception x) {
            e.println("factlint: internal error: " + x + "; the check did not complete");
            return ExitCode.INTERNAL_ERROR.code();
        }
    }
}
