package io.factlint.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AtomicFilesTest {
    @TempDir
    Path dir;

    private Stream<Path> listing() throws IOException {
        return Files.list(dir);
    }

    @Test
    void writesANewFileAndCreatesItsFolder() throws IOException {
        Path target = dir.resolve("reports/factlint.html");
        AtomicFiles.write(target, out -> out.write("hello".getBytes(StandardCharsets.UTF_8)));
        assertThat(target).hasContent("hello");
        assertThat(Files.list(target.getParent())).containsExactly(target);
    }

    @Test
    void replacesAnEarlierFile() throws IOException {
        Path target = dir.resolve("factlint.sarif");
        Files.writeString(target, "old report");
        AtomicFiles.write(target, out -> {
            out.write("new ".getBytes(StandardCharsets.UTF_8));
            out.close(); // closing only flushes: the file is synced and moved afterwards
            out.write("report".getBytes(StandardCharsets.UTF_8));
        });
        assertThat(target).hasContent("new report");
        try (Stream<Path> files = listing()) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void aBodyThatFailsMidwayLeavesTheEarlierFileIntactAndNoTemp() throws IOException {
        Path target = dir.resolve("factlint.html");
        Files.writeString(target, "earlier report");
        byte[] big = new byte[1 << 20]; // larger than the buffer, so part of it reaches the temp file
        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            out.write(big);
            out.write(big);
            throw new IOException("disk on fire");
        })).isInstanceOf(IOException.class).hasMessage("disk on fire");
        assertThat(target).hasContent("earlier report");
        try (Stream<Path> files = listing()) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void aRuntimeFailureAlsoCleansUp() throws IOException {
        Path target = dir.resolve("factlint.md");
        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            out.write(1);
            throw new UncheckedIOException(new IOException("boom"));
        })).isInstanceOf(UncheckedIOException.class);
        assertThat(target).doesNotExist();
        try (Stream<Path> files = listing()) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aTargetThatIsAFolderFailsWithoutLeavingATemp() throws IOException {
        Path target = dir.resolve("taken");
        Files.createDirectory(target);
        Files.writeString(target.resolve("inside"), "x");
        assertThatThrownBy(() -> AtomicFiles.write(target, out -> out.write(1))).isInstanceOf(IOException.class);
        try (Stream<Path> files = listing()) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void writesAReportThroughAWriter() throws IOException {
        Path target = dir.resolve("factlint.sarif");
        AtomicFiles.write(target, out -> Render.FAIL_ON_ERROR.write(new SarifReportWriter(), Fixtures.seed(), out));
        assertThat(Files.readAllBytes(target))
                .isEqualTo(Render.bytes(new SarifReportWriter(), Fixtures.seed(), Render.FAIL_ON_ERROR));
    }
}
