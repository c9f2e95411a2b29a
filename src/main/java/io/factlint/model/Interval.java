package io.factlint.model;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Objects;

/**
 * A real interval with open or closed ends; an unbounded end is an infinity (and always open).
 * Immutable. All arithmetic keeps track of which ends are attained.
 */
public final class Interval {
    private final double min;
    private final double max;
    private final boolean minOpen;
    private final boolean maxOpen;

    private Interval(double min, boolean minOpen, double max, boolean maxOpen) {
        this.min = min;
        this.max = max;
        this.minOpen = minOpen || Double.isInfinite(min);
        this.maxOpen = maxOpen || Double.isInfinite(max);
    }

    public static Interval of(double min, boolean minOpen, double max, boolean maxOpen) {
        if (Double.isNaN(min) || Double.isNaN(max) || min > max) {
            throw new IllegalArgumentException("not an interval: " + min + ", " + max);
        }
        return new Interval(min, minOpen, max, maxOpen);
    }

    public static Interval closed(double min, double max) {
        return of(min, false, max, false);
    }

    public static Interval point(double v) {
        return closed(v, v);
    }

    public double min() { return min; }
    public double max() { return max; }
    public boolean minOpen() { return minOpen; }
    public boolean maxOpen() { return maxOpen; }

    /**
     * This interval with each finite end that is not a whole number rounded to 12 significant digits (more for a
     * large value: every digit before the decimal point and two after it, so $31,381,455,877,027.73 keeps its
     * cents), which ends are open kept. Binary arithmetic on decimal inputs leaves noise in the last bits, and
     * subtracting near values magnifies it (0.073 − 0.067 = 0.0059999999999999915): a claim written in decimals
     * ("rose 0.6 points") is judged, and its figure printed, on the denoised interval. Twelve digits leave room for a
     * difference a thousand times smaller than its terms, and are more than any value a fact or claim states;
     * whole numbers are kept as they are, however long. An open interval whose ends would meet keeps its ends
     * (denoising never empties an interval).
     */
    public Interval denoised() {
        double lo = denoise(min), hi = denoise(max);
        if (lo == min && hi == max) return this;
        if (lo == hi && (minOpen || maxOpen) && min < max) return this;
        return new Interval(lo, minOpen, hi, maxOpen);
    }

    private static double denoise(double v) {
        if (v == 0 || Double.isInfinite(v) || v == Math.rint(v)) return v;
        BigDecimal b = new BigDecimal(v);
        int digits = Math.max(12, b.precision() - b.scale() + 2); // integer digits + 2 decimals, at least 12
        return b.round(new MathContext(digits, RoundingMode.HALF_EVEN)).doubleValue();
    }

    public boolean isPoint() {
        return min == max && !minOpen && !maxOpen;
    }

    /** True when every value of this interval is smaller than every value of {@code o}. */
    public boolean whollyBelow(Interval o) {
        return max < o.min || (max == o.min && (maxOpen || o.minOpen));
    }

    public boolean whollyAbove(Interval o) {
        return o.whollyBelow(this);
    }

    public boolean overlaps(Interval o) {
        return !whollyBelow(o) && !whollyAbove(o);
    }

    public boolean contains(double v) {
        return (v > min || (v == min && !minOpen)) && (v < max || (v == max && !maxOpen));
    }

    /** True when every value of {@code o} lies in this interval. */
    public boolean encloses(Interval o) {
        boolean lo = o.min > min || (o.min == min && (!minOpen || o.minOpen));
        boolean hi = o.max < max || (o.max == max && (!maxOpen || o.maxOpen));
        return lo && hi;
    }

    /** The smallest interval holding both. */
    public Interval hull(Interval o) {
        double lo = Math.min(min, o.min);
        double hi = Math.max(max, o.max);
        boolean loOpen = (min == lo ? minOpen : true) && (o.min == lo ? o.minOpen : true);
        boolean hiOpen = (max == hi ? maxOpen : true) && (o.max == hi ? o.maxOpen : true);
        return new Interval(lo, loOpen, hi, hiOpen);
    }

    /** The sum: every x + y. */
    public Interval plus(Interval o) {
        return of(min + o.min, minOpen || o.minOpen, max + o.max, maxOpen || o.maxOpen);
    }

    /** The difference: every x − y, for x in this interval and y in {@code o}. */
    public Interval minus(Interval o) {
        return of(min - o.max, minOpen || o.maxOpen, max - o.min, maxOpen || o.minOpen);
    }

    /** Every −x. */
    public Interval negate() {
        return of(-max, maxOpen, -min, minOpen);
    }

    /**
     * The product: every x × y. The ends are the smallest and largest of the four products of ends; an end is
     * attained when both factors are, or when one factor is an attained 0 (0 × anything is 0). 0 × ∞ counts as 0:
     * the product tends to no other bound.
     */
    public Interval times(Interval o) {
        Corner[] c = {
                product(min, minOpen, o.min, o.minOpen), product(min, minOpen, o.max, o.maxOpen),
                product(max, maxOpen, o.min, o.minOpen), product(max, maxOpen, o.max, o.maxOpen)};
        return fromCorners(c);
    }

    /**
     * The quotient: every x / y for y ≠ 0, on any signs. A divisor that reaches 0 at an end excludes the 0 and
     * makes that side of the quotient unbounded; a divisor with 0 inside is split there and the quotient is the
     * hull of both sides. Dividing by exactly 0 is an {@link ArithmeticException}.
     */
    public Interval divide(Interval d) {
        if (d.min == 0 && d.max == 0) throw new ArithmeticException("division by an interval that is zero");
        if (d.min < 0 && d.max > 0) {
            return divide(of(d.min, d.minOpen, 0, true)).hull(divide(of(0, true, d.max, d.maxOpen)));
        }
        // a divisor touching 0 approaches it from one side only: 0 itself is excluded
        boolean positive = d.min >= 0;
        Corner[] c = {
                quotient(min, minOpen, d.min, d.minOpen || d.min == 0, positive),
                quotient(min, minOpen, d.max, d.maxOpen || d.max == 0, positive),
                quotient(max, maxOpen, d.min, d.minOpen || d.min == 0, positive),
                quotient(max, maxOpen, d.max, d.maxOpen || d.max == 0, positive)};
        return fromCorners(c);
    }

    /** A candidate end of a product or quotient: its value and whether it is attained. NaN: no candidate. */
    private record Corner(double v, boolean open) {
    }

    private static Corner product(double a, boolean aOpen, double b, boolean bOpen) {
        boolean closedZero = (a == 0 && !aOpen) || (b == 0 && !bOpen);
        if (a == 0 || b == 0) return new Corner(0.0, !closedZero);
        return new Corner(a * b, aOpen || bOpen);
    }

    private static Corner quotient(double a, boolean aOpen, double b, boolean bOpen, boolean positiveDivisor) {
        if (a == 0) return new Corner(0.0, aOpen);            // 0 / y = 0 for every y of the divisor
        if (b == 0) {                                          // y tends to 0 from its side: |x / y| grows without bound
            return new Corner((a > 0) == positiveDivisor ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY, true);
        }
        if (Double.isInfinite(b)) {
            return Double.isInfinite(a) ? new Corner(Double.NaN, true) : new Corner(0.0, true);
        }
        return new Corner(a / b, aOpen || bOpen);
    }

    private static Interval fromCorners(Corner[] cs) {
        double lo = Double.NaN, hi = Double.NaN;
        boolean loOpen = true, hiOpen = true;
        for (Corner c : cs) {
            if (Double.isNaN(c.v())) continue;
            if (Double.isNaN(lo) || c.v() < lo) { lo = c.v(); loOpen = c.open(); }
            else if (c.v() == lo) loOpen &= c.open();
            if (Double.isNaN(hi) || c.v() > hi) { hi = c.v(); hiOpen = c.open(); }
            else if (c.v() == hi) hiOpen &= c.open();
        }
        return of(lo, loOpen, hi, hiOpen);
    }

    /** This interval with every value below 0 removed (a non-negative measure); null when nothing is left. */
    public Interval nonNegative() {
        if (min >= 0) return this;
        if (max < 0 || (max == 0 && maxOpen)) return null;
        return of(0, false, max, maxOpen);
    }

    /** {@code (3,000, 4,000)}: brackets show open and closed ends; infinite ends print as ∞. */
    public String format() {
        return format(Interval::number);
    }

    /**
     * As {@link #format()}, with ends written as percentages: one decimal ({@code (25.0 %, 36.4 %)}), or the fewest
     * more (up to four) at which two different finite ends print differently ({@code [51.96 %, 51.97 %]}, not
     * {@code [52.0 %, 52.0 %]}); see {@link #percentScale}.
     */
    public String formatPercent() {
        return formatPercent(percentScale(min, max));
    }

    /** As {@link #formatPercent()}, every end with {@code scale} decimals (or two significant digits, see {@link #percent(double, int)}). */
    public String formatPercent(int scale) {
        return format(v -> percent(v, scale));
    }

    /** A point as its one value, else both ends in brackets that show whether each is attained. */
    private String format(java.util.function.DoubleFunction<String> end) {
        if (isPoint()) return end.apply(min);
        return (minOpen ? "(" : "[") + end.apply(min) + ", " + end.apply(max) + (maxOpen ? ")" : "]");
    }

    /**
     * A number as an editor writes it: thousands separators, at most four decimals. A number other than 0 that
     * would round to 0 at four decimals is written in full instead ({@code 0.00001234}, and {@code 4.9E-324} in
     * scientific notation when it is smaller than 10⁻⁶): it never prints as 0.
     */
    public static String number(double v) {
        if (Double.isInfinite(v)) return v > 0 ? "∞" : "−∞";
        DecimalFormat f = new DecimalFormat("#,##0.####", DecimalFormatSymbols.getInstance(Locale.ROOT));
        String s = f.format(v);
        if (v != 0 && (s.equals("0") || s.equals("-0"))) return BigDecimal.valueOf(v).stripTrailingZeros().toString();
        return s;
    }

    /** The most decimals a percentage prints with ({@link #percentScale}). */
    public static final int MAX_PERCENT_SCALE = 4;

    /**
     * The fewest decimals (1 to {@value #MAX_PERCENT_SCALE}) at which every two different finite shares of
     * {@code values} print differently as percentages ({@link #percent(double, int)}); infinities and NaN are
     * ignored, equal values need no more than one decimal. When even four do not tell two apart, four.
     */
    public static int percentScale(double... values) {
        for (int s = 1; s < MAX_PERCENT_SCALE; s++) {
            if (distinctAt(values, s)) return s;
        }
        return MAX_PERCENT_SCALE;
    }

    private static boolean distinctAt(double[] vs, int scale) {
        for (int i = 0; i < vs.length; i++) {
            if (!Double.isFinite(vs[i])) continue;
            for (int j = i + 1; j < vs.length; j++) {
                if (!Double.isFinite(vs[j]) || vs[i] == vs[j]) continue;
                if (percent(vs[i], scale).equals(percent(vs[j], scale))) return false;
            }
        }
        return true;
    }

    /** A share as a percentage to one decimal ({@code 36.4 %}); see {@link #percent(double, int)}. */
    public static String percent(double v) {
        return percent(v, 1);
    }

    /**
     * A share as a percentage with {@code scale} decimals ({@code 51.96 %} at 2); a share other than 0 that would
     * round to 0 is written with two significant digits instead ({@code 0.004 %}; below 10⁻⁶ in scientific
     * notation, {@code 4.9E-322 %}): it never prints as 0.0 %. Infinite ends print as ∞.
     */
    public static String percent(double v, int scale) {
        if (Double.isInfinite(v)) return v > 0 ? "∞" : "−∞";
        // movePointRight, not v * 100: a share near Double.MAX_VALUE would overflow to infinity
        BigDecimal p = BigDecimal.valueOf(v).movePointRight(2);
        BigDecimal r = p.setScale(scale, RoundingMode.HALF_UP);
        if (p.signum() != 0 && r.signum() == 0) {
            BigDecimal t = p.round(new MathContext(2, RoundingMode.HALF_UP)).stripTrailingZeros();
            return (t.abs().compareTo(new BigDecimal("0.000001")) < 0 ? t.toString() : t.toPlainString()) + " %";
        }
        return r.toPlainString() + " %";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Interval i && Double.compare(min, i.min) == 0 && Double.compare(max, i.max) == 0
                && minOpen == i.minOpen && maxOpen == i.maxOpen;
    }

    @Override
    public int hashCode() {
        return Objects.hash(min, max, minOpen, maxOpen);
    }

    @Override
    public String toString() {
        return format();
    }
}
