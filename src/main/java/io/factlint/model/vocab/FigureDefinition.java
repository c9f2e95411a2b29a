package io.factlint.model.vocab;

import java.util.List;
import java.util.Map;

/**
 * A derived figure of figures.yaml: its {@code kind} ({@code ratio}, the default, or {@code expr}), the kind's own
 * settings as written ({@code numerator}/{@code denominator}, or {@code expr}), the attributes of the same subject
 * it is computed from, and how it is shown. Each kind is one class of {@code io.factlint.rules} (a
 * {@code FigureKind}) plus its rules in figures.drl.
 */
public record FigureDefinition(String name, String kind, Map<String, String> params, List<String> inputs,
                               String description, boolean percent) {

    public static final String RATIO = "ratio";
    public static final String EXPR = "expr";

    public FigureDefinition {
        params = Map.copyOf(params);
        inputs = List.copyOf(inputs);
    }

    /** A ratio figure, {@code numerator / denominator}. */
    public static FigureDefinition ratio(String name, String numerator, String denominator, String description,
                                         boolean percent) {
        return new FigureDefinition(name, RATIO, Map.of("numerator", numerator, "denominator", denominator),
                List.of(numerator, denominator), description, percent);
    }

    /** The ratio's numerator (null for another kind). */
    public String numerator() { return params.get("numerator"); }

    /** The ratio's denominator (null for another kind). */
    public String denominator() { return params.get("denominator"); }

    /** The expression of an {@code expr} figure (null for another kind). */
    public String expr() { return params.get("expr"); }
}
