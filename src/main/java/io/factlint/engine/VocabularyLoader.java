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
 * figures: {casualty_share: {numerator: killed_or_injured, denominator: deployed, percent: true, description: ...}}
 * singleSource: {attributes: [killed, killed_or_injured], statuses: [deceased]}
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
                     SingleSourceFile singleSource, com.fasterxml.jackson.databind.JsonNode rules) {
        // rules: the rule catalogue (RuleCatalogue reads it)
    }

    record FigureFile(String numerator, String denominator, String description, Boolean percent) {
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
                problems.add(name + (l != null ? ":" + l.getLineNr() + ":" + l.getColumnNr() : "") + ": " + e.getOriginalMessage());
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
                v.figures().forEach((fig, f) -> {
                    if (f.numerator() == null || f.denominator() == null) {
                        problems.add(at.apply(p, "/figures/" + YamlPositions.escape(fig)) + ": figure \"" + fig
                                + "\" needs a numerator and a denominator");
                    } else {
                        figures.put(fig, new FigureDefinition(fig, f.numerator(), f.denominator(),
                                f.description() == null ? "" : f.description(), Boolean.TRUE.equals(f.percent())));
                    }
                });
            }
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
        if (!problems.isEmpty()) throw new RulePackException(problems);
        return new Vocabulary(
                statuses.stream().map(s -> new StatusWord(s, terminal.contains(s))).toList(),
                List.copyOf(transitions), cumulative.stream().map(Cumulative::new).toList(), List.copyOf(partWhole),
                List.copyOf(figures.values()), List.copyOf(single));
    }
}
