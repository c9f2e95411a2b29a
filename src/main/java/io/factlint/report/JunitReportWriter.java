package io.factlint.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlText;
import com.fasterxml.jackson.dataformat.xml.ser.ToXmlGenerator;
import com.fasterxml.jackson.dataformat.xml.util.DefaultXmlPrettyPrinter;
import io.factlint.model.CheckResult;
import io.factlint.model.Claim;
import io.factlint.model.Fact;
import io.factlint.model.FactBase;
import io.factlint.model.Finding;
import io.factlint.model.RuleInfo;
import io.factlint.model.Story;

import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JUnit XML report, as Jenkins and GitLab read it: a {@code <testsuite>} per story, a {@code <testcase>} per
 * loaded rule (class name = story id, name = rule id), a {@code <failure>} per finding at or above
 * {@code --fail-on} (message, type = rule id, and a text naming the facts), and the findings below that level in
 * the test case's {@code <system-out>}.
 *
 * <p>Counts follow the JUnit schema: {@code tests} is the number of test cases, {@code failures} the number of test
 * cases with at least one failure. The {@code <system-out>} of a test case with several failures repeats them all,
 * for tools (like Jenkins) that show only the first {@code <failure>} of a test case. Characters XML 1.0 cannot carry
 * are written as {@code \\uXXXX} text.
 */
public final class JunitReportWriter implements ReportWriter {
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private static final XmlMapper MAPPER = XmlMapper.builder()
            .enable(ToXmlGenerator.Feature.WRITE_XML_DECLARATION)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .defaultUseWrapper(false)
            .disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .build();

    @Override
    public Format format() {
        return Format.JUNIT;
    }

    @Override
    public void write(CheckResult result, ReportOptions options, OutputStream out) throws IOException {
        TestSuites doc = build(result, options);
        MAPPER.writer(new DefaultXmlPrettyPrinter().withCustomNewLine("\n")).writeValue(out, doc);
        out.write('\n');
        out.flush();
    }

    private static TestSuites build(CheckResult result, ReportOptions options) {
        FactBase fb = result.facts();
        List<RuleInfo> rules = ReportSupport.rules(result);
        String timestamp = options.timestamp() == null ? null
                : TIMESTAMP.format(options.timestamp().truncatedTo(ChronoUnit.SECONDS));

        // story id -> rule id -> findings, in story and rule order
        Map<String, Map<String, List<Finding>>> byStory = new LinkedHashMap<>();
        for (Story s : fb.stories()) byStory.put(s.id(), new LinkedHashMap<>());
        for (Finding f : result.findings()) {
            byStory.computeIfAbsent(ReportSupport.primaryStory(f, fb), k -> new LinkedHashMap<>())
                    .computeIfAbsent(f.rule(), k -> new ArrayList<>()).add(f);
        }

        List<TestSuite> suites = new ArrayList<>();
        for (Map.Entry<String, Map<String, List<Finding>>> e : byStory.entrySet()) {
            String story = ReportSupport.xmlSafe(e.getKey());
            List<TestCase> cases = new ArrayList<>();
            int failing = 0;
            for (RuleInfo r : rules) {
                List<Finding> findings = e.getValue().getOrDefault(r.id(), List.of());
                List<Failure> failures = new ArrayList<>();
                for (Finding f : findings) {
                    if (ReportSupport.failing(f, options)) {
                        failures.add(new Failure(ReportSupport.xmlSafe(f.message()), ReportSupport.xmlSafe(f.rule()),
                                ReportSupport.xmlSafe(describe(f, fb))));
                    }
                }
                // below --fail-on: only here; failing ones too when there are several (some tools show one)
                StringBuilder sysout = new StringBuilder();
                for (Finding f : findings) {
                    boolean fails = ReportSupport.failing(f, options);
                    if (fails && failures.size() < 2) continue;
                    if (sysout.length() > 0) sysout.append("\n\n");
                    sysout.append(fails ? "" : "(below --fail-on " + ReportSupport.failOnLabel(options) + ") ")
                            .append(describe(f, fb));
                }
                if (!failures.isEmpty()) failing++;
                cases.add(new TestCase(story, ReportSupport.xmlSafe(r.id()), "0", failures,
                        sysout.length() == 0 ? null : ReportSupport.xmlSafe(sysout.toString())));
            }
            List<Property> props = List.of(
                    new Property("factlint.version", ReportSupport.xmlSafe(options.toolVersion())),
                    new Property("fail-on", ReportSupport.failOnLabel(options)));
            suites.add(new TestSuite(story, cases.size(), failing, 0, 0, "0", timestamp, props, cases));
        }
        int tests = suites.stream().mapToInt(s -> s.tests).sum();
        int failures = suites.stream().mapToInt(s -> s.failures).sum();
        return new TestSuites("factlint", tests, failures, 0, 0, "0", suites);
    }

    /** The failure text: where, what, the claim, and every fact with its source, certainty and quote. */
    static String describe(Finding f, FactBase fb) {
        StringBuilder b = new StringBuilder();
        b.append('[').append(f.severity().id()).append("] ").append(f.rule());
        if (f.location() != null) b.append(" at ").append(f.location());
        b.append('\n').append(f.message());
        if (f.subject() != null) {
            b.append("\nSubject: ").append(fb.entityName(f.subject())).append(" (").append(f.subject()).append(')');
        }
        if (f.claimRef() != null) {
            b.append("\nClaim: ").append(f.claimRef());
            // a claim's text is optional: map after findFirst, which cannot hold a null
            fb.claims().stream().filter(c -> c.getRef().equals(f.claimRef())).findFirst().map(Claim::text)
                    .ifPresent(t -> b.append(" \"").append(t).append('"'));
        }
        if (!f.facts().isEmpty()) {
            b.append("\nFacts:");
            for (Fact fact : f.facts()) b.append("\n  ").append(ReportSupport.factLine(fact, fb));
        }
        b.append("\nFingerprint: ").append(f.fingerprint());
        return b.toString();
    }

    @JacksonXmlRootElement(localName = "testsuites")
    @JsonPropertyOrder({"name", "tests", "failures", "errors", "skipped", "time", "testsuite"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TestSuites(@JacksonXmlProperty(isAttribute = true) String name,
                      @JacksonXmlProperty(isAttribute = true) int tests,
                      @JacksonXmlProperty(isAttribute = true) int failures,
                      @JacksonXmlProperty(isAttribute = true) int errors,
                      @JacksonXmlProperty(isAttribute = true) int skipped,
                      @JacksonXmlProperty(isAttribute = true) String time,
                      @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "testsuite")
                      List<TestSuite> testsuite) {
    }

    @JsonPropertyOrder({"name", "tests", "failures", "errors", "skipped", "time", "timestamp", "properties", "testcase"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TestSuite(@JacksonXmlProperty(isAttribute = true) String name,
                     @JacksonXmlProperty(isAttribute = true) int tests,
                     @JacksonXmlProperty(isAttribute = true) int failures,
                     @JacksonXmlProperty(isAttribute = true) int errors,
                     @JacksonXmlProperty(isAttribute = true) int skipped,
                     @JacksonXmlProperty(isAttribute = true) String time,
                     @JacksonXmlProperty(isAttribute = true) String timestamp,
                     @JacksonXmlElementWrapper(localName = "properties") @JacksonXmlProperty(localName = "property")
                     List<Property> properties,
                     @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "testcase")
                     List<TestCase> testcase) {
    }

    @JsonPropertyOrder({"name", "value"})
    record Property(@JacksonXmlProperty(isAttribute = true) String name,
                    @JacksonXmlProperty(isAttribute = true) String value) {
    }

    @JsonPropertyOrder({"classname", "name", "time", "failure", "system-out"})
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record TestCase(@JacksonXmlProperty(isAttribute = true) String classname,
                    @JacksonXmlProperty(isAttribute = true) String name,
                    @JacksonXmlProperty(isAttribute = true) String time,
                    @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "failure")
                    List<Failure> failure,
                    @JacksonXmlProperty(localName = "system-out") String systemOut) {
    }

    @JsonPropertyOrder({"message", "type", "text"})
    record Failure(@JacksonXmlProperty(isAttribute = true) String message,
                   @JacksonXmlProperty(isAttribute = true) String type,
                   @JacksonXmlText String text) {
    }
}
