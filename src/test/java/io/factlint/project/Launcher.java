package io.factlint.project;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * The real launcher script ({@code ./factlint}) copied into a test folder beside a {@code target/factlint.jar} whose
 * manifest runs the test class path (as NonAsciiPathsTest does): no rebuild (the copy has no {@code src/main}), the
 * program the tests just compiled, and the real script around it.
 */
final class Launcher {
    private Launcher() {
    }

    /** {@code app/factlint} and {@code app/target/factlint.jar}, plus copies of {@code files} (repository paths). */
    static Path install(Path app, String... files) throws IOException {
        Files.createDirectories(app.resolve("target"));
        Path script = Files.copy(Path.of("factlint"), app.resolve("factlint"), StandardCopyOption.COPY_ATTRIBUTES);
        for (String f : files) {
            Path to = app.resolve(f);
            Files.createDirectories(to.getParent());
            Files.copy(Path.of(f), to, StandardCopyOption.COPY_ATTRIBUTES);
        }
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "io.factlint.cli.Main");
        List<String> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            urls.add(Path.of(entry).toAbsolutePath().toUri().toString());
        }
        m.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", urls));
        try (OutputStream out = Files.newOutputStream(app.resolve("target/factlint.jar"));
             JarOutputStream jar = new JarOutputStream(out, m)) {
            jar.flush();
        }
        return script;
    }

    /** Copies a folder tree (the seed story, the rules). */
    static Path copy(Path from, Path to) {
        return io.factlint.testing.TestFiles.copyTree(from, to);
    }

    /** The seed story with a planted contradiction: the headline claims the soldier is still captured (status.stale). */
    static void plantContradiction(Path facts) throws IOException {
        Path f = facts.resolve("nk-soldier-captured.json");
        String s = Files.readString(f, StandardCharsets.UTF_8);
        String planted = s.replace("\"op\": \"=\", \"value\": \"deceased\"", "\"op\": \"=\", \"value\": \"captured\"");
        if (planted.equals(s)) throw new AssertionError("the seed story changed: the headline claim is not where the test plants it");
        Files.writeString(f, planted, StandardCharsets.UTF_8);
    }

    record Run(int code, String out, String err) {
    }

    /** Runs {@code cmd} in {@code dir} with the extra environment, waiting at most two minutes. */
    static Run run(Path dir, Map<String, String> env, List<String> cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().put("FACTLINT_CDS", "0");
        pb.environment().remove("GITHUB_OUTPUT");
        pb.environment().putAll(env);
        Path out = Files.createTempFile("out", ".txt");
        Path err = Files.createTempFile("err", ".txt");
        try {
            Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(2, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError("did not end: " + cmd);
            }
            return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
