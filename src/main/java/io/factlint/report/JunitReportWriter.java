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
import io.factlint.check.CheckOutcome;
import io.factlint.check.Gate;
import io.factlint.model.CheckResult;
import io.factlint.model.Claim;
import io.factlint.model.Fact;
import io.factlint.model.FactBase;
import io.factlint.model.Finding;
import io.factlint.model.RuleInfo;
import io.factlint.model.Story;
import io.factlint.model.Waiver;

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
 * <p>Reviews: a waived finding never fails. When the findings at or above {@code --fail-on} of a test case are all
 * waived, the test case is {@code <skipped message="waived: reason">} (its text describes each waived finding with
 * its waiver); otherwise waived findings are listed in {@code <system-out>}, marked "(waived)", as are findings
 * unchanged since the baseline with {@code --fail-on-new}.
 *
 * <p>Counts follow the JUnit schema: {@code tests} is the number of test cases, {@code failures} the number of test
 * cases with at least one failure, {@code skipped} the number of skipped test cases. The {@code <system-out>} of a test case with several failures repeats them all,
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
    public void write(CheckOutcome outcome, ReportOptions options, OutputStream out) throws IOException {
        TestSuites doc = build(outcome, options);
        MAPPER.writer(new DefaultXmlPrettyPrinter().withCustomNewLine("\n")).writeValue(out, doc);
        out.write('\n');
        out.flush();
    }

    private static TestSuites build(CheckOutcome outcome, ReportOptions options) {
        CheckResult result = outcome.result();
        Gate gate = outcome.gate();
        FactBase fb = result.facts();
        List<RuleInfo> rules = outcome.rules();
        String timestamp = options.timestamp() == null ? null
                : TIMESTAMP.format(options.timestamp().truncatedTo(ChronoUnit.SECONDS));

        // story id -> rule id -> findings, in story and rule order
        Map<String, Map<String, List<Finding>>> byStory = new LinkedHashMap<>();
        for (Story s : fb.stories()) byStory.put(s.id(), new LinkedHashMap<>());
        for (Finding f : result.findings()) {
            byStory.computeIfAbsent(outcome.primaryStory(f), k -> new LinkedHashMap<>())
                    .computeIfAbsent(f.rule(), k -> new ArrayList<>()).add(f);
        }

        List<TestSuite> suites = new ArrayList<>();
        for (Map.Entry<String, Map<String, List<Finding>>> e : byStory.entrySet()) {
            String story = ReportSupport.xmlSafe(e.getKey());
            List<TestCase> cases = new ArrayList<>();
            int failing = 0;
            int skipping = 0;
            for (RuleInfo r : rules) {
                List<Finding> findings = e.getValue().getOrDefault(r.id(), List.of());
                List<Failure> failures = new ArrayList<>();
                for (Finding f : findings) {
                    if (gate.counts(f)) {
                        failures.add(new Failure(ReportSupport.xmlSafe(f.message()), ReportSupport.xmlSafe(f.rule()),
                                ReportSupport.xmlSafe(describe(f, fb))));
                    }
                }
                // at or above --fail-on but waived: the test case is skipped (when nothing else fails it)
                List<Finding> waived = findings.stream()
                        .filter(f -> f.waived() && gate.atFailOn(f)).toList();
                Skipped skipped = null;
                if (failures.isEmpty() && !waived.isEmpty()) {
                    String message = "waived: " + waived.get(0).review().waiver().reason()
                            + (waived.size() > 1 ? " (and " + ReportSupport.plural(waived.size() - 1, "more waived finding") + ")" : "");
                    skipped = new Skipped(ReportSupport.xmlSafe(message), ReportSupport.xmlSafe(
                            waived.stream().map(f -> describe(f, fb)).collect(java.util.stream.Collectors.joining("\n\n"))));
                }
                // the rest in system-out; failing ones too when there are several (some tools show one)
                StringBuilder sysout = new StringBuilder();
                for (Finding f : findings) {
                    boolean fails = gate.counts(f);
                    if (fails && failures.size() < 2) continue;
                    if (skipped != null && waived.contains(f)) continue;
                    if (sysout.length() > 0) sysout.append("\n\n");
                    sysout.append(fails ? "" : "(" + whyNotFailing(f, gate) + ") ").append(describe(f, fb));
                }
                if (!failures.isEmpty()) failing++;
                if (skipped != null) skipping++;
                cases.add(new TestCase(story, ReportSupport.xmlSafe(r.id()), "0", skipped, failures,
                        sysout.length() == 0 ? null : ReportSupport.xmlSafe(sysout.toString())));
            }
            List<Property> props = new ArrayList<>(List.of(
                    new Property("factlint.version", ReportSupport.xmlSafe(options.toolVersion())),
                    new Property("fail-on", gate.failOnLabel())));
            if (gate.failOnNew()) props.add(new Property("fail-on-new", "true"));
            if (result.baseline() != null) {
                props.add(new Property("baseline", ReportSupport.xmlSafe(result.baseline().file())));
            }
            suites.add(new TestSuite(story, cases.size(), failing, 0, skipping, "0", timestamp, props, cases));
        }
        int tests = suites.stream().mapToInt(s -> s.tests).sum();
        int failures = suites.stream().mapToInt(s -> s.failures).sum();
        int skipped = suites.stream().mapToInt(s -> s.skipped).sum();
        return new TestSuites("factlint", tests, failures, 0, skipped, "0", suites);
    }

    /** Why a finding that is no failure is not one: below the level, waived, or unchanged with --fail-on-new. */
    private static String whyNotFailing(Finding f, Gate gate) {
        String because = gate.notCountedBecause(f);
        if (because == null) return "below --fail-on " + gate.failOnLabel();
        return because.equals("waived") ? "waived" : because + ", --fail-on-new";
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
        Waiver w = f.review().waiver();
        if (w != null) b.append("\nWaived ").append(ReportSupport.waiverLine(w));
        if (f.review().baseline() != null) b.append("\nBaseline: ").append(f.review().baseline().id());
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

    @JsonPropertyOrder({"classname", "name", "time", "skipped", "failure", "system-out"})
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record TestCase(@JacksonXmlProperty(isAttribute = true) String classname,
                    @JacksonXmlProperty(isAttribute = true) String name,
                    @JacksonXmlProperty(isAttribute = true) String time,
                    Skipped skipped,
                    @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "failure")
                    List<Failure> failure,
                    @JacksonXmlProperty(localName = "system-out") String systemOut) {
    }

    @JsonPropertyOrder({"message", "text"})
    record Skipped(@JacksonXmlProperty(isAttribute = true) String message,
                   @JacksonXmlText String text) {
    }

    @JsonPropertyOrder({"message", "type", "text"})
    record Failure(@JacksonXmlProperty(isAttribute = true) String message,
                   @JacksonXmlProperty(isAttribute = true) String type,
                   @JacksonXmlText String text) {
    }
}
