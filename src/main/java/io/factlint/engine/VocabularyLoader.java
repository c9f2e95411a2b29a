package io.factlint.engine;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.factlint.model.vocab.Cumulative;
import io.factlint.model.vocab.FigureDefinition;
import io.factlint.model.vocab.PartWhole;
import io.factlint.model.vocab.SingleSourceWatch;
import io.factlint.model.vocab.StatusWord;
import io.factlint.model.vocab.Transition;
import io.factlint.model.vocab.Vocabulary;
import io.factlint.rules.FigureKind;
import io.factlint.rules.FigureKinds;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the vocabulary of a rule pack: every {@code *.yaml} / {@code *.yml} file of the rules folder (sorted by
 * path), merged. Each file may hold any of these keys:
 * <pre>
 * statuses: [active, missing, captured, released, defected, deceased]
 * terminal: [deceased]
 * transitions: {active: [missing, captured, defected, deceased], ...}
 * cumulative: [killed, injured, ...]
 * partOf: {killed: [killed_or_injured], ...}
 * figures: {casualty_share: {numerator: killed_or_injured, denominator: deployed, percent: true, description: ...},
 *           excess_share: {kind: expr, expr: "(excess_deaths - covid_deaths) / excess_deaths"}}
 * singleSource: {attributes: [killed, killed_or_injured], statuses: [deceased]}
 * measures: [gbvf_cases]   # attributes that exist though no fact may state them (docs/claims.md)
 * nonNegative: [clinic_spending]   # measures that cannot be negative: a longer period's total bounds a shorter one's
 * yesNo: [test_kit_shortage]   # yes/no measures: a state that holds (1) or does not (0)
 * </pre>
 */
final class VocabularyLoader {
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** One vocabulary file as written. */
    record VocabFile(List<String> statuses, List<String> terminal, Map<String, List<String>> transitions,
                     List<String> cumulative, Map<String, List<String>> partOf, Map<String, FigureFile> figures,
                     SingleSourceFile singleSource, List<String> measures, List<String> nonNegative, List<String> yesNo, Object draft,
                     com.fasterxml.jackson.databind.JsonNode rules) {
        // draft: the drafting vocabulary (rules/vocabulary/draft.yaml), read by io.factlint.draft, not by the rules
        // rules: the rule catalogue (RuleCatalogue reads it)
    }

    /**
     * One figure as written: {@code kind} (default ratio), {@code description}, {@code percent}, and the kind's
     * own settings (any other key), each with its position for located errors.
     */
    static final class FigureFile {
        @com.fasterxml.jackson.annotation.JsonProperty String kind;
        @com.fasterxml.jackson.annotation.JsonProperty String description;
        @com.fasterxml.jackson.annotation.JsonProperty Boolean percent;
        final Map<String, Located> params = new LinkedHashMap<>();

        @com.fasterxml.jackson.annotation.JsonAnySetter
        void param(String key, Located value) {
            params.put(key, value);
        }
    }

    /** A scalar setting with the line and column where its text starts. */
    @com.fasterxml.jackson.databind.annotation.JsonDeserialize(using = LocatedReader.class)
    record Located(String text, int line, int column) {
    }

    static final class LocatedReader extends com.fasterxml.jackson.databind.JsonDeserializer<Located> {
        @Override
        public Located deserialize(com.fasterxml.jackson.core.JsonParser p,
                                   com.fasterxml.jackson.databind.DeserializationContext c) throws IOException {
            JsonLocation l = p.currentTokenLocation();
            if (!p.currentToken().isScalarValue()) {
                return (Located) c.handleUnexpectedToken(String.class, p);
            }
            return new Located(p.getValueAsString(), l.getLineNr(), l.getColumnNr());
        }
    }

    record SingleSourceFile(List<String> attributes, List<String> statuses) {
    }

    private VocabularyLoader() {
    }

    static Vocabulary load(List<Path> files, java.util.function.Function<Path, String> display) throws RulePackException {
        List<String> problems = new ArrayList<>();
        Set<String> statuses = new LinkedHashSet<>();
        Set<String> terminal = new LinkedHashSet<>();
        Set<Transition> transitions = new LinkedHashSet<>();
        Set<String> cumulative = new LinkedHashSet<>();
        Set<PartWhole> partWhole = new LinkedHashSet<>();
        Map<String, FigureDefinition> figures = new LinkedHashMap<>();
        Set<SingleSourceWatch> single = new LinkedHashSet<>();
        Set<String> measures = new java.util.TreeSet<>();
        Set<String> nonNegative = new java.util.TreeSet<>();
        Set<String> yesNo = new java.util.TreeSet<>();
        // where each transition and terminal status is written, to place an error on it (file, JSON pointer)
        Map<Transition, String[]> transitionAt = new LinkedHashMap<>();
        Map<String, String[]> terminalAt = new LinkedHashMap<>();
        Map<Path, YamlPositions> positions = new java.util.HashMap<>();
        java.util.function.BiFunction<Path, String, String> at = (file, pointer) ->
                display.apply(file) + positions.computeIfAbsent(file, YamlPositions::of).suffix(pointer);
        for (Path p : files) {
            String name = display.apply(p);
            VocabFile v;
            try {
                v = YAML.readValue(p.toFile(), VocabFile.class);
            } catch (JsonProcessingException e) {
                JsonLocation l = e.getLocation();
                Throwable c = e;
                while (c != null && !(c instanceof java.io.CharConversionException)) c = c.getCause();
                if (c != null) {
                    problems.add(name + ": not valid UTF-8 text (" + String.valueOf(c.getMessage()).lines().findFirst()
                            .orElse("").strip() + ")");
                    continue;
                }
                // SnakeYAML's messages carry a multi-line dump of the source: its first line is the problem
                String[] shape = shapeProblem(e);
                if (shape != null) {
                    problems.add(at.apply(p, shape[0]) + ": " + shape[1]);
                    continue;
                }
                if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException
                        && String.valueOf(e.getOriginalMessage()).startsWith("No content to map")) {
                    continue; // an empty or comment-only file declares nothing, as a file of "---" alone
                }
                problems.add(name + (l != null ? ":" + l.getLineNr() + ":" + l.getColumnNr() : "") + ": " + yamlProblem(e));
                continue;
            } catch (java.io.CharConversionException e) {
                problems.add(name + ": not valid UTF-8 text (" + String.valueOf(e.getMessage()).lines().findFirst()
                        .orElse("").strip() + ")");
                continue;
            } catch (IOException e) {
                problems.add(name + ": cannot read: " + e.getMessage());
                continue;
            }
            if (v == null) continue;
            if (v.statuses() != null) statuses.addAll(v.statuses());
            if (v.terminal() != null) {
                for (int i = 0; i < v.terminal().size(); i++) {
                    terminal.add(v.terminal().get(i));
                    terminalAt.putIfAbsent(v.terminal().get(i), new String[]{p.toString(), "/terminal/" + i});
                }
            }
            if (v.transitions() != null) {
                v.transitions().forEach((from, tos) -> {
                    for (int i = 0; i < tos.size(); i++) {
                        Transition t = new Transition(from, tos.get(i));
                        transitions.add(t);
                        transitionAt.putIfAbsent(t, new String[]{p.toString(), "/transitions/" + YamlPositions.escape(from) + "/" + i});
                    }
                });
            }
            if (v.cumulative() != null) cumulative.addAll(v.cumulative());
            if (v.partOf() != null) {
                v.partOf().forEach((part, wholes) -> wholes.forEach(w -> partWhole.add(new PartWhole(part, w))));
            }
            if (v.figures() != null) {
                for (Map.Entry<String, FigureFile> e : v.figures().entrySet()) {
                    FigureDefinition d = figure(p, name, at.apply(p, "/figures/" + YamlPositions.escape(e.getKey())), e.getKey(), e.getValue(), problems);
                    if (d != null) figures.put(e.getKey(), d);
                }
            }
            attributes(v.measures(), "a measure", i -> at.apply(p, "/measures/" + i), measures, problems);
            attributes(v.nonNegative(), "a measure that cannot be negative", i -> at.apply(p, "/nonNegative/" + i),
                    nonNegative, problems);
            attributes(v.yesNo(), "a yes/no measure", i -> at.apply(p, "/yesNo/" + i), yesNo, problems);
            if (v.singleSource() != null) {
                if (v.singleSource().attributes() != null) {
                    v.singleSource().attributes().forEach(a -> single.add(new SingleSourceWatch(a, null)));
                }
                if (v.singleSource().statuses() != null) {
                    v.singleSource().statuses().forEach(s -> single.add(new SingleSourceWatch("status", s)));
                }
            }
        }
        for (Transition t : transitions) {
            String[] o = transitionAt.get(t);
            String w = at.apply(Path.of(o[0]), o[1]);
            String fromAt = at.apply(Path.of(o[0]), o[1].substring(0, o[1].lastIndexOf('/')));
            if (!statuses.contains(t.from())) problems.add(fromAt + ": transition from undeclared status \"" + t.from() + "\" (statuses: lists the words)");
            if (!statuses.contains(t.to())) problems.add(w + ": transition to undeclared status \"" + t.to() + "\" (statuses: lists the words)");
            if (terminal.contains(t.from())) problems.add(fromAt + ": terminal status \"" + t.from() + "\" has a transition");
        }
        for (String t : terminal) {
            String[] o = terminalAt.get(t);
            if (!statuses.contains(t)) problems.add(at.apply(Path.of(o[0]), o[1]) + ": undeclared terminal status \"" + t + "\" (statuses: lists the words)");
        }
        for (FigureDefinition d : figures.values()) {
            for (String in : d.inputs()) {
                if (in.equals(d.name()) || (figures.containsKey(in) && figures.get(in).inputs().contains(d.name()))) {
                    problems.add("vocabulary: figure \"" + d.name() + "\" is defined by itself (through \"" + in + "\")");
                }
            }
        }
        if (!problems.isEmpty()) throw new RulePackException(problems);
        return new Vocabulary(
                statuses.stream().map(s -> new StatusWord(s, terminal.contains(s))).toList(),
                List.copyOf(transitions), cumulative.stream().map(Cumulative::new).toList(), List.copyOf(partWhole),
                List.copyOf(figures.values()), List.copyOf(single), List.copyOf(measures), List.copyOf(nonNegative),
                List.copyOf(yesNo));
    }

    /**
     * A vocabulary file's wrong shape in the words of its keys, not of the Java classes it is read into: an unknown
     * key ({@code yesno:}, with the keys there are) or a list written as something else ({@code yesNo: kit_shortage}):
     * the JSON pointer of the top-level key (its position is where the problem is) and the message; null for any other
     * problem (its own message is used).
     */
    private static String[] shapeProblem(JsonProcessingException e) {
        if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException u && u.getPath().size() == 1) {
            List<String> keys = new ArrayList<>();
            for (Object k : u.getKnownPropertyIds()) keys.add(String.valueOf(k));
            java.util.Collections.sort(keys);
            return new String[]{"/" + YamlPositions.escape(u.getPropertyName()), "unknown key \"" + u.getPropertyName()
                    + "\" (expected one of: " + String.join(", ", keys) + ")"};
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException m && m.getTargetType() != null
                && List.class.isAssignableFrom(m.getTargetType()) && m.getPath().size() == 1) {
            String key = m.getPath().get(0).getFieldName();
            if (key != null) {
                return new String[]{"/" + YamlPositions.escape(key), "\"" + key + "\" is a list, written [a, b] or as"
                        + " lines starting with \"- \""};
            }
        }
        return null;
    }

    /**
     * The attributes of a list ({@code measures:}, {@code nonNegative:}, {@code yesNo:}) into {@code into}; each one
     * that is not a snake_case attribute (or is {@code status}) a problem at {@code where.apply(i)}.
     */
    private static void attributes(List<String> list, String what, java.util.function.IntFunction<String> where,
                                   Set<String> into, List<String> problems) {
        if (list == null) return;
        for (int i = 0; i < list.size(); i++) {
            String m = list.get(i);
            if (m == null || !m.matches("[a-z][a-z0-9_]*") || m.equals("status")) {
                problems.add(where.apply(i) + ": " + what + " is an attribute in snake_case" + notAMeasure(m));
            } else {
                into.add(m);
            }
        }
    }

    /**
     * The end of the message on an entry of a list of measures that is none: what was found, and for {@code status}
     * (snake_case, but the status attribute, whose values are status words) why it is refused.
     */
    private static String notAMeasure(String m) {
        if (io.factlint.model.Fact.STATUS.equals(m)) return ", not \"status\": the status attribute states status words, not a measure";
        return ", found " + (m == null ? "null" : "\"" + m + "\"");
    }

    /**
     * A figure of figures.yaml checked by its kind; null (and a located problem) when it is wrong. {@code name}: the
     * figure entry's located position ({@code file:line:col}), for problems of the entry as a whole.
     */
    private static FigureDefinition figure(Path file, String display, String name, String fig, FigureFile f, List<String> problems) {
        if (f == null) {
            problems.add(name + ": figure \"" + fig + "\" needs a numerator and a denominator");
            return null;
        }
        String kind = f.kind == null ? FigureDefinition.RATIO : f.kind;
        FigureKind k = FigureKinds.of(kind);
        if (k == null) {
            problems.add(name + ": figure \"" + fig + "\": unknown kind \"" + kind + "\" (kinds: "
                    + String.join(", ", FigureKinds.names()) + ")");
            return null;
        }
        Map<String, String> params = new LinkedHashMap<>();
        f.params.forEach((key, value) -> params.put(key, value.text()));
        try {
            return new FigureDefinition(fig, kind, params, k.inputs(fig, params),
                    f.description == null ? "" : f.description, Boolean.TRUE.equals(f.percent));
        } catch (FigureKind.Invalid e) {
            Located at = f.params.get(e.key());
            problems.add((at == null ? name : display + ":" + at.line() + ":" + column(file, at, e.offset())) + ": " + e.getMessage());
            return null;
        }
    }

    /**
     * The column of character {@code offset} of a setting's text: found on its line of the file (after a quote
     * if the text is quoted), so that an expression's error points at the offending character.
     */
    private static int column(Path file, Located at, int offset) {
        if (offset < 0) return at.column();
        try {
            List<String> lines = java.nio.file.Files.readAllLines(file);
            String line = lines.get(at.line() - 1);
            int i = line.indexOf(at.text(), Math.max(0, at.column() - 1));
            if (i >= 0) return i + 1 + offset;
        } catch (IOException | IndexOutOfBoundsException e) {
            // fall back to the setting's start
        }
        return at.column() + offset;
    }

    /**
     * A rule-pack YAML file's problem in a reader's words: SnakeYAML's problem with its context ("found unexpected end
     * of stream (while scanning a quoted scalar)"), not the context alone; a value of the wrong type named by what was
     * expected, not by a Java class.
     */
    static String yamlProblem(JsonProcessingException e) {
        String yaml = io.factlint.ingest.YamlProblems.of(e);
        if (yaml != null) return "malformed YAML: " + yaml;
        String m = String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse("").strip();
        if (m.startsWith("Duplicate field '") && m.endsWith("'")) {
            // as a fact file says it: a key given twice in one mapping (a rule id twice in one catalogue)
            return "duplicate key \"" + m.substring("Duplicate field '".length(), m.length() - 1) + "\" (given twice in one mapping)";
        }
        java.util.regex.Matcher t = java.util.regex.Pattern.compile("^Cannot deserialize value of type `([^`]+)` from (.+?)(?: \\(token .*)?$").matcher(m);
        if (t.find()) {
            String type = t.group(1);
            String expected = type.endsWith("VocabFile") ? "a mapping of the vocabulary's keys (statuses:, measures:, ...)"
                    : type.equals("java.lang.Boolean") || type.equals("boolean") ? "true or false"
                    : type.equals("java.lang.String") ? "text"
                    : type.matches("java\\.lang\\.(Integer|Long|Double)|int|long|double") ? "a number"
                    : type.startsWith("java.util.List") || type.startsWith("java.util.Set") ? "a list"
                    : type.startsWith("java.util.Map") ? "a mapping" : "another kind of value";
            return "expected " + expected + ", found " + t.group(2).replace("Array value", "a list").replace("String ", "the text ");
        }
        return m;
    }

}
