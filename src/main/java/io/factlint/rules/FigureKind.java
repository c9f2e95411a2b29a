package io.factlint.rules;

import io.factlint.model.Figure;
import io.factlint.model.When;
import io.factlint.model.vocab.FigureDefinition;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One kind of derived figure (figures.yaml {@code kind:}). A kind checks its settings when the rule pack loads
 * and computes the figure from the moments of its inputs, on both readings. Adding a kind: one class
 * implementing this, one line in {@link FigureKinds}, its rules in figures.drl (see docs/extending.md).
 */
public interface FigureKind {

    /** The name written as {@code kind:}. */
    String name();

    /**
     * The attributes the figure is computed from, given its settings as written; throws {@link Invalid} naming
     * the setting that is wrong (and, for text such as an expression, the offset in it).
     */
    List<String> inputs(String figure, Map<String, String> params) throws Invalid;

    /**
     * The figure at {@code at} from the moment of each input (the latest at or before the time the caller chose),
     * or null when it cannot be computed from them (an input missing or outside the kind's domain).
     */
    Figure compute(FigureDefinition def, When at, Function<String, Moment> momentOf);

    /** A figure definition's setting that is wrong: {@code key}, an offset into its text (or -1), and why. */
    final class Invalid extends Exception {
        private final String key;
        private final int offset;

        public Invalid(String key, int offset, String message) {
            super(message);
            this.key = key;
            this.offset = offset;
        }

        public String key() { return key; }
        public int offset() { return offset; }
    }
}
