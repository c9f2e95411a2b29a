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

    private static SparkCheck.Outcome assertSameAsCli(Path facts, Path out) throws Exception {
        return assertSameAsCli(facts, new SparkCheck.Options(ROOT.resolve("rules"), facts.toString(), out.toString(), "json",
                Severity.ERROR, 600, 0), out);
    }

    /** The Spark run of {@code o} (any input format) against the CLI's check of the fact files {@code facts}. */
    private static SparkCheck.Outcome assertSameAsCli(Path facts, SparkCheck.Options o, Path out) throws Exception {
        int[] exit = new int[1];
        JsonNode report = cli(facts, exit);
        SparkCheck.Outcome r = SparkCheck.run(spark, o);
        assertThat(r.errors()).isEmpty();
        assertThat(r.exitCode()).as(facts.toString()).isEqualTo(exit[0]);
        for (String part : List.of("findings", "figures", "claims")) {
            List<JsonNode> got = lines(out.resolve(part)), want = new ArrayList<>();
            report.get(part).forEach(want::add);
            // the differences first (a short message), then the order
            List<JsonNode> extra = new ArrayList<>(got), missing = new ArrayList<>(want);
            extra.removeAll(want);
            missing.removeAll(got);
            if (!extra.isEmpty()) {
                JsonNode e = extra.get(0);
                JsonNode near = want.stream().filter(w -> w.path("message").equals(e.path("message"))).findFirst().orElse(null);
                assertThat(extra).as(facts + " " + part + " only in the Spark run (" + extra.size() + "; the CLI's nearest: " + near + ")").isEmpty();
            }
            assertThat(missing).as(facts + " " + part + " only in the CLI's").isEmpty();
            assertThat(got).as(facts + " " + part).containsExactlyElementsOf(want);
        }
        JsonNode summary = JSON.readTree(r.summary());
        JsonNode want = report.get("summary");
        for (String k : List.of("stories", "facts", "claims", "errors", "warnings", "infos", "waived", "passed", "failOn")) {
            assertThat(summary.get(k)).as(facts + " summary." + k).isEqualTo(want.get(k));
        }
        return r;
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

    // ---------------------------------------------------------------- facts as rows: JSON lines and Parquet

    private static SparkCheck.Outcome convert(Path facts, String format, String out) {
        SparkCheck.Outcome c = SparkCheck.convert(spark, new SparkCheck.Options(ROOT.resolve("rules"), facts.toString(),
                out, "json", Severity.ERROR, 600, 0, "facts", format));
        assertThat(c.errors()).as(facts + " converted").isEmpty();
        assertThat(c.exitCode()).isZero();
        return c;
    }

    private static SparkCheck.Options rows(Path facts, String format, String input, Path out) {
        return new SparkCheck.Options(ROOT.resolve("rules"), input, out.toString(), "json", Severity.ERROR, 600, 0,
                format, null);
    }

    /** An archive with what rows must carry: a YAML story with exact decimals, a story text, a waivers file. */
    private static Path mixedArchive(Path tmp, int generated) throws Exception {
        Path facts = tmp.resolve("archive");
        Class<?> gen = Class.forName("io.factlint.bench.FactSetGenerator");
        gen.getMethod("generate", Path.class, int.class, long.class).invoke(null, facts.resolve("gen"), generated, 5L);
        Path y = Files.createDirectories(facts.resolve("yaml"));
        Files.writeString(y.resolve("story.yaml"), """
                story:
                  id: yaml-story
                  published: "2024-03-01"
                  text: story.txt
                sources:
                  - id: yaml-src
                    name: A source written in YAML
                    kind: agency
                entities:
                  - {id: yaml-unit, kind: group, name: a unit written in YAML}
                facts:
                  - id: y1
                    subject: yaml-unit
                    attribute: killed
                    value: {amount: 1234.5678901234567891, bound: about}
                    source: yaml-src
                    quote: "lost about 1,234 soldiers"
                  - id: y2
                    subject: yaml-unit
                    attribute: killed
                    value: 1200.10
                    at: "2024-03-02"
                    source: yaml-src
                claims:
                  - id: yc1
                    text: more than 1234.56789012345678
                    subject: yaml-unit
                    attribute: killed
                    op: ">"
                    value: 1234.56789012345678
                """);
        Files.writeString(y.resolve("story.txt"), "The unit lost about 1,234 soldiers, officials said. Another 99 were missing.\n");
        Files.writeString(facts.resolve("waivers.yaml"), """
                waivers:
                  - rule: count.decreased
                    subject: yaml-unit
                    reason: the second figure counts another period
                    author: desk
                    expires: 2099-12-31
                  - rule: count.decreased
                    subject: yaml-unit
                    reason: an old waiver of the same finding
                    author: desk
                    expires: 2020-01-01
                  - rule: status.conflict
                    subject: yaml-unit
                    reason: a waiver that covers nothing
                    author: desk
                    expires: 2099-12-31
                """);
        return facts;
    }

    @Test
    void theSameArchiveAsFactFilesJsonLinesAndParquetGivesTheCliFindings(@TempDir Path tmp) throws Exception {
        Path facts = mixedArchive(tmp, 10_000);
        // the converter: fact files -> JSON lines and Parquet, written through Hadoop's file systems (file:// URIs)
        String jsonl = tmp.resolve("rows-jsonl").toUri().toString(), parquet = tmp.resolve("rows-parquet").toUri().toString();
        convert(facts, "jsonl", jsonl);
        convert(facts, "parquet", parquet);
        // Parquet written by Spark itself from the JSON lines (not by the converter)
        String sparkParquet = tmp.resolve("rows-spark-parquet").toUri().toString();
        spark.read().schema(FactRows.SCHEMA).json(jsonl).write().parquet(sparkParquet);
        // Spark's JSON reader hands the nested object over as its text, digit for digit (a quantity's step is in them)
        assertThat(spark.read().parquet(sparkParquet).filter("kind = 'fact' and object like '%\"y1\"%'")
                .select("object").first().getString(0)).contains("1234.5678901234567891");

        assertSameAsCli(facts, tmp.resolve("out-facts"));
        SparkCheck.Outcome r = assertSameAsCli(facts, rows(facts, "jsonl", jsonl, tmp.resolve("out-jsonl")), tmp.resolve("out-jsonl"));
        assertThat(r.stats().get("batches")).as("several batches, each reviewing the waivers").isGreaterThan(1);
        assertSameAsCli(facts, rows(facts, "parquet", parquet, tmp.resolve("out-parquet")), tmp.resolve("out-parquet"));
        assertSameAsCli(facts, rows(facts, "parquet", sparkParquet, tmp.resolve("out-spark")), tmp.resolve("out-spark"));
        // what the archive was built to exercise is in the output
        List<JsonNode> findings = lines(tmp.resolve("out-parquet/findings"));
        assertThat(findings).anySatisfy(f -> {
            assertThat(f.get("rule").asText()).isEqualTo("count.decreased");
            assertThat(f.toString()).contains("yaml/story.yaml").contains("\"waived\":true");
        });
        assertThat(findings).anySatisfy(f -> assertThat(f.toString()).contains("text.unbacked_number").contains("yaml/story.txt"));
        // the waivers' own findings once, as the CLI's one review gives them (every batch reviews its share)
        assertThat(findings).filteredOn(f -> f.get("rule").asText().startsWith("waiver.")).extracting(f -> f.get("rule").asText())
                .containsExactly("waiver.expired", "waiver.unused");
        assertThat(findings).anySatisfy(f -> assertThat(f.get("message").asText()).contains("1 finding it covers counts again"));
    }

    @Test
    void everyConformanceCaseAsJsonLinesGivesTheCliFindings(@TempDir Path tmp) throws Exception {
        List<Path> cases;
        try (Stream<Path> s = Files.list(ROOT.resolve("src/test/resources/conformance"))) {
            cases = s.filter(p -> Files.isDirectory(p.resolve("facts"))).sorted().toList();
        }
        for (Path c : cases) {
            // absolute paths: a row's file is the path as the CLI shows it, and ".." cannot be placed
            Path facts = c.resolve("facts").toAbsolutePath().normalize();
            String name = c.getFileName().toString();
            convert(facts, "jsonl", tmp.resolve(name + "-rows").toString());
            assertSameAsCli(facts, rows(facts, "jsonl", tmp.resolve(name + "-rows").toString(), tmp.resolve(name)),
                    tmp.resolve(name));
        }
    }

    @Test
    void aFactFolderOnAHadoopUriIsCopiedAndNamedByItsUri(@TempDir Path tmp) throws Exception {
        Path facts = ROOT.resolve("src/test/resources/conformance/c12-cross-file/facts").toAbsolutePath().normalize();
        String uri = facts.toUri().toString();
        SparkCheck.Outcome r = SparkCheck.run(spark, new SparkCheck.Options(ROOT.resolve("rules"), uri,
                tmp.resolve("out").toUri().toString(), "json", Severity.ERROR, 600, 0));
        int[] exit = new int[1];
        JsonNode report = cli(facts, exit);
        assertThat(r.errors()).isEmpty();
        assertThat(r.exitCode()).isEqualTo(exit[0]);
        List<JsonNode> got = lines(tmp.resolve("out/findings"));
        assertThat(report.get("findings").size()).isPositive();
        // the same findings, named by the URI (Hadoop's qualified form: file:/...) instead of the local path
        List<String> want = new ArrayList<>();
        for (JsonNode f : report.get("findings")) want.add(f.toString().replace(facts.toString(), "file:" + facts));
        assertThat(got.stream().map(JsonNode::toString).toList()).containsExactlyElementsOf(want);
    }

    @Test
    void aBadRowIsALocatedErrorAndExitTwo(@TempDir Path tmp) throws Exception {
        Path rows = Files.createDirectories(tmp.resolve("rows"));
        Files.writeString(rows.resolve("part-0.json"), String.join("\n",
                "{\"kind\":\"source\",\"file\":\"desk/a.json\",\"line\":2,\"column\":3,\"object\":{\"id\":\"s\",\"name\":\"S\"}}",
                "{\"kind\":\"entity\",\"file\":\"desk/a.json\",\"line\":3,\"column\":3,\"object\":{\"id\":\"e\",\"name\":\"E\"}}",
                // an unknown field, and an undeclared source: the loader's own errors, at the row's place
                "{\"kind\":\"fact\",\"file\":\"desk/a.json\",\"line\":7,\"column\":5,\"object\":{\"id\":\"f1\",\"subject\":\"e\",\"attribute\":\"killed\",\"value\":3,\"at\":\"2024-01-01\",\"source\":\"s\",\"valeu\":4}}",
                "{\"kind\":\"fact\",\"file\":\"desk/a.json\",\"line\":9,\"column\":5,\"object\":{\"id\":\"f2\",\"subject\":\"e\",\"attribute\":\"killed\",\"value\":3,\"at\":\"2024-01-01\",\"source\":\"nobody\"}}",
                // a row that is not JSON: located in the data file
                "{\"kind\":\"fact\",\"file\":\"desk/a.json\",\"line\":11,",
                // a row that leaves the archive, one in a file the CLI would not read
                "{\"kind\":\"fact\",\"file\":\"../etc/a.json\",\"line\":1,\"object\":{}}",
                "{\"kind\":\"fact\",\"file\":\"desk/.old/a.json\",\"line\":1,\"object\":{}}") + "\n");
        SparkCheck.Outcome r = SparkCheck.run(spark, rows(null, "jsonl", rows.toString(), tmp.resolve("out")));
        assertThat(r.exitCode()).isEqualTo(2);
        String errors = String.join("\n", r.errors());
        assertThat(errors).contains("part-0.json:5:");
        assertThat(errors).contains("../etc/a.json").contains("leaves the archive");
        assertThat(errors).contains("desk/.old/a.json").contains("is hidden");
        assertThat(Files.exists(tmp.resolve("out"))).isFalse();

        // the same rows without the broken two: the loader's located errors, at the rows' own file and line
        List<String> good = Files.readAllLines(rows.resolve("part-0.json")).subList(0, 4); // the first four rows
        Files.write(rows.resolve("part-0.json"), good);
        r = SparkCheck.run(spark, rows(null, "jsonl", rows.toString(), tmp.resolve("out")));
        assertThat(r.exitCode()).isEqualTo(2);
        errors = String.join("\n", r.errors());
        assertThat(errors).containsPattern("desk/a\\.json:7:\\d+: .*valeu");
        assertThat(errors).containsPattern("desk/a\\.json:9:\\d+: undeclared source \"nobody\"");
        assertThat(errors).doesNotContain("factlint-spark-rows");

        // Parquet without the layout's columns
        String bad = tmp.resolve("bad-parquet").toUri().toString();
        spark.range(3).toDF("id").write().parquet(bad);
        r = SparkCheck.run(spark, rows(null, "parquet", bad, tmp.resolve("out")));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(String.join("\n", r.errors())).contains("no column \"kind\"");
    }
}
