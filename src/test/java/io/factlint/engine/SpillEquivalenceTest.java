package io.factlint.engine;

import io.factlint.bench.FactSetGenerator;
import io.factlint.ingest.FactLoader;
import io.factlint.ingest.SpillPolicy;
import io.factlint.model.CheckResult;
import io.factlint.model.FactBase;
import io.factlint.model.Severity;
import io.factlint.model.SpilledFacts;
import io.factlint.report.JsonReportWriter;
import io.factlint.report.ReportOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Spilling the facts to bucket files changes nothing a user sees: on every rule-case fixture, every conformance
 * case, the seed story and a generated fact set with its planted findings, the JSON report of a check whose facts
 * went through the spill (forced, {@link SpillPolicy.Mode#ALWAYS}) is byte-identical to the report of the same
 * check in memory; and the temporary folder is gone afterwards.
 */
class SpillEquivalenceTest {
    private static RulePack pack;

    @TempDir
    Path spillRoot;

    @BeforeAll
    static void loadRules() throws Exception {
        pack = io.factlint.testing.DefaultPack.get();
    }

    static Stream<Path> fixtures() throws Exception {
        return WorkUnitsEquivalenceTest.fixtures();
    }

    private static String json(FactBase base, Engine.Mode mode) throws Exception {
        return WorkUnitsEquivalenceTest.json(pack, base, mode);
    }

    private static FactLoader loader() {
        return new FactLoader(pack.vocabulary().statusWords()).checkingAgainst(pack.vocabulary());
    }

    private String spilledJson(Path dir, int buckets, Engine.Mode mode) throws Exception {
        FactBase base = loader().spilling(new SpillPolicy(SpillPolicy.Mode.ALWAYS, 0, spillRoot, buckets)).load(List.of(dir));
        assertThat(base.facts()).isInstanceOf(SpilledFacts.class);
        try (SpilledFacts spilled = (SpilledFacts) base.facts()) {
            assertThat(Files.isDirectory(Path.of(spilled.folder()))).isTrue();
            return json(base, mode);
        } finally {
            assertThat(leftOver()).isEmpty();
        }
    }

    private List<Path> leftOver() throws Exception {
        try (Stream<Path> s = Files.list(spillRoot)) {
            return s.toList();
        }
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void spilledReportIsByteIdentical(Path facts) throws Exception {
        // a case of a refused input (the claim-attribute guard) must be refused the same way when spilled
        String memory = WorkUnitsEquivalenceTest.reportOrInputError(() -> json(loader().load(List.of(facts)), Engine.Mode.AUTO));
        assertThat(WorkUnitsEquivalenceTest.reportOrInputError(() -> spilledJson(facts, 64, Engine.Mode.AUTO))).isEqualTo(memory);
        // two buckets: most subjects share one, every claim links buckets into one group
        assertThat(WorkUnitsEquivalenceTest.reportOrInputError(() -> spilledJson(facts, 2, Engine.Mode.AUTO))).isEqualTo(memory);
        assertThat(WorkUnitsEquivalenceTest.reportOrInputError(() -> spilledJson(facts, 5, Engine.Mode.UNIT_SESSIONS))).isEqualTo(memory);
    }

    @Test
    void generatedFactSetWithPlantedFindingsIsByteIdenticalWhenSpilled(@TempDir Path dir) throws Exception {
        FactSetGenerator.Result g = FactSetGenerator.generate(dir, 30_000, 7);
        FactBase spilledBase = loader().spilling(new SpillPolicy(SpillPolicy.Mode.ALWAYS, 0, spillRoot, 16)).load(List.of(dir));
        CheckResult r;
        try (SpilledFacts s = (SpilledFacts) spilledBase.facts()) {
            assertThat(s.size()).isEqualTo(g.facts());
            r = Engine.check(pack, spilledBase, EngineLimits.defaults(), Phases.NONE, Engine.Mode.AUTO);
        }
        java.util.Map<String, Integer> byRule = new java.util.TreeMap<>();
        r.findings().forEach(f -> byRule.merge(f.rule(), 1, Integer::sum));
        assertThat(byRule).isEqualTo(g.expected());
        assertThat(spilledJson(dir, 16, Engine.Mode.AUTO)).isEqualTo(json(loader().load(List.of(dir)), Engine.Mode.AUTO));
    }

    @Test
    void whatNeedsEveryFactIsRefusedWithAClearMessage() throws Exception {
        FactBase base = loader().spilling(new SpillPolicy(SpillPolicy.Mode.ALWAYS, 0, spillRoot, 4)).load(List.of(Path.of("facts")));
        try (SpilledFacts s = (SpilledFacts) base.facts()) {
            CheckResult r = Engine.check(pack, base, EngineLimits.defaults(), Phases.NONE, Engine.Mode.AUTO);
            assertThat(r.facts().facts()).hasSize(5);
            assertThatThrownBy(() -> r.series().size()).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("the series of every subject").hasMessageContaining("5 facts were spilled to disk")
                    .hasMessageContaining("factlint.spill=never");
            assertThatThrownBy(() -> base.facts().get(0)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> List.copyOf(base.facts())).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("needs every fact in memory");
        }
        assertThat(leftOver()).isEmpty();
    }

    @Test
    void autoSpillsOnlyAboveTheThreshold() throws Exception {
        Path seed = Path.of("facts");
        FactBase small = loader().spilling(new SpillPolicy(SpillPolicy.Mode.AUTO, 1L << 30, spillRoot, 64)).load(List.of(seed));
        assertThat(small.facts()).isNotInstanceOf(SpilledFacts.class);
        FactBase large = loader().spilling(new SpillPolicy(SpillPolicy.Mode.AUTO, 100, spillRoot, 64)).load(List.of(seed));
        assertThat(large.facts()).isInstanceOf(SpilledFacts.class);
        ((SpilledFacts) large.facts()).close();
        assertThat(leftOver()).isEmpty();
    }
}
