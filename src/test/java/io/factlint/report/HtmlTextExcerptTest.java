package io.factlint.report;

import io.factlint.check.CheckRequest;
import io.factlint.model.CheckResult;
import io.factlint.testing.DefaultPack;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12.3: a {@code text.unbacked_number} finding shows an excerpt of the story text with its number marked
 * ({@code <mark>}), escaped like every other text. Real stories through the real pipeline and the real writer, the
 * page parsed with jsoup.
 */
class HtmlTextExcerptTest {
    private static final Pattern NUMBER = Pattern.compile("the text says \"(.*)\", and no fact's quote covers it");

    private static Document html(Path facts) throws Exception {
        CheckResult r = DefaultPack.pipeline().run(CheckRequest.of(List.of(facts))).result();
        return Jsoup.parse(Render.text(new HtmlReportWriter(), r, Render.FAIL_ON_ERROR));
    }

    private static Elements unbacked(Document d) {
        Elements out = new Elements();
        for (Element f : d.select("li.finding")) {
            if (f.selectFirst(".rule-id").text().equals("text.unbacked_number")) out.add(f);
        }
        return out;
    }

    /** The number the finding's message names ("the text says "At least 200", ..."). */
    private static String numberOf(Element finding) {
        Matcher m = NUMBER.matcher(finding.selectFirst(".message").text());
        assertThat(m.find()).as(finding.selectFirst(".message").text()).isTrue();
        return m.group(1);
    }

    @Test
    void eachUnbackedNumberIsMarkedInItsLineOfTheStoryText() throws Exception {
        Path dir = Path.of("src/test/resources/rule-cases/text.unbacked_number/fires/facts");
        List<String> lines = Files.readAllLines(dir.resolve("story.txt"), StandardCharsets.UTF_8);
        Document d = html(dir);
        Elements findings = unbacked(d);
        assertThat(findings).hasSize(3);
        for (Element f : findings) {
            Element excerpt = f.selectFirst(".excerpt");
            assertThat(excerpt).as("excerpt of %s", f.selectFirst(".loc").text()).isNotNull();
            String loc = f.selectFirst(".finding-head .loc").text();
            assertThat(excerpt.selectFirst(".excerpt-loc").text()).isEqualTo(loc);
            String[] lc = loc.substring(loc.indexOf("story.txt:") + "story.txt:".length()).split(":");
            int line = Integer.parseInt(lc[0]);
            int column = Integer.parseInt(lc[1]);
            Elements marks = excerpt.select("mark");
            assertThat(marks).hasSize(1);
            Element mark = marks.first();
            // the mark wraps exactly the number the finding names, at the finding's column, in its line
            assertThat(mark.wholeText()).isEqualTo(numberOf(f));
            assertThat(mark.children()).isEmpty();
            Element text = excerpt.selectFirst(".excerpt-text");
            assertThat(text.wholeText()).isEqualTo(lines.get(line - 1));
            String before = text.wholeText().substring(0, text.wholeText().indexOf(mark.wholeText(), column - 1));
            assertThat(before).hasSize(column - 1);
            assertThat(text.select(".cut")).isEmpty();
        }
        assertThat(findings.stream().map(f -> f.selectFirst("mark").text()))
                .containsExactly("At least 200", "23", "a quarter");
        // other findings (in fact files) have no excerpt
        assertThat(d.select("li.finding .excerpt")).hasSize(3);
    }

    @Test
    void markupInTheStoryTextStaysTextAndOnlyTheNumberIsMarked(@TempDir Path dir) throws Exception {
        String payload = "<script>document.title='pwned'</script><img src=x onerror=\"document.title='pwned'\">"
                + "<mark>fake</mark></p><b onmouseover=alert(document.domain)>bold</b> &amp; &lt;i&gt;";
        String line = "The shelter " + payload + " held 4,000 people " + payload;
        Files.writeString(dir.resolve("story.txt"), "First line, no figure.\n" + line + "\r\nLast line.\n",
                StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("story.json"), """
                {"story": {"id": "s", "published": "2025-03-10", "text": "story.txt"},
                 "sources": [{"id": "a", "name": "Agency A", "kind": "agency"}],
                 "entities": [{"id": "u", "kind": "group", "name": "a battalion"}],
                 "facts": [{"id": "f1", "subject": "u", "attribute": "deployed", "value": 800, "source": "a"}]}
                """, StandardCharsets.UTF_8);
        String html = Render.text(new HtmlReportWriter(),
                DefaultPack.pipeline().run(CheckRequest.of(List.of(dir))).result(), Render.FAIL_ON_ERROR);
        Document d = Jsoup.parse(html);
        Elements findings = unbacked(d);
        assertThat(findings).hasSize(1);
        Element excerpt = findings.first().selectFirst(".excerpt");
        assertThat(excerpt.selectFirst(".excerpt-loc").text()).endsWith("story.txt:2:" + (line.indexOf("4,000") + 1));
        Element text = excerpt.selectFirst(".excerpt-text");
        // the payload is text: no element of it survives, and the one mark is factlint's, around the number only
        assertThat(text.select("mark")).hasSize(1);
        assertThat(text.selectFirst("mark").wholeText()).isEqualTo("4,000");
        assertThat(text.select("script, img, b, p, i")).isEmpty();
        // the excerpt is a window of the line (cut at spaces), the markup in it literal text
        String shown = text.wholeText();
        assertThat(text.select(".cut").eachText()).containsExactly("…", "…");
        String inner = shown.substring(1, shown.length() - 1);
        assertThat(line).contains(inner);
        assertThat(inner).contains("onmouseover=alert(document.domain)>bold</b> &amp; &lt;i&gt; held 4,000 people "
                + "<script>document.title='pwned'</script>");
        assertThat(d.select("script")).hasSize(1);
        assertThat(d.select("img")).isEmpty();
        for (Element e : d.getAllElements()) {
            for (Attribute a : e.attributes()) assertThat(a.getKey()).doesNotStartWith("on");
        }
        assertThat(html).contains("&lt;script&gt;document.title=").doesNotContain("<script>document")
                .doesNotContain("<mark>fake").contains("&amp;amp; &amp;lt;i&amp;gt;");
    }

    /** A story whose text is {@code line}, with one fact that backs none of its numbers. */
    private static void oneLineStory(Path dir, String line) throws Exception {
        Files.writeString(dir.resolve("story.txt"), line + "\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("story.json"), """
                {"story": {"id": "s", "published": "2025-03-10", "text": "story.txt"},
                 "sources": [{"id": "a", "name": "Agency A", "kind": "agency"}],
                 "entities": [{"id": "u", "kind": "group", "name": "a battalion"}],
                 "facts": [{"id": "f1", "subject": "u", "attribute": "deployed", "value": 800, "source": "a"}]}
                """, StandardCharsets.UTF_8);
    }

    @Test
    void aLongLineIsCutToAWindowAroundTheNumber(@TempDir Path dir) throws Exception {
        String words = "word ".repeat(60);
        String line = words + "exactly 1,234 boats " + words.trim();
        oneLineStory(dir, line);
        Element finding = unbacked(html(dir)).first();
        Element text = finding.selectFirst(".excerpt .excerpt-text");
        assertThat(numberOf(finding)).isEqualTo("exactly 1,234");
        assertThat(text.selectFirst("mark").wholeText()).isEqualTo("exactly 1,234");
        assertThat(text.select(".cut").eachText()).containsExactly("…", "…");
        String shown = text.wholeText();
        assertThat(shown).startsWith("…word ").endsWith(" word…").contains("word exactly 1,234 boats word");
        String inner = shown.substring(1, shown.length() - 1);
        assertThat(line).contains(inner);
        // about 80 characters either side, cut at a space
        int markAt = inner.indexOf("exactly 1,234");
        assertThat(markAt).isBetween(75, 80);
        assertThat(inner.length() - markAt - "exactly 1,234".length()).isBetween(75, 80);
    }

    @Test
    void aLineOfAtMostTwoWindowsShowsWhole(@TempDir Path dir) throws Exception {
        // 160 characters with the number near its start: more than a window after it, yet short enough to show whole
        String line = "About 1,234 boats " + "word ".repeat(27) + "end.";
        assertThat(line.length()).isLessThanOrEqualTo(160);
        oneLineStory(dir, line);
        Element text = unbacked(html(dir)).first().selectFirst(".excerpt .excerpt-text");
        assertThat(text.select(".cut")).isEmpty();
        assertThat(text.wholeText()).isEqualTo(line);
    }
}
