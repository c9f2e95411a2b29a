package io.factlint.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reports are written atomically: a run killed mid-write (a real child JVM, {@code destroyForcibly()}, which is
 * SIGKILL) leaves the earlier report byte-identical and no visible file behind; the hidden temporary file it left is
 * cleaned by the next write once stale; a writer that fails leaves the earlier report as it was.
 */
class AtomicFilesKillTest {
    @TempDir
    Path dir;

    @Test
    void aRunKilledMidWriteLeavesTheEarlierReportIntact() throws Exception {
        Path report = dir.resolve("factlint.json");
        byte[] earlier = "{\"earlier\": \"report\"}\n".getBytes(StandardCharsets.UTF_8);
        Files.write(report, earlier);

        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SlowWriterMain.class.getName(), report.toString(), "50")
                .redirectErrorStream(true).start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null && !line.equals("WRITING")) {
                // JVM noise
            }
            assertThat(line).as("the writer started").isEqualTo("WRITING");
            Thread.sleep(200); // a few more chunks
            assertThat(hiddenTemps()).as("a temporary file is being written").hasSize(1);
            assertThat(Files.size(hiddenTemps().get(0))).isGreaterThan(64 * 1024);
            p.destroyForcibly();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            p.destroyForcibly();
        }

        assertThat(Files.readAllBytes(report)).as("the earlier report").isEqualTo(earlier);
        assertThat(visibleFiles()).as("no visible file but the report").containsExactly(report);
        List<Path> left = hiddenTemps();
        assertThat(left).as("the killed run's temporary file").hasSize(1);
        assertThat(left.get(0).getFileName().toString()).startsWith(".factlint.json.").endsWith(".tmp");

        // a fresh temporary file may belong to a run still writing: the next write leaves it
        AtomicFiles.write(report, out -> out.write("{\"second\": 2}\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(Files.readString(report)).isEqualTo("{\"second\": 2}\n");
        assertThat(hiddenTemps()).containsExactlyElementsOf(left);

        // once stale, it is cleaned by the next write of the same report
        Files.setLastModifiedTime(left.get(0), FileTime.from(Instant.now().minus(AtomicFiles.STALE).minusSeconds(5)));
        AtomicFiles.write(report, out -> out.write("{\"third\": 3}\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(Files.readString(report)).isEqualTo("{\"third\": 3}\n");
        assertThat(hiddenTemps()).isEmpty();
    }

    @Test
    void aFailingWriterLeavesTheEarlierReportAndNoTemporaryFile() throws Exception {
        Path report = dir.resolve("factlint.html");
        Files.writeString(report, "earlier");
        assertThatThrownBy(() -> AtomicFiles.write(report, out -> {
            out.write("half a report".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        })).hasMessage("disk full");
        assertThatThrownBy(() -> AtomicFiles.write(report, out -> {
            out.write("half a report".getBytes(StandardCharsets.UTF_8));
            throw new StackOverflowError();
        })).isInstanceOf(StackOverflowError.class);
        assertThat(Files.readString(report)).isEqualTo("earlier");
        assertThat(hiddenTemps()).isEmpty();
    }

    @Test
    void staleCleaningTouchesOnlyTheSameReportsTemporaryFiles() throws Exception {
        Instant old = Instant.now().minusSeconds(3600);
        Path mine = Files.writeString(dir.resolve(".factlint.json.123.tmp"), "stale");
        Path other = Files.writeString(dir.resolve(".factlint.html.123.tmp"), "another report's");
        Path facts = Files.writeString(dir.resolve(".factlint.json.tmp.json"), "not a temp file");
        for (Path p : List.of(mine, other, facts)) Files.setLastModifiedTime(p, FileTime.from(old));
        AtomicFiles.write(dir.resolve("factlint.json"), out -> out.write('x'));
        assertThat(mine).doesNotExist();
        assertThat(other).exists();
        assertThat(facts).exists();
    }

    private List<Path> hiddenTemps() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith(".") && p.getFileName().toString().endsWith(".tmp"))
                    .sorted().toList();
        }
    }

    private List<Path> visibleFiles() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        }
    }
}
