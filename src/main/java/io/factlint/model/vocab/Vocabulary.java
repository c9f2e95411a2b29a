package io.factlint.model.vocab;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The data a rule pack works with, read from the YAML files of the rules folder: the status lifecycle, the
 * cumulative attributes, the part/whole pairs, the derived figures, what {@code source.single} watches, and the
 * declared measures ({@code measures:}: attributes that exist though no fact may state them, so a claim on one is
 * undetermined rather than refused as a typo; plain strings, sorted), the measures that cannot be negative
 * ({@code nonNegative:}) and the yes/no measures ({@code yesNo:}: a state that holds, 1, or does not, 0).
 */
public record Vocabulary(List<StatusWord> statuses, List<Transition> transitions, List<Cumulative> cumulative,
                         List<PartWhole> partWhole, List<FigureDefinition> figures, List<SingleSourceWatch> singleSource,
                         List<String> measures, List<String> nonNegative, List<String> yesNo) {

    public Vocabulary {
        measures = measures == null ? List.of() : List.copyOf(measures);
        nonNegative = nonNegative == null ? List.of() : List.copyOf(nonNegative);
        yesNo = yesNo == null ? List.of() : List.copyOf(yesNo);
    }

    public Set<String> statusWords() {
        return statuses.stream().map(StatusWord::word).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    /**
     * Every attribute the rule pack names: derived figures and their inputs, cumulative measures, parts and
     * wholes, watched attributes, declared measures. A claim on one of them is meaningful even when no fact
     * states it yet.
     */
    public Set<String> knownAttributes() {
        Set<String> s = new java.util.TreeSet<>();
        for (FigureDefinition f : figures) {
            s.add(f.name());
            s.addAll(f.inputs());
        }
        cumulative.forEach(c -> s.add(c.attribute()));
        partWhole.forEach(p -> { s.add(p.part()); s.add(p.whole()); });
        singleSource.forEach(w -> s.add(w.attribute()));
        s.addAll(measures);
        s.addAll(yesNo);
        return s;
    }

    /**
     * The measures the rule pack knows cannot be negative, each with why, in the words of an input error ("the rule
     * pack counts it as cumulative"): the cumulative attributes (a count up over time starts at 0), the parts and
     * wholes (a part is at most its whole, both counts) and the {@code nonNegative:} list. A fact stating one of
     * them "under 0" or "at most 0" is an input error (ingest); sorted by attribute, the first reason in that order
     * kept.
     */
    public java.util.SortedMap<String, String> cannotBeNegative() {
        java.util.SortedMap<String, String> m = new java.util.TreeMap<>();
        cumulative.forEach(c -> m.putIfAbsent(c.attribute(), "the rule pack counts it as cumulative"));
        partWhole.forEach(p -> {
            m.putIfAbsent(p.part(), "the rule pack counts it as a part of " + p.whole());
            m.putIfAbsent(p.whole(), "the rule pack counts it as a whole of " + p.part());
        });
        nonNegative.forEach(a -> m.putIfAbsent(a, "the rule pack lists it under nonNegative"));
        return java.util.Collections.unmodifiableSortedMap(m);
    }

    /** Every vocabulary entry, to insert into a rule session. */
    public List<Object> asFacts() {
        List<Object> all = new java.util.ArrayList<>();
        all.addAll(statuses);
        all.addAll(transitions);
        all.addAll(cumulative);
        all.addAll(partWhole);
        all.addAll(figures);
        all.addAll(singleSource);
        yesNo.forEach(a -> all.add(new YesNo(a)));
        return all;
    }
}
