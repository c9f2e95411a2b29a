package io.factlint.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15.5: non-ASCII file names under {@code LANG=C}, the way CI containers run. The real launcher script
 * ({@code ./factlint}, copied beside a jar whose manifest points at the built classes, so it does not rebuild)
 * runs the real program in a child process with {@code LANG=C LC_ALL=C}: a fact folder, a fact file, a story text
 * and a report named in UTF-8 all work.
 */
class NonAsciiPathsTest {
    @TempDir
    Path tmp;

    private static final String FACTS = """
            {"story": {"id": "muenchen", "published": "2024-12-27", "text": "Text-ä.txt"},
             "sources": [{"id": "s", "name": "Süddeutsche"}],
             "entities": [{"id": "e", "name": "Soldaten"}],
             "facts": [{"id": "f1", "subject": "e", "attribute": "deployed", "value": 11000, "source": "s",
                        "quote": "11000 Soldaten"}]}
            """;

    /** A copy of the launcher in {@code tmp/app}, with {@code target/factlint.jar} running the test class path. */
    private Path launcher() throws IOException {
        Path app = Files.createDirectories(tmp.resolve("app"));
        Path script = Files.copy(Path.of("factlint"), app.resolve("factlint"), StandardCopyOption.COPY_ATTRIBUTES);
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, Main.class.getName());
        List<String> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            urls.add(Path.of(entry).toAbsolutePath().toUri().toString());
        }
        m.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", urls));
        Files.createDirectories(app.resolve("target"));
        try (OutputStream out = Files.newOutputStream(app.resolve("target/factlint.jar"));
             JarOutputStream jar = new JarOutputStream(out, m)) {
            jar.flush();
        }
        return script;
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(Path dir, Map<String, String> env, String... cmd) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().putAll(env);
        Path out = Files.createTempFile("out", ".txt");
        Path err = Files.createTempFile("err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("did not end: " + List.of(cmd));
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void utf8FileNamesWorkThroughTheLauncherUnderLangC() throws Exception {
        Path script = launcher();
        Path work = Files.createDirectories(tmp.resolve("work"));
        Path facts = Files.createDirectories(work.resolve("Fakten-ä"));
        Files.writeString(facts.resolve("münchen-ü.json"), FACTS, StandardCharsets.UTF_8);
        Files.writeString(facts.resolve("Text-ä.txt"), "Es sind 11000 Soldaten.\n", StandardCharsets.UTF_8);
        Map<String, String> env = Map.of("LANG", "C", "LC_ALL", "C", "FACTLINT_CDS", "0");
        Run r = run(work, env, script.toString(), "check", "Fakten-ä", "--rules",
                Path.of("rules").toAbsolutePath().toString(), "--format", "json", "-o", "Bericht-ä.json");
        assertThat(r.code()).as(r.err() + r.out()).isZero();
        assertThat(r.err()).doesNotContain("InvalidPath").doesNotContain("Unmatched").doesNotContain("invalid");
        assertThat(Files.readString(work.resolve("Bericht-ä.json"), StandardCharsets.UTF_8))
                .contains("\"stories\" : 1").contains("\"facts\" : 1");
        // a quote missing from the text: the finding names the fact file in UTF-8 on standard output
        Files.writeString(facts.resolve("Text-ä.txt"), "Es sind viele Soldaten.\n", StandardCharsets.UTF_8);
        Run named = run(work, env, script.toString(), "check", "Fakten-ä/münchen-ü.json", "--rules",
                Path.of("rules").toAbsolutePath().toString());
        assertThat(named.code()).as(named.err()).isEqualTo(1);
        assertThat(named.out()).contains("Fakten-ä/münchen-ü.json:4:12: error [quote.not_in_text]");
    }
}
