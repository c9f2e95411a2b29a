package io.factlint.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.factlint.engine.RulePack;
import io.factlint.report.Format;
import io.factlint.report.ReportOptions;
import io.factlint.report.Reports;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every report format states the same number of stories, the outcome's: a file with a {@code story} object is a
 * story; a data set (facts without a story) and a registry (sources and entities only) are not.
 */
class StoryCountAgreementTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static CheckPipeline pipeline;

    @BeforeAll
    static void rules() throws Exception {
        pipeline = new CheckPipeline(RulePack.load(Path.of("rules")));
    }

    @Test
    void aDataSetIsNoStoryInAnyFormat(@TempDir Path dir) throws Exception {
        Path facts = Files.createDirectories(dir.resolve("facts"));
        Files.writeString(facts.resolve("daily.json"), """
                {"sources": [{"id": "moh", "name": "Ministry of Health", "kind": "government"}],
                 "entities": [{"id": "region", "kind": "place", "name": "the region"}],
                 "facts": [{"id": "d1", "subject": "region", "attribute": "killed", "value": 10, "at": "2025-01-01", "source": "moh"},
                           {"id": "d2", "subject": "region", "attribute": "killed", "value": 12, "at": "2025-01-02", "source": "moh"}]}
                """);
        CheckOutcome outcome = pipeline.run(CheckRequest.of(List.of(facts)));
        assertThat(outcome.result().facts().stories()).as("the data set is listed").hasSize(1);
        assertThat(outcome.stories()).isZero();
        assertEveryFormatSays(outcome, 0);
    }

    @Test
    void storiesBesideARegistryAndADataSet(@TempDir Path dir) throws Exception {
        Path facts = Files.createDirectories(dir.resolve("facts"));
        Files.copy(Path.of("facts/nk-soldier-captured.json"), facts.resolve("nk-soldier-captured.json"));
        Files.copy(Path.of("facts/nk-soldier-captured.txt"), facts.resolve("nk-soldier-captured.txt"));
        Files.writeString(facts.resolve("registry.json"), """
                {"sources": [{"id": "moh", "name": "Ministry of Health", "kind": "government"}]}
                """);
        Files.writeString(facts.resolve("zz-daily.json"), """
                {"facts": [{"id": "d1", "subject": "soldier-1", "attribute": "status", "value": "deceased",
                            "at": "2024-12-27", "source": "moh"}]}
                """);
        Files.writeString(facts.resolve("second.json"), """
                {"story": {"id": "second", "published": "2025-01-02"}}
                """);
        CheckOutcome outcome = pipeline.run(CheckRequest.of(List.of(facts)));
        assertThat(outcome.stories()).isEqualTo(2);
        assertEveryFormatSays(outcome, 2);
    }

    private static void assertEveryFormatSays(CheckOutcome outcome, long stories) throws Exception {
        assertThat(number(render(outcome, Format.TEXT), "(\\d+) stor(?:y|ies), \\d+ facts?")).as("text").isEqualTo(stories);
        JsonNode json = JSON.readTree(render(outcome, Format.JSON));
        assertThat(json.at("/summary/stories").asLong(-1)).as("json").isEqualTo(stories);
        JsonNode sarif = JSON.readTree(render(outcome, Format.SARIF));
        assertThat(sarif.at("/runs/0/properties/stories").asLong(-1)).as("sarif").isEqualTo(stories);
        assertThat(number(render(outcome, Format.MARKDOWN), "Checked (\\d+) stor(?:y|ies) and")).as("markdown").isEqualTo(stories);
        Document html = Jsoup.parse(render(outcome, Format.HTML));
        String htmlStories = html.select("div.stat").stream().filter(d -> d.select("dt").text().equals("Stories"))
                .map(d -> d.select("dd").text()).findFirst().orElse("absent");
        assertThat(htmlStories).as("html").isEqualTo(String.valueOf(stories));
    }

    private static long number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("%s in %s", regex, text).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static String render(CheckOutcome outcome, Format f) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Reports.writer(f).write(outcome, new ReportOptions("test", null), out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
