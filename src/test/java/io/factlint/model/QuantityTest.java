package io.factlint.model;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** The rounding-step convention of facts-format.md, for every bound, on both readings. */
class QuantityTest {

    @ParameterizedTest(name = "step of {0} is {1}")
    @CsvSource({"11000, 1000", "3500, 100", "3000, 1000", "11, 1", "0.25, 0.01", "1, 1", "0, 1", "120, 10", "1.5, 0.1"})
    void stepIsThePlaceValueOfTheLastNonZeroDigit(String amount, String step) {
        assertThat(Quantity.stepOf(new BigDecimal(amount))).isEqualByComparingTo(step);
    }

    @ParameterizedTest(name = "{1} {0}: conventional {2}, strict {3}")
    @CsvSource(delimiter = ';', value = {
            "11000; exactly;  11,000;             11,000",
            "11000; about;    [10,500, 11,500];   [10,500, 11,500]",
            "11000; over;     (11,000, 12,000);   (11,000, ∞)",
            "11000; at_least; [11,000, 12,000);   [11,000, ∞)",
            "11000; under;    (10,000, 11,000);   [0, 11,000)",
            "11000; at_most;  (10,000, 11,000];   [0, 11,000]",
            "11000; nearly;   [10,500, 11,000);   [0, 11,000)",
            "3000;  over;     (3,000, 4,000);     (3,000, ∞)",
            "350;   about;    [345, 355];         [345, 355]",
            "0.25;  about;    [0.245, 0.255];     [0.245, 0.255]",
            "100;   under;    (0, 100);           [0, 100)",
            // a non-negative measure never reaches below 0: "almost 0" holds an exact 0 (issue 11)
            "0;     nearly;   [0, 0.5];           [0, 0.5]",
            "0;     about;    [0, 0.5];           [0, 0.5]",
            // below zero says nothing of the size of the fall: no rounding step on either reading
            "0;     under;    (−∞, 0);            (−∞, 0)",
            "0;     at_most;  (−∞, 0];            (−∞, 0]",
            "0;     over;     (0, 1);             (0, ∞)",
            "0;     at_least; [0, 1);             [0, ∞)",
            "-5;    about;    [-5.5, -4.5];       [-5.5, -4.5]"})
    void boundsBecomeIntervals(String amount, String bound, String conventional, String strict) {
        Quantity q = Quantity.of(new BigDecimal(amount), Bound.valueOf(bound.trim().toUpperCase()), null);
        assertThat(q.conventional().format()).isEqualTo(conventional.trim());
        assertThat(q.strict().format()).isEqualTo(strict.trim());
    }

    @ParameterizedTest(name = "{0} 0 never reaches below 0")
    @CsvSource({"nearly", "about"})
    void aHedgedZeroIsNeverNegative(String bound) {
        Quantity q = Quantity.of(BigDecimal.ZERO, Bound.valueOf(bound.toUpperCase()), null);
        assertThat(q.conventional().min()).isEqualTo(0.0);
        assertThat(q.strict().min()).isEqualTo(0.0);
        assertThat(q.conventional().contains(0)).isTrue();
    }

    /**
     * "Under 0" and "at most 0" are said only of a measure that can be negative (a count cannot be below zero): "farm
     * prices fell on the year", written {"percent": 0, "bound": "under"}, is below zero, not exactly 0 (a blind
     * encoder's case, third sample t2-07). Below zero says nothing of how far below: "the economy shrank" holds a fall
     * of 2 % as well as one of 0.2 %, so both readings are unbounded below (0 is no rounded figure of a fall, the
     * one-step convention of "under 11,000" does not apply). A positive amount keeps its rounding step.
     */
    @ParameterizedTest(name = "{1} {0}: {2} / {3}")
    @CsvSource(delimiter = ';', value = {
            "0;    under;    (−∞, 0);       (−∞, 0)",
            "0;    at_most;  (−∞, 0];       (−∞, 0]",
            "0.5;  under;    (0.4, 0.5);    [0, 0.5)"})
    void underOrAtMostZeroIsBelowZero(String amount, String bound, String conventional, String strict) {
        Quantity q = Quantity.of(new BigDecimal(amount.trim()), Bound.valueOf(bound.trim().toUpperCase()), null);
        assertThat(q.conventional().format()).isEqualTo(conventional.trim());
        assertThat(q.strict().format()).isEqualTo(strict.trim());
        assertThat(q.conventional().contains(0)).isEqualTo(bound.trim().equals("at_most"));
        assertThat(q.conventional().min()).isLessThan(Double.parseDouble(amount.trim()));
    }

    /** "Under 0 %" holds a fall of 2 % and one of 300 %, conventionally too; never 0 itself, never a rise. */
    @ParameterizedTest(name = "{0} 0 % holds any fall")
    @CsvSource({"under", "at_most"})
    void aZeroPercentBelowZeroHoldsAnyFall(String bound) {
        Quantity q = Quantity.of(BigDecimal.ZERO, Bound.valueOf(bound.toUpperCase()), null).asPercent();
        for (Interval i : new Interval[] {q.conventional(), q.strict()}) {
            assertThat(i.contains(-0.02)).isTrue();
            assertThat(i.contains(-3)).isTrue();
            assertThat(i.contains(0.001)).isFalse();
            assertThat(i.contains(0)).isEqualTo(bound.equals("at_most"));
        }
        assertThat(q.words()).isEqualTo(bound.equals("under") ? "under 0 %" : "at most 0 %");
    }

    @ParameterizedTest
    @CsvSource({"0.5, 0.01, '[0.495, 0.505]'", "50, 1, '[49.5, 50.5]'"})
    void anExplicitStepOverridesTheDigits(String amount, String step, String interval) {
        Quantity q = Quantity.of(new BigDecimal(amount), Bound.ABOUT, new BigDecimal(step));
        assertThat(q.conventional().format()).isEqualTo(interval);
    }

    @ParameterizedTest
    @CsvSource({"10000, 12000, '[10,000, 12,000]'"})
    void aRangeIsClosedOnBothReadings(String min, String max, String interval) {
        Quantity q = Quantity.range(new BigDecimal(min), new BigDecimal(max));
        assertThat(q.conventional().format()).isEqualTo(interval);
        assertThat(q.strict()).isEqualTo(q.conventional());
        assertThat(q.words()).isEqualTo("10,000–12,000");
    }

    @org.junit.jupiter.api.Test
    void aWrittenBoundIsRecordedAndKeptAsAPercentButChangesNeitherReadingsNorEquality() {
        BigDecimal n = new BigDecimal("0.52");
        Quantity bare = Quantity.exactly(n);
        Quantity written = Quantity.written(n, Bound.EXACTLY, null);
        assertThat(bare.isBoundWritten()).isFalse();
        assertThat(Quantity.of(n, Bound.EXACTLY, null).isBoundWritten()).isFalse();
        assertThat(Quantity.range(n, BigDecimal.ONE).isBoundWritten()).isFalse();
        assertThat(written.isBoundWritten()).isTrue();
        assertThat(written.asPercent().isBoundWritten()).isTrue();
        assertThat(bare.asPercent().isBoundWritten()).isFalse();
        assertThat(Quantity.written(n, Bound.ABOUT, null).isBoundWritten()).isTrue();
        // how it was written, as isPercent(): the same number, the same readings, equal
        assertThat(written).isEqualTo(bare).hasSameHashCodeAs(bare);
        assertThat(written.conventional()).isEqualTo(bare.conventional());
        assertThat(written.strict()).isEqualTo(bare.strict());
        assertThat(written.step()).isEqualTo(bare.step());
        assertThat(written.words()).isEqualTo(bare.words());
    }
}
