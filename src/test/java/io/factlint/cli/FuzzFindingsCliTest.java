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
 * Bugs that fuzzing found, through the real command line: each made a valid fact file end the check with exit 3.
 */
class FuzzFindingsCliTest {
    @TempDir
    Path dir;

    /**
     * A claim's {@code text} is optional, and a finding on a claim without one made the HTML and JUnit writers throw.
     */
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

    /**
     * A share near the largest double (1e306 killed or injured of 0.5 deployed) overflowed to infinity when written
     * as a percentage, and the rule that derives the figure failed.
     */
    @Test
    void aHugeShareIsWrittenAsAPercentage() throws Exception {
        Path facts = dir.resolve("facts");
        Files.createDirectories(facts);
        Files.copy(Path.of("src/test/resources/io/factlint/engine/CheckFuzzTestInputs/checkJson/huge-share-percent-overflow.json"),
                facts.resolve("story.json"));
        CliRun r = CliRun.run("check", "--format", "json", facts.toString());
        assertThat(r.code()).as(r.toString()).isIn(0, 1);
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out()).findValuesAsText("figure"))
                .anySatisfy(f -> assertThat(f).startsWith("casualty_share of u on 10 Mar 2025: 2"));
    }
}
