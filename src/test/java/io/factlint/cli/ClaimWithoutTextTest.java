package io.factlint.cli;

import io.factlint.report.Format;
import io.factlint.report.Reports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Found by fuzzing the report writers: a claim's {@code text} is optional, and a finding on a claim without one made
 * the HTML and JUnit writers throw, so a valid fact file ended with exit 3. Every format now renders it.
 */
class ClaimWithoutTextTest {
    @TempDir
    Path dir;

    @Test
    void aFindingOnAClaimWithoutTextIsReportedInEveryFormat() throws Exception {
        Path facts = dir.resolve("facts");
        Files.createDirectories(facts);
        Files.writeString(facts.resolve("story.json"), """
                {"story": {"published": "2025-03-10"},
                 "entities": [{"id": "r", "name": "a third man"}],
                 "claims": [{"id": "c1", "subject": "r", "attribute": "status", "op": "=", "value": "missing"}]}
                """);
        List<String> args = new ArrayList<>(List.of("check", "-o", dir.resolve("out") + "/"));
        for (Format f : Format.values()) {
            if (Reports.supports(f)) args.addAll(List.of("--format", f.id()));
        }
        args.add(facts.toString());
        CliRun r = CliRun.run(args.toArray(String[]::new));
        assertThat(r.code()).as(r.toString()).isIn(0, 1);
        assertThat(r.err()).doesNotContain("internal error");
        assertThat(Files.readString(dir.resolve("out/factlint.json"))).contains("claim.undetermined");
    }
}
