package io.factlint.cli;

import io.factlint.check.ExitCode;
import io.factlint.engine.CacheOptions;
import io.factlint.serve.Drafter;
import io.factlint.serve.Workbench;
import io.factlint.serve.WorkbenchServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code factlint serve}: the editor's workbench, a local web page that re-checks as the files change. */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Serve the editor's workbench: a local web page of the stories, their findings, timelines, "
                + "figures and claims, updated as the files change, with actions that edit the files.")
final class ServeCommand implements Callable<Integer> {
    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Fact files or folders (default: facts/).")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--rules", paramLabel = "DIR", defaultValue = "rules", description = "The rule folder (default: ${DEFAULT-VALUE}).")
    Path rules;

    @Option(names = "--no-cache", description = "Compile the rules without reading or writing the compiled-rule cache.")
    boolean noCache;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8177", description = "The port (default: ${DEFAULT-VALUE}; 0: any free port).")
    int port;

    @Option(names = "--host", paramLabel = "H",
            description = "Listen on this address instead of the loopback addresses 127.0.0.1 and ::1 (other machines can then reach it: the token still guards it).")
    String host;

    @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "error", completionCandidates = CheckCommand.FailOnNames.class,
            description = "The gate a story's verdict is shown against: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    CheckCommand.FailOn failOn;

    @Option(names = "--waivers", paramLabel = "FILE",
            description = "The waivers file to read and add waivers to (default: the waivers.* files in the fact folders, or a new waivers.json there).")
    Path waivers;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60", description = "Stop a check whose rules run longer (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @ParentCommand
    Main main;

    /** The workbench's "run draft" action; null: factlint draft with the vocabulary of --rules ({@link ServeDrafter}). */
    static Drafter drafter;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Path> inputs = paths.isEmpty() ? List.of(Path.of("facts")) : paths;
        for (Path p : inputs) {
            if (!Files.exists(p)) {
                err.println("factlint: " + p + ": no such file or folder");
                return ExitCode.INPUT_ERROR.code();
            }
        }
        if (port < 0 || port > 65535) {
            err.println("factlint: --port must be 0..65535, not " + port);
            return ExitCode.INPUT_ERROR.code();
        }
        Workbench bench = new Workbench(new Workbench.Config(inputs, rules, waivers, failOn.severity(),
                noCache ? CacheOptions.disabled() : CacheOptions.defaults(), Duration.ofSeconds(Math.max(1, timeoutSeconds)),
                main.clock(), drafter != null ? drafter : new ServeDrafter(rules)));
        long t = System.nanoTime();
        if (!bench.start()) err.println("factlint: the rule pack does not compile; the page shows the problems");
        bench.watch();
        WorkbenchServer started;
        try {
            started = new WorkbenchServer(bench, host, port);
        } catch (java.net.BindException e) {
            bench.close();
            err.println("factlint: cannot serve the workbench: " + e.getMessage()
                    + " (another workbench?); choose another with --port N, or --port 0 for any free one");
            return ExitCode.INPUT_ERROR.code();
        }
        try (WorkbenchServer server = started) {
            err.println("factlint: rules compiled and facts checked in " + (System.nanoTime() - t) / 1_000_000 + " ms");
            out.println("factlint workbench: " + server.url());
            out.println("(Ctrl-C to stop)");
            out.flush();
            err.flush();
            new CountDownLatch(1).await();
        } finally {
            bench.close();
        }
        return ExitCode.OK.code();
    }
}
