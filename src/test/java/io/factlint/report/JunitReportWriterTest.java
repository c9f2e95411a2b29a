package io.factlint.report;

import io.factlint.model.CheckResult;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JunitReportWriterTest {
    private final JunitReportWriter writer = new JunitReportWriter();

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        DocumentBuilder b = f.newDocumentBuilder();
        b.setErrorHandler(null);
        return b.parse(new ByteArrayInputStream(xml));
    }

    private Document render(CheckResult r, Render.Gated o) throws Exception {
        return parse(Render.bytes(writer, r, o));
    }

    private static List<Element> elements(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) out.add((Element) nodes.item(i));
        return out;
    }

    private static Element testcase(Element suite, String rule) {
        return elements(suite, "testcase").stream().filter(e -> e.getAttribute("name").equals(rule)).findFirst()
                .orElseThrow();
    }

    @Test
    void aSuitePerStoryAndATestCasePerLoadedRule() throws Exception {
        Element root = render(Fixtures.seed(), Render.FAIL_ON_ERROR).getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("testsuites");
        List<Element> suites = elements(root, "testsuite");
        assertThat(suites).hasSize(1);
        Element suite = suites.get(0);
        assertThat(suite.getAttribute("name")).isEqualTo(Fixtures.SEED);
        List<Element> cases = elements(suite, "testcase");
        assertThat(cases).hasSize(Fixtures.seed().rules().size());
        assertThat(cases).allSatisfy(c -> assertThat(c.getAttribute("classname")).isEqualTo(Fixtures.SEED));
        assertThat(cases.stream().map(c -> c.getAttribute("name")))
                .containsExactlyElementsOf(Fixtures.seed().rules().stream().map(r -> r.id()).toList());
    }

    @Test
    void failuresAtOrAboveFailOnAndCountsRight() throws Exception {
        Element root = render(Fixtures.seed(), Render.FAIL_ON_ERROR).getDocumentElement();
        Element suite = elements(root, "testsuite").get(0);
        assertThat(elements(suite, "failure")).hasSize(1);
        assertThat(suite.getAttribute("tests")).isEqualTo(String.valueOf(Fixtures.seed().rules().size()));
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(suite.getAttribute("errors")).isEqualTo("0");
        assertThat(suite.getAttribute("skipped")).isEqualTo("0");
        assertThat(root.getAttribute("tests")).isEqualTo(String.valueOf(Fixtures.seed().rules().size()));
        assertThat(root.getAttribute("failures")).isEqualTo("1");

        Element failure = elements(testcase(suite, "status.stale"), "failure").get(0);
        assertThat(failure.getAttribute("type")).isEqualTo("status.stale");
        assertThat(failure.getAttribute("message")).startsWith("The headline says the wounded North Korean soldier");
        assertThat(failure.getTextContent())
                .contains("facts/nk-soldier-captured.json:68:7")
                .contains("nk-soldier-captured#f2 facts/nk-soldier-captured.json:28:7")
                .contains("source: National Intelligence Service (South Korea) (agency), confirmed")
                .contains("quote: \"it has been confirmed that a wounded North Korean soldier has been captured\"")
                .contains("Claim: nk-soldier-captured#h1");

        // below --fail-on: in system-out, not a failure
        Element changed = testcase(suite, "status.changed");
        assertThat(elements(changed, "failure")).isEmpty();
        assertThat(elements(changed, "system-out").get(0).getTextContent())
                .startsWith("(below --fail-on error) [warning] status.changed");
        Element single = testcase(suite, "source.single");
        assertThat(elements(single, "system-out").get(0).getTextContent()).contains("Volodymyr Zelenskyy on X");
        assertThat(testcase(suite, "count.decreased").getChildNodes().getLength()).isZero();
    }

    @Test
    void failOnLevelsChangeTheFailures() throws Exception {
        Element warn = render(Fixtures.seed(), Render.FAIL_ON_WARNING).getDocumentElement();
        assertThat(warn.getAttribute("failures")).isEqualTo("2");
        assertThat(elements(warn, "failure")).hasSize(2);
        Render.Gated info = new Render.Gated("0.1.0", io.factlint.model.Severity.INFO, null);
        Element all = render(Fixtures.seed(), info).getDocumentElement();
        assertThat(elements(all, "failure")).hasSize(4);
        assertThat(all.getAttribute("failures")).isEqualTo("3"); // source.single fails twice in one test case
        Element singleCase = testcase(elements(all, "testsuite").get(0), "source.single");
        assertThat(elements(singleCase, "failure")).hasSize(2);
        assertThat(elements(singleCase, "system-out").get(0).getTextContent()).contains("soldier").contains("Zelenskyy");
        Element never = render(Fixtures.seed(), Render.NEVER).getDocumentElement();
        assertThat(elements(never, "failure")).isEmpty();
        assertThat(never.getAttribute("failures")).isEqualTo("0");
    }

    @Test
    void hostileTextsParseAndControlCharactersAreSpelledOut() throws Exception {
        byte[] xml = Render.bytes(writer, Fixtures.hostile(), Render.FAIL_ON_ERROR);
        Document doc = parse(xml); // would throw on a NUL or an unescaped '<'
        Element suite = elements(doc.getDocumentElement(), "testsuite").get(0);
        assertThat(suite.getAttribute("name")).isEqualTo("evil-story");
        Element failure = elements(suite, "failure").get(0);
        assertThat(failure.getAttribute("message")).contains(Fixtures.SCRIPT).contains("\"double\" 'single' &");
        assertThat(failure.getTextContent()).contains(Fixtures.IFRAME)
                .contains("nul\\u0000 bell\\u0007 esc\\u001B[31m")
                .contains("lone\\uD800surrogate")
                .contains(Fixtures.SEPARATORS);
        assertThat(failure.getAttribute("message")).contains("tab\t cr\r lf\n end"); // escaped as character references
        assertThat(doc.getElementsByTagName("script").getLength()).isZero();
    }

    @Test
    void timestampOnlyWhenGivenAndOutputDeterministic() throws Exception {
        assertThat(Render.text(writer, Fixtures.seed(), Render.FAIL_ON_ERROR)).doesNotContain("timestamp=");
        Element stamped = elements(render(Fixtures.seed(), Render.STAMPED).getDocumentElement(), "testsuite").get(0);
        assertThat(stamped.getAttribute("timestamp")).isEqualTo("2024-12-28T09:30:00");
        assertThat(Render.bytes(writer, Fixtures.hostile(), Render.FAIL_ON_ERROR))
                .isEqualTo(Render.bytes(writer, Fixtures.hostile(), Render.FAIL_ON_ERROR));
        assertThat(Render.text(writer, Fixtures.seed(), Render.FAIL_ON_ERROR))
                .startsWith("<?xml version='1.0' encoding='UTF-8'?>\n<testsuites")
                .doesNotContain("\r");
    }

    @Test
    void xmlSafeSpellsOutWhatXmlCannotCarry() {
        assertThat(ReportSupport.xmlSafe("a\u0000b\u0001c\td\ne\rf\uFFFEg\uD83D\uDE00h\uDC00"))
                .isEqualTo("a\\u0000b\\u0001c\td\ne\rf\\uFFFEg\uD83D\uDE00h\\uDC00");
    }

    @Test
    void aWaivedFindingAtFailOnIsASkippedTestCaseNotAFailure() throws Exception {
        Element root = render(Fixtures.reviewed(), Render.FAIL_ON_ERROR).getDocumentElement();
        Element suite = elements(root, "testsuite").get(0);
        assertThat(elements(suite, "failure")).isEmpty();
        Element stale = testcase(suite, "status.stale");
        List<Element> skipped = elements(stale, "skipped");
        assertThat(skipped).hasSize(1);
        assertThat(skipped.get(0).getAttribute("message")).isEqualTo("waived: " + Fixtures.WAIVER_REASON);
        assertThat(skipped.get(0).getTextContent()).startsWith("[error] status.stale at facts/nk-soldier-captured.json:68:7")
                .contains("Waived until 2025-03-31 by K. Chief: " + Fixtures.WAIVER_REASON + " (facts/waivers.yaml:2:5)")
                .contains("Baseline: unchanged");
        assertThat(elements(stale, "system-out")).isEmpty();
        assertThat(suite.getAttribute("tests")).isEqualTo(String.valueOf(Fixtures.seed().rules().size()));
        assertThat(suite.getAttribute("failures")).isEqualTo("0");
        assertThat(suite.getAttribute("skipped")).isEqualTo("1");
        assertThat(root.getAttribute("skipped")).isEqualTo("1");
        assertThat(root.getAttribute("failures")).isEqualTo("0");
        assertThat(elements(suite, "property").stream().map(p -> p.getAttribute("name") + "=" + p.getAttribute("value")))
                .contains("baseline=" + Fixtures.BASELINE_FILE);
    }

    @Test
    void belowFailOnAWaivedFindingIsNotSkippedAndFailOnNewCountsOnlyNewOnes() throws Exception {
        // never: nothing fails, nothing is skipped; the waived finding is in system-out
        Element never = render(Fixtures.reviewed(), Render.NEVER).getDocumentElement();
        assertThat(never.getAttribute("skipped")).isEqualTo("0");
        assertThat(elements(testcase(elements(never, "testsuite").get(0), "status.stale"), "system-out").get(0)
                .getTextContent()).startsWith("(below --fail-on never) [error] status.stale").contains("Waived until");

        // --fail-on info, new only: the new status.changed and source.single fail; the unchanged source.single not
        Element info = render(Fixtures.reviewed(), Render.NEW_ON_INFO).getDocumentElement();
        Element suite = elements(info, "testsuite").get(0);
        assertThat(elements(testcase(suite, "status.changed"), "failure")).hasSize(1);
        Element single = testcase(suite, "source.single");
        assertThat(elements(single, "failure")).hasSize(1);
        assertThat(elements(single, "failure").get(0).getTextContent()).contains("Zelenskyy").contains("Baseline: new");
        assertThat(elements(single, "system-out").get(0).getTextContent())
                .startsWith("(unchanged since the baseline, --fail-on-new) [info] source.single");
        assertThat(suite.getAttribute("failures")).isEqualTo("2");
        assertThat(suite.getAttribute("skipped")).isEqualTo("1");
        assertThat(elements(suite, "property").stream().map(p -> p.getAttribute("name") + "=" + p.getAttribute("value")))
                .contains("fail-on-new=true");
    }

    @Test
    void aTestCaseWithAFailureAndAWaivedFindingFailsAndListsTheWaivedOne() throws Exception {
        // source.single at --fail-on info: one waived (made so here), one not
        io.factlint.model.CheckResult seed = Fixtures.seed();
        io.factlint.model.Waiver w = new io.factlint.model.Waiver("source.single", "soldier-1", null, null, "one is enough",
                "me", java.time.LocalDate.parse("2025-01-31"), new io.factlint.model.Location("facts/waivers.yaml", 8, 5));
        List<io.factlint.model.Finding> findings = seed.findings().stream().map(f -> f.rule().equals("source.single")
                && "soldier-1".equals(f.subject()) ? f.withReview(io.factlint.model.Review.NONE.withWaiver(w)) : f).toList();
        io.factlint.model.CheckResult r = new io.factlint.model.CheckResult(seed.facts(), seed.rules(), findings,
                seed.figures(), seed.verdicts());
        Element suite = elements(render(r, new Render.Gated("0.1.0", io.factlint.model.Severity.INFO, null))
                .getDocumentElement(), "testsuite").get(0);
        Element single = testcase(suite, "source.single");
        assertThat(elements(single, "failure")).hasSize(1);
        assertThat(elements(single, "skipped")).isEmpty();
        assertThat(elements(single, "system-out").get(0).getTextContent()).startsWith("(waived) [info] source.single")
                .contains("Waived until 2025-01-31 by me: one is enough");
        assertThat(suite.getAttribute("skipped")).isEqualTo("0");
    }

    @Test
    void reviewedOutputParsesAndIsDeterministic() throws Exception {
        byte[] xml = Render.bytes(writer, Fixtures.hostileReviewed(), Render.FAIL_ON_ERROR);
        Element skipped = elements(parse(xml).getDocumentElement(), "skipped").get(0);
        assertThat(skipped.getAttribute("message")).startsWith("waived: " + Fixtures.WAIVER_REASON).contains(Fixtures.SCRIPT);
        assertThat(xml).isEqualTo(Render.bytes(writer, Fixtures.hostileReviewed(), Render.FAIL_ON_ERROR));
    }
}
