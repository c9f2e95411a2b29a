package io.factlint.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.factlint.report.SarifSchema;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole way through the command line: a copy of the seed story with a waivers file and a baseline, every
 * format written into a folder. The waived finding is marked in every format, new and fixed findings are shown,
 * and every format's verdict agrees with the exit code.
 */
class ReviewedReportsEndToEndTest {
    static final Map<String, String> ENV = Map.of("FACTLINT_TODAY", "2025-02-01");

    @TempDir
    Path tmp;
    Path facts;
    Path baseline;
    Path waivers;

    @BeforeEach
    void seedBaselineAndChange() throws Exception {
        facts = CliRun.copy(Path.of("facts"), tmp.resolve("facts"));
        baseline = tmp.resolve("baseline.json");
        CliRun first = CliRun.run(ENV, "check", facts.toString(), "--format", "json", "-o", baseline.toString());
        assertThat(first.code()).as(first.err()).isZero();
        // a second, lower killed_or_injured figure: new count.decreased and claim.contradicted errors (both waived
        // below), and source.single on the troops is fixed
        Path story = facts.resolve("nk-soldier-captured.json");
        String s = Files.readString(story).replaceFirst("(\"quote\": \"over 3000 North Korean soldiers[^\"]*\"\n    \\})",
                "$1,\n    {\"id\": \"f9\", \"subject\": \"dprk-troops\", \"attribute\": \"killed_or_injured\", \"value\": 2000, "
                        + "\"at\": \"2024-12-26\", \"source\": \"nis\"}");
        Files.writeString(story, s);
        waivers = facts.resolve("waivers.yaml");
        Files.writeString(waivers, """
                waivers:
                  - rule: count.decreased
                    subject: dprk-troops
                    reason: "The lower figure counts killed only; the desk <checked> it & agrees."
                    author: "K. Chief"
                    expires: 2025-03-31
                  - rule: claim.contradicted
                    subject: dprk-troops
                    reason: "The claim is corrected in the next edition."
                    author: "J. Editor"
                    expires: 2025-02-28
                """);
    }

    private CliRun check(Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("check", facts.toString(), "--baseline", baseline.toString(),
                "--fail-on", "warning", "-o", out.toString()));
        for (String f : List.of("text", "json", "html", "junit", "sarif", "markdown", "github")) {
            args.add("--format");
            args.add(f);
        }
        args.addAll(List.of(extra));
        return CliRun.run(ENV, args.toArray(String[]::new));
    }

    @Test
    void everyFormatMarksTheWaivedNewAndFixedFindingsAndAgreesWithTheExitCode() throws Exception {
        Path out = tmp.resolve("reports");
        CliRun r = check(out, "--fail-on-new");
        // status.changed (a warning) is unchanged since the baseline; the two new errors are waived
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        String waiversFile = waivers.normalize().toString().replace('\\', '/');
        assertThat(r.out()).contains("error [count.decreased]").contains("(new) (waived until 2025-03-31 by K. Chief: ")
                .contains("fixed info [source.single]")
                .contains("(2 waived); against the baseline: 2 new, 2 unchanged, 1 fixed; passed (--fail-on warning, new findings only)");

        JsonNode json = new ObjectMapper().readTree(out.resolve("factlint.json").toFile());
        assertThat(json.at("/summary/passed").asBoolean()).isTrue();
        assertThat(json.at("/summary/waived").asInt()).isEqualTo(2);

        // SARIF: valid, the waiver as an accepted external suppression at its entry, baseline states
        JsonNode sarif = new ObjectMapper().readTree(out.resolve("factlint.sarif").toFile());
        assertThat(SarifSchema.validate(sarif)).isEmpty();
        assertThat(sarif.at("/runs/0/properties/passed").asBoolean()).isTrue();
        List<JsonNode> results = new ArrayList<>();
        sarif.at("/runs/0/results").forEach(results::add);
        JsonNode decreased = results.stream().filter(x -> x.get("ruleId").asText().equals("count.decreased")).findFirst().orElseThrow();
        JsonNode suppression = decreased.at("/suppressions/0");
        assertThat(suppression.get("kind").asText()).isEqualTo("external");
        assertThat(suppression.get("status").asText()).isEqualTo("accepted");
        assertThat(suppression.get("justification").asText()).startsWith("The lower figure counts killed only");
        assertThat(suppression.at("/location/physicalLocation/artifactLocation/uri").asText()).endsWith("facts/waivers.yaml");
        assertThat(suppression.at("/location/physicalLocation/region/startLine").asInt()).isEqualTo(2);
        assertThat(suppression.at("/properties/author").asText()).isEqualTo("K. Chief");
        assertThat(suppression.at("/properties/expires").asText()).isEqualTo("2025-03-31");
        assertThat(decreased.get("baselineState").asText()).isEqualTo("new");
        assertThat(results.stream().map(x -> x.get("ruleId").asText() + "=" + x.get("baselineState").asText()))
                .contains("status.changed=unchanged", "source.single=absent");
        assertThat(results.stream().filter(x -> x.get("ruleId").asText().equals("status.changed")))
                .allSatisfy(x -> assertThat(x.get("suppressions")).isEmpty());

        // HTML: the badge, the waiver (escaped), the fixed section, the verdict
        Document html = Jsoup.parse(out.resolve("factlint.html").toFile());
        assertThat(html.title()).isEqualTo("factlint report: PASS");
        Element waived = html.selectFirst("li.finding.is-waived");
        assertThat(waived.selectFirst(".rule-id").text()).isEqualTo("count.decreased");
        assertThat(waived.selectFirst(".badge-waived").text()).isEqualTo("waived");
        assertThat(waived.select(".badge-new")).hasSize(1);
        assertThat(waived.selectFirst(".waiver-reason").text()).contains("the desk <checked> it & agrees");
        assertThat(waived.selectFirst(".waiver-loc").text()).isEqualTo(waiversFile + ":2:5");
        assertThat(html.select("checked")).isEmpty();
        assertThat(html.select("#fixed li.fixed-finding .rule-id").eachText()).containsExactly("source.single");
        assertThat(html.select("#rules article.rule h3 code").eachText()).contains("count.decreased");
        assertThat(html.select("#rules .rule-help dt").eachText()).contains("What makes it fire", "Example", "What to do");

        // JUnit: the waived error is a skipped test case, nothing fails
        var junit = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(out.resolve("factlint-junit.xml").toFile());
        assertThat(junit.getDocumentElement().getAttribute("failures")).isEqualTo("0");
        assertThat(junit.getDocumentElement().getAttribute("skipped")).isEqualTo("2");
        List<String> skipped = new ArrayList<>();
        var nodes = junit.getElementsByTagName("skipped");
        for (int i = 0; i < nodes.getLength(); i++) {
            var e = (org.w3c.dom.Element) nodes.item(i);
            skipped.add(((org.w3c.dom.Element) e.getParentNode()).getAttribute("name") + ": " + e.getAttribute("message"));
        }
        assertThat(skipped).containsExactlyInAnyOrder(
                "count.decreased: waived: The lower figure counts killed only; the desk <checked> it & agrees.",
                "claim.contradicted: waived: The claim is corrected in the next edition.");

        String md = Files.readString(out.resolve("factlint.md"));
        assertThat(md).startsWith("## factlint: ✅ PASS").contains("💤 waived").contains("🆕 new")
                .contains("### Fixed since the baseline").contains("&lt;checked&gt;");
        String gh = Files.readString(out.resolve("factlint-github.txt"));
        assertThat(gh.lines().filter(l -> l.contains("title=[count.decreased]")).findFirst().orElseThrow())
                .startsWith("::notice ").contains("::waived: ");
    }

    @Test
    void withoutFailOnNewTheUnchangedWarningFailsInEveryFormat() throws Exception {
        Path out = tmp.resolve("reports");
        CliRun r = check(out);
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.out()).contains("; failed (--fail-on warning)");
        assertThat(new ObjectMapper().readTree(out.resolve("factlint.json").toFile()).at("/summary/passed").asBoolean()).isFalse();
        assertThat(new ObjectMapper().readTree(out.resolve("factlint.sarif").toFile()).at("/runs/0/properties/passed").asBoolean()).isFalse();
        Document html = Jsoup.parse(out.resolve("factlint.html").toFile());
        assertThat(html.title()).isEqualTo("factlint report: FAIL");
        assertThat(html.selectFirst(".verdict-line").text()).isEqualTo("Failed: 1 finding at or above warning (not counted: 2 waived).");
        assertThat(Files.readString(out.resolve("factlint.md"))).startsWith("## factlint: ❌ FAIL");
        var junit = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(out.resolve("factlint-junit.xml").toFile());
        assertThat(junit.getDocumentElement().getAttribute("failures")).isEqualTo("1");
        assertThat(junit.getDocumentElement().getAttribute("skipped")).isEqualTo("2");
    }

    @Test
    void theReportsAreByteIdenticalOnASecondRun() throws Exception {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        assertThat(check(a, "--fail-on-new").code()).isZero();
        assertThat(check(b, "--fail-on-new").code()).isZero();
        try (var files = Files.list(a)) {
            for (Path f : files.toList()) {
                assertThat(Files.readAllBytes(b.resolve(f.getFileName().toString()))).as(f.getFileName().toString())
                        .isEqualTo(Files.readAllBytes(f));
            }
        }
    }
}
