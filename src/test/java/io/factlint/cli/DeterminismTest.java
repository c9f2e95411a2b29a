package io.factlint.cli;

import io.factlint.check.CheckOutcome;
import io.factlint.check.CheckPipeline;
import io.factlint.check.CheckRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.factlint.engine.EngineLimits;
import io.factlint.engine.RulePack;
import io.factlint.model.CheckResult;
import io.factlint.model.Severity;
import io.factlint.report.Format;
import io.factlint.report.JsonReportWriter;
import io.factlint.report.ReportOptions;
import io.factlint.report.Reports;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Determinism: two runs on the same input give byte-identical reports in every format; the same facts in another
 * order within their files (claims, facts, mentions, sources and entities shuffled with fixed seeds, the files
 * re-laid out) give the same JSON report once the line and column numbers, which moved, are removed. Report order
 * follows the position in the files (findings by severity then location; claims by location), so the comparison
 * sorts findings by fingerprint and claims by reference: moving a fact may move its finding, never change it.
 */
class DeterminismTest {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final long[] SEEDS = {1, 7, 42, 1234, 98765};
    private static RulePack pack;

    @TempDir
    Path dir;

    @BeforeAll
    static void compile() throws Exception {
        pack = RulePack.load(Path.of("rules"));
    }

    @Test
    void twoRunsGiveByteIdenticalReportsInEveryFormat() throws Exception {
        Path facts = dir.resolve("facts");
        CliRun.copyTree(Path.of("facts"), facts.resolve("seed"));
        CliRun.copyTree(Path.of("src/test/resources/conformance/c12-cross-file/facts"), facts.resolve("cross-file"));
        CliRun.copyTree(Path.of("src/test/resources/conformance/c10-quotes/facts"), facts.resolve("quotes"));
        List<Format> formats = Stream.of(Format.values()).filter(Reports::supports).toList();
        assertThat(formats).contains(Format.JSON, Format.TEXT);
        List<Map<Format, byte[]>> runs = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            Path out = dir.resolve("run" + run);
            List<String> args = new ArrayList<>(List.of("check", "-o", out + "/"));
            formats.forEach(f -> args.addAll(List.of("--format", f.id())));
            args.add(facts.toString());
            CliRun r = CliRun.run(args.toArray(String[]::new));
            assertThat(r.code()).as(r.toString()).isIn(0, 1);
            Map<Format, byte[]> reports = new java.util.EnumMap<>(Format.class);
            for (Format f : formats) {
                reports.put(f, f == Format.TEXT ? r.out().getBytes(java.nio.charset.StandardCharsets.UTF_8)
                        : Files.readAllBytes(out.resolve(f.defaultFileName())));
            }
            runs.add(reports);
        }
        for (Format f : formats) {
            assertThat(runs.get(1).get(f)).as(f.id()).isNotEmpty().isEqualTo(runs.get(0).get(f));
        }
    }

    @TestFactory
    Stream<DynamicTest> shuffledFactsGiveTheSameReport() throws Exception {
        List<Path> cases = new ArrayList<>();
        cases.add(Path.of("facts"));
        try (Stream<Path> s = Files.list(Path.of("src/test/resources/conformance"))) {
            s.filter(p -> Files.isDirectory(p.resolve("facts"))).sorted().forEach(p -> cases.add(p.resolve("facts")));
        }
        return cases.stream().flatMap(c -> java.util.Arrays.stream(SEEDS).mapToObj(seed ->
                DynamicTest.dynamicTest(c.toString().replace('\\', '/') + " seed " + seed, () -> {
                    String name = c.toString().replaceAll("[^A-Za-z0-9]+", "-") + "-" + seed;
                    // the same folder for both: file names are part of the report (and of some fingerprints)
                    Path facts = dir.resolve(name).resolve("facts");
                    CliRun.copyTree(c, facts);
                    JsonNode a = withoutPositions(report(facts));
                    int moved = shuffle(facts, new Random(seed));
                    JsonNode b = withoutPositions(report(facts));
                    assertThat(JSON.writeValueAsString(b)).as("%d arrays shuffled", moved).isEqualTo(JSON.writeValueAsString(a));
                })));
    }

    private static JsonNode report(Path facts) throws Exception {
        CheckOutcome r = new CheckPipeline(pack).run(CheckRequest.of(List.of(facts)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JsonReportWriter().write(r, new ReportOptions("test", null), out);
        return JSON.readTree(out.toByteArray());
    }

    /** Shuffles the arrays of every JSON fact file under {@code root}; returns how many arrays had two items or more. */
    static int shuffle(Path root, Random random) throws IOException {
        int moved = 0;
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        for (Path f : files) {
            ObjectNode doc = (ObjectNode) JSON.readTree(f.toFile());
            for (String key : List.of("sources", "entities", "facts", "claims", "mentions")) {
                if (doc.get(key) instanceof ArrayNode arr && arr.size() > 1) {
                    List<JsonNode> items = new ArrayList<>();
                    arr.forEach(items::add);
                    Collections.shuffle(items, random);
                    arr.removeAll();
                    arr.addAll(items);
                    moved++;
                }
            }
            // and the fields of the top level, so that sections move too
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
            doc.fields().forEachRemaining(fields::add);
            Collections.shuffle(fields, random);
            ObjectNode reordered = JSON.createObjectNode();
            fields.forEach(e -> reordered.set(e.getKey(), e.getValue()));
            Files.writeString(f, JSON.writeValueAsString(reordered));
        }
        return moved;
    }

    /** The report without line and column fields, findings in fingerprint order and claims in reference order. */
    static JsonNode withoutPositions(JsonNode report) {
        JsonNode copy = report.deepCopy();
        strip(copy);
        sortBy((ArrayNode) copy.get("findings"), n -> n.path("fingerprint").asText() + "\u0000" + n.path("message").asText());
        sortBy((ArrayNode) copy.get("claims"), n -> n.path("ref").asText());
        return copy;
    }

    private static void strip(JsonNode n) {
        if (n instanceof ObjectNode o) {
            o.remove("line");
            o.remove("column");
            for (Iterator<JsonNode> it = o.elements(); it.hasNext(); ) strip(it.next());
        } else if (n instanceof ArrayNode a) {
            for (JsonNode c : a) strip(c);
        }
    }

    private static void sortBy(ArrayNode arr, java.util.function.Function<JsonNode, String> key) {
        List<JsonNode> items = new ArrayList<>();
        arr.forEach(items::add);
        items.sort(Comparator.comparing(key));
        arr.removeAll();
        arr.addAll(items);
    }
}
