package io.factlint.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The summary line of an input error counts every error, those a cap left out included. */
class InputErrorCountTest {
    @TempDir
    Path dir;

    private Path fiveErrors() throws Exception {
        StringBuilder b = new StringBuilder("""
                story: {id: a, published: "2024-12-27"}
                sources: [{id: s, name: S, kind: media}]
                entities: [{id: e, kind: group, name: E}]
                facts:
                """);
        for (int i = 1; i <= 5; i++) {
            b.append("  - {id: f").append(i).append(", subject: e, attribute: killed, value: {amount: 1, bound: roughly},"
                    + " at: \"2024-12-01\", source: s}\n");
        }
        Path f = dir.resolve("facts/a.yaml");
        Files.createDirectories(f.getParent());
        Files.writeString(f, b.toString());
        return f.getParent();
    }

    @Test
    void aCapPerFileOrInAllStillCountsEveryError() throws Exception {
        Path facts = fiveErrors();
        for (String limit : new String[]{"errors-per-file=2", "errors=2", "errors=100"}) {
            CliRun r = CliRun.run("check", "--rules", "rules", "--parser-limit", limit, facts.toString());
            assertThat(r.code()).as(limit + "\n" + r).isEqualTo(2);
            assertThat(r.err()).as(limit).endsWith("factlint: 5 input errors; nothing checked, no report written\n");
        }
    }
}
