package io.factlint.cli;

import io.factlint.engine.CacheOptions;
import io.factlint.engine.Checker;
import io.factlint.engine.EngineLimits;
import io.factlint.engine.Phases;
import io.factlint.engine.RuleFailure;
import io.factlint.engine.RulePack;
import io.factlint.engine.RulePackException;
import io.factlint.ingest.InputError;
import io.factlint.ingest.InputException;
import io.factlint.model.CheckResult;
import io.factlint.model.Severity;
import io.factlint.report.AtomicFiles;
import io.factlint.report.Format;
import io.factlint.report.ReportOptions;
import io.factlint.report.Reports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code factlint check}: checks fact files with a rule pack and writes the reports. */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Check fact files with the rule pack and report findings, figures and claim verdicts.")
final class CheckCommand implements Callable<Integer> {

    /** {@code --fail-on}: the least severe level that fails the check, or never. */
    enum FailOn {
        ERROR, WARNING, INFO, NEVER;

        Severity severity() {
            return this == NEVER ? null : Severity.valueOf(name());
        }
    }

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Fact files or folders (default: facts/).")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--rules", paramLabel = "DIR", defaultValue = "rules", description = "The rule folder (default: ${DEFAULT-VALUE}).")
    Path rules;

    @Option(names = "--format", paramLabel = "F", description = "Report format, repeatable: ${COMPLETION-CANDIDATES} (default: text).")
    List<Format> formats = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "PATH",
            description = "Where reports go: a file (one format) or a folder (several formats, or a path ending in /).")
    Path output;

    @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "error",
            description = "Exit 1 on findings at or above: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    FailOn failOn;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60", description = "Stop a check whose rules run longer (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Option(names = "--no-cache", description = "Compile the rules without reading or writing the compiled-rule cache.")
    boolean noCache;

    @Option(names = "--profile", description = "Print the time of each phase (load, rules, insert, fire, report) to standard error.")
    boolean profile;

    @Option(names = "--debug", description = "Print stack traces of failures.")
    boolean debug;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            return check(out, err);
        } catch (UsageError e) {
            err.println("factlint: " + e.getMessage());
            return ExitCode.INPUT_ERROR.code();
        } catch (RuntimeException | IOException e) {
            err.println("factlint: internal error: " + e);
            if (debug) e.printStackTrace(err);
            return ExitCode.INTERNAL_ERROR.code();
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int check(PrintWriter out, PrintWriter err) throws IOException {
        Phases phases = profile ? new Phases() : Phases.NONE;
        try {
            return check(out, err, phases);
        } finally {
            if (profile) Profile.print(phases, err);
        }
    }

    private int check(PrintWriter out, PrintWriter err, Phases phases) throws IOException {
        Map<Format, Path> destinations = destinations();
        List<Path> inputs = paths.isEmpty() ? List.of(Path.of("facts")) : paths;
        RulePack pack;
        try {
            pack = RulePack.load(rules, noCache ? CacheOptions.disabled() : CacheOptions.defaults(), phases);
        } catch (RulePackException e) {
            e.problems().forEach(err::println);
            err.println("factlint: the rule pack does not compile; nothing checked");
            return ExitCode.INPUT_ERROR.code();
        }
        CheckResult result;
        try {
            result = Checker.check(pack, inputs, new EngineLimits(null, Duration.ofSeconds(timeoutSeconds)), phases);
        } catch (InputException e) {
            for (InputError ie : e.errors()) err.println(ie);
            err.println("factlint: " + e.errors().size() + " input error" + (e.errors().size() == 1 ? "" : "s")
                    + "; nothing checked, no report written");
            return ExitCode.INPUT_ERROR.code();
        } catch (RuleFailure e) {
            err.println("factlint: the check did not complete: " + e.getMessage());
            if (debug && e.getCause() != null) e.getCause().printStackTrace(err);
            return ExitCode.INTERNAL_ERROR.code();
        }
        long t = System.nanoTime();
        ReportOptions options = new ReportOptions(Version.VALUE, failOn.severity(), sourceDateEpoch());
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
            } else {
                AtomicFiles.write(target, o -> o.write(e.getValue()));
                err.println("factlint: wrote " + target);
            }
        }
        phases.since("report", t);
        return result.passes(failOn.severity()) ? ExitCode.OK.code() : ExitCode.FINDINGS.code();
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

    private static Instant sourceDateEpoch() {
        String s = System.getenv("SOURCE_DATE_EPOCH");
        if (s == null || s.isBlank()) return null;
        try {
            return Instant.ofEpochSecond(Long.parseLong(s.trim()));
        } catch (NumberFormatException e) {
            throw new UsageError("SOURCE_DATE_EPOCH must be a number of seconds, not \"" + s + "\"");
        }
    }

    /** Bad usage: exit 2. */
    static final class UsageError extends RuntimeException {
        UsageError(String message) {
            super(message);
        }
    }
}
