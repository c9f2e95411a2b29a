package io.factlint.rules;

import io.factlint.model.Fact;
import io.factlint.model.Figure;
import io.factlint.model.Interval;
import io.factlint.model.When;
import io.factlint.model.vocab.FigureDefinition;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.List;

/** Builds figures from the moments of a timeline, with interval arithmetic on both readings. */
public final class Figures {
    private Figures() {
    }

    /**
     * The value of a stated attribute at {@code at}: the hull of the facts of the latest moment by then (a moment
     * with a figure: figures.drl never passes an unrecorded one; a statement that no figure is kept for the same time
     * is not among the figure's facts).
     */
    public static Figure stated(When at, Moment m) {
        return new Figure(m.getSubject(), m.getAttribute(), at, m.getHull(), m.getStrictHull(), m.getFigureFacts(), false,
                describe(m, m.getHull()), describe(m, m.getStrictHull()), false);
    }

    /** {@code def.numerator / def.denominator} at {@code at}, from the latest moments of both by then. */
    public static Figure ratio(FigureDefinition def, When at, Moment numerator, Moment denominator) {
        Interval conv = numerator.getHull().divide(denominator.getHull());
        Interval strict = numerator.getStrictHull().divide(denominator.getStrictHull());
        List<Fact> from = new ArrayList<>(numerator.getFigureFacts());
        from.addAll(denominator.getFigureFacts());
        return new Figure(numerator.getSubject(), def.name(), at, conv, strict, List.copyOf(from), true,
                arithmetic(numerator.getHull(), denominator.getHull(), conv, def.percent()),
                arithmetic(numerator.getStrictHull(), denominator.getStrictHull(), strict, def.percent()), def.percent(),
                def.kind(), described(def));
    }

    /**
     * The figure {@code def} at {@code at} from the given timelines of its subject (the latest moment of each
     * input at or before {@code at}), by its kind: a list of one figure, or empty when it cannot be computed.
     */
    public static List<Figure> derive(FigureDefinition def, When at, Collection<Timeline> timelines) {
        Map<String, Timeline> byAttribute = new HashMap<>();
        for (Timeline t : timelines) byAttribute.put(t.getAttribute(), t);
        Figure f = FigureKinds.of(def.kind()).compute(def, at, a -> {
            Timeline t = byAttribute.get(a);
            return t == null ? null : t.latestAtOrBefore(at);
        });
        return f == null ? List.of() : List.of(f);
    }

    /** The figure {@code def} from the latest moment of each input, at the latest of their times. */
    public static List<Figure> deriveLatest(FigureDefinition def, Collection<Timeline> timelines) {
        When at = null;
        for (Timeline t : timelines) {
            if (def.inputs().contains(t.getAttribute())) at = at == null ? t.latest().getAt() : later(at, t.latest().getAt());
        }
        return at == null ? List.of() : derive(def, at, timelines);
    }

    /** The later of two times. */
    public static When later(When a, When b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** {@code (3,000, 4,000) / (11,000, 12,000) = (25.0 %, 36.4 %)}. */
    static String arithmetic(Interval n, Interval d, Interval r, boolean percent) {
        return n.format() + " / " + d.format() + " = " + (percent ? r.formatPercent() : r.format());
    }

    private static String describe(Moment m, Interval hull) {
        return m.getAttribute() + " on " + m.getAt().display() + " = " + hull.format();
    }

    /** The figures.yaml description a derived figure carries to the reports; null when the definition has none. */
    static String described(FigureDefinition def) {
        return def.description() == null || def.description().isBlank() ? null : def.description();
    }
}
