package io.factlint.report;

import io.factlint.model.CheckResult;
import io.factlint.model.Story;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What fuzzing the report writers found, as plain tests (the raw inputs are in
 * {@code ReportWriterFuzzTestInputs/<method>/}, named after the bug).
 */
class FuzzFindingsTest {

    /** {@code htmlReport/uffff-ends-jsoup-parse}: U+FFFF from a fact file ended the page for jsoup, script and all. */
    @Test
    void aNoncharacterInAFactFileDoesNotEndTheHtmlPage() {
        CheckResult benign = ReportWriterFuzzTest.benign();
        List<Story> stories = new ArrayList<>();
        for (Story s : benign.facts().stories()) {
            stories.add(new Story(s.id(), "before \uffff after \ufdd0 \ud83f\udffe", s.published(), s.textFile(), s.text(),
                    s.file(), s.location()));
        }
        CheckResult r = new CheckResult(new io.factlint.model.FactBase(benign.facts().files(), stories,
                benign.facts().sources(), benign.facts().entities(), benign.facts().facts(), benign.facts().claims(),
                benign.facts().mentions()), benign.rules(), benign.findings(), benign.figures(), benign.verdicts());
        String html = ReportWriterFuzzTest.utf8(ReportWriterFuzzTest.render(Format.HTML, r));
        assertThat(html).doesNotContain("\uffff").doesNotContain("\ufdd0").contains("before \ufffd after");
        Document doc = Jsoup.parse(html);
        assertThat(doc.select("script")).hasSize(1);
        assertThat(doc.select("footer")).hasSize(1);
        ReportWriterFuzzTest.checkHtml(html.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
