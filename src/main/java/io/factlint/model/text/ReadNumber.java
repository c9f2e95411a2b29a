package io.factlint.model.text;

import io.factlint.model.Bound;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * One number as a text wrote it, found by {@link NumberReader}: where it is ({@code start}..{@code end} in the
 * text, the hedge included), its value (already scaled: "$2.78 billion" is 2780000000; a percentage is the number
 * written, 33 for "33%", with {@link #percent}), the upper end of a range ({@code max}, else null), the hedge as a
 * fact file's bound, and its {@link Role}.
 *
 * <p>{@code alternatives} are other readings of an ambiguous spelling: "3, 835" reads 3835 first, then 3 and 835;
 * "2,78" reads 2.78 (a decimal comma) first, then 278.
 */
public record ReadNumber(int start, int end, String text, BigDecimal value, BigDecimal max, Bound bound,
                         boolean percent, String currency, Role role, List<BigDecimal> alternatives) {

    /** What a number is in its sentence. Only {@link #COUNT} and {@link #FRACTION} are figures to check. */
    public enum Role {
        /** A figure: "11,000", "three thousand", "33%", "$2.78 billion", "10,000 to 12,000". */
        COUNT,
        /** A share written in words: "a quarter", "half", "one in twenty", "two thirds" (value 0.25, 0.5, ...). */
        FRACTION,
        /** The word "one" alone ("one of the soldiers", "no one"): a pronoun or article far more often than a figure. */
        ONE,
        /** A year: "2024", "in 1990". */
        YEAR,
        /** A day of a date: "December 27", "27 December", and every digit ordinal ("the 26th", "(26th)"). */
        DAY,
        /** A clock time: "21:00", "9 a.m.". */
        TIME,
        /**
         * Part of a name: the number after a name word ("Section 230", "Vision 2030", "Doing Business 2020",
         * "Boeing 737"; see {@link NumberReader}), and what is joined to it by a hyphen ("Boeing 737-800").
         */
        NAME
    }

    public ReadNumber {
        alternatives = List.copyOf(alternatives);
    }

    /** True for a figure a fact should back: a count, a percentage, an amount of money, a fraction. */
    public boolean isFigure() {
        return role == Role.COUNT || role == Role.FRACTION;
    }

    public boolean isRange() {
        return max != null;
    }

    /** Every value this spelling may stand for: the value (and a range's upper end) first, then the alternatives. */
    public List<BigDecimal> readings() {
        List<BigDecimal> out = new ArrayList<>();
        out.add(value);
        if (max != null) out.add(max);
        out.addAll(alternatives);
        return out;
    }

    /**
     * True when {@code amount} is a value this number states: one of its readings; for a percentage also the
     * fraction (33% states 0.33); for a fraction in words, the amount rounded as written ("a third" states 0.33 and
     * 0.333).
     */
    public boolean states(BigDecimal amount) {
        for (BigDecimal r : readings()) {
            if (r.compareTo(amount) == 0) return true;
            if (percent && r.movePointLeft(2).compareTo(amount) == 0) return true;
            if (role == Role.FRACTION && amount.signum() != 0) {
                BigDecimal half = io.factlint.model.Quantity.stepOf(amount).divide(BigDecimal.valueOf(2));
                if (r.subtract(amount).abs().compareTo(half) <= 0) return true;
            }
        }
        return false;
    }
}
