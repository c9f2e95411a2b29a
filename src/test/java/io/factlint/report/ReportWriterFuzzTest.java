package io.factlint.report;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.factlint.model.Certainty;
import io.factlint.model.CheckResult;
import io.factlint.model.Claim;
import io.factlint.model.ClaimVerdict;
import io.factlint.model.Entity;
import io.factlint.model.Fact;
import io.factlint.model.FactBase;
import io.factlint.model.Figure;
import io.factlint.model.Finding;
import io.factlint.model.Interval;
import io.factlint.model.Location;
import io.factlint.model.Mention;
import io.factlint.model.Op;
import io.factlint.model.Quantity;
import io.factlint.model.RuleInfo;
import io.factlint.model.Severity;
import io.factlint.model.Source;
import io.factlint.model.SourceKind;
import io.factlint.model.Story;
import io.factlint.model.Verdict;
import io.factlint.model.When;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.condition.EnabledIf;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.w3c.dom.DOMException;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Fuzzes the report writers of {@link Reports} with check results whose every string (file names, entity and
 * source names, URLs, quotes, headlines, claim texts, messages, reasons) comes from the fuzzer, mixed with known
 * hostile payloads. Each format has its property:
 * <ul>
 *   <li>JSON: parses, and every finding message and claim text comes back unchanged;</li>
 *   <li>HTML: parses (jsoup) and holds no element or attribute that came from a payload: no {@code <fzpayload>}
 *       element, no {@code fzattr} or {@code on*} attribute, exactly as many {@code <script>} and
 *       {@code <meta http-equiv>} elements as the report of a benign result, no {@code javascript:} link;</li>
 *   <li>JUnit XML: parses with a secure-processing, no-DOCTYPE parser;</li>
 *   <li>SARIF: validates against the OASIS SARIF 2.1.0 schema ({@link SarifSchema}), a result per finding;</li>
 *   <li>text, Markdown and GitHub annotations: valid UTF-8 without control characters; text has one line per
 *       finding and claim plus the summary; Markdown holds no raw payload tag; each GitHub workflow command
 *       has only known properties, each once.</li>
 * </ul>
 * A format whose writer is not in this build is skipped ({@code @EnabledIf}), so its checks switch on when it lands.
 */
public class ReportWriterFuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Render.Gated OPTIONS = new Render.Gated("fuzz", Severity.WARNING, null);

    /** Payloads that break out of a context when not escaped; "fz" marks what the checks look for. */
    static final String[] HOSTILE = {
            "<script>alert(1)</script>", "\"><fzpayload fzattr=1 onmouseover=alert(1)>", "'><img src=x onerror=alert(1)>",
            "</title></style></script></textarea><fzpayload>", "<!--", "-->", "<![CDATA[", "]]>", "]]><fzpayload/>",
            "<svg onload=alert(1)>", "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
            "javascript:alert(1)", " JaVaScRiPt:alert(1)", "data:text/html,<fzpayload>", "&lt;fzpayload&gt;",
            "&#x3C;fzpayload&#x3E;", "\"", "'", "`", "\\", "&", "&amp;", "<", ">", "\u0000", "\u0001", "\u001b[31m",
            "\u0008", "\u000b", "\u000c", "\ud800", "\udfff", "\ud83d\ude00", "\uffff", "\ufffe", "\u2028", "\u2029",
            "\u202e", "\u00a0", "\r", "\n", "\r\n", "\t", "\n::error file=fz,line=1::fzinjected", "%0A::warning::fz",
            "a,line=999,title=fz::x", "::", "%", "%25", "\n# fzheading", "| fz | pipe |", "[fz](javascript:alert(1))",
            "<fzpayload>", "{{7*7}}", "${7*7}", "\u0000<fzpayload>", "x".repeat(300)};

    private static final String[] SAFE_URLS = {"https://example.org/a?b=1&c=2", "http://example.org/x\"y", ""};

    @FuzzTest(maxDuration = "5m")
    void jsonReport(FuzzedDataProvider data) throws IOException {
        CheckResult r = result(data);
        byte[] out = render(Format.JSON, r);
        JsonNode root = JSON.readTree(out);
        assertThat(root.path("findings").size()).isEqualTo(r.findings().size());
        for (int i = 0; i < r.findings().size(); i++) {
            assertThat(root.path("findings").get(i).path("message").asText()).isEqualTo(r.findings().get(i).message());
        }
        assertThat(root.path("claims").size()).isEqualTo(r.verdicts().size());
        for (int i = 0; i < r.verdicts().size(); i++) {
            JsonNode text = root.path("claims").get(i).path("text");
            String expected = r.verdicts().get(i).claim().text();
            if (expected == null) assertThat(text.isNull()).isTrue();
            else assertThat(text.asText()).isEqualTo(expected);
        }
    }

    @FuzzTest(maxDuration = "5m")
    @EnabledIf(value = "hasHtml", disabledReason = "no HTML writer in this build")
    void htmlReport(FuzzedDataProvider data) {
        checkHtml(render(Format.HTML, result(data)));
    }

    @FuzzTest(maxDuration = "5m")
    @EnabledIf(value = "hasJunit", disabledReason = "no JUNIT writer in this build")
    void junitReport(FuzzedDataProvider data) {
        checkXml(render(Format.JUNIT, result(data)));
    }

    @FuzzTest(maxDuration = "5m")
    @EnabledIf(value = "hasSarif", disabledReason = "no SARIF writer in this build")
    void sarifReport(FuzzedDataProvider data) throws IOException {
        CheckResult r = result(data);
        checkSarif(render(Format.SARIF, r), r);
    }

    @FuzzTest(maxDuration = "5m")
    void lineReports(FuzzedDataProvider data) {
        CheckResult r = result(data);
        String text = utf8(render(Format.TEXT, r));
        noControls(text, Format.TEXT);
        assertThat(text.split("\n", -1)).as("text: one line per finding and claim, the summary, a final newline")
                .hasSize(r.findings().size() + r.verdicts().size() + 2);
        if (Reports.supports(Format.MARKDOWN)) {
            String md = utf8(render(Format.MARKDOWN, r));
            noControls(md, Format.MARKDOWN);
            assertThat(md.toLowerCase(Locale.ROOT)).as("markdown: payload tags are escaped")
                    .doesNotContain("<fzpayload").doesNotContain("<script").doesNotContain("<img");
        }
        if (Reports.supports(Format.GITHUB)) {
            String gh = utf8(render(Format.GITHUB, r));
            noControls(gh, Format.GITHUB);
            checkWorkflowCommands(gh);
        }
    }

    static boolean hasHtml() {
        return Reports.supports(Format.HTML);
    }

    static boolean hasJunit() {
        return Reports.supports(Format.JUNIT);
    }

    static boolean hasSarif() {
        return Reports.supports(Format.SARIF);
    }

    // ---- the properties

    /** The HTML report of a benign result, parsed once: its own scripts and metadata. */
    private static final class HtmlBaseline {
        static final Document DOC = Jsoup.parse(utf8(render(Format.HTML, benign())));
    }

    static void checkHtml(byte[] bytes) {
        String html = utf8(bytes);
        Document doc = Jsoup.parse(html);
        Document baseline = HtmlBaseline.DOC;
        for (Element e : doc.getAllElements()) {
            assertThat(e.normalName()).as("an element from a payload").doesNotStartWith("fz");
            for (Attribute a : e.attributes()) {
                String name = a.getKey().toLowerCase(Locale.ROOT);
                assertThat(name).as("attribute of <%s>", e.normalName()).doesNotStartWith("on").doesNotStartWith("fz");
                if (Set.of("href", "src", "action", "formaction", "xlink:href", "srcdoc").contains(name)) {
                    String v = a.getValue().replaceAll("[\\s\\u0000-\\u001f]", "").toLowerCase(Locale.ROOT);
                    assertThat(v).as("%s of <%s>", name, e.normalName())
                            .doesNotStartWith("javascript:").doesNotStartWith("vbscript:").doesNotStartWith("data:text/html");
                }
            }
        }
        assertThat(doc.select("script").size()).as("<script> elements").isEqualTo(baseline.select("script").size());
        assertThat(doc.select("meta[http-equiv]").size()).as("<meta http-equiv>").isEqualTo(baseline.select("meta[http-equiv]").size());
        for (String tag : List.of("iframe", "object", "embed", "base", "form", "frame", "frameset", "applet")) {
            assertThat(doc.select(tag).size()).as("<%s> elements", tag).isEqualTo(baseline.select(tag).size());
        }
    }

    static void checkXml(byte[] bytes) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setExpandEntityReferences(false);
            f.setNamespaceAware(true);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            org.w3c.dom.Document doc = b.parse(new ByteArrayInputStream(bytes));
            assertThat(doc.getDocumentElement().getLocalName()).isIn("testsuites", "testsuite");
        } catch (SAXException | DOMException e) {
            fail("the JUnit XML report does not parse: " + e.getMessage());
        } catch (ParserConfigurationException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void checkSarif(byte[] bytes, CheckResult r) throws IOException {
        JsonNode root = JSON.readTree(bytes);
        assertThat(SarifSchema.validate(root)).as("errors against the OASIS SARIF 2.1.0 schema").isEmpty();
        assertThat(root.path("version").asText()).isEqualTo("2.1.0");
        assertThat(root.path("runs").isArray()).isTrue();
        int results = 0;
        for (JsonNode run : root.path("runs")) {
            assertThat(run.path("tool").path("driver").path("name").isTextual()).isTrue();
            for (JsonNode result : run.path("results")) {
                results++;
                assertThat(result.path("ruleId").isTextual()).as("ruleId").isTrue();
                assertThat(result.path("message").path("text").isTextual()).as("message.text").isTrue();
            }
        }
        assertThat(results).as("a SARIF result per finding").isEqualTo(r.findings().size());
    }

    /** GitHub workflow commands ({@code ::error file=F,line=L::message}) with only known properties, each once. */
    static void checkWorkflowCommands(String gh) {
        Set<String> known = Set.of("file", "line", "col", "endline", "endcolumn", "title");
        for (String line : gh.split("\n")) {
            if (!line.startsWith("::")) continue;
            int end = line.indexOf("::", 2);
            assertThat(end).as("a workflow command ends its head with ::: %s", line).isPositive();
            String head = line.substring(2, end);
            int space = head.indexOf(' ');
            String command = space < 0 ? head : head.substring(0, space);
            assertThat(command).as("command of %s", line).isIn("error", "warning", "notice", "group", "endgroup", "debug");
            if (space < 0) continue;
            Set<String> seen = new java.util.HashSet<>();
            for (String property : head.substring(space + 1).split(",")) {
                int eq = property.indexOf('=');
                assertThat(eq).as("property %s of %s", property, line).isPositive();
                String key = property.substring(0, eq).toLowerCase(Locale.ROOT);
                assertThat(known).as("property of %s", line).contains(key);
                assertThat(seen.add(key)).as("property %s twice in %s", key, line).isTrue();
                if (Set.of("line", "col", "endline", "endcolumn").contains(key)) {
                    assertThat(property.substring(eq + 1)).as("%s of %s", key, line).matches("\\d+");
                }
            }
        }
    }

    private static void noControls(String s, Format f) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\n' && c != '\t' && (Character.isISOControl(c) || c == '\u2028' || c == '\u2029')) {
                fail(f.id() + " report holds control character U+%04X at %d", (int) c, i);
            }
        }
    }

    static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new AssertionError("the report is not valid UTF-8", e);
        }
    }

    static byte[] render(Format f, CheckResult r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            OPTIONS.write(Reports.writer(f), r, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    // ---- a check result from the fuzzer's data

    private static String str(FuzzedDataProvider d) {
        return switch (d.consumeInt(0, 3)) {
            case 0 -> d.pickValue(HOSTILE);
            case 1 -> d.consumeString(40) + d.pickValue(HOSTILE) + d.consumeString(10);
            default -> d.consumeString(60);
        };
    }

    private static String nonEmpty(FuzzedDataProvider d) {
        String s = str(d);
        return s.isEmpty() ? "x" : s;
    }

    private static Location location(FuzzedDataProvider d, String file) {
        return d.consumeInt(0, 5) == 0 ? Location.of(file) : new Location(file, d.consumeInt(1, 100_000), d.consumeInt(1, 500));
    }

    private static Interval interval(FuzzedDataProvider d) {
        double a = d.consumeRegularDouble();
        double b = d.consumeBoolean() ? a : d.consumeRegularDouble();
        if (d.consumeInt(0, 5) == 0) a = Double.NEGATIVE_INFINITY;
        if (d.consumeInt(0, 5) == 0) b = Double.POSITIVE_INFINITY;
        return Interval.of(Math.min(a, b), d.consumeBoolean(), Math.max(a, b), d.consumeBoolean());
    }

    private static When when(FuzzedDataProvider d) {
        LocalDate day = LocalDate.of(2024, 12, 1).plusDays(d.consumeInt(-40_000, 40_000));
        return d.consumeInt(0, 4) == 0 ? When.period(When.day(day), When.day(day.plusDays(d.consumeInt(0, 30))))
                : When.day(day);
    }

    static CheckResult result(FuzzedDataProvider d) {
        List<String> files = new ArrayList<>();
        int nfiles = d.consumeInt(1, 3);
        for (int i = 0; i < nfiles; i++) files.add(nonEmpty(d));
        files.sort(null);
        Map<String, Source> sources = new TreeMap<>();
        int ns = d.consumeInt(1, 3);
        for (int i = 0; i < ns; i++) {
            String id = nonEmpty(d);
            String url = d.consumeBoolean() ? d.pickValue(SAFE_URLS) : d.consumeBoolean() ? str(d) : null;
            sources.put(id, new Source(id, str(d), d.pickValue(SourceKind.values()), url, location(d, files.get(0))));
        }
        Map<String, Entity> entities = new TreeMap<>();
        int ne = d.consumeInt(1, 3);
        for (int i = 0; i < ne; i++) {
            String id = nonEmpty(d);
            entities.put(id, new Entity(id, str(d), str(d), location(d, d.pickValue(files))));
        }
        List<String> entityIds = new ArrayList<>(entities.keySet());
        List<String> sourceIds = new ArrayList<>(sources.keySet());
        List<Story> stories = new ArrayList<>();
        for (String file : files) {
            boolean article = d.consumeBoolean();
            String text = d.consumeBoolean() ? str(d) : null;
            stories.add(new Story(nonEmpty(d), article ? str(d) : null, article ? when(d) : null,
                    text == null ? null : nonEmpty(d), text, file, location(d, file)));
        }
        List<Fact> facts = new ArrayList<>();
        int nf = d.consumeInt(0, 6);
        for (int i = 0; i < nf; i++) {
            Story s = d.pickValue(stories);
            boolean status = d.consumeBoolean();
            facts.add(new Fact(i, s.id(), nonEmpty(d), d.pickValue(entityIds), status ? "status" : nonEmpty(d),
                    status ? nonEmpty(d) : null,
                    status ? null : Quantity.exactly(BigDecimal.valueOf(d.consumeLong(), d.consumeInt(-5, 5))),
                    when(d), d.pickValue(sourceIds), d.pickValue(Certainty.values()), d.consumeBoolean() ? str(d) : null,
                    location(d, s.file())));
        }
        List<Claim> claims = new ArrayList<>();
        int nc = d.consumeInt(0, 4);
        for (int i = 0; i < nc; i++) {
            Story s = d.pickValue(stories);
            claims.add(new Claim(s.id(), nonEmpty(d) + i, d.consumeBoolean() ? str(d) : null, d.pickValue(entityIds),
                    nonEmpty(d), d.pickValue(Op.values()), null,
                    Quantity.exactly(BigDecimal.valueOf(d.consumeInt(-1000, 100_000), d.consumeInt(0, 3))),
                    when(d), location(d, s.file())));
        }
        List<Mention> mentions = new ArrayList<>();
        if (d.consumeBoolean()) {
            Story s = d.pickValue(stories);
            mentions.add(new Mention(s.id(), str(d), LocalDate.of(2024, 12, 27), DayOfWeek.FRIDAY, location(d, s.file())));
        }
        FactBase base = new FactBase(files, stories, sources, entities, facts, claims, mentions);

        List<RuleInfo> rules = new ArrayList<>();
        int nr = d.consumeInt(1, 3);
        for (int i = 0; i < nr; i++) {
            // rule ids come from the rule pack (trusted code, see SECURITY.md), not from fact files: words and dots
            rules.add(new RuleInfo("rule" + i + "." + d.consumeString(10).replaceAll("[^a-z0-9_.-]", ""), d.pickValue(Severity.values()), str(d),
                    nonEmpty(d), nonEmpty(d), new LinkedHashMap<>(Map.of("description", str(d)))));
        }
        List<Finding> findings = new ArrayList<>();
        int nfind = d.consumeInt(0, 6);
        for (int i = 0; i < nfind; i++) {
            RuleInfo rule = d.pickValue(rules);
            List<Fact> of = facts.isEmpty() || d.consumeBoolean() ? List.of() : List.of(d.pickValue(facts));
            findings.add(new Finding(rule.id(), rule.severity(), nonEmpty(d), d.consumeBoolean() ? d.pickValue(entityIds) : null,
                    claims.isEmpty() || d.consumeBoolean() ? null : d.pickValue(claims).getRef(), of,
                    location(d, d.pickValue(files))));
        }
        findings.sort(Finding.ORDER);
        List<Figure> figures = new ArrayList<>();
        int nfig = d.consumeInt(0, 3);
        for (int i = 0; i < nfig; i++) {
            figures.add(new Figure(d.pickValue(entityIds), nonEmpty(d), when(d), interval(d), interval(d),
                    facts.isEmpty() ? List.of() : List.of(d.pickValue(facts)), true, str(d), str(d), d.consumeBoolean()));
        }
        List<ClaimVerdict> verdicts = new ArrayList<>();
        for (Claim c : claims) {
            verdicts.add(new ClaimVerdict(c, d.pickValue(Verdict.values()), d.pickValue(Verdict.values()),
                    figures.isEmpty() || d.consumeBoolean() ? null : d.pickValue(figures),
                    facts.isEmpty() ? List.of() : List.of(d.pickValue(facts)), str(d)));
        }
        return new CheckResult(base, rules, findings, figures, verdicts);
    }

    /** A result without payloads: what the HTML report's own scripts and metadata look like. */
    static CheckResult benign() {
        String file = "facts/story.json";
        Location at = new Location(file, 3, 5);
        Story story = new Story("story", "Headline", When.day(LocalDate.of(2024, 12, 27)), null, null, file, at);
        Source source = new Source("nis", "NIS", SourceKind.AGENCY, "https://example.org", at);
        Entity entity = new Entity("e1", "person", "Soldier", at);
        Fact fact = new Fact(0, "story", "f1", "e1", "status", "captured", null, When.day(LocalDate.of(2024, 12, 26)),
                "nis", Certainty.CONFIRMED, "captured", at);
        Claim claim = new Claim("story", "c1", "Soldier captured", "e1", "status", Op.EQ, "captured", null,
                When.day(LocalDate.of(2024, 12, 27)), at);
        FactBase base = new FactBase(List.of(file), List.of(story), Map.of("nis", source), Map.of("e1", entity),
                List.of(fact), List.of(claim), List.of());
        RuleInfo rule = new RuleInfo("source.single", Severity.INFO, "one source", "rules/sources.drl", "single", Map.of());
        Finding finding = new Finding("source.single", Severity.INFO, "rests on one source", "e1", null, List.of(fact), at);
        Figure figure = new Figure("e1", "share", When.day(LocalDate.of(2024, 12, 27)), Interval.closed(0.25, 0.5),
                Interval.closed(0, 1), List.of(fact), true, "a / b", "a / b", true);
        return new CheckResult(base, List.of(rule), List.of(finding), List.of(figure),
                List.of(new ClaimVerdict(claim, Verdict.SUPPORTED, Verdict.UNDETERMINED, figure, List.of(fact), "because")));
    }
}
