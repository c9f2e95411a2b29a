package io.factlint.cli;

import io.factlint.engine.Engine;
import io.factlint.engine.EngineLimits;
import io.factlint.engine.Phases;
import io.factlint.engine.RuleFailure;
import io.factlint.engine.RulePack;
import io.factlint.ingest.FactLoader;
import io.factlint.ingest.ParserLimits;
import io.factlint.ingest.InputError;
import io.factlint.ingest.InputException;
import io.factlint.model.CheckResult;
import io.factlint.model.FactBase;
import io.factlint.model.FixedFinding;
import io.factlint.model.RuleInfo;
import io.factlint.model.Severity;
import io.factlint.model.Story;
import io.factlint.model.Waiver;
import io.factlint.report.AtomicFiles;
import io.factlint.report.Format;
import io.factlint.report.ReportOptions;
import io.factlint.report.Reports;
import io.factlint.review.BaselineReport;
import io.factlint.review.Reviewer;
import io.factlint.review.WaiverFile;
import io.factlint.watch.ChangeWatcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code factlint check}: checks fact files with a rule pack and writes the reports. */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Check fact files with the rule pack and report findings, figures and claim verdicts.")
final class CheckCommand implements Callable<Integer> {
    /** How long the folders must be quiet after a change before a re-check. */
    static final Duration DEBOUNCE = Duration.ofMillis(150);

    /** {@code --fail-on}: the least severe level that fails the check, or never. */
    enum FailOn {
        ERROR, WARNING, INFO, NEVER;

        Severity severity() {
            return this == NEVER ? null : Severity.valueOf(name());
        }
    }

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Fact files or folders (default: facts/).")
    List<Path> paths = new ArrayList<>();

    @Mixin
    RuleOptions rules;

    @Option(names = "--format", paramLabel = "F", completionCandidates = FormatNames.class, description = "Report format, repeatable: ${COMPLETION-CANDIDATES} (default: text).")
    List<Format> formats = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "PATH",
            description = "Where reports go: a file (one format) or a folder (several formats, or a path ending in /).")
    Path output;

    @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "error", completionCandidates = FailOnNames.class,
            description = "Exit 1 on findings at or above: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}). Waived findings never count.")
    FailOn failOn;

    @Option(names = "--waivers", paramLabel = "FILE",
            description = "The waivers file (default: every waivers.json, waivers.yaml or waivers.yml in the checked folders).")
    Path waivers;

    @Option(names = "--baseline", paramLabel = "REPORT",
            description = "A JSON report of an earlier run: mark each finding new or unchanged and list the fixed ones.")
    Path baseline;

    @Option(names = "--fail-on-new", description = "With --baseline: only new findings count toward --fail-on.")
    boolean failOnNew;

    @Option(names = "--watch", description = "Keep the rules compiled and re-check whenever a fact file, story text, "
            + "waivers file or rule changes (Ctrl-C to stop).")
    boolean watch;

    /** Stop watching after this many re-checks (0: never); for tests and scripts. */
    @Option(names = "--watch-cycles", paramLabel = "N", hidden = true, defaultValue = "0")
    int watchCycles;

    @Option(names = "--parser-limit", paramLabel = "NAME=VALUE", mapFallbackValue = "",
            description = "Raise or lower a limit on fact files, repeatable: depth (200), file-bytes (64 MiB), "
                    + "string-chars (16 MiB), number-chars (1000), yaml-aliases (50), tokens (50,000,000).")
    Map<String, Long> parserLimits = new LinkedHashMap<>();

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60", description = "Stop a check whose rules run longer (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Option(names = "--profile", description = "Print the time of each phase (load, rules, insert, fire, report) to standard error.")
    boolean profile;

    @Option(names = "--debug", description = "Print stack traces of failures.")
    boolean debug;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @ParentCommand
    Main main;

    /** The fact base of the last check that read its input (for the watch: the story texts to watch). */
    private FactBase lastBase;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            return check(out, err);
        } catch (UsageError e) {
            err.println("factlint: " + e.getMessage());
            return ExitCode.INPUT_ERROR.code();
        } catch (RuntimeException | IOException | StackOverflowError e) {
            err.println("factlint: internal error: " + e + "; the check did not complete");
            if (debug) e.printStackTrace(err);
            return ExitCode.INTERNAL_ERROR.code();
        } catch (OutOfMemoryError e) {
            err.println("factlint: out of memory; the check did not complete (raise the heap with FACTLINT_JAVA_OPTS=-Xmx...)");
            return ExitCode.INTERNAL_ERROR.code();
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** Phase times for {@code --profile}; a no-op recorder otherwise. */
    private Phases phases = Phases.NONE;

    private int check(PrintWriter out, PrintWriter err) throws IOException {
        if (timeoutSeconds < 1) throw new UsageError("--timeout must be at least 1 second, not " + timeoutSeconds);
        phases = profile ? new Phases() : Phases.NONE;
        try {
            return checkOrWatch(out, err);
        } finally {
            if (profile) Profile.print(phases, err);
        }
    }

    private int checkOrWatch(PrintWriter out, PrintWriter err) throws IOException {
        Map<Format, Path> destinations = destinations();
        guardInputs(destinations.values(), inputs());
        if (failOnNew && baseline == null) throw new UsageError("--fail-on-new needs --baseline REPORT (a JSON report of an earlier run)");
        main.clock(); // a malformed FACTLINT_TODAY or SOURCE_DATE_EPOCH is bad usage, even without waivers
        long start = System.nanoTime();
        if (watch) {
            RulePack pack = compile(err);
            if (pack == null) return ExitCode.INPUT_ERROR.code();
            return watch(pack, (System.nanoTime() - start) / 1_000_000, destinations, out, err);
        }
        // the compiled rules come from the cache on a background thread while the facts are read
        RulePack.Pending pending = rules.start(err, "nothing checked", phases);
        if (pending == null) return ExitCode.INPUT_ERROR.code();
        return once(pending, null, destinations, out, err);
    }

    private RulePack compile(PrintWriter err) {
        return rules.load(err, "nothing checked", phases);
    }

    /** The parser limits, defaults changed by {@code --parser-limit}; a bad name or value is bad usage. */
    private ParserLimits limits() {
        ParserLimits l = ParserLimits.defaults();
        for (Map.Entry<String, Long> e : parserLimits.entrySet()) {
            try {
                l = l.with(e.getKey(), e.getValue());
            } catch (IllegalArgumentException x) {
                throw new UsageError("--parser-limit " + e.getKey() + "=" + e.getValue() + ": " + x.getMessage());
            }
        }
        return l;
    }

    private List<Path> inputs() {
        return paths.isEmpty() ? List.of(Path.of("facts")) : paths;
    }

    /** One check: read facts, waivers and baseline, run the rules, review, write the reports. */
    private int once(RulePack pack, Map<Format, Path> destinations, PrintWriter out, PrintWriter err) throws IOException {
        return once(null, pack, destinations, out, err);
    }

    /**
     * One check with the rules of {@code pending} (when not null) or {@code pack}: the facts are read with the
     * vocabulary while the rules load; a rule pack that does not compile is reported before any input error.
     */
    private int once(RulePack.Pending pending, RulePack pack, Map<Format, Path> destinations, PrintWriter out,
                     PrintWriter err) throws IOException {
        List<InputError> errors = new ArrayList<>();
        FactBase base = null;
        var vocabulary = pending != null ? pending.vocabulary() : pack.vocabulary();
        ParserLimits limits = null;
        UsageError badLimit = null;
        try {
            limits = limits();
        } catch (UsageError e) {
            badLimit = e; // reported after the rule pack's own problems, as before the load overlapped
        }
        if (vocabulary != null && limits != null) {
            try {
                long loadStart = System.nanoTime();
                base = new FactLoader(vocabulary.statusWords(), limits)
                        .checkingClaimAttributes(vocabulary.knownAttributes()).load(inputs());
                phases.since("load", loadStart);
                phases.note("facts", String.valueOf(base.facts().size()));
            } catch (InputException e) {
                errors.addAll(e.errors());
            }
        }
        if (pending != null) {
            if (!pending.done()) {
                // idle until the rules arrive: prepare what the check needs next instead
                long t = System.nanoTime();
                for (Format f : destinations.keySet()) Reports.writer(f);
                Engine.warmUp();
                phases.since("warm-up", t);
            }
            pack = RuleOptions.finish(pending, err, "nothing checked");
            if (pack == null) return ExitCode.INPUT_ERROR.code();
        }
        if (badLimit != null) throw badLimit;
        if (base != null) lastBase = base;
        Set<String> ids = pack.rules().stream().map(RuleInfo::id).collect(Collectors.toSet());
        List<Waiver> waiverList = new ArrayList<>();
        for (Path f : waiverFiles()) waiverList.addAll(WaiverFile.read(f, ids, errors));
        List<FixedFinding> previous = baseline == null ? null : BaselineReport.read(baseline, errors);
        if (!errors.isEmpty()) {
            errors.stream().sorted().distinct().forEach(err::println);
            err.println("factlint: " + errors.size() + " input error" + (errors.size() == 1 ? "" : "s")
                    + "; nothing checked, no report written");
            return ExitCode.INPUT_ERROR.code();
        }
        CheckResult result;
        try {
            result = Engine.check(pack, base, new EngineLimits(null, Duration.ofSeconds(timeoutSeconds)), phases);
        } catch (RuleFailure e) {
            err.println("factlint: the check did not complete: " + e.getMessage());
            if (debug && e.getCause() != null) e.getCause().printStackTrace(err);
            return ExitCode.INTERNAL_ERROR.code();
        }
        String overwrite = storyTextOverwritten(destinations.values(), result);
        if (overwrite != null) {
            err.println("factlint: " + overwrite);
            return ExitCode.INPUT_ERROR.code();
        }
        result = Reviewer.review(result, waiverList, previous, baseline == null ? null : display(baseline), main.clock());
        ReportOptions options = new ReportOptions(Version.VALUE, failOn.severity(), Today.sourceDateEpoch(main.envMap()), failOnNew);
        long t = System.nanoTime();
        // render everything first: a writer that fails leaves every earlier report in place
        Map<Format, byte[]> rendered = new LinkedHashMap<>();
        for (Format f : destinations.keySet()) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            Reports.writer(f).write(result, options, buf);
            rendered.put(f, buf.toByteArray());
        }
        for (Map.Entry<Format, byte[]> e : rendered.entrySet()) {
            Path target = destinations.get(e.getKey());
            if (target == null) {
                out.print(new String(e.getValue(), StandardCharsets.UTF_8));
                out.flush();
                // a PrintWriter swallows write errors: a report that did not reach its reader must not pass
                if (out.checkError()) {
                    err.println("factlint: could not write the " + e.getKey().id() + " report to standard output");
                    return ExitCode.INTERNAL_ERROR.code();
                }
            } else {
                AtomicFiles.write(target, o -> o.write(e.getValue()));
                err.println("factlint: wrote " + target);
            }
        }
        out.flush();
        phases.since("report", t);
        return options.passed(result) ? ExitCode.OK.code() : ExitCode.FINDINGS.code();
    }

    private List<Path> waiverFiles() {
        return waivers != null ? List.of(waivers) : WaiverFile.discover(inputs());
    }

    /**
     * {@code --watch}: checks once, then waits for changes of the fact files, story texts, waivers files or rule
     * files and checks again with the compiled rules kept (recompiled only when a rule file changed).
     */
    private int watch(RulePack first, long compileMs, Map<Format, Path> destinations, PrintWriter out, PrintWriter err)
            throws IOException {
        RulePack pack = first;
        long firstStart = System.nanoTime();
        Path rulesDir = rules.dir.toAbsolutePath().normalize();
        Set<Path> outputs = destinations.values().stream().filter(p -> p != null).map(p -> p.toAbsolutePath().normalize())
                .collect(Collectors.toSet());
        int code = once(pack, destinations, out, err);
        err.println("factlint: rules compiled in " + compileMs + " ms, first check in "
                + (System.nanoTime() - firstStart) / 1_000_000 + " ms");
        try (ChangeWatcher watcher = new ChangeWatcher()) {
            watcher.watchTree(rulesDir);
            register(watcher);
            err.println("factlint: watching " + watcher.folders().size() + " folder" + (watcher.folders().size() == 1 ? "" : "s")
                    + " for changes; Ctrl-C to stop");
            err.flush();
            for (int cycle = 0; watchCycles <= 0 || cycle < watchCycles; cycle++) {
                Set<Path> changed = watcher.await(DEBOUNCE, p -> !outputs.contains(p)
                        && (!p.startsWith(rulesDir) || isRuleFile(p)));
                long start = System.nanoTime();
                boolean ruleChange = changed.stream().anyMatch(p -> p.startsWith(rulesDir));
                Path cwd = Path.of("").toAbsolutePath();
                out.println("--- changed: " + changed.stream().map(p -> display(p.startsWith(cwd) ? cwd.relativize(p) : p))
                        .collect(Collectors.joining(", ")));
                if (ruleChange) {
                    RulePack recompiled = compile(err);
                    if (recompiled == null) {
                        err.println("factlint: still watching; fix the rules and save again");
                        err.flush();
                        code = ExitCode.INPUT_ERROR.code();
                        continue;
                    }
                    pack = recompiled;
                }
                code = once(pack, destinations, out, err);
                long ms = (System.nanoTime() - start) / 1_000_000;
                err.println("factlint: re-checked in " + ms + " ms" + (ruleChange ? " (rules recompiled)" : " (rules kept)"));
                err.flush();
                register(watcher);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return code;
    }

    /** Watches the fact folders, the folders of named fact files, story texts and waivers files. */
    private void register(ChangeWatcher watcher) throws IOException {
        for (Path p : inputs()) {
            if (Files.isDirectory(p)) watcher.watchTree(p);
            else watcher.watchFolder(parent(p));
        }
        if (waivers != null) watcher.watchFolder(parent(waivers));
        if (lastBase != null) {
            for (Story s : lastBase.stories()) {
                if (s.textFile() != null) watcher.watchFolder(parent(Path.of(s.textFile())));
            }
        }
    }

    private static Path parent(Path p) {
        Path a = p.toAbsolutePath().normalize().getParent();
        return a == null ? p.toAbsolutePath() : a;
    }

    private static boolean isRuleFile(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".drl") || n.endsWith(".yaml") || n.endsWith(".yml");
    }

    private static String display(Path p) {
        return p.normalize().toString().replace('\\', '/');
    }

    /**
     * Fact files are never written: a report may not replace a fact file named on the command line, nor go into a
     * fact folder under a name the next check would read as a fact file.
     */
    private static void guardInputs(java.util.Collection<Path> destinations, List<Path> inputs) {
        for (Path d : destinations) {
            if (d == null) continue;
            Path target = canonical(d);
            for (Path in : inputs) {
                Path input = canonical(in);
                if (target.equals(input)) {
                    throw new UsageError("the report " + d + " would overwrite the fact file " + in
                            + "; reports go outside the fact files and folders");
                }
                String name = target.getFileName() == null ? "" : target.getFileName().toString().toLowerCase(Locale.ROOT);
                boolean factName = name.endsWith(".json") || name.endsWith(".yaml") || name.endsWith(".yml");
                if (factName && Files.isDirectory(in) && target.startsWith(input)) {
                    throw new UsageError("the report " + d + " is inside the fact folder " + in
                            + ", where the next check would read it as a fact file; write reports outside the fact folders");
                }
            }
        }
    }

    /** Why a report may not be written where it goes (it would replace a story's text), or null. */
    private static String storyTextOverwritten(java.util.Collection<Path> destinations, CheckResult result) {
        for (Path d : destinations) {
            if (d == null || !Files.exists(d)) continue;
            for (Story s : result.facts().stories()) {
                if (s.textFile() == null) continue;
                try {
                    if (Files.isSameFile(d, Path.of(s.textFile()))) {
                        return "the report " + d + " would overwrite the story text " + s.textFile() + "; no report written";
                    }
                } catch (IOException | java.nio.file.InvalidPathException e) {
                    // the text was read through another path: compared by the input guard
                }
            }
        }
        return null;
    }

    /** The real path of {@code p}, or of its nearest existing ancestor with the rest appended. */
    private static Path canonical(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        if (existing == null) return abs;
        try {
            return existing.toRealPath().resolve(existing.relativize(abs));
        } catch (IOException e) {
            return abs;
        }
    }

    /** Each requested format with its file, or null for standard output. */
    private Map<Format, Path> destinations() {
        Set<Format> fs = new LinkedHashSet<>(formats.isEmpty() ? List.of(Format.TEXT) : formats);
        for (Format f : fs) {
            if (!Reports.supports(f)) throw new UsageError("format " + f.id() + " is not available in this build");
        }
        Map<Format, Path> d = new LinkedHashMap<>();
        boolean folder = output != null && (fs.size() > 1 || Files.isDirectory(output) || output.toString().endsWith("/"));
        if (output == null) {
            if (fs.size() > 1) {
                throw new UsageError("several formats (" + String.join(", ", fs.stream().map(Format::id).toList())
                        + ") cannot share standard output: give -o FOLDER");
            }
            fs.forEach(f -> d.put(f, null));
        } else if (folder) {
            // text still goes to the console, where an editor reads it; the other formats go into the folder
            fs.forEach(f -> d.put(f, f == Format.TEXT ? null : output.resolve(f.defaultFileName())));
        } else {
            fs.forEach(f -> d.put(f, output));
        }
        return d;
    }

    /** Bad usage: exit 2. */
    static final class UsageError extends RuntimeException {
        UsageError(String message) {
            super(message);
        }
    }

    /** The format names as users type them, for help and shell completion. */
    static final class FormatNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.Arrays.stream(Format.values()).map(Format::id).iterator();
        }
    }

    /** The {@code --fail-on} levels as users type them. */
    static final class FailOnNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.Arrays.stream(FailOn.values()).map(f -> f.name().toLowerCase(Locale.ROOT)).iterator();
        }
    }
}
