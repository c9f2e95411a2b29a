package io.factlint.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the command line in-process and captures what it prints; or in a child JVM through {@link Main#main}
 * ({@link #fork}), where the test must not share the JVM with what it provokes (a heap exhaustion, a rule that
 * never returns).
 */
record CliRun(int code, String out, String err) {

    static CliRun run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), env);
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static CliRun run(String... args) {
        return run(Map.of(), args);
    }

    /** Copies a folder tree (the seed story, the rules) into a test's temporary folder. */
    static Path copy(Path from, Path to) {
        return io.factlint.testing.TestFiles.copyTree(from, to);
    }

    /** {@code java [jvmOptions] -cp <the test class path> io.factlint.cli.Main args}, waiting at most two minutes. */
    static CliRun fork(List<String> jvmOptions, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        cmd.addAll(List.of(args));
        try {
            Path out = Files.createTempFile("factlint-out", ".txt");
            Path err = Files.createTempFile("factlint-err", ".txt");
            Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(2, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError("factlint did not end within two minutes: " + cmd);
            }
            CliRun r = new CliRun(p.exitValue(), Files.readString(out), Files.readString(err));
            Files.delete(out);
            Files.delete(err);
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A copy of the default rules/ in {@code dir}, plus {@code extra} DRL files (name, text pairs). */
    static Path rulesWith(Path dir, String... extra) {
        Path rules = dir.resolve("rules");
        copyTree(Path.of("rules"), rules);
        for (int i = 0; i + 1 < extra.length; i += 2) {
            try {
                Files.writeString(rules.resolve(extra[i]), extra[i + 1]);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return rules;
    }

    /**
     * A rule pack in {@code dir} of the default vocabulary, an empty catalogue and only the {@code extra} DRL files
     * (name, text pairs): for a check in a child JVM ({@link #fork}), which then compiles a few rules instead of the
     * whole default pack (seconds of a two-core machine per fork).
     */
    static Path rulesOnly(Path dir, String... extra) {
        Path rules = dir.resolve("rules-only");
        copyTree(Path.of("rules/vocabulary"), rules.resolve("vocabulary"));
        try {
            Files.writeString(rules.resolve("catalogue.yaml"), "rules: {}\n");
            for (int i = 0; i + 1 < extra.length; i += 2) Files.writeString(rules.resolve(extra[i]), extra[i + 1]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rules;
    }

    /** As {@link #copy}, replacing what is there. */
    static void copyTree(Path from, Path to) {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
