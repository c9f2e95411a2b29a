package io.factlint.engine;

import io.factlint.bench.FactSetGenerator;
import io.factlint.ingest.FactLoader;
import io.factlint.model.CheckResult;
import io.factlint.model.FactBase;
import io.factlint.model.Severity;
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

/**
 * Work units change nothing a user sees: on every rule-case fixture, every conformance case, the seed story and a
 * generated fact set with its planted findings, the JSON report of the partitioned check is byte-identical to the
 * report of one session over everything (the engine before work units; {@link Engine.Mode#GLOBAL}).
 */
class WorkUnitsEquivalenceTest {
    private static RulePack pack;

    @BeforeAll
    static void loadRules() throws Exception {
        pack = io.factlint.testing.DefaultPack.get();
    }

    /**
     * The facts of every rule case and conformance case, and the seed story. A case with a {@code vocabulary/}
     * folder of its own needs the default pack plus that vocabulary: it runs in {@code RuleCasesTest}, which builds
     * that pack, and is left out here (the tests using this list check with the default pack).
     */
    static Stream<Path> fixtures() throws Exception {
        List<Path> dirs = new java.util.ArrayList<>();
        for (String root : List.of("src/test/resources/rule-cases", "src/test/resources/conformance")) {
            try (Stream<Path> s = Files.walk(Path.of(root))) {
                s.filter(p -> p.getFileName().toString().equals("facts") && Files.isDirectory(p))
                        .filter(p -> !Files.isDirectory(p.resolveSibling("vocabulary"))).sorted().forEach(dirs::add);
            }
        }
        dirs.add(Path.of("facts"));
        return dirs.stream();
    }

    private static String json(FactBase base, Engine.Mode mode) throws Exception {
        return json(pack, base, mode);
    }

    /** What a check gives: {@code report}'s text, or the input errors that stopped it (a case of a refused input). */
    static String reportOrInputError(java.util.concurrent.Callable<String> report) throws Exception {
        try {
            return report.call();
        } catch (io.factlint.ingest.InputException e) {
            return "input errors: " + e.errors();
        }
    }

    /** The JSON report of {@code base} checked by {@code pack} in {@code mode}. */
    static String json(RulePack pack, FactBase base, Engine.Mode mode) throws Exception {
        CheckResult r = Engine.check(pack, base, EngineLimits.defaults(), Phases.NONE, mode);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JsonReportWriter().write(io.factlint.check.CheckOutcome.of(r, Severity.ERROR, false),
                new ReportOptions("test", null), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static FactBase load(Path dir) throws Exception {
        return new FactLoader(pack.vocabulary().statusWords()).load(List.of(dir));
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void partitionedReportIsByteIdentical(Path facts) throws Exception {
        String global = json(load(facts), Engine.Mode.GLOBAL);
        String partitioned = json(load(facts), Engine.Mode.PARTITIONED);
        assertThat(partitioned).isEqualTo(global);
        // a small input is one batch: check that every unit also stands alone in its own session
        assertThat(json(load(facts), Engine.Mode.UNIT_SESSIONS)).isEqualTo(global);
    }

    @Test
    void generatedFactSetWithPlantedFindingsIsByteIdentical(@TempDir Path dir) throws Exception {
        FactSetGenerator.Result g = FactSetGenerator.generate(dir, 30_000, 7);
        FactBase base = load(dir);
        CheckResult partitioned = Engine.check(pack, base, EngineLimits.defaults(), Phases.NONE, Engine.Mode.PARTITIONED);
        java.util.Map<String, Integer> byRule = new java.util.TreeMap<>();
        partitioned.findings().forEach(f -> byRule.merge(f.rule(), 1, Integer::sum));
        for (var e : g.expected().entrySet()) assertThat(byRule.get(e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
        assertThat(json(load(dir), Engine.Mode.PARTITIONED)).isEqualTo(json(load(dir), Engine.Mode.GLOBAL));
    }

    @Test
    void aGeneratedFactSetIsCutIntoManySessions(@TempDir Path dir) throws Exception {
        FactSetGenerator.generate(dir, 30_000, 7);
        List<WorkUnits.Unit> units = WorkUnits.split(load(dir));
        List<WorkUnits.Batch> batches = WorkUnits.batches(units, WorkUnits.BATCH_OBJECTS);
        assertThat(units.size()).isGreaterThan(100);
        assertThat(batches.size()).isGreaterThan(2);
        // every fact in exactly one unit
        long facts = units.stream().mapToLong(u -> u.facts().size()).sum();
        assertThat(facts).isEqualTo(load(dir).facts().size());
    }
}
