package io.factlint.model;

import java.util.List;

/**
 * A figure at a time: either the value of a stated attribute (from the latest facts at or before the time) or a
 * derived figure computed from such values, on both readings, with the facts it came from and the arithmetic.
 */
public record Figure(String subject, String attribute, When at, Interval conventional, Interval strict,
                     List<Fact> from, boolean derived, String arithmetic, String strictArithmetic, boolean percent,
                     String kind, String description) {

    /**
     * A figure without a kind: a stated value. {@code kind} is the figure kind of figures.yaml ({@code ratio},
     * {@code expr}) for a derived figure, or the claim form ({@code change}, {@code aggregate}, {@code versus},
     * {@code rank}) for the value a claim of that form is judged on.
     */
    public Figure(String subject, String attribute, When at, Interval conventional, Interval strict,
                  List<Fact> from, boolean derived, String arithmetic, String strictArithmetic, boolean percent) {
        this(subject, attribute, at, conventional, strict, from, derived, arithmetic, strictArithmetic, percent, null);
    }

    /**
     * A figure without a description. {@code description} is the figures.yaml description of a derived figure
     * (null for a stated value, a claim form's value, or a figure whose definition has none).
     */
    public Figure(String subject, String attribute, When at, Interval conventional, Interval strict,
                  List<Fact> from, boolean derived, String arithmetic, String strictArithmetic, boolean percent,
                  String kind) {
        this(subject, attribute, at, conventional, strict, from, derived, arithmetic, strictArithmetic, percent, kind,
                null);
    }

    public List<String> fromRefs() {
        return from.stream().map(Fact::getRef).sorted().toList();
    }

    /**
     * The conventional interval as an editor reads it: a percentage for shares, yes or no for a state
     * ({@link #isYesNo()}); for a trend, whose interval counts the steps that move the claimed way, those words
     * ("9 of 10 steps falling").
     */
    public String display() {
        if ("trend".equals(kind)) return arithmetic;
        if (isYesNo()) return Quantity.yesNoWords(conventional);
        return percent ? conventional.formatPercent() : conventional.format();
    }

    public String strictDisplay() {
        if ("trend".equals(kind)) return strictArithmetic;
        if (isYesNo()) return Quantity.yesNoWords(strict);
        return percent ? strict.formatPercent() : strict.format();
    }

    /**
     * True for the stated value of a yes/no measure ({@code yesNo:}): every fact it comes from is a state, so it
     * reads {@code yes}, {@code no} or, when sources at one time differ, {@code yes or no}. A figure derived from
     * states (a count or sum of events) is a number.
     */
    public boolean isYesNo() {
        return !derived && kind == null && !from.isEmpty() && from.stream().allMatch(Fact::isYesNo);
    }
}
