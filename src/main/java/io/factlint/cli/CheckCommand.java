package io.factlint.cli;

import io.factlint.check.CheckOutcome;
import io.factlint.check.CheckPipeline;
import io.factlint.check.CheckRequest;
import io.factlint.check.ExitCode;
import io.factlint.engine.EngineLimits;
import io.factlint.engine.Phases;
import io.factlint.engine.RuleFailure;
import io.factlint.engine.RulePack;
import io.factlint.engine.RulePackException;
import io.factlint.ingest.InputException;
import io.factlint.ingest.ParserLimits;
import io.factlint.model.CheckResult;
import io.factlint.model.FactBase;
import io.factlint.model.Severity;
import io.factlint.model.Story;
import io.factlint.report.OutputPlan;
import io.factlint.report.Format;
import io.factlint.report.ReportOptions;
import io.factlint.report.Reports;
import io.factlint.watch.ChangeSource;
import io.factlint.watch.ChangeWatcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

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
    /** The largest {@code --timeout}: a year; larger values would overflow the engine's deadline arithmetic. */
    static final long MAX_TIMEOUT_SECONDS = 365L * 24 * 3600;

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
    String output; // a String, not a Path: Path drops the trailing slash that makes "-o DIR/" a folder

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

    @Option(names = "--parser-limit", paramLabel = "NAME=VALUE", mapFallbackValue = "",
            description = "Raise or lower a limit on fact files, repeatable: depth (200), file-bytes (64 MiB), "
                    + "string-chars (16 MiB), number-chars (1000), yaml-aliases (50), tokens (50,000,000); errors shown "
                    + "per file, errors-per-file (100), and in all, errors (1000).")
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
        return run(spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /**
     * The check these fields describe, printing to {@code out} and {@code err}; its exit code. Called by picocli
     * ({@link #call}) and by {@link CheckLine}, the fast path of a plain check that sets the fields itself.
     */
    int run(PrintWriter out, PrintWriter err) {
        try {
            return check(out, err);
        } catch (UsageError | OutputPlan.Refused e) {
            err.println("factlint: " + io.factlint.model.SafeText.oneLine(e.getMessage()));
            return ExitCode.INPUT_ERROR.code();
        } catch (OutputPlan.WriteFailed e) {
            err.println("factlint: " + io.factlint.model.SafeText.oneLine(e.getMessage()) + "; the check did not complete");
            if (debug) e.printStackTrace(err);
            return ExitCode.INTERNAL_ERROR.code();
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

    /** Where the reports go (OutputPlan: targets, refused inputs, how they are written). */
    private OutputPlan plan;

    /** Phase times for {@code --profile}; a no-op recorder otherwise. */
    private Phases phases = Phases.NONE;

    private int check(PrintWriter out, PrintWriter err) throws IOException {
        if (timeoutSeconds < 1 || timeoutSeconds > MAX_TIMEOUT_SECONDS) {
            throw new UsageError("--timeout must be from 1 to " + MAX_TIMEOUT_SECONDS + " seconds (a year), not " + timeoutSeconds);
        }
        phases = profile ? new Phases() : Phases.NONE;
        try {
            return checkOrWatch(out, err);
        } finally {
            if (profile) Profile.print(phases, err);
        }
    }

    private int checkOrWatch(PrintWriter out, PrintWriter err) throws IOException {
        OutputPlan plan = OutputPlan.of(formats, output);
        plan.refuseFactInputs(inputs());
        for (Path w : CheckPipeline.waiverFiles(waivers, inputs())) plan.refuseFile(w, "the waivers file");
        plan.refuseFile(baseline, "the baseline");
        plan.refuseFolder(rules.dir, "the rules folder");
        this.plan = plan;
        Map<Format, Path> destinations = plan.destinations();
        if (failOnNew && baseline == null) throw new UsageError("--fail-on-new needs --baseline REPORT (a JSON report of an earlier run)");
        main.clock(); // a malformed FACTLINT_TODAY or SOURCE_DATE_EPOCH is bad usage, even without waivers
        long start = System.nanoTime();
        if (watch) {
            RulePack pack = compile(err);
            if (pack == null) return ExitCode.INPUT_ERROR.code();
            return watch(pack, (System.nanoTime() - start) / 1_000_000, destinations, out, err);
        }
        // the compiled rules come from the cache on a background thread while the facts are read; idle until they
        // arrive: prepare the report writers the check needs next
        RulePack.Pending pending = rules.start(err, "nothing checked", phases);
        if (pending == null) return ExitCode.INPUT_ERROR.code();
        CheckPipeline pipeline = CheckPipeline.starting(pending, phases, () -> destinations.keySet().forEach(Reports::writer));
        return once(pipeline, destinations, out, err);
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

    /**
     * One check through {@code pipeline} (which holds the rule pack, compiled or still loading), then the reports.
     * A rule pack that does not compile is reported before any input error.
     */
    private int once(CheckPipeline pipeline, Map<Format, Path> destinations, PrintWriter out, PrintWriter err)
            throws IOException {
        CheckRequest request;
        try {
            request = request();
        } catch (UsageError e) {
            // a bad --parser-limit is reported after the rule pack's own problems
            try {
                pipeline.pack();
            } catch (RulePackException p) {
                return rulePackProblems(p, err);
            }
            throw e;
        }
        CheckOutcome outcome;
        try {
            outcome = pipeline.run(request);
        } catch (RulePackException e) {
            return rulePackProblems(e, err);
        } catch (InputException e) {
            e.errors().forEach(err::println);
            err.println("factlint: " + e.total() + " input error" + (e.total() == 1 ? "" : "s")
                    + "; nothing checked, no report written");
            return ExitCode.INPUT_ERROR.code();
        } catch (RuleFailure e) {
            // the heap ran out while the rules ran: the same advice as when it runs out while loading
            boolean heap = false;
            for (Throwable c = e.getCause(); c != null && !heap; c = c.getCause()) heap = c instanceof OutOfMemoryError;
            err.println("factlint: the check did not complete: " + io.factlint.model.SafeText.oneLine(e.getMessage())
                    + (heap ? " (raise the heap with FACTLINT_JAVA_OPTS=-Xmx...)" : ""));
            if (debug && e.getCause() != null) e.getCause().printStackTrace(err);
            return ExitCode.INTERNAL_ERROR.code();
        }
        CheckResult result = outcome.result();
        lastBase = result.facts();
        for (Story s : result.facts().stories()) {
            if (s.textFile() != null) plan.refuseFile(Path.of(s.textFile()), "the story text");
        }
        ReportOptions options = new ReportOptions(Version.VALUE, Today.sourceDateEpoch(main.envMap()));
        long t = System.nanoTime();
        // render everything first: a writer that fails leaves every earlier report in place (a report to a file is
        // rendered into its temporary file, not into memory: a large check's JSON report is larger than its heap)
        Map<Format, io.factlint.report.IOConsumer<java.io.OutputStream>> rendered = new LinkedHashMap<>();
        for (Format f : destinations.keySet()) rendered.put(f, o -> Reports.writer(f).write(outcome, options, o));
        boolean[] stdoutFailed = {false};
        List<Path> written = plan.render(rendered, (format, bytes) -> {
            out.print(new String(bytes, StandardCharsets.UTF_8));
            out.flush();
            // a PrintWriter swallows write errors: a report that did not reach its reader must not pass
            if (out.checkError() && !stdoutFailed[0]) {
                stdoutFailed[0] = true;
                err.println("factlint: could not write the " + format.id() + " report to standard output");
            }
        });
        for (Path target : written) err.println("factlint: wrote " + io.factlint.model.SafeText.oneLine(target.toString()));
        if (result.facts().files().isEmpty()) {
            // a mistyped or empty folder passes with nothing checked: say so where CI logs show it
            err.println("factlint: note: no fact files (.json, .yaml, .yml) in "
                    + io.factlint.model.SafeText.oneLine(request.paths().stream().map(Path::toString)
                    .collect(java.util.stream.Collectors.joining(", "))) + "; nothing was checked");
        }
        if (stdoutFailed[0]) return ExitCode.INTERNAL_ERROR.code();
        out.flush();
        phases.since("report", t);
        return outcome.exitCode().code();
    }

    /** The check the options describe; a bad {@code --parser-limit} is bad usage. */
    private CheckRequest request() {
        return new CheckRequest(inputs(), waivers, baseline, failOn.severity(), failOnNew, limits(),
                new EngineLimits(null, Duration.ofSeconds(timeoutSeconds)), main.clock());
    }

    private static int rulePackProblems(RulePackException e, PrintWriter err) {
        RuleOptions.report(e, err, "nothing checked");
        return ExitCode.INPUT_ERROR.code();
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
        CheckPipeline pipeline = new CheckPipeline(pack, phases);
        int code = once(pipeline, destinations, out, err);
        err.println("factlint: rules compiled in " + compileMs + " ms, first check in "
                + (System.nanoTime() - firstStart) / 1_000_000 + " ms");
        try (ChangeWatcher watcher = main.watchers().open()) {
            watcher.watchTree(rulesDir);
            register(watcher);
            err.println("factlint: watching " + watcher.folders().size() + " folder" + (watcher.folders().size() == 1 ? "" : "s")
                    + " for changes; Ctrl-C to stop");
            err.flush();
            while (true) {
                Set<Path> changed = watcher.await(DEBOUNCE, p -> !outputs.contains(p)
                        && (!p.startsWith(rulesDir) || isRuleFile(p)));
                long start = watcher.ticker().nanoTime();
                boolean ruleChange = changed.stream().anyMatch(p -> p.startsWith(rulesDir));
                Path cwd = Path.of("").toAbsolutePath();
                out.println("--- changed: " + changed.stream().map(p -> io.factlint.model.SafeText.oneLine(display(p.startsWith(cwd) ? cwd.relativize(p) : p)))
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
                    pipeline = new CheckPipeline(pack, phases);
                }
                code = once(pipeline, destinations, out, err);
                long ms = (watcher.ticker().nanoTime() - start) / 1_000_000;
                err.println("factlint: re-checked in " + ms + " ms" + (ruleChange ? " (rules recompiled)" : " (rules kept)"));
                err.flush();
                register(watcher);
            }
        } catch (ChangeSource.Closed e) {
            // the events ended: the watch is over, with the last check's exit code
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
