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

    /**
     * {@code htmlReport/finding-on-claim-without-text-npe}: a claim's {@code text} is optional, and a finding on a
     * claim without one made the HTML and JUnit writers throw (a NullPointerException in {@code findFirst}), so a
     * valid fact file ended the check with exit 3.
     */
    @Test
    void aFindingOnAClaimWithoutTextRendersInEveryFormat() throws Exception {
        CheckResult benign = ReportWriterFuzzTest.benign();
        io.factlint.model.Claim c = benign.facts().claims().get(0);
        io.factlint.model.Claim untitled = new io.factlint.model.Claim(c.storyId(), c.id(), null, c.subject(), c.attribute(),
                c.op(), c.status(), c.quantity(), c.at(), c.location());
        io.factlint.model.FactBase fb = benign.facts();
        io.factlint.model.Finding f = new io.factlint.model.Finding("claim.undetermined", io.factlint.model.Severity.WARNING,
                "cannot be settled", c.subject(), untitled.getRef(), List.of(), c.location());
        CheckResult r = new CheckResult(new io.factlint.model.FactBase(fb.files(), fb.stories(), fb.sources(), fb.entities(),
                fb.facts(), List.of(untitled), fb.mentions()), benign.rules(), List.of(f), benign.figures(),
                List.of(new io.factlint.model.ClaimVerdict(untitled, io.factlint.model.Verdict.UNDETERMINED,
                        io.factlint.model.Verdict.UNDETERMINED, null, List.of(), "no fact")));
        for (Format format : Format.values()) {
            if (!Reports.supports(format)) continue;
            byte[] out = ReportWriterFuzzTest.render(format, r);
            assertThat(out).as(format.id()).isNotEmpty();
        }
        ReportWriterFuzzTest.checkHtml(ReportWriterFuzzTest.render(Format.HTML, r));
        ReportWriterFuzzTest.checkXml(ReportWriterFuzzTest.render(Format.JUNIT, r));
    }
}
