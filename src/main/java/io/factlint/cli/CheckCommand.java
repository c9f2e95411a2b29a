package io.factlint.cli;

import io.factlint.engine.Checker;
import io.factlint.engine.EngineLimits;
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

    private int check(PrintWriter out, PrintWriter err) throws IOException {
        if (timeoutSeconds < 1) throw new UsageError("--timeout must be at least 1 second, not " + timeoutSeconds);
        Map<Format, Path> destinations = destinations();
        List<Path> inputs = paths.isEmpty() ? List.of(Path.of("facts")) : paths;
        guardInputs(destinations.values(), inputs);
        RulePack pack;
        try {
            pack = RulePack.load(rules);
        } catch (RulePackException e) {
            e.problems().forEach(err::println);
            err.println("factlint: the rule pack does not compile; nothing checked");
            return ExitCode.INPUT_ERROR.code();
        }
        CheckResult result;
        try {
            result = Checker.check(pack, inputs, new EngineLimits(null, Duration.ofSeconds(timeoutSeconds)));
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
        guardStoryTexts(destinations.values(), result);
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
                String name = target.getFileName() == null ? "" : target.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
                boolean factName = name.endsWith(".json") || name.endsWith(".yaml") || name.endsWith(".yml");
                if (factName && Files.isDirectory(in) && target.startsWith(input)) {
                    throw new UsageError("the report " + d + " is inside the fact folder " + in
                            + ", where the next check would read it as a fact file; write reports outside the fact folders");
                }
            }
        }
    }

    /** A report may not replace a story's text file either. */
    private static void guardStoryTexts(java.util.Collection<Path> destinations, CheckResult result) {
        for (Path d : destinations) {
            if (d == null || !Files.exists(d)) continue;
            for (io.factlint.model.Story s : result.facts().stories()) {
                if (s.textFile() == null) continue;
                try {
                    if (Files.isSameFile(d, Path.of(s.textFile()))) {
                        throw new UsageError("the report " + d + " would overwrite the story text " + s.textFile());
                    }
                } catch (IOException | java.nio.file.InvalidPathException e) {
                    // the text was read through another path: compared by the input guard
                }
            }
        }
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
