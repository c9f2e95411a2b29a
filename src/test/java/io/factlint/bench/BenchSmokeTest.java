package io.factlint.bench;

import io.factlint.check.CheckOutcome;
import io.factlint.check.CheckPipeline;
import io.factlint.check.CheckRequest;
import io.factlint.engine.EngineLimits;
import io.factlint.engine.RulePack;
import io.factlint.model.CheckResult;
import io.factlint.model.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark still builds and runs: a generated set of about 1,000 facts goes through the whole default rule
 * pack once and gives exactly the findings the generator planted (no timing is asserted here).
 */
class BenchSmokeTest {

    @Test
    void generatedFactsGiveThePlantedFindings(@TempDir Path dir) throws Exception {
        FactSetGenerator.Result planted = FactSetGenerator.generate(dir.resolve("facts"), 1_000, 1);
        assertThat(planted.facts()).isBetween(900, 1_100);
        assertThat(planted.expected()).containsKeys("status.changed", "count.decreased", "count.part_exceeds_whole",
                "value.disagreement", "status.stale", "claim.contradicted", "certainty.unconfirmed");

        CheckResult result = new CheckPipeline(RulePack.load(Path.of("rules")))
                .run(CheckRequest.of(List.of(dir.resolve("facts")))).result();

        assertThat(result.facts().facts()).hasSize(planted.facts());
        assertThat(countByRule(result.findings())).isEqualTo(planted.expected());
    }

    @Test
    void theGeneratorIsDeterministic(@TempDir Path dir) throws Exception {
        FactSetGenerator.Result a = FactSetGenerator.generate(dir.resolve("a"), 2_000, 7);
        FactSetGenerator.Result b = FactSetGenerator.generate(dir.resolve("b"), 2_000, 7);
        assertThat(a).isEqualTo(b);
        assertThat(java.nio.file.Files.readString(dir.resolve("a/registry.json")))
                .isEqualTo(java.nio.file.Files.readString(dir.resolve("b/registry.json")));
    }

    static Map<String, Integer> countByRule(List<Finding> findings) {
        Map<String, Integer> n = new TreeMap<>();
        for (Finding f : findings) n.merge(f.rule(), 1, Integer::sum);
        return n;
    }
}
