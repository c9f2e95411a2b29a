package io.factlint.model;

import java.math.BigDecimal;
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
    public static final Interval ALL = new Interval(Double.NEGATIVE_INFINITY, true, Double.POSITIVE_INFINITY, true);

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

    public boolean isPoint() {
        return min == max && !minOpen && !maxOpen;
    }

    public boolean isEmpty() {
        return min == max && (minOpen || maxOpen);
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

    /**
     * This interval divided by {@code d}, for non-negative intervals (counts). A divisor that reaches 0 makes the
     * upper end unbounded.
     */
    public Interval divide(Interval d) {
        if (min < 0 || d.min < 0) {
            throw new IllegalArgumentException("division is defined here for non-negative intervals only");
        }
        // lower end: min / d.max, attained when both are attained
        double lo;
        boolean loOpen;
        if (Double.isInfinite(d.max)) {
            lo = 0.0;
            loOpen = !(min == 0 && !minOpen);
        } else if (d.max == 0) {
            throw new ArithmeticException("division by an interval that is zero");
        } else {
            lo = min / d.max;
            loOpen = minOpen || d.maxOpen;
        }
        double hi;
        boolean hiOpen;
        if (d.min == 0 || Double.isInfinite(max)) {
            hi = Double.POSITIVE_INFINITY;
            hiOpen = true;
        } else {
            hi = max / d.min;
            hiOpen = maxOpen || d.minOpen;
        }
        return new Interval(lo, loOpen, hi, hiOpen);
    }

    /** {@code (3,000, 4,000)}: brackets show open and closed ends; infinite ends print as ∞. */
    public String format() {
        return format(false);
    }

    /** As {@link #format()}, with ends written as percentages to one decimal: {@code (25.0 %, 36.4 %)}. */
    public String formatPercent() {
        return format(true);
    }

    private String format(boolean percent) {
        if (isPoint()) {
            return percent ? percent(min) : number(min);
        }
        return (minOpen ? "(" : "[") + (percent ? percent(min) : number(min)) + ", "
                + (percent ? percent(max) : number(max)) + (maxOpen ? ")" : "]");
    }

    /** A number as an editor writes it: thousands separators, at most four decimals. */
    public static String number(double v) {
        if (Double.isInfinite(v)) return v > 0 ? "∞" : "−∞";
        DecimalFormat f = new DecimalFormat("#,##0.####", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return f.format(v);
    }

    public static String percent(double v) {
        if (Double.isInfinite(v)) return v > 0 ? "∞" : "−∞";
        // movePointRight, not v * 100: a share near Double.MAX_VALUE would overflow to infinity
        return BigDecimal.valueOf(v).movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString() + " %";
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
