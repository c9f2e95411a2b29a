package io.factlint.rules;

import java.util.Map;
import java.util.TreeMap;

/** The figure kinds figures.yaml may name; {@code ratio} when none is written. */
public final class FigureKinds {
    private static final Map<String, FigureKind> KINDS = new TreeMap<>(Map.of(
            RatioKind.INSTANCE.name(), RatioKind.INSTANCE,
            ExpressionKind.INSTANCE.name(), ExpressionKind.INSTANCE));

    private FigureKinds() {
    }

    /** The kind named {@code name}, or null. */
    public static FigureKind of(String name) {
        return KINDS.get(name);
    }

    /** The kinds' names, sorted. */
    public static java.util.Set<String> names() {
        return KINDS.keySet();
    }
}
