package io.factlint.rules;

import io.factlint.model.Interval;

import java.util.ArrayList;
import java.util.List;

/**
 * Percentages in a claim's reason, printed with the precision that shows the verdict's reason: one decimal, or
 * as many more (up to four) as it takes to print the claimed value and the figure's ends differently when they
 * differ ("52 %" against 51.96 %: {@code 52.00 %} and {@code 51.96 %}, not {@code 52.0 %} twice). The scale and
 * the printing are {@link Interval#percentScale} and {@link Interval#percent(double, int)}, the ones a figure on
 * its own is printed with ({@link Interval#formatPercent()}); this class adds the claimed value to the ends.
 */
public final class Percentages {
    private Percentages() {
    }

    /** {@link Interval#percentScale} over a claimed value (NaN: none) and the ends of intervals (null ones are skipped). */
    public static int scale(double claimed, Interval... figures) {
        List<Double> vs = new ArrayList<>();
        vs.add(claimed);
        for (Interval i : figures) {
            if (i == null) continue;
            vs.add(i.min());
            vs.add(i.max());
        }
        double[] a = new double[vs.size()];
        for (int k = 0; k < a.length; k++) a[k] = vs.get(k);
        return Interval.percentScale(a);
    }

    /**
     * True when every fact gives its value as a percentage ({@code {"percent": 54.7}}) and there is one: a stated
     * attribute whose reasons print as percentages (54.7 %, not 0.547).
     */
    public static boolean writtenAsPercent(java.util.Collection<io.factlint.model.Fact> facts) {
        boolean any = false;
        for (io.factlint.model.Fact f : facts) {
            if (f.isUnrecorded()) continue; // no value: a statement that no figure is kept
            if (f.getQuantity() == null || !f.getQuantity().isPercent()) return false;
            any = true;
        }
        return any;
    }
}
