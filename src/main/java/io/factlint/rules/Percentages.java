package io.factlint.rules;

import io.factlint.model.Interval;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Percentages in a claim's reason, printed with the precision that shows the verdict's reason: one decimal, or
 * as many more (up to four) as it takes to print the claimed value and the figure's ends differently when they
 * differ ("52 %" against 51.96 %: {@code 52.00 %} and {@code 51.96 %}, not {@code 52.0 %} twice). A non-zero share
 * that would print as 0 at that precision is written with two significant digits instead ({@code 0.004 %}, never
 * {@code 0.0 %}), as {@link Interval#percent} does for a figure on its own.
 */
public final class Percentages {
    static final int MAX_SCALE = 4;

    private Percentages() {
    }

    /** The fewest decimals (1 to 4) at which every two different finite values of {@code values} print differently. */
    public static int scale(double... values) {
        List<Double> finite = new ArrayList<>();
        for (double v : values) if (!Double.isInfinite(v) && !Double.isNaN(v)) finite.add(v);
        for (int s = 1; s < MAX_SCALE; s++) {
            if (distinct(finite, s)) return s;
        }
        return MAX_SCALE;
    }

    /** {@link #scale} over a claimed value (NaN: none) and the ends of intervals (null ones are skipped). */
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
        return scale(a);
    }

    private static boolean distinct(List<Double> vs, int s) {
        for (int i = 0; i < vs.size(); i++) {
            for (int j = i + 1; j < vs.size(); j++) {
                double a = vs.get(i), b = vs.get(j);
                if (a != b && format(a, s).equals(format(b, s))) return false;
            }
        }
        return true;
    }

    /** A share as a percentage with {@code scale} decimals; a non-zero one that would print as 0, with two significant digits. */
    public static String format(double v, int scale) {
        if (Double.isInfinite(v)) return v > 0 ? "∞" : "−∞";
        BigDecimal p = BigDecimal.valueOf(v).movePointRight(2);
        BigDecimal r = p.setScale(scale, RoundingMode.HALF_UP);
        if (p.signum() != 0 && r.signum() == 0) return significant(p) + " %";
        return r.toPlainString() + " %";
    }

    /** {@code 0.004}, {@code 0.0000012}; below 10⁻⁶ in scientific notation ({@code 4.9E-322}). */
    static String significant(BigDecimal p) {
        BigDecimal r = p.round(new MathContext(2, RoundingMode.HALF_UP)).stripTrailingZeros();
        return r.abs().compareTo(new BigDecimal("0.000001")) < 0 ? r.toString() : r.toPlainString();
    }

    /**
     * True when every fact gives its value as a percentage ({@code {"percent": 54.7}}) and there is one: a stated
     * attribute whose reasons print as percentages (54.7 %, not 0.547).
     */
    public static boolean writtenAsPercent(java.util.Collection<io.factlint.model.Fact> facts) {
        boolean any = false;
        for (io.factlint.model.Fact f : facts) {
            if (f.getQuantity() == null || !f.getQuantity().isPercent()) return false;
            any = true;
        }
        return any;
    }

    /** An interval of shares at {@code scale} decimals: {@code [51.95 %, 51.97 %]}, a point as one value. */
    public static String show(Interval i, int scale) {
        if (i.isPoint()) return format(i.min(), scale);
        return (i.minOpen() ? "(" : "[") + format(i.min(), scale) + ", " + format(i.max(), scale) + (i.maxOpen() ? ")" : "]");
    }
}
