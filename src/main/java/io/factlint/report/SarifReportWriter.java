package io.factlint.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.factlint.check.CheckOutcome;
import io.factlint.check.Gate;
import io.factlint.model.BaselineComparison;
import io.factlint.model.BaselineState;
import io.factlint.model.CheckResult;
import io.factlint.model.Fact;
import io.factlint.model.FactBase;
import io.factlint.model.Finding;
import io.factlint.model.FixedFinding;
import io.factlint.model.Location;
import io.factlint.model.RuleInfo;
import io.factlint.model.Severity;
import io.factlint.model.Waiver;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The SARIF 2.1.0 report, for code-scanning tools (GitHub code scanning, IDE SARIF viewers): the loaded rules as
 * {@code tool.driver.rules}, a result per finding located at its fact file (path relative, as the check was given
 * it), the other facts as related locations, and the finding's fingerprint as {@code partialFingerprints}
 * {@code factlint/v1}, so a finding keeps its identity when facts move within their files.
 *
 * <p>Reviews: every result has {@code suppressions} (empty, or one accepted external suppression for the waiver
 * that applies, located at its entry in the waivers file); with a baseline every result has {@code baselineState}
 * {@code new} or {@code unchanged}, and the baseline's findings that are gone follow as results with
 * {@code baselineState} {@code absent}.
 */
public final class SarifReportWriter implements ReportWriter {
    public static final String SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
    public static final String FINGERPRINT_KEY = "factlint/v1";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Override
    public Format format() {
        return Format.SARIF;
    }

    @Override
    public void write(CheckOutcome outcome, ReportOptions options, OutputStream out) throws IOException {
        ObjectNode log = build(outcome, options);
        writer().writeValue(out, log);
        out.write('\n');
        out.flush();
    }

    /** Pretty printed with LF line ends on every platform, so reports are byte-identical everywhere. */
    static ObjectWriter writer() {
        DefaultIndenter lf = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(lf)
                .withArrayIndenter(lf);
        return MAPPER.writer(pp);
    }

    static ObjectNode build(CheckOutcome outcome, ReportOptions options) {
        CheckResult result = outcome.result();
        Gate gate = outcome.gate();
        FactBase fb = result.facts();
        List<RuleInfo> rules = outcome.rulesWithFixed();

        ObjectNode log = NODES.objectNode();
        log.put("$schema", SCHEMA_URI);
        log.put("version", "2.1.0");
        ObjectNode run = log.putArray("runs").addObject();

        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "factlint");
        if (options.toolVersion() != null) {
            driver.put("version", text(options.toolVersion()));
            driver.put("semanticVersion", text(options.toolVersion()));
        }
        ArrayNode ruleNodes = driver.putArray("rules");
        Map<String, Integer> ruleIndex = new HashMap<>();
        for (RuleInfo r : rules) {
            ruleIndex.put(r.id(), ruleIndex.size());
            ruleNodes.add(rule(r));
        }

        ObjectNode invocation = run.putArray("invocations").addObject();
        invocation.put("executionSuccessful", true);
        if (options.timestamp() != null) invocation.put("endTimeUtc", options.timestamp().toString());

        run.put("columnKind", "utf16CodeUnits");
        ArrayNode results = run.putArray("results");
        for (Finding f : result.findings()) {
            results.add(result(f, ruleIndex.get(f.rule()), outcome));
        }
        BaselineComparison baseline = result.baseline();
        if (baseline != null) {
            for (FixedFinding f : baseline.fixed()) results.add(absent(f, ruleIndex.get(f.rule())));
        }
        ObjectNode props = run.putObject("properties");
        props.put("failOn", gate.failOnLabel());
        if (gate.failOnNew()) props.put("failOnNew", true);
        props.put("passed", gate.passed());
        props.put("stories", outcome.stories());
        props.put("facts", fb.facts().size());
        props.put("waived", result.countWaived());
        if (baseline != null) {
            ObjectNode b = props.putObject("baseline");
            b.put("file", text(baseline.file()));
            b.put("new", result.count(BaselineState.NEW));
            b.put("unchanged", result.count(BaselineState.UNCHANGED));
            b.put("absent", baseline.fixed().size());
        }
        return log;
    }

    private static ObjectNode rule(RuleInfo r) {
        ObjectNode n = NODES.objectNode();
        n.put("id", text(r.id()));
        n.put("name", pascalCase(r.id()));
        String description = r.description() == null || r.description().isBlank() ? r.id() : r.description();
        n.putObject("shortDescription").put("text", text(firstSentence(description)));
        n.putObject("fullDescription").put("text", text(description));
        n.putObject("defaultConfiguration").put("level", level(r.severity()));
        StringBuilder help = new StringBuilder(description);
        StringBuilder md = new StringBuilder(markdownText(description));
        Map<String, String> meta = r.metadata() == null ? Map.of() : new TreeMap<>(r.metadata());
        if (!meta.isEmpty() || r.file() != null) {
            help.append("\n");
            md.append("\n");
            for (Map.Entry<String, String> e : meta.entrySet()) {
                if (RuleInfo.SHOWN_KEYS.contains(e.getKey())) continue;
                help.append('\n').append(e.getKey()).append(": ").append(e.getValue());
                md.append("\n- ").append(markdownText(e.getKey())).append(": ").append(markdownText(e.getValue()));
            }
            if (r.file() != null) {
                help.append("\nrule file: ").append(r.file());
                md.append("\n- rule file: ").append(markdownText(r.file()));
            }
        }
        ObjectNode h = n.putObject("help");
        h.put("text", text(help.toString()));
        h.put("markdown", text(md.toString()));
        ObjectNode props = n.putObject("properties");
        props.putArray("tags").add("factlint").add("fact-check");
        if (r.severity() != null) props.put("severity", r.severity().id());
        if (!meta.isEmpty()) {
            ObjectNode m = props.putObject("metadata");
            meta.forEach((k, v) -> m.put(text(k), text(v)));
        }
        return n;
    }

    private static ObjectNode result(Finding f, Integer ruleIndex, CheckOutcome outcome) {
        FactBase fb = outcome.result().facts();
        ObjectNode n = NODES.objectNode();
        n.put("ruleId", text(f.rule()));
        if (ruleIndex != null) n.put("ruleIndex", ruleIndex);
        n.put("level", level(f.severity()));
        n.putObject("message").put("text", messageText(f.message()));
        Location primary = f.location();
        if (primary != null) {
            n.putArray("locations").addObject().set("physicalLocation", physical(primary));
        }
        ArrayNode related = NODES.arrayNode();
        int id = 1;
        for (Fact fact : f.facts()) {
            if (fact.getLocation() == null || fact.getLocation().equals(primary)) continue;
            ObjectNode rel = related.addObject();
            rel.put("id", id++);
            rel.set("physicalLocation", physical(fact.getLocation()));
            rel.putObject("message").put("text", messageText(ReportSupport.factLine(fact, fb)));
        }
        if (!related.isEmpty()) n.set("relatedLocations", related);
        // factlint always evaluates waivers: an empty array says "not suppressed", one entry names the waiver
        ArrayNode suppressions = n.putArray("suppressions");
        Waiver w = f.review().waiver();
        if (w != null) suppressions.add(suppression(w));
        if (f.review().baseline() != null) n.put("baselineState", f.review().baseline().id());
        n.putObject("partialFingerprints").put(FINGERPRINT_KEY, f.fingerprint());
        ObjectNode props = n.putObject("properties");
        props.put("story", text(outcome.primaryStory(f)));
        if (f.subject() != null) props.put("subject", text(f.subject()));
        if (f.claimRef() != null) props.put("claim", text(f.claimRef()));
        ArrayNode facts = props.putArray("facts");
        f.factRefs().forEach(ref -> facts.add(text(ref)));
        return n;
    }

    /**
     * A waiver as an accepted external suppression: the reason as justification, the waivers file entry as the
     * location, the author and the expiry day as properties.
     */
    private static ObjectNode suppression(Waiver w) {
        ObjectNode s = NODES.objectNode();
        s.put("kind", "external");
        s.put("status", "accepted");
        s.put("justification", text(w.reason()));
        s.putObject("location").set("physicalLocation", physical(w.location()));
        ObjectNode props = s.putObject("properties");
        props.put("author", text(w.author()));
        props.put("expires", w.expires().toString());
        return s;
    }

    /**
     * A finding of the baseline that is gone now: {@code baselineState} {@code absent}, with what the baseline
     * knew of it (level, message, location, fingerprint, fact references; the facts' own locations may be gone).
     */
    private static ObjectNode absent(FixedFinding f, Integer ruleIndex) {
        ObjectNode n = NODES.objectNode();
        n.put("ruleId", text(f.rule()));
        if (ruleIndex != null) n.put("ruleIndex", ruleIndex);
        n.put("level", level(f.severity()));
        n.putObject("message").put("text", messageText(f.message()));
        if (f.location() != null && !f.location().file().isEmpty()) {
            n.putArray("locations").addObject().set("physicalLocation", physical(f.location()));
        }
        n.put("baselineState", "absent");
        if (f.fingerprint() != null) n.putObject("partialFingerprints").put(FINGERPRINT_KEY, text(f.fingerprint()));
        ObjectNode props = n.putObject("properties");
        if (f.subject() != null) props.put("subject", text(f.subject()));
        if (f.claimRef() != null) props.put("claim", text(f.claimRef()));
        ArrayNode facts = props.putArray("facts");
        f.factRefs().forEach(ref -> facts.add(text(ref)));
        return n;
    }

    private static ObjectNode physical(Location l) {
        ObjectNode p = NODES.objectNode();
        p.putObject("artifactLocation").put("uri", uri(l.file()));
        if (l.line() > 0) {
            ObjectNode region = p.putObject("region");
            region.put("startLine", l.line());
            if (l.column() > 0) region.put("startColumn", l.column());
        }
        return p;
    }

    static String level(Severity s) {
        if (s == null) return "warning";
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

    /**
     * A file path as a URI reference: relative paths stay relative (to the folder the check ran in, normally the
     * repository root), absolute ones become {@code file:} URIs; every character outside RFC 3986's unreserved
     * characters, sub-delimiters, {@code :}, {@code @} and {@code /} is percent-encoded (so {@code #}, {@code ?},
     * {@code %} and spaces are).
     */
    static String uri(String path) {
        String p = path.replace('\\', '/');
        String prefix = "";
        if (p.startsWith("/")) {
            prefix = "file://";
        } else if (p.length() > 2 && Character.isLetter(p.charAt(0)) && p.charAt(1) == ':' && p.charAt(2) == '/') {
            prefix = "file:///";
        }
        StringBuilder b = new StringBuilder(prefix);
        boolean first = true;
        for (byte by : ReportSupport.wellFormed(p).getBytes(StandardCharsets.UTF_8)) {
            int c = by & 0xff;
            boolean keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-._~!$&'()*+,;=@/".indexOf(c) >= 0
                    || (c == ':' && !(first && prefix.isEmpty())); // a relative path's first ':' would read as a scheme
            if (keep) b.append((char) c);
            else b.append('%').append(String.format(Locale.ROOT, "%02X", c));
            if (c == '/') first = false;
        }
        return b.toString();
    }

    private static String pascalCase(String id) {
        StringBuilder b = new StringBuilder();
        boolean upper = true;
        for (char c : id.toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                b.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            } else {
                upper = true;
            }
        }
        return b.length() == 0 ? "Rule" : b.toString();
    }

    /**
     * The description up to the end of its first sentence: a full stop followed by a space, outside parentheses and
     * not ending an abbreviation ("e.g.", "i.e.", "etc."), so that a short description never stops mid-parenthesis.
     */
    static String firstSentence(String s) {
        int depth = 0;
        for (int i = 0; i < s.length() - 1; i++) {
            char c = s.charAt(i);
            if (c == '(') depth++;
            else if (c == ')' && depth > 0) depth--;
            else if (c == '.' && depth == 0 && s.charAt(i + 1) == ' ' && !abbreviation(s, i)) return s.substring(0, i + 1);
        }
        return s;
    }

    private static boolean abbreviation(String s, int dot) {
        String before = s.substring(0, dot + 1).toLowerCase(java.util.Locale.ROOT);
        return before.endsWith("e.g.") || before.endsWith("i.e.") || before.endsWith("etc.") || before.endsWith("cf.")
                || before.endsWith("vs.");
    }

    /** Text for a SARIF string: lone surrogates (which cannot be written as UTF-8) become U+FFFD. */
    private static String text(String s) {
        return ReportSupport.wellFormed(s);
    }

    /**
     * A plain-text {@code message.text}: SARIF 2.1.0 §3.11.6 reads {@code [text](n)} as an embedded link, so literal
     * brackets are escaped ({@code \\[}, {@code \\]}), as is a backslash before a bracket; lone surrogates become
     * U+FFFD.
     */
    static String messageText(String s) {
        String t = text(s);
        if (t == null) return null;
        StringBuilder b = new StringBuilder(t.length() + 8);
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '[' || c == ']') b.append('\\');
            else if (c == '\\' && i + 1 < t.length() && (t.charAt(i + 1) == '[' || t.charAt(i + 1) == ']')) b.append('\\');
            b.append(c);
        }
        return b.toString();
    }

    /** Plain text made inert in Markdown (viewers render {@code help.markdown}). */
    private static String markdownText(String s) {
        return MarkdownReportWriter.escapeText(s);
    }
}
