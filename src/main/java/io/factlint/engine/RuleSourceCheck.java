package io.factlint.engine;

import io.factlint.rules.MessageTemplate;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import org.kie.api.io.Resource;
import org.kie.internal.io.ResourceFactory;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a rule pack's DRL text against its rule catalogue when the pack compiles, so that a wording mistake is a
 * located rule-pack error (exit 2) rather than a failed check: every {@code @id} has a catalogue entry and every
 * entry a rule; each {@code args(...)} of a consequence passes exactly the names its id's message uses (names must
 * be string literals); the metadata annotations the catalogue replaced ({@code @severity}, {@code @description},
 * {@code @fires}, {@code @example}, {@code @fix}) are gone; and no pattern uses a temporal operator
 * ({@code after}, {@code before}, ...: they need events, which factlint's facts are not, and fail only when a check
 * runs). Uses Drools' own DRL parser for rules, annotations and consequences with their lines.
 */
final class RuleSourceCheck {
    private static final Set<String> MOVED = Set.of("severity", "description", "fires", "example", "fix");
    private static final Pattern ARGS = Pattern.compile("(?<![\\w$])(?:Args\\s*\\.\\s*)?args\\s*\\(");
    private static final Pattern REPORTS = Pattern.compile("Findings\\s*\\.\\s*of(?:Claim|Mention)?\\s*\\(");
    private static final Pattern NAME = Pattern.compile("\"([A-Za-z_][A-Za-z0-9_]*)\"");
    private static final Pattern TEMPORAL = Pattern.compile("(?<![\\w$.])(after|before|coincides|during|finishes|finishedby"
            + "|includes|meets|metby|overlaps|overlappedby|starts|startedby)\\s*(\\[[^\\]]*\\])?\\s+(?=[\\w$\"(\\-])");

    /** A DRL file's text and the name to show for it. */
    record Source(String name, String text) {
    }

    private RuleSourceCheck() {
    }

    /** The problems, each {@code file:line: message}; empty when the pack and its catalogue agree. */
    static List<String> check(List<Source> sources, RuleCatalogue catalogue) {
        List<String> problems = new ArrayList<>();
        Set<String> used = new TreeSet<>();
        for (Source src : sources) {
            PackageDescr pkg;
            try {
                Resource r = ResourceFactory.newByteArrayResource(src.text().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                r.setSourcePath(src.name());
                DrlParser parser = new DrlParser();
                pkg = parser.parse(r);
                if (parser.hasErrors() || pkg == null) continue; // the compiler reports these, located
            } catch (DroolsParserException | java.io.IOException | RuntimeException e) {
                continue;
            }
            String[] lines = src.text().split("\n", -1);
            for (RuleDescr rule : pkg.getRules()) {
                String at = src.name() + ":" + rule.getLine();
                String inRule = " in rule \"" + rule.getName() + "\"";
                for (AnnotationDescr a : rule.getAnnotations()) {
                    if (MOVED.contains(a.getName())) {
                        problems.add(src.name() + ":" + line(a.getLine(), rule.getLine()) + ": @" + a.getName() + inRule
                                + " is no longer read: it belongs in the rule's entry of the rule catalogue (a rules: key in a YAML file of the rules folder)");
                    }
                }
                AnnotationDescr idAnn = rule.getAnnotation("id");
                String id = idAnn == null ? null : AnnotationDescr.unquote(String.valueOf(idAnn.getSingleValue()));
                String consequence = rule.getConsequence() == null ? "" : String.valueOf(rule.getConsequence());
                boolean reports = REPORTS.matcher(consequence).find();
                if (id == null) {
                    if (reports) problems.add(at + ": rule \"" + rule.getName() + "\" reports findings but has no @id(\"...\")");
                    continue;
                }
                String idAt = src.name() + ":" + line(idAnn.getLine(), rule.getLine());
                used.add(id);
                RuleCatalogue.Entry entry = catalogue.get(id);
                if (entry == null) {
                    problems.add(idAt + ": rule id " + id + inRule + " has no entry in the rule catalogue: add " + id
                            + ": {severity: ..., description: ..., message: ...} under rules: in a YAML file of the rules folder");
                    continue;
                }
                temporal(src.name(), lines, rule, problems);
                AnnotationDescr msgAnn = rule.getAnnotation("message");
                String variant = msgAnn == null ? null : AnnotationDescr.unquote(String.valueOf(msgAnn.getSingleValue()));
                if (entry.message(variant) == null) {
                    String msgAt = msgAnn == null ? idAt : src.name() + ":" + line(msgAnn.getLine(), rule.getLine());
                    problems.add(msgAt + ": rule \"" + rule.getName() + "\" (" + id + ") "
                            + (variant == null ? "must name one of the wordings of its catalogue entry (" + entry.where() + ") with @message(\""
                                    + String.join("\"), @message(\"", entry.messages().keySet()) + "\")"
                            : "names @message(\"" + variant + "\"), but its catalogue entry (" + entry.where() + ") "
                                    + (entry.variants() ? "has the wordings " + String.join(", ", entry.messages().keySet()) : "has one message: drop @message")));
                    continue;
                }
                if (!reports) continue;
                checkArgs(src.name(), rule, consequence, entry, variant, problems);
            }
        }
        for (RuleCatalogue.Entry e : catalogue.entries().values()) {
            if (!used.contains(e.id())) {
                problems.add(e.where() + ": rule id " + e.id() + " has a catalogue entry but no rule: no DRL rule carries @id(\"" + e.id() + "\")");
            }
        }
        return problems;
    }

    private static int line(int line, int fallback) {
        return line > 0 ? line : fallback;
    }

    private static void checkArgs(String file, RuleDescr rule, String consequence, RuleCatalogue.Entry entry, String variant,
                                  List<String> problems) {
        MessageTemplate template = entry.message(variant);
        String messageWhere = entry.messageWhere(variant);
        Matcher m = ARGS.matcher(consequence);
        boolean any = false;
        while (m.find()) {
            any = true;
            int line = rule.getConsequenceLine() + count(consequence, m.start());
            String at = file + ":" + line + ": rule \"" + rule.getName() + "\" (" + entry.id() + "): ";
            List<String> items = split(consequence, m.end());
            if (items == null) {
                problems.add(at + "cannot read its args(...)");
                continue;
            }
            Set<String> passed = new LinkedHashSet<>();
            boolean literal = true;
            for (int i = 0; i < items.size(); i += 2) {
                Matcher n = NAME.matcher(items.get(i).trim());
                if (!n.matches()) {
                    problems.add(at + "argument names must be string literals, as in args(\"from\", $from, \"to\", $to); found " + items.get(i).trim());
                    literal = false;
                    break;
                }
                passed.add(n.group(1));
            }
            if (!literal) continue;
            if (items.size() % 2 != 0) {
                problems.add(at + "args(...) takes names and values in pairs");
                continue;
            }
            Set<String> missing = new TreeSet<>(template.names());
            missing.removeAll(passed);
            Set<String> extra = new TreeSet<>(passed);
            extra.removeAll(template.names());
            if (!missing.isEmpty()) {
                problems.add(messageWhere + ": the message of " + entry.id() + " uses " + braces(missing)
                        + ", which rule \"" + rule.getName() + "\" (" + file + ":" + line + ") does not pass");
            }
            if (!extra.isEmpty()) {
                problems.add(at + "passes " + braces(extra) + ", which the message of " + entry.id() + " ("
                        + messageWhere + ") does not use");
            }
        }
        if (!any) {
            problems.add(file + ":" + rule.getConsequenceLine() + ": rule \"" + rule.getName() + "\" (" + entry.id()
                    + ") reports a finding without args(...): pass the message's arguments, as in args(\"from\", $from)");
        }
    }

    private static String braces(Set<String> names) {
        return String.join(", ", names.stream().map(n -> "{" + n + "}").toList());
    }

    private static int count(String s, int end) {
        int n = 0;
        for (int i = 0; i < end; i++) if (s.charAt(i) == '\n') n++;
        return n;
    }

    /** The top-level comma-separated items of a call whose opening parenthesis ends at {@code from}; null if unclosed. */
    static List<String> split(String s, int from) {
        List<String> items = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int depth = 0;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < s.length() && s.charAt(j) != c) j += s.charAt(j) == '\\' ? 2 : 1;
                cur.append(s, i, Math.min(j + 1, s.length()));
                i = j;
                continue;
            }
            if (c == '(' || c == '[' || c == '{') depth++;
            if (c == ')' || c == ']' || c == '}') {
                if (depth == 0) {
                    if (!cur.toString().isBlank() || !items.isEmpty()) items.add(cur.toString());
                    return items;
                }
                depth--;
            }
            if (c == ',' && depth == 0) {
                items.add(cur.toString());
                cur.setLength(0);
                continue;
            }
            cur.append(c);
        }
        return null;
    }

    /** A temporal operator between the rule's first line and its consequence (comments and strings skipped). */
    private static void temporal(String file, String[] lines, RuleDescr rule, List<String> problems) {
        int from = Math.max(1, rule.getLine());
        int to = Math.min(lines.length, rule.getConsequenceLine() > 0 ? rule.getConsequenceLine() : lines.length);
        for (int l = from; l <= to; l++) {
            String code = lines[l - 1].replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"").replaceAll("//.*", "");
            if (code.trim().startsWith("rule ") || code.trim().startsWith("@")) continue;
            Matcher m = TEMPORAL.matcher(code);
            if (m.find()) {
                problems.add(file + ":" + l + ":" + (m.start() + 1) + ": operator \"" + m.group(1) + "\" in rule \"" + rule.getName()
                        + "\" compares events, and factlint's facts are not events: compare values (>=, <, ==) or call a method (at.after($t))");
            }
        }
    }
}
