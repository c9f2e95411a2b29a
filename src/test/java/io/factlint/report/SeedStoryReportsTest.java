package io.factlint.report;

import io.factlint.check.CheckOutcome;
import io.factlint.check.CheckPipeline;
import io.factlint.check.CheckRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.factlint.engine.EngineLimits;
import io.factlint.engine.RulePack;
import io.factlint.model.CheckResult;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every report of the real seed story, checked by the real engine with the default rule pack. */
class SeedStoryReportsTest {
    private static CheckResult result;

    @BeforeAll
    static void check() throws Exception {
        result = io.factlint.testing.DefaultPack.pipeline()
                .run(CheckRequest.of(List.of(Path.of("facts/nk-soldier-captured.json")))).result();
    }

    @Test
    void sarifValidatesAndPointsAtTheFactFile() throws Exception {
        JsonNode sarif = new ObjectMapper().readTree(Render.bytes(new SarifReportWriter(), result, Render.FAIL_ON_ERROR));
        assertThat(SarifSchema.validate(sarif)).isEmpty();
        JsonNode results = sarif.at("/runs/0/results");
        assertThat(results).hasSize(result.findings().size());
        assertThat(results).allSatisfy(r -> {
            assertThat(r.at("/locations/0/physicalLocation/artifactLocation/uri").asText())
                    .isEqualTo("facts/nk-soldier-captured.json");
            assertThat(r.at("/locations/0/physicalLocation/region/startLine").asInt()).isPositive();
            assertThat(r.at("/partialFingerprints/factlint~1v1").asText()).hasSize(32);
        });
        assertThat(sarif.at("/runs/0/tool/driver/rules").size()).isEqualTo(result.rules().size());
    }

    @Test
    void junitHasOneSuiteWithATestCasePerRule() throws Exception {
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(Render.bytes(new JunitReportWriter(), result, Render.FAIL_ON_WARNING)));
        var suites = doc.getElementsByTagName("testsuite");
        assertThat(suites.getLength()).isEqualTo(1);
        org.w3c.dom.Element suite = (org.w3c.dom.Element) suites.item(0);
        assertThat(suite.getAttribute("name")).isEqualTo("nk-soldier-captured");
        assertThat(suite.getAttribute("tests")).isEqualTo(String.valueOf(result.rules().size()));
        assertThat(doc.getElementsByTagName("failure").getLength())
                .isEqualTo((int) result.findings().stream().filter(f -> f.severity().atLeast(io.factlint.model.Severity.WARNING)).count());
    }

    @Test
    void htmlShowsTheCaptureThenTheDeathAndTheCasualtyShare() {
        Document d = Jsoup.parse(Render.text(new HtmlReportWriter(), result, Render.FAIL_ON_ERROR));
        assertThat(d.select("li.finding")).hasSize(result.findings().size());
        Element timeline = d.select("article.timeline").stream()
                .filter(t -> t.selectFirst("h3").text().contains("soldier-1")).findFirst().orElseThrow();
        assertThat(timeline.select(".tl-date").eachText()).containsExactly("26 Dec 2024", "27 Dec 2024");
        assertThat(timeline.selectFirst(".tl-change .change-mark").text()).isEqualTo("Status changed: captured → deceased");
        Element share = d.select("article.figure").stream()
                .filter(f -> f.selectFirst("h3").text().contains("casualty_share")).findFirst().orElseThrow();
        assertThat(share.select(".reading-value").eachText()).containsExactly("(25.0 %, 36.4 %)", "(0.0 %, ∞)");
        assertThat(d.select("article.claim .vbadge").eachText()).contains("supported");
    }

    /** Issue 10.17: each derived figure shows its figures.yaml description (rules/vocabulary/figures.yaml). */
    @Test
    void htmlShowsEachDerivedFiguresDescriptionFromTheVocabulary() {
        Document d = Jsoup.parse(Render.text(new HtmlReportWriter(), result, Render.FAIL_ON_ERROR));
        Element share = d.select("article.figure").stream()
                .filter(f -> f.selectFirst("h3").text().contains("casualty_share")).findFirst().orElseThrow();
        assertThat(share.select(".figure-description").eachText())
                .containsExactly("share of the deployed force killed or injured");
        assertThat(d.select("article.figure")).allSatisfy(f -> assertThat(f.select(".figure-description")).hasSize(1));
    }

    @Test
    void markdownAndGithubHaveALinePerFinding() {
        String md = Render.text(new MarkdownReportWriter(), result, Render.FAIL_ON_ERROR);
        assertThat(md.lines().filter(l -> l.startsWith("| warning") || l.startsWith("| info") || l.startsWith("| error")))
                .hasSize(result.findings().size());
        String gh = Render.text(new GithubReportWriter(), result, Render.FAIL_ON_ERROR);
        assertThat(gh.lines()).hasSize(result.findings().size())
                .allSatisfy(l -> assertThat(l).matches("::(error|warning|notice) file=facts/nk-soldier-captured.json,line=\\d+,col=\\d+,title=\\[[a-z_.]+\\]::.+"));
    }
}
