package io.factlint.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A folder with no fact file passes (nothing is wrong in it), and says so where a CI log shows it. */
class EmptyInputTest {
    @Test
    void aFolderWithNoFactFileSaysNothingWasChecked(@TempDir Path dir) throws Exception {
        Path empty = Files.createDirectories(dir.resolve("factz"));
        Files.writeString(empty.resolve("notes.txt"), "not a fact file");
        CliRun r = CliRun.run("check", "--rules", "rules", empty.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("0 stories, 0 facts, 0 claims");
        assertThat(r.err()).contains("factlint: note: no fact files (.json, .yaml, .yml) in " + empty + "; nothing was checked");
        CliRun seed = CliRun.run("check", "--rules", "rules", "facts");
        assertThat(seed.err()).doesNotContain("no fact files");
    }
}
