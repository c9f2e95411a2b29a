package io.factlint.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No line factlint prints can be read as a GitHub workflow command, and no control character of an input reaches
 * a terminal or a log (file names and fact file contents are input: on Linux a file name may hold anything but
 * {@code /} and NUL).
 */
class ConsoleInjectionTest {
    @TempDir
    Path dir;

    private static final Path CONFLICT = Path.of("src/test/resources/rule-cases/status.conflict/fires/facts/story.json");

    @Test
    void factFileNamedLikeAWorkflowCommandStartsNoLine() throws Exception {
        String name = "::error title=spoofed::x.json";
        Files.copy(CONFLICT, dir.resolve(name));
        // run in the file's folder, named as a user types it: the text report's lines start with the file name
        CliRun r = forkIn(dir, "check", "--rules", Path.of("rules").toAbsolutePath().toString(), "--fail-on", "never", name);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("spoofed");
        assertNoCommandLine(r.out());
        assertNoCommandLine(r.err());
        assertThat(r.out()).contains("./::error title=spoofed::x.json:");
        // as an input error on standard error
        Files.writeString(dir.resolve(name), "{\"story\": ");
        CliRun bad = forkIn(dir, "check", "--rules", Path.of("rules").toAbsolutePath().toString(), name);
        assertThat(bad.code()).as(bad.err()).isEqualTo(2);
        assertNoCommandLine(bad.err());
    }

    /** The real command line in a child JVM working in {@code workDir}. */
    private static CliRun forkIn(Path workDir, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile("factlint-out", ".txt");
        Path err = Files.createTempFile("factlint-err", ".txt");
        Process p = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("factlint did not end within two minutes");
        }
        return new CliRun(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void newlineInAFileNameInjectsNoLineOnStandardError() throws Exception {
        Path facts = Files.createDirectories(dir.resolve("facts"));
        Files.writeString(facts.resolve("a\n::error file=x.json::injected\n.json"), "{\"story\": ");
        CliRun r = CliRun.run("check", "--rules", "rules", facts.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("injected");
        assertNoCommandLine(r.err());
        assertNoControls(r.err());
    }

    @Test
    void escapeSequencesInFileNamesNeverReachTheTerminal() throws Exception {
        Path facts = Files.createDirectories(dir.resolve("facts"));
        Files.writeString(facts.resolve("\u001b]0;owned\u0007\u001b[2J.json"), "{\"story\": ");
        CliRun r = CliRun.run("check", "--rules", "rules", facts.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("\\u001b]0;owned\\u0007");
        assertNoControls(r.err());
    }

    @Test
    void parserMessagesQuoteNoRawControlBytes() throws Exception {
        Path facts = Files.createDirectories(dir.resolve("facts"));
        Files.writeString(facts.resolve("story.json"), "{\"story\": tru\u001b[31mc\u009b2J }");
        CliRun r = CliRun.run("check", "--rules", "rules", facts.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("story.json:1:");
        assertNoControls(r.err());
    }

    @Test
    void controlCharactersOfFactFilesReachNoReportOnStandardOutput() throws Exception {
        Path facts = Files.createDirectories(dir.resolve("facts"));
        Files.writeString(facts.resolve("story.json"), Files.readString(CONFLICT)
                .replace("a prisoner", "a pris\u009b2J\\u001b[31moner\u007f\u0085\u202e"));
        for (String format : List.of("text", "json", "github", "markdown")) {
            CliRun r = CliRun.run("check", "--rules", "rules", "--fail-on", "never", "--format", format, facts.toString());
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).as(format).contains("pris");
            assertThat(r.out().codePoints().filter(c -> c != '\n' && c != ' ' && io.factlint.model.SafeText.unsafe(c)).count()).as(format + ": " + r.out()).isZero();
        }
    }

    private static void assertNoCommandLine(String printed) {
        for (String line : printed.split("\n", -1)) {
            assertThat(line.stripLeading()).as(printed).doesNotStartWith("::").doesNotStartWith("##");
        }
    }

    private static void assertNoControls(String printed) {
        assertThat(printed.codePoints().filter(c -> c != '\n' && (c < 0x20 || (c >= 0x7f && c <= 0x9f))).count())
                .as(printed).isZero();
    }
}
