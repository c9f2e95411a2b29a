package io.factlint.serve;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The pages of the seed story, as the server renders them (parsed with jsoup). */
class ServePagesTest {
    @TempDir
    static Path dir;
    static ServeFixture f;

    @BeforeAll
    static void start() throws IOException {
        f = new ServeFixture(dir);
    }

    @AfterAll
    static void stop() throws IOException {
        f.close();
    }

    static Document get(String path) throws Exception {
        HttpResponse<String> r = f.page(path);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return Jsoup.parse(r.body());
    }

    @Test
    void theStoriesListGivesVerdictCountsAndDrafts() throws Exception {
        Document d = get("/");
        Element row = d.selectFirst("tr.story-row");
        assertThat(row.selectFirst(".story-link").text()).isEqualTo("North Korean soldier captured by Ukraine dies of his wounds, Seoul says");
        assertThat(row.selectFirst(".verdict-badge").text()).isEqualTo("PASS");
        assertThat(row.select("td.num").eachText()).containsExactly("0", "1", "2", "0", "0", "5");
    }

    @Test
    void theStoryPageLinksTheArticleToItsFacts() throws Exception {
        Document d = get("/story?id=nk-soldier-captured");
        // every quote of the seed story is found in the text and linked to its fact
        assertThat(d.select(".article-text a.hl-quote")).hasSize(5);
        Element q = d.select(".article-text a.hl-quote").stream()
                .filter(a -> a.text().startsWith("North Korea has deployed over 11,000")).findFirst().orElseThrow();
        String anchor = q.attr("href").substring(1);
        assertThat(d.getElementById(anchor).selectFirst(".ref").text()).isEqualTo("nk-soldier-captured#f4");
        assertThat(q.select("mark.number").eachText()).contains("11,000");
        // dates and numbers outside the quotes are highlighted too
        assertThat(d.select(".article-text a.date").eachText()).contains("Friday", "December 27", "26th");
        assertThat(d.select(".article-text a.date").first().attr("href")).isEqualTo("#mentions");
        // findings beside the text
        assertThat(d.select("#findings li.finding .rule-id").eachText())
                .containsExactly("status.changed", "source.single", "source.single");
        // the timeline: statuses, and the counts on one chart per measure, drawn by the server
        assertThat(d.select("#timelines .statuses li").eachText().get(0)).contains("captured");
        assertThat(d.select("#timelines svg")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(d.select("#timelines svg circle.point").size()).isGreaterThanOrEqualTo(2);
        // the derived figure with its description from figures.yaml, and the claims
        assertThat(d.select("#figures .figure h3").eachText()).anyMatch(t -> t.startsWith("casualty_share"));
        assertThat(d.select("#figures .description").eachText()).contains("share of the deployed force killed or injured");
        assertThat(d.select("#claims .claim .verdict-word").eachText()).containsExactly("supported", "supported");
        assertThat(d.select("#claims .claim").get(1).text()).contains("strict reading: undetermined");
        // one script, from the server, no inline script or style
        assertThat(d.select("script")).hasSize(1);
        assertThat(d.selectFirst("script").attr("src")).isEqualTo("/static/workbench.js");
        assertThat(d.select("style, [style], [onload], [onclick], [onerror]")).isEmpty();
    }

    @Test
    void anUnknownStoryIs404() throws Exception {
        assertThat(f.page("/story?id=nothing").statusCode()).isEqualTo(404);
    }
}
