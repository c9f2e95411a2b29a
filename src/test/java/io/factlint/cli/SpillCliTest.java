package io.factlint.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code factlint check} with its facts spilled to disk ({@code -Dfactlint.spill=always}, as a large input would be):
 * the same reports, the temporary folder gone afterwards, the HTML report refused with a clear message, and a
 * temporary folder that cannot be written a clean exit 3.
 */
class SpillCliTest {
    @TempDir
    Path tmp;

    @AfterEach
    void clear() {
        System.clearProperty("factlint.spill");
        System.clearProperty("factlint.spill.dir");
    }

    private void spill(Path dir) {
        System.setProperty("factlint.spill", "always");
        System.setProperty("factlint.spill.dir", dir.toString());
    }

    @Test
    void theSpilledCheckWritesTheSameReportsAndLeavesNoTemporaryFiles() throws Exception {
        String[] formats = {"--format", "json", "--format", "sarif", "--format", "junit", "--format", "markdown",
                "--format", "github", "--format", "claimreview", "--format", "text"};
        Cli memory = Cli.run(concat(new String[]{"check", "facts", "-o", tmp.resolve("memory") + "/"}, formats));
        assertThat(memory.exit()).as(memory.err()).isEqualTo(0);
        Path spillDir = Files.createDirectories(tmp.resolve("spill"));
        spill(spillDir);
        Cli spilled = Cli.run(concat(new String[]{"check", "facts", "-o", tmp.resolve("spilled") + "/", "--profile"}, formats));
        assertThat(spilled.exit()).as(spilled.err()).isEqualTo(0);
        assertThat(spilled.err()).contains("spill: 5 facts in 64 buckets");
        assertThat(spilled.out()).isEqualTo(memory.out()).contains("1 story, 5 facts, 2 claims");
        for (String f : new String[]{"factlint.json", "factlint.sarif", "factlint-junit.xml", "factlint.md",
                "factlint-github.txt", "factlint-claimreview.json"}) {
            assertThat(Files.readAllBytes(tmp.resolve("spilled").resolve(f))).as(f)
                    .isEqualTo(Files.readAllBytes(tmp.resolve("memory").resolve(f)));
        }
        try (Stream<Path> s = Files.list(spillDir)) {
            assertThat(s.toList()).isEmpty();
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void aBaselineComparesTheSameWhenSpilled() throws Exception {
        Path base = tmp.resolve("base.json");
        assertThat(Cli.run("check", "facts", "--format", "json", "-o", base.toString()).exit()).isEqualTo(0);
        Cli memory = Cli.run("check", "facts", "--baseline", base.toString(), "--format", "json", "-o", tmp.resolve("m.json").toString());
        spill(Files.createDirectories(tmp.resolve("spill")));
        Cli spilled = Cli.run("check", "facts", "--baseline", base.toString(), "--format", "json", "-o", tmp.resolve("s.json").toString());
        assertThat(spilled.exit()).as(spilled.err()).isEqualTo(memory.exit()).isEqualTo(0);
        assertThat(Files.readString(tmp.resolve("s.json"))).isEqualTo(Files.readString(tmp.resolve("m.json")))
                .contains("\"unchanged\"");
    }

    @Test
    void theHtmlReportIsRefusedWhenTheFactsAreSpilled() throws Exception {
        Path spillDir = Files.createDirectories(tmp.resolve("spill"));
        spill(spillDir);
        Cli r = Cli.run("check", "facts", "--format", "json", "--format", "html", "-o", tmp.resolve("out") + "/");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("the HTML report (its charts draw every subject's series) needs every fact in memory")
                .contains("5 facts were spilled to disk").contains("factlint.spill=never").contains("nothing written");
        assertThat(tmp.resolve("out").resolve("factlint.json")).doesNotExist();
        try (Stream<Path> s = Files.list(spillDir)) {
            assertThat(s.toList()).isEmpty();
        }
    }

    @Test
    void aTemporaryFolderThatCannotBeMadeIsAnIncompleteCheck() throws Exception {
        Path notAFolder = Files.writeString(tmp.resolve("file"), "x");
        spill(notAFolder.resolve("below"));
        Cli r = Cli.run("check", "facts", "--format", "json", "-o", tmp.resolve("r.json").toString());
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).contains("the check did not complete: cannot create a temporary folder for the spilled facts under "
                + notAFolder.resolve("below"));
        assertThat(tmp.resolve("r.json")).doesNotExist();
    }
}
