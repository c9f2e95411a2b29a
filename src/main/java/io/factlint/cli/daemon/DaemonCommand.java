package io.factlint.cli.daemon;

import io.factlint.check.ExitCode;
import io.factlint.engine.CacheOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code factlint daemon start|stop|status}: a warm check process for the current folder, which the launcher
 * ({@code ./factlint}) uses for {@code check}, {@code rules}, {@code explain} and {@code test} when it runs
 * (docs/daemon.md).
 */
@Command(name = "daemon", mixinStandardHelpOptions = true,
        description = "A warm check process for this folder: the launcher sends check, rules, explain and test to it "
                + "instead of starting a JVM (loopback only, a token, stops when idle).",
        subcommands = {DaemonCommand.Start.class, DaemonCommand.Stop.class, DaemonCommand.Status.class})
public final class DaemonCommand implements Runnable {
    /** The daemon JVM's main class (in the cli package, which this one may not depend on: it registers this command). */
    static final String MAIN_CLASS = "io.factlint.cli.DaemonMain";

    /** The default idle time before a daemon stops: an hour. */
    static final long DEFAULT_IDLE_SECONDS = 3600;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The folder the daemon serves: the launcher's {@code $PWD} when it is the working directory, else the JVM's. */
    static String folder() {
        Path cwd = Path.of("").toAbsolutePath();
        String pwd = System.getenv("PWD");
        if (pwd != null && pwd.startsWith("/")) {
            try {
                if (Files.isSameFile(Path.of(pwd), cwd)) return pwd;
            } catch (IOException | RuntimeException e) {
                // not the working directory
            }
        }
        return cwd.toString();
    }

    static Path stateFile(PrintWriter err) {
        Path f = DaemonState.file(CacheOptions.defaults().dir(), folder());
        if (f == null) err.println("factlint: the path of this folder is too long for a daemon");
        return f;
    }

    /** Sends {@code POST path} with the token; the answer's body, or null when the daemon cannot be reached. */
    static String ask(DaemonState s, String path) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + s.port() + path).toURL().openConnection();
            c.setRequestMethod("POST");
            c.setConnectTimeout(2000);
            c.setReadTimeout(10_000);
            c.setRequestProperty("X-Factlint-Token", s.token());
            c.setDoOutput(true);
            c.getOutputStream().close();
            if (c.getResponseCode() != 200) return null;
            try (InputStream in = c.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    @Command(name = "start", mixinStandardHelpOptions = true,
            description = "Start the daemon for this folder in the background (its log: the .log file beside its state file).")
    static final class Start implements Callable<Integer> {
        @Option(names = "--idle", paramLabel = "SECONDS", defaultValue = "" + DEFAULT_IDLE_SECONDS,
                description = "Stop after this long without a request (default: ${DEFAULT-VALUE}, an hour).")
        long idleSeconds;

        @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "120",
                description = "How long to wait for the daemon to be ready (default: ${DEFAULT-VALUE}).")
        long waitSeconds;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (idleSeconds < 1) {
                err.println("factlint: --idle must be at least 1 second, not " + idleSeconds);
                return ExitCode.INPUT_ERROR.code();
            }
            Path file = stateFile(err);
            if (file == null) return ExitCode.INPUT_ERROR.code();
            DaemonState old = DaemonState.read(file);
            if (old != null && old.alive() && ask(old, "/status") != null) {
                out.println("factlint: a daemon already serves " + old.dir() + " (127.0.0.1:" + old.port() + ", pid " + old.pid() + ")");
                return ExitCode.OK.code();
            }
            Files.deleteIfExists(file);
            Path jar = DaemonServer.jar();
            if (!Files.isRegularFile(jar)) {
                err.println("factlint: the daemon runs from the jar (./factlint), not from " + jar);
                return ExitCode.INPUT_ERROR.code();
            }
            List<String> cmd = new ArrayList<>();
            if (new File("/usr/bin/setsid").canExecute()) cmd.add("/usr/bin/setsid"); // its own session: no hang-up from the terminal
            cmd.add(ProcessHandle.current().info().command().orElse("java"));
            for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
                // full tiered compilation for a process that lives (the launcher's C1-only flag is for short runs);
                // never record a class-data archive from the daemon
                if (a.startsWith("-XX:TieredStopAtLevel") || a.startsWith("-XX:ArchiveClassesAtExit")) continue;
                cmd.add(a);
            }
            cmd.add("-Dfactlint.keepRules=true"); // the rules read from the cache stay in memory, by their key
            cmd.add("-cp");
            cmd.add(jar.toString());
            cmd.add(MAIN_CLASS);
            cmd.add(folder());
            cmd.add(Long.toString(idleSeconds));
            Path log = file.resolveSibling(file.getFileName().toString().replaceAll("\\.state$", ".log"));
            Files.createDirectories(log.getParent());
            Files.setPosixFilePermissions(log.getParent(), PosixFilePermissions.fromString("rwx------"));
            Process p = new ProcessBuilder(cmd).directory(new File(".").getAbsoluteFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
            long deadline = System.nanoTime() + waitSeconds * 1_000_000_000L;
            while (System.nanoTime() < deadline) {
                DaemonState s = DaemonState.read(file);
                if (s != null && s.pid() == p.pid()) {
                    out.println("factlint: daemon serving " + s.dir() + " on 127.0.0.1:" + s.port() + ", pid " + s.pid()
                            + "; stops after " + idleSeconds + " s idle; log " + log);
                    return ExitCode.OK.code();
                }
                if (!p.isAlive()) break;
                Thread.sleep(50);
            }
            p.destroy();
            err.println("factlint: the daemon did not start; see " + log);
            return ExitCode.INTERNAL_ERROR.code();
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true, description = "Stop the daemon of this folder.")
    static final class Stop implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            Path file = stateFile(spec.commandLine().getErr());
            if (file == null) return ExitCode.INPUT_ERROR.code();
            DaemonState s = DaemonState.read(file);
            if (s == null) {
                out.println("factlint: no daemon serves " + folder());
                return ExitCode.OK.code();
            }
            boolean asked = s.alive() && ask(s, "/stop") != null;
            if (asked) {
                ProcessHandle.of(s.pid()).ifPresent(h -> {
                    try {
                        h.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (Exception e) {
                        // still stopping: the state file goes below
                    }
                });
            }
            Files.deleteIfExists(file);
            out.println("factlint: " + (asked ? "stopped the daemon" : "removed the state of a daemon that no longer runs")
                    + " for " + s.dir() + " (pid " + s.pid() + ")");
            return ExitCode.OK.code();
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Say whether a daemon serves this folder (exit 0) or not (exit 1).")
    static final class Status implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Path file = stateFile(spec.commandLine().getErr());
            if (file == null) return ExitCode.INPUT_ERROR.code();
            DaemonState s = DaemonState.read(file);
            String answer = s != null && s.alive() ? ask(s, "/status") : null;
            if (answer == null) {
                out.println("factlint: no daemon serves " + folder());
                return ExitCode.FINDINGS.code();
            }
            out.println("factlint: daemon serving " + s.dir() + " on 127.0.0.1:" + s.port() + ", " + answer.trim()
                    + "; state " + file);
            return ExitCode.OK.code();
        }
    }
}
