package io.factlint.report;

import io.factlint.check.CheckRequest;
import io.factlint.model.CheckResult;
import io.factlint.testing.DefaultPack;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What fuzzing the report writers found, as plain tests (the raw inputs are in
 * {@code ReportWriterFuzzTestInputs/<method>/}, named after the bug), each reproduced from a real fact file through
 * the real pipeline.
 */
class FuzzFindingsTest {

    private static CheckResult check(Path dir, String json) throws Exception {
        Path file = dir.resolve("story.json");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        return DefaultPack.pipeline().run(CheckRequest.of(List.of(file))).result();
    }

    /** {@code htmlReport/uffff-ends-jsoup-parse}: U+FFFF from a fact file ended the page for jsoup, script and all. */
    @Test
    void aNoncharacterInAFactFileDoesNotEndTheHtmlPage(@TempDir Path dir) throws Exception {
        CheckResult r = check(dir, """
                {"story": {"id": "s", "headline": "before \\uffff after \\ufdd0 \\ud83f\\udffe", "published": "2025-03-10"},
                 "sources": [{"id": "a", "name": "Agency A", "kind": "agency"}],
                 "entities": [{"id": "u", "kind": "group", "name": "a battalion"}],
                 "facts": [{"id": "dep", "subject": "u", "attribute": "deployed", "value": 1000, "source": "a"}]}
                """);
        assertThat(r.facts().stories().get(0).headline()).contains("\uffff");
        String html = ReportWriterFuzzTest.utf8(ReportWriterFuzzTest.render(Format.HTML, r));
        assertThat(html).doesNotContain("\uffff").doesNotContain("\ufdd0").contains("before \ufffd after");
        Document doc = Jsoup.parse(html);
        assertThat(doc.select("script")).hasSize(1);
        assertThat(doc.select("footer")).hasSize(1);
        ReportWriterFuzzTest.checkHtml(html.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * {@code htmlReport/finding-on-claim-without-text-npe}: a claim's {@code text} is optional, and a finding on a
     * claim without one made the HTML and JUnit writers throw (a NullPointerException in {@code findFirst}), so a
     * valid fact file ended the check with exit 3.
     */
    @Test
    void aFindingOnAClaimWithoutTextRendersInEveryFormat(@TempDir Path dir) throws Exception {
        CheckResult r = check(dir, """
                {"story": {"id": "s", "published": "2025-03-10"},
                 "sources": [{"id": "a", "name": "Agency A", "kind": "agency"}],
                 "entities": [{"id": "u", "kind": "group", "name": "a battalion"}],
                 "facts": [{"id": "dep", "subject": "u", "attribute": "deployed", "value": 1000, "source": "a"}],
                 "claims": [{"id": "c1", "subject": "u", "attribute": "casualty_share", "op": ">", "value": 0.25}]}
                """);
        // the engine's finding names the claim, and the claim has no text
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("claim.undetermined");
            assertThat(f.claimRef()).isEqualTo("s#c1");
        });
        assertThat(r.facts().claims().get(0).text()).isNull();
        for (Format format : Format.values()) {
            if (!Reports.supports(format)) continue;
            byte[] out = ReportWriterFuzzTest.render(format, r);
            assertThat(out).as(format.id()).isNotEmpty();
        }
        ReportWriterFuzzTest.checkHtml(ReportWriterFuzzTest.render(Format.HTML, r));
        ReportWriterFuzzTest.checkXml(ReportWriterFuzzTest.render(Format.JUNIT, r));
    }
}
