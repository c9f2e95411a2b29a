package io.factlint.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code -o} never destroys an input of the check or a device: every input (fact files and folders, story
 * texts, waivers, baseline, rules) is refused as a target, through symbolic links; a non-regular target is written
 * in place; several formats are all written before any is renamed into place; {@code -o DIR/} is a folder.
 */
class OutputTargetsTest {
    @TempDir
    Path dir;

    private Path seed() {
        return CliRun.copy(Path.of("facts"), dir.resolve("facts"));
    }

    private static void refused(CliRun r, Path untouched, String before) throws Exception {
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(2);
        assertThat(r.err()).contains("would overwrite").doesNotContain("internal error");
        assertThat(Files.readString(untouched)).isEqualTo(before);
    }

    @Test
    void refusesTheWaiversFile() throws Exception {
        Path facts = seed();
        Path waivers = Files.writeString(dir.resolve("waivers.yaml"), "waivers: []\n");
        CliRun r = CliRun.run("check", facts.toString(), "--waivers", waivers.toString(), "--format", "json", "-o", waivers.toString());
        refused(r, waivers, "waivers: []\n");
    }

    @Test
    void refusesTheBaseline() throws Exception {
        Path facts = seed();
        Path baseline = dir.resolve("baseline.json");
        assertThat(CliRun.run("check", facts.toString(), "--format", "json", "-o", baseline.toString()).code()).isZero();
        String before = Files.readString(baseline);
        CliRun r = CliRun.run("check", facts.toString(), "--baseline", baseline.toString(), "--format", "sarif", "-o", baseline.toString());
        refused(r, baseline, before);
    }

    @Test
    void refusesAFileOfTheRulesFolder() throws Exception {
        Path facts = seed();
        Path rules = CliRun.copy(Path.of("rules"), dir.resolve("rules"));
        for (Path target : List.of(rules.resolve("status.drl"), rules.resolve("vocabulary/lifecycle.yaml"), rules.resolve("new.json"))) {
            String before = Files.exists(target) ? Files.readString(target) : null;
            CliRun r = CliRun.run("check", facts.toString(), "--rules", rules.toString(), "--format", "json", "-o", target.toString());
            assertThat(r.code()).as(target + ": " + r.err()).isEqualTo(2);
            assertThat(r.err()).contains("rules");
            if (before != null) assertThat(Files.readString(target)).isEqualTo(before);
            else assertThat(target).doesNotExist();
        }
    }

    @Test
    void refusesAFactFileBesideANamedFactFile() throws Exception {
        Path facts = seed();
        Path other = Files.copy(facts.resolve("nk-soldier-captured.json"), facts.resolve("other.json"));
        String before = Files.readString(other);
        CliRun r = CliRun.run("check", facts.resolve("nk-soldier-captured.json").toString(), "--format", "json", "-o", other.toString());
        refused(r, other, before);
    }

    @Test
    void refusesAFolderThatASymlinkInTheFactFolderPointsTo() throws Exception {
        Path facts = seed();
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.createSymbolicLink(facts.resolve("more"), elsewhere);
        CliRun r = CliRun.run("check", facts.toString(), "--format", "json", "-o", elsewhere.resolve("report.json").toString());
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(elsewhere.resolve("report.json")).doesNotExist();
    }

    @Test
    void refusesTheStoryTextThroughASymlink() throws Exception {
        Path facts = seed();
        Path link = dir.resolve("link.txt");
        Files.createSymbolicLink(link, facts.resolve("nk-soldier-captured.txt"));
        String before = Files.readString(link);
        CliRun r = CliRun.run("check", facts.toString(), "--format", "json", "-o", link.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(Files.readString(facts.resolve("nk-soldier-captured.txt"))).isEqualTo(before);
        assertThat(Files.isSymbolicLink(link)).isTrue();
    }

    /**
     * A character device of our own ({@code mknod}, root only: CI runs as root) with the numbers of /dev/null or
     * /dev/full: a build that replaces device nodes replaces only this one, never the machine's.
     */
    private Path device(String name, int minor) throws Exception {
        Path node = dir.resolve(name);
        Process p = new ProcessBuilder("mknod", "-m", "666", node.toString(), "c", "1", String.valueOf(minor))
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        org.junit.jupiter.api.Assumptions.assumeTrue(p.waitFor() == 0, "mknod needs root");
        return node;
    }

    @Test
    void aNullDeviceStaysADevice() throws Exception {
        Path facts = seed();
        Path devNull = device("null", 3);
        Path link = Files.createSymbolicLink(dir.resolve("null-link"), devNull);
        for (Path target : List.of(devNull, link)) {
            CliRun r = CliRun.run("check", facts.toString(), "--format", "json", "-o", target.toString());
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(Files.isRegularFile(devNull, LinkOption.NOFOLLOW_LINKS)).as(target.toString()).isFalse();
            assertThat(Files.isSymbolicLink(link)).isTrue();
        }
    }

    @Test
    void aFullDeviceIsExitThree() throws Exception {
        Path facts = seed();
        Path devFull = device("full", 7);
        CliRun r = CliRun.run("check", facts.toString(), "--format", "json", "-o", devFull.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(3);
        assertThat(r.err()).contains("could not write the report").doesNotContain("internal error");
        assertThat(Files.isRegularFile(devFull, LinkOption.NOFOLLOW_LINKS)).isFalse();
    }

    @Test
    void aFifoIsWrittenInPlace() throws Exception {
        Path facts = seed();
        Path fifo = dir.resolve("pipe");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        java.util.concurrent.CompletableFuture<String> read = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readString(fifo);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        CliRun r = CliRun.run("check", facts.toString(), "--format", "json", "-o", fifo.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(read.get(60, java.util.concurrent.TimeUnit.SECONDS)).contains("\"findings\"");
        assertThat(Files.isRegularFile(fifo, LinkOption.NOFOLLOW_LINKS)).isFalse();
    }

    @Test
    void aFailingFormatLeavesEveryEarlierReportInPlace() throws Exception {
        Path facts = seed();
        Path out = dir.resolve("report");
        assertThat(CliRun.run("check", facts.toString(), "--format", "json", "--format", "sarif", "-o", out.toString()).code()).isZero();
        String json = Files.readString(out.resolve("factlint.json"));
        Files.writeString(out.resolve("factlint.json"), json + " ");
        // the SARIF target becomes a folder: its write fails after the JSON report was prepared
        Files.delete(out.resolve("factlint.sarif"));
        Files.createDirectories(out.resolve("factlint.sarif").resolve("x"));
        CliRun r = CliRun.run("check", facts.toString(), "--format", "json", "--format", "sarif", "-o", out.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(3);
        assertThat(Files.readString(out.resolve("factlint.json"))).isEqualTo(json + " ");
        try (var s = Files.list(out)) {
            assertThat(s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList()).isEmpty();
        }
    }

    @Test
    void aTrailingSlashNamesAFolder() throws Exception {
        Path facts = seed();
        Path out = dir.resolve("out");
        CliRun r = CliRun.run("check", facts.toString(), "--format", "json", "-o", out + "/");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(out.resolve("factlint.json")).isRegularFile();
    }
}
