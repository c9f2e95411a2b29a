package io.factlint.cli;

import io.factlint.check.ExitCode;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The command line. {@link #main} is the only place that exits the JVM; {@link #run} runs a command in-process
 * and returns its exit code, for tests and embedding.
 */
@Command(name = "factlint", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Rule-based fact-consistency checker for newsrooms.",
        subcommands = {CheckCommand.class, RulesCommand.class, ExplainCommand.class, TestCommand.class, InitCommand.class,
                DraftCommand.class, ServeCommand.class, io.factlint.cli.daemon.DaemonCommand.class,
                CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:checked; no finding at or above --fail-on", "1:checked; findings at or above --fail-on",
                "2:could not check: input error, rule compile error, bad usage",
                "3:the check did not complete (a rule failed or looped, time limit, internal error)"})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The environment variables the commands read ({@code FACTLINT_TODAY}, {@code SOURCE_DATE_EPOCH}). */
    private final Map<String, String> env;

    /** Where {@code check --watch} gets its file watcher: the real one, or a test's scripted events and clock. */
    private final io.factlint.watch.ChangeWatcher.Factory watchers;

    Main(Map<String, String> env, io.factlint.watch.ChangeWatcher.Factory watchers) {
        this.env = Map.copyOf(env);
        this.watchers = watchers;
    }

    public static void main(String[] args) {
        int code;
        try {
            code = run(args, System.out, System.err);
        } catch (Throwable t) {
            // never let the JVM's own "uncaught exception" exit code (1, "findings") stand for a failed run
            code = ExitCode.INTERNAL_ERROR.code();
        }
        System.exit(code);
    }

    /**
     * Runs factlint with {@code args}, printing to {@code out} and {@code err}; returns the exit code. Whatever
     * happens, a run that did not complete returns 2 or 3, never 0 or 1.
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, System.getenv());
    }

    /**
     * As {@link #run(String[], PrintStream, PrintStream)}, with the given environment variables instead of the
     * process's. Whatever happens, a run that did not complete returns 2 or 3, never 0 or 1.
     */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        return run(args, out, err, env, io.factlint.watch.ChangeWatcher.Factory.SYSTEM);
    }

    /** As {@link #run(String[], PrintStream, PrintStream, Map)}, with {@code --watch} taking its watcher from {@code watchers}. */
    static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env,
                   io.factlint.watch.ChangeWatcher.Factory watchers) {
        try {
            // a plain check is read by hand, without loading picocli (CheckLine; start-up, issue 14.4); any other line,
            // and any check line the fast path does not fully understand, goes to picocli untouched
            CheckLine check = CheckLine.of(args);
            int code = check != null ? check.run(new Main(env, watchers), out, err)
                    : commandLine(out, err, env, watchers).execute(args);
            if (code < 0 || code > 3) return ExitCode.INTERNAL_ERROR.code();
            // a PrintStream swallows write errors (a closed pipe, a full disk): what did not reach its reader must not pass
            if (code <= 1 && out.checkError()) {
                err.println("factlint: could not write to standard output; the report was not delivered");
                return ExitCode.INTERNAL_ERROR.code();
            }
            return code;
        } catch (Throwable t) {
            try {
                err.println("factlint: internal error: " + t + "; the check did not complete");
                err.flush();
            } catch (Throwable ignored) {
                // out of memory or a broken stream: the exit code still says what happened
            }
            return ExitCode.INTERNAL_ERROR.code();
        }
    }

    String env(String name) {
        return env.get(name);
    }

    Map<String, String> envMap() {
        return env;
    }

    /** "Today" for waiver expiry and scaffolds: see {@link Today}. */
    java.time.Clock clock() {
        return Today.clock(env);
    }

    io.factlint.watch.ChangeWatcher.Factory watchers() {
        return watchers;
    }

    static CommandLine commandLine(PrintStream out, PrintStream err, Map<String, String> env) {
        return commandLine(out, err, env, io.factlint.watch.ChangeWatcher.Factory.SYSTEM);
    }

    static CommandLine commandLine(PrintStream out, PrintStream err, Map<String, String> env,
                                   io.factlint.watch.ChangeWatcher.Factory watchers) {
        CommandLine cl = new CommandLine(new Main(env, watchers));
        cl.setOut(outWriter(out));
        cl.setErr(errWriter(err));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        // enum values as users type them (lower case), also in the message for a wrong one
        cl.registerConverter(CheckCommand.FailOn.class, lowerCase(CheckCommand.FailOn.class));
        cl.registerConverter(io.factlint.report.Format.class, lowerCase(io.factlint.report.Format.class));
        cl.setExitCodeExceptionMapper(e -> ExitCode.INTERNAL_ERROR.code());
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("factlint: internal error: " + e + "; the check did not complete");
            return ExitCode.INTERNAL_ERROR.code();
        });
        cl.setParameterExceptionHandler((e, args) -> {
            CommandLine c = e.getCommandLine();
            c.getErr().println("factlint: " + e.getMessage());
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.");
            return ExitCode.INPUT_ERROR.code();
        });
        return cl;
    }

    /** The commands' standard output. */
    static PrintWriter outWriter(PrintStream out) {
        return new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true);
    }

    /** The commands' standard error: no control character of an input reaches the terminal or a CI log through a message (SafeText). */
    static PrintWriter errWriter(PrintStream err) {
        return new PrintWriter(io.factlint.model.SafeText.console(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8)), true);
    }

    /** Reads an enum constant from its name in any case; a wrong name lists the names in lower case. */
    static <E extends Enum<E>> CommandLine.ITypeConverter<E> lowerCase(Class<E> type) {
        return LowerCase.of(type);
    }

    /**
     * {@link #lowerCase}'s converter, in a class of its own: a {@code throw} of a picocli exception, or a value
     * returned as a picocli type, in Main's own code would make the verifier load picocli classes with Main, on the
     * fast path too (CheckLine).
     */
    private record LowerCase<E extends Enum<E>>(Class<E> type) implements CommandLine.ITypeConverter<E> {
        /** Made here, not in Main: returning a LowerCase as a picocli type from Main's code would load that type with Main. */
        static <E extends Enum<E>> CommandLine.ITypeConverter<E> of(Class<E> type) {
            return new LowerCase<>(type);
        }

        @Override
        public E convert(String text) {
            E found = CheckLine.enumValue(type, text);
            if (found != null) return found;
            throw new CommandLine.TypeConversionException("expected one of: " + java.util.Arrays.stream(type.getEnumConstants())
                    .map(e -> e.name().toLowerCase(java.util.Locale.ROOT)).collect(java.util.stream.Collectors.joining(", "))
                    + "; found '" + text + "'");
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"factlint " + Version.VALUE};
        }
    }
}
