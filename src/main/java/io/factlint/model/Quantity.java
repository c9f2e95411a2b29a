package io.factlint.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A number as a text wrote it ("over 11,000"), with the two intervals it stands for: the conventional reading
 * (a newsroom writes "over 11,000" for 11,000 to 12,000) and the strict one (anything above 11,000).
 * Either {@code amount} with a {@code bound}, or a range {@code min}..{@code max}.
 */
public final class Quantity {
    private final BigDecimal amount;
    private final Bound bound;
    private final BigDecimal step;
    private final BigDecimal rangeMin;
    private final BigDecimal rangeMax;
    private final Interval conventional;
    private final Interval strict;
    private final boolean percent;
    private final boolean boundWritten;
    private final boolean yesNo;

    private Quantity(BigDecimal amount, Bound bound, BigDecimal step, BigDecimal rangeMin, BigDecimal rangeMax) {
        this(amount, bound, step, rangeMin, rangeMax, false, false, false);
    }

    private Quantity(BigDecimal amount, Bound bound, BigDecimal step, BigDecimal rangeMin, BigDecimal rangeMax,
                     boolean percent, boolean boundWritten) {
        this(amount, bound, step, rangeMin, rangeMax, percent, boundWritten, false);
    }

    private Quantity(BigDecimal amount, Bound bound, BigDecimal step, BigDecimal rangeMin, BigDecimal rangeMax,
                     boolean percent, boolean boundWritten, boolean yesNo) {
        this.percent = percent;
        this.yesNo = yesNo;
        this.boundWritten = boundWritten;
        this.amount = amount;
        this.bound = bound;
        this.step = step;
        this.rangeMin = rangeMin;
        this.rangeMax = rangeMax;
        if (amount == null) {
            this.conventional = Interval.closed(rangeMin.doubleValue(), rangeMax.doubleValue());
            this.strict = conventional;
        } else if (amount.signum() == 0 && (bound == Bound.UNDER || bound == Bound.AT_MOST)) {
            // "under 0", "below zero", "at most 0": a count cannot be below zero, so only a measure that can be
            // negative (a change, a growth rate, a balance) is said to be; read as written, below 0 on both readings.
            // The rounding convention ("under 11,000" is (10,000, 11,000)) is about a rounded figure, and 0 is no
            // rounded figure of a fall: "the economy shrank" says nothing of how much, so a fall of 2 % is under 0.
            // Reading them as exactly 0 turned "fell" into "unchanged"; a measure that cannot be negative stated so
            // is an input error (FileParser, the rule pack's Vocabulary#cannotBeNegative).
            this.conventional = this.strict = Interval.of(Double.NEGATIVE_INFINITY, true, 0, bound == Bound.UNDER);
        } else if (amount.signum() == 0 && (bound == Bound.ABOUT || bound == Bound.NEARLY)) {
            // "nearly 0", "almost zero", "about 0": the measures are counts and shares, never negative, so the reading
            // starts at 0 (the general formulas would give [-0.5, 0), which excludes 0 itself)
            this.conventional = this.strict = Interval.closed(0, half(step).doubleValue());
        } else {
            this.conventional = nonNegative(amount, conventionalOf(amount, bound, step));
            // an exact amount reads the same both ways: one interval (a large input holds millions of them)
            this.strict = bound == Bound.EXACTLY ? conventional : nonNegative(amount, strictOf(amount, bound, step));
        }
    }

    /**
     * A measure written as a positive amount is a count or a share: its readings never reach below 0 ("under 1" is
     * [0, 1) on the strict reading, "nearly 0.3" never negative); a lower end below 0 becomes a closed 0. A negative
     * amount keeps its readings, and so does a hedged zero (the constructor reads those). A signed measure around 0
     * is written as a range ({"min": -0.5, "max": 0.5}).
     */
    private static Interval nonNegative(BigDecimal a, Interval i) {
        if (a.signum() < 0) return i;
        Interval n = i.nonNegative();
        return n == null ? Interval.point(0) : n;
    }

    /** A plain number: exactly that. */
    public static Quantity exactly(BigDecimal amount) {
        return new Quantity(amount, Bound.EXACTLY, stepOf(amount), null, null);
    }

    /** {@code amount} hedged by {@code bound}; {@code step} may be null to infer it from the digits. */
    public static Quantity of(BigDecimal amount, Bound bound, BigDecimal step) {
        Objects.requireNonNull(amount);
        Objects.requireNonNull(bound);
        return new Quantity(amount, bound, step != null ? step : stepOf(amount), null, null);
    }

    /**
     * {@code amount} with a {@code bound} the text wrote ({@code {"amount": 52, "bound": "exactly"}}): the readings
     * of {@link #of}, and {@link #isBoundWritten()} is true. A bare number ({@link #exactly}) is exact by default;
     * an exact bound written out says the writer meant the number exactly, so no rounded reading is offered for it.
     */
    public static Quantity written(BigDecimal amount, Bound bound, BigDecimal step) {
        Objects.requireNonNull(amount);
        Objects.requireNonNull(bound);
        return new Quantity(amount, bound, step != null ? step : stepOf(amount), null, null, false, true);
    }

    /**
     * The same quantity, written as a percentage ({@code {"percent": 52}}: the fraction 0.52): reasons and words
     * print it as {@code 52 %}. Its readings and equality are those of the fraction.
     */
    public Quantity asPercent() {
        return new Quantity(amount, bound, step, rangeMin, rangeMax, true, boundWritten);
    }

    /** True when the value was written as a percentage ({@link #asPercent()}). */
    public boolean isPercent() {
        return percent;
    }

    /**
     * The same quantity, the state of a yes/no measure ({@code yesNo:} of the rule pack): exactly 0 (the state does
     * not hold) or 1 (it holds); words print it as {@code no} or {@code yes}. Its readings and equality are those of
     * the number.
     *
     * @throws IllegalArgumentException for any other quantity (the loader refuses those first, with a location)
     */
    public Quantity asYesNo() {
        if (amount == null || percent || bound != Bound.EXACTLY
                || amount.compareTo(BigDecimal.ZERO) != 0 && amount.compareTo(BigDecimal.ONE) != 0) {
            throw new IllegalArgumentException("a yes/no state is exactly 0 or 1, not " + words());
        }
        return new Quantity(amount, bound, step, null, null, false, boundWritten, true);
    }

    /** True for the state of a yes/no measure ({@link #asYesNo()}): 1 is yes, 0 is no. */
    public boolean isYesNo() {
        return yesNo;
    }

    /** {@code yes} for a reading that is 1 only, {@code no} for 0 only, {@code yes or no} for one that holds both (sources differ). */
    public static String yesNoWords(Interval i) {
        boolean yes = i.contains(1), no = i.contains(0);
        return yes && no ? "yes or no" : yes ? "yes" : no ? "no" : i.format();
    }

    /**
     * True when the text wrote the bound ({@link #written}), false when it was taken by default (a bare number, a
     * {@code percent} with no {@code bound}) or the quantity is a range. Like {@link #isPercent()}, it is how the
     * value was written, not what it means: equality and the readings ignore it.
     */
    public boolean isBoundWritten() {
        return boundWritten;
    }

    public static Quantity range(BigDecimal min, BigDecimal max) {
        if (min.compareTo(max) > 0) throw new IllegalArgumentException("min is larger than max");
        return new Quantity(null, null, null, min, max);
    }

    /**
     * The place value of the last non-zero digit: 11000 → 1000, 3500 → 100, 11 → 1, 0.25 → 0.01.
     * Zero has step 1.
     */
    public static BigDecimal stepOf(BigDecimal amount) {
        if (amount.signum() == 0) return BigDecimal.ONE;
        int scale = amount.stripTrailingZeros().scale();
        // the usual steps are shared (one per power of ten), not made anew for every number
        if (scale >= -STEPS_AROUND && scale <= STEPS_AROUND) return STEPS[scale + STEPS_AROUND];
        return BigDecimal.ONE.scaleByPowerOfTen(-scale);
    }

    private static final int STEPS_AROUND = 12;
    private static final BigDecimal[] STEPS = new BigDecimal[2 * STEPS_AROUND + 1];

    static {
        for (int i = 0; i < STEPS.length; i++) STEPS[i] = BigDecimal.ONE.scaleByPowerOfTen(STEPS_AROUND - i);
    }

    private static Interval conventionalOf(BigDecimal a, Bound b, BigDecimal s) {
        double av = a.doubleValue();
        return switch (b) {
            case EXACTLY -> Interval.point(av);
            case ABOUT -> Interval.closed(a.subtract(half(s)).doubleValue(), a.add(half(s)).doubleValue());
            case OVER -> Interval.of(av, true, a.add(s).doubleValue(), true);
            case AT_LEAST -> Interval.of(av, false, a.add(s).doubleValue(), true);
            case UNDER -> Interval.of(a.subtract(s).doubleValue(), true, av, true);
            case AT_MOST -> Interval.of(a.subtract(s).doubleValue(), true, av, false);
            case NEARLY -> Interval.of(a.subtract(half(s)).doubleValue(), false, av, true);
        };
    }

    private static Interval strictOf(BigDecimal a, Bound b, BigDecimal s) {
        double av = a.doubleValue();
        double inf = Double.POSITIVE_INFINITY;
        return switch (b) {
            case EXACTLY -> Interval.point(av);
            case ABOUT -> Interval.closed(a.subtract(half(s)).doubleValue(), a.add(half(s)).doubleValue());
            case OVER -> Interval.of(av, true, inf, true);
            case AT_LEAST -> Interval.of(av, false, inf, true);
            case UNDER, NEARLY -> Interval.of(Math.min(0, av), false, av, true);
            case AT_MOST -> Interval.of(Math.min(0, av), false, av, false);
        };
    }

    /** Half a step (computed only for the bounds that need it: a division is dear, and most amounts are exact). */
    private static BigDecimal half(BigDecimal step) {
        return step.divide(BigDecimal.valueOf(2));
    }

    public BigDecimal amount() { return amount; }
    public Bound bound() { return bound; }
    public BigDecimal step() { return step; }
    public BigDecimal rangeMin() { return rangeMin; }
    public BigDecimal rangeMax() { return rangeMax; }
    public boolean isRange() { return amount == null; }
    public Interval conventional() { return conventional; }
    public Interval strict() { return strict; }

    /** The numbers the text states: the amount, or both ends of a range. */
    public java.util.List<BigDecimal> statedNumbers() {
        return amount != null ? java.util.List.of(amount) : java.util.List.of(rangeMin, rangeMax);
    }

    /** As a text would write it: {@code over 11,000}, {@code 10,000–12,000}; a yes/no state {@code yes} or {@code no}. */
    public String words() {
        if (yesNo) return amount.signum() == 0 ? "no" : "yes";
        if (percent) {
            if (amount == null) return points(rangeMin) + "–" + points(rangeMax) + " %";
            String n = points(amount) + " %";
            return bound == Bound.EXACTLY ? n : bound.words() + " " + n;
        }
        if (amount == null) return Interval.number(rangeMin.doubleValue()) + "–" + Interval.number(rangeMax.doubleValue());
        String n = Interval.number(amount.doubleValue());
        return bound == Bound.EXACTLY ? n : bound.words() + " " + n;
    }

    /** A fraction as the percentage written: 0.5196 → {@code 51.96}. */
    private static String points(BigDecimal fraction) {
        return fraction.movePointRight(2).stripTrailingZeros().toPlainString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Quantity q && Objects.equals(amount, q.amount) && bound == q.bound
                && Objects.equals(step, q.step) && Objects.equals(rangeMin, q.rangeMin) && Objects.equals(rangeMax, q.rangeMax);
    }

    @Override
    public int hashCode() {
        return Objects.hash(amount, bound, step, rangeMin, rangeMax);
    }

    @Override
    public String toString() {
        return words();
    }
}
