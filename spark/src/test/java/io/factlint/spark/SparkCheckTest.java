package io.factlint.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.factlint.cli.Main;
import io.factlint.model.Severity;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Spark run gives exactly the CLI's findings, figures, verdicts, summary and exit code: on every conformance
 * case and on a generated 100 k-fact archive. A real local SparkSession (two executor threads), driver on loopback.
 */
class SparkCheckTest {
    private static final Path ROOT = Path.of("..");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").appName("factlint-test")
                .config("spark.driver.bindAddress", "127.0.0.1").config("spark.driver.host", "127.0.0.1")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2").getOrCreate();
    }

    @AfterAll
    static void stop() {
        if (spark != null) spark.stop();
    }

    /** The CLI's JSON report of {@code facts}, and its exit code. */
    private static JsonNode cli(Path facts, int[] exit) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        exit[0] = Main.run(new String[]{"check", "--rules", ROOT.resolve("rules").toString(), "--format", "json",
                "--timeout", "600", facts.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit[0]).as(err.toString(StandardCharsets.UTF_8)).isIn(0, 1);
        return JSON.readTree(out.toByteArray());
    }

    private static List<JsonNode> lines(Path dir) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        List<Path> parts;
        try (Stream<Path> s = Files.list(dir)) {
            parts = s.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList();
        }
        for (Path p : parts) {
            for (String l : Files.readAllLines(p)) if (!l.isBlank()) out.add(JSON.readTree(l));
        }
        return out;
    }

    private static void assertSameAsCli(Path facts, Path out) throws Exception {
        int[] exit = new int[1];
        JsonNode report = cli(facts, exit);
        SparkCheck.Outcome r = SparkCheck.run(spark, new SparkCheck.Options(ROOT.resolve("rules"), facts.toString(),
                out.toString(), "json", Severity.ERROR, 600, 0));
        assertThat(r.errors()).isEmpty();
        assertThat(r.exitCode()).as(facts.toString()).isEqualTo(exit[0]);
        JsonNode summary = JSON.readTree(r.summary());
        JsonNode want = report.get("summary");
        for (String k : List.of("stories", "facts", "claims", "errors", "warnings", "infos", "waived", "passed", "failOn")) {
            assertThat(summary.get(k)).as(facts + " summary." + k).isEqualTo(want.get(k));
        }
        assertThat(lines(out.resolve("findings"))).as(facts + " findings").containsExactlyElementsOf(report.get("findings"));
        assertThat(lines(out.resolve("figures"))).as(facts + " figures").containsExactlyElementsOf(report.get("figures"));
        assertThat(lines(out.resolve("claims"))).as(facts + " claims").containsExactlyElementsOf(report.get("claims"));
    }

    @Test
    void everyConformanceCaseGivesTheCliFindings(@TempDir Path tmp) throws Exception {
        List<Path> cases;
        try (Stream<Path> s = Files.list(ROOT.resolve("src/test/resources/conformance"))) {
            cases = s.filter(p -> Files.isDirectory(p.resolve("facts"))).sorted().toList();
        }
        assertThat(cases).hasSizeGreaterThanOrEqualTo(13);
        for (Path c : cases) assertSameAsCli(c.resolve("facts"), tmp.resolve(c.getFileName().toString()));
    }

    @Test
    void aGenerated100kArchiveGivesTheCliFindings(@TempDir Path tmp) throws Exception {
        Path facts = tmp.resolve("archive");
        // the root build's benchmark generator (its test classes, on this module's test class path; see pom.xml)
        Class<?> gen = Class.forName("io.factlint.bench.FactSetGenerator");
        Object g = gen.getMethod("generate", Path.class, int.class, long.class).invoke(null, facts, 100_000, 3L);
        int generated = (Integer) g.getClass().getMethod("facts").invoke(g);
        @SuppressWarnings("unchecked")
        java.util.Map<String, Integer> expected = (java.util.Map<String, Integer>) g.getClass().getMethod("expected").invoke(g);
        assertThat(generated).isGreaterThanOrEqualTo(100_000);
        assertSameAsCli(facts, tmp.resolve("out"));
        // the planted findings, counted in the Spark output
        java.util.Map<String, Integer> byRule = new java.util.TreeMap<>();
        for (JsonNode f : lines(tmp.resolve("out/findings"))) byRule.merge(f.get("rule").asText(), 1, Integer::sum);
        for (var e : expected.entrySet()) assertThat(byRule.get(e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
    }

    @Test
    void parquetOutputHoldsTheFindings(@TempDir Path tmp) throws Exception {
        Path facts = ROOT.resolve("src/test/resources/conformance/c01-status-changed/facts");
        SparkCheck.Outcome r = SparkCheck.run(spark, new SparkCheck.Options(ROOT.resolve("rules"), facts.toString(),
                tmp.toString(), "parquet", Severity.ERROR, 600, 0));
        int[] exit = new int[1];
        JsonNode report = cli(facts, exit);
        assertThat(r.exitCode()).isEqualTo(exit[0]);
        assertThat(spark.read().parquet(tmp.resolve("findings").toString()).count()).isEqualTo(report.get("findings").size());
    }

    @Test
    void aBadFactFileIsExitTwoWithItsLocation(@TempDir Path tmp) throws Exception {
        Path facts = Files.createDirectories(tmp.resolve("facts"));
        Files.writeString(facts.resolve("bad.json"), "{\"facts\": [ }\n");
        SparkCheck.Outcome r = SparkCheck.run(spark, new SparkCheck.Options(ROOT.resolve("rules"), facts.toString(),
                tmp.resolve("out").toString(), "json", Severity.ERROR, 600, 0));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(String.join("\n", r.errors())).containsPattern("bad\\.json:1:\\d+");
    }
}
