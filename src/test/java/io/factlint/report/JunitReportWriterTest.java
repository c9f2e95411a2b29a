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

    /** The rule ids of rules/catalogue.yaml, sorted: every rule of the default pack. */
    private static List<String> catalogueIds() throws Exception {
        List<String> ids = new ArrayList<>();
        new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree(java.nio.file.Path.of("rules/catalogue.yaml").toFile())
                .get("rules").fieldNames().forEachRemaining(ids::add);
        return ids.stream().sorted().toList();
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
                .containsExactlyElementsOf(catalogueIds());
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
        assertThat(failure.getAttribute("message")).isEqualTo("soldier-1 (wounded North Korean soldier): claim \"North "
                + "Korean soldier captured by Ukrainian forces\" says captured, but by 27 Dec 2024 21:00 +09:00 the status is "
                + "deceased (27 Dec 2024; National Intelligence Service (South Korea))");
        assertThat(failure.getTextContent())
                .startsWith("[error] status.stale at " + Fixtures.STORY_FILE + ":23:5\n")
                .contains("\n  nk-soldier-captured#f2 " + Fixtures.STORY_FILE + ":17:5: wounded North Korean soldier "
                        + "status = captured on 26 Dec 2024; source: National Intelligence Service (South Korea) (agency), "
                        + "confirmed; quote: \"it has been confirmed that a wounded North Korean soldier has been captured\"\n")
                .contains("\nClaim: nk-soldier-captured#headline \"North Korean soldier captured by Ukrainian forces\"\n");

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
        assertThat(skipped.get(0).getTextContent()).startsWith("[error] status.stale at " + Fixtures.STORY_FILE + ":23:5")
                .contains("Waived until 2025-03-31 by K. Chief: " + Fixtures.WAIVER_REASON + " (" + Fixtures.WAIVERS_FILE
                        + ":2:5)")
                .contains("Baseline: unchanged");
        assertThat(elements(stale, "system-out")).isEmpty();
        // with waivers, the review's own rules are test cases too
        assertThat(elements(suite, "testcase").stream().map(c -> c.getAttribute("name")))
                .contains("waiver.expired", "waiver.unused");
        assertThat(suite.getAttribute("tests")).isEqualTo(String.valueOf(Fixtures.seed().rules().size() + 2));
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

        // --fail-on info, new only: the new source.single fails; the unchanged source.single and status.changed not
        Element info = render(Fixtures.reviewed(), Render.NEW_ON_INFO).getDocumentElement();
        Element suite = elements(info, "testsuite").get(0);
        assertThat(elements(testcase(suite, "status.changed"), "failure")).isEmpty();
        assertThat(elements(testcase(suite, "status.changed"), "system-out").get(0).getTextContent())
                .startsWith("(unchanged since the baseline, --fail-on-new) [warning] status.changed");
        Element single = testcase(suite, "source.single");
        assertThat(elements(single, "failure")).hasSize(1);
        assertThat(elements(single, "failure").get(0).getTextContent()).contains("Zelenskyy").contains("Baseline: new");
        assertThat(elements(single, "system-out").get(0).getTextContent())
                .startsWith("(unchanged since the baseline, --fail-on-new) [info] source.single");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(suite.getAttribute("skipped")).isEqualTo("1");
        assertThat(elements(suite, "property").stream().map(p -> p.getAttribute("name") + "=" + p.getAttribute("value")))
                .contains("fail-on-new=true");
    }

    @Test
    void aTestCaseWithAFailureAndAWaivedFindingFailsAndListsTheWaivedOne() throws Exception {
        CheckResult r;
        // source.single at --fail-on info: one waived (the soldier's, by a waivers file), one not
        java.nio.file.Path waivers = java.nio.file.Files.createTempFile("factlint-waivers", ".yaml");
        try {
            java.nio.file.Files.writeString(waivers, "waivers:\n  - rule: source.single\n    subject: soldier-1\n"
                    + "    reason: one is enough\n    author: me\n    expires: 2025-01-31\n");
            r = Fixtures.withWaivers(waivers);
        } finally {
            java.nio.file.Files.delete(waivers);
        }
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
