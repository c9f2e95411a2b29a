package io.factlint.cli;

import io.factlint.report.Format;
import io.factlint.report.Reports;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fact files are never written: every file under the fact folders (fact files and story texts) has the same
 * checksum and modification time after checks in every format, and nothing appears there; a report aimed at a fact
 * file, a story text or into a fact folder is refused (exit 2) and the file is left as it was.
 */
class NothingLostTest {
    @TempDir
    Path dir;
    Path facts;

    @BeforeEach
    void copyInputs() {
        facts = dir.resolve("facts");
        CliRun.copyTree(Path.of("facts"), facts.resolve("seed"));
        CliRun.copyTree(Path.of("src/test/resources/conformance/c10-quotes/facts"), facts.resolve("quotes"));
        CliRun.copyTree(Path.of("src/test/resources/conformance/c12-cross-file/facts"), facts.resolve("cross-file"));
    }

    @Test
    void checksInEveryFormatWriteNoFactFile() throws Exception {
        Map<String, String> before = fingerprint(facts);
        assertThat(before).hasSizeGreaterThanOrEqualTo(6);
        List<String> args = new ArrayList<>(List.of("check", "-o", dir.resolve("reports").toString() + "/"));
        for (Format f : Format.values()) {
            if (Reports.supports(f)) args.addAll(List.of("--format", f.id()));
        }
        args.add(facts.toString());
        CliRun all = CliRun.run(args.toArray(String[]::new));
        assertThat(all.code()).as(all.toString()).isIn(0, 1);
        for (Format f : Format.values()) {
            if (!Reports.supports(f)) continue;
            CliRun one = CliRun.run("check", "--format", f.id(), facts.toString());
            assertThat(one.code()).as(one.toString()).isIn(0, 1);
        }
        CliRun failed = CliRun.run("check", "--rules", dir.resolve("no-rules").toString(), facts.toString());
        assertThat(failed.code()).isEqualTo(2);
        assertThat(fingerprint(facts)).isEqualTo(before);
    }

    @Test
    void aReportOverAFactFileIsRefused() throws Exception {
        Path file = facts.resolve("seed/nk-soldier-captured.json");
        Map<String, String> before = fingerprint(facts);
        CliRun r = CliRun.run("check", "--format", "json", "-o", file.toString(), file.toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("would overwrite the fact file");
        assertThat(fingerprint(facts)).isEqualTo(before);
    }

    @Test
    void aReportIntoAFactFolderIsRefused() throws Exception {
        Map<String, String> before = fingerprint(facts);
        CliRun r = CliRun.run("check", "--format", "json", "-o", facts.resolve("seed").toString() + "/", facts.toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("inside the fact folder");
        CliRun r2 = CliRun.run("check", "--format", "json", "-o", facts.resolve("seed/../seed/report.json").toString(),
                facts.toString());
        assertThat(r2.code()).as(r2.toString()).isEqualTo(2);
        // a new file there overwrites nothing, but the next check would read it
        assertThat(r2.err()).contains("would be read as a fact file: it is inside the fact folder");
        assertThat(fingerprint(facts)).isEqualTo(before);
    }

    @Test
    void aReportOverAStoryTextIsRefused() throws Exception {
        Map<String, String> before = fingerprint(facts);
        Path text = facts.resolve("quotes/story.txt");
        assertThat(text).exists();
        CliRun r = CliRun.run("check", "--format", "text", "-o", text.toString(), facts.toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("would overwrite the story text");
        assertThat(fingerprint(facts)).isEqualTo(before);
    }

    /** Every file under {@code root}: relative path → SHA-256 and modification time. */
    static Map<String, String> fingerprint(Path root) {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (!Files.isRegularFile(p)) continue;
                byte[] d = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p));
                m.put(root.relativize(p).toString(), HexFormat.of().formatHex(d) + " " + Files.getLastModifiedTime(p).toMillis());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return m;
    }
}
