package io.factlint.engine.functions;

import io.factlint.engine.Moment;
import io.factlint.model.Fact;
import io.factlint.model.Figure;
import io.factlint.model.Interval;
import io.factlint.model.When;
import io.factlint.model.vocab.FigureDefinition;

import java.util.ArrayList;
import java.util.List;

/** Builds figures from the moments of a timeline, with interval arithmetic on both readings. */
public final class Figures {
    private Figures() {
    }

    /** The value of a stated attribute at {@code at}: the hull of the facts of the latest moment by then. */
    public static Figure stated(When at, Moment m) {
        return new Figure(m.getSubject(), m.getAttribute(), at, m.getHull(), m.getStrictHull(), m.getFacts(), false,
                describe(m, m.getHull()), describe(m, m.getStrictHull()), false);
    }

    /** {@code def.numerator / def.denominator} at {@code at}, from the latest moments of both by then. */
    public static Figure ratio(FigureDefinition def, When at, Moment numerator, Moment denominator) {
        Interval conv = numerator.getHull().divide(denominator.getHull());
        Interval strict = numerator.getStrictHull().divide(denominator.getStrictHull());
        List<Fact> from = new ArrayList<>(numerator.getFacts());
        from.addAll(denominator.getFacts());
        return new Figure(numerator.getSubject(), def.name(), at, conv, strict, List.copyOf(from), true,
                arithmetic(numerator.getHull(), denominator.getHull(), conv, def.percent()),
                arithmetic(numerator.getStrictHull(), denominator.getStrictHull(), strict, def.percent()), def.percent());
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
}
