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
            .build();

    /** One vocabulary file as written. */
    record VocabFile(List<String> statuses, List<String> terminal, Map<String, List<String>> transitions,
                     List<String> cumulative, Map<String, List<String>> partOf, Map<String, FigureFile> figures,
                     SingleSourceFile singleSource, Object draft) {
        // draft: the drafting vocabulary (rules/vocabulary/draft.yaml), read by io.factlint.draft, not by the rules
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
            if (v.terminal() != null) terminal.addAll(v.terminal());
            if (v.transitions() != null) {
                v.transitions().forEach((from, tos) -> tos.forEach(to -> transitions.add(new Transition(from, to))));
            }
            if (v.cumulative() != null) cumulative.addAll(v.cumulative());
            if (v.partOf() != null) {
                v.partOf().forEach((part, wholes) -> wholes.forEach(w -> partWhole.add(new PartWhole(part, w))));
            }
            if (v.figures() != null) {
                v.figures().forEach((fig, f) -> {
                    if (f.numerator() == null || f.denominator() == null) {
                        problems.add(name + ": figure \"" + fig + "\" needs a numerator and a denominator");
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
            if (!statuses.contains(t.from())) problems.add("vocabulary: transition from undeclared status \"" + t.from() + "\"");
            if (!statuses.contains(t.to())) problems.add("vocabulary: transition to undeclared status \"" + t.to() + "\"");
            if (terminal.contains(t.from())) problems.add("vocabulary: terminal status \"" + t.from() + "\" has a transition");
        }
        for (String t : terminal) {
            if (!statuses.contains(t)) problems.add("vocabulary: undeclared terminal status \"" + t + "\"");
        }
        if (!problems.isEmpty()) throw new RulePackException(problems);
        return new Vocabulary(
                statuses.stream().map(s -> new StatusWord(s, terminal.contains(s))).toList(),
                List.copyOf(transitions), cumulative.stream().map(Cumulative::new).toList(), List.copyOf(partWhole),
                List.copyOf(figures.values()), List.copyOf(single));
    }
}
