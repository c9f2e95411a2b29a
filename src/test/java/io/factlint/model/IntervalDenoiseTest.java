package io.factlint.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Interval#denoised()}: the last-bit noise of binary arithmetic on decimal inputs is removed before a claim
 * is judged (the decimal result is what the claim writes), and nothing else changes.
 */
class IntervalDenoiseTest {
    @Test
    void aDifferenceOfTwoDecimalSharesIsTheDecimalDifference() {
        Interval d = Interval.point(0.073).minus(Interval.point(0.067));
        assertThat(d.min()).isEqualTo(0.0059999999999999915); // the noise this removes
        assertThat(d.denoised()).isEqualTo(Interval.point(0.006));
        assertThat(Interval.point(0.06).minus(Interval.point(0.04)).denoised()).isEqualTo(Interval.point(0.02));
        assertThat(Interval.point(0.1).plus(Interval.point(0.2)).denoised()).isEqualTo(Interval.point(0.3));
    }

    @Test
    void openAndClosedEndsAndUnboundedEndsAreKept() {
        Interval i = Interval.of(0.1 + 0.2, true, Double.POSITIVE_INFINITY, true).denoised();
        assertThat(i.min()).isEqualTo(0.3);
        assertThat(i.minOpen()).isTrue();
        assertThat(i.max()).isInfinite();
        Interval j = Interval.of(Double.NEGATIVE_INFINITY, true, 0.7 - 0.1, false).denoised();
        assertThat(j.max()).isEqualTo(0.6);
        assertThat(j.maxOpen()).isFalse();
        assertThat(j.min()).isInfinite();
    }

    @Test
    void valuesWithFewDigitsAndWholeNumbersOfAnyLengthAreUnchanged() {
        for (double v : new double[]{0.0, 0.453, 0.4532, 21_433_226_123_456.0,
                -3.25, 1e-9, 6.02214076e23}) {
            Interval p = Interval.point(v);
            assertThat(p.denoised()).as("%s", v).isEqualTo(p);
        }
        // a quotient with more digits than twelve moves by less than half a unit of its twelfth digit
        Interval ratio = Interval.point(192277).divide(Interval.point(132310)); // 1.45323104829567...
        assertThat(ratio.denoised().min()).isEqualTo(1.45323104830)
                .isCloseTo(ratio.min(), org.assertj.core.data.Offset.offset(5e-12));
    }

    @Test
    void twoValuesThatDifferInTheirTwelfthDigitStayApart() {
        assertThat(Interval.point(0.123456789012).denoised()).isNotEqualTo(Interval.point(0.123456789013).denoised());
        assertThat(Interval.closed(0.0059, 0.0061).denoised()).isEqualTo(Interval.closed(0.0059, 0.0061));
    }

    /** A large amount with cents keeps every digit (the debt to the cent), and a large mean stays apart from its neighbour. */
    @Test
    void aLargeAmountKeepsItsIntegerDigitsAndItsCents() {
        assertThat(Interval.point(31381455877027.73).denoised()).isEqualTo(Interval.point(31381455877027.73));
        Interval mean = Interval.point(1_000_000_000_001.0).plus(Interval.point(1_000_000_000_002.0)).divide(Interval.point(2));
        assertThat(mean.denoised().min()).isEqualTo(1_000_000_000_001.5);
    }

    /** Ends that would meet after rounding stay as they are: an open interval is never emptied. */
    @Test
    void anOpenIntervalIsNeverEmptied() {
        Interval narrow = Interval.of(0.1000000000001, true, 0.1000000000002, true);
        assertThat(narrow.denoised()).isSameAs(narrow);
        Interval halfOpen = Interval.of(0.1000000000001, false, 0.1000000000002, true);
        assertThat(halfOpen.denoised()).isSameAs(halfOpen);
    }
}
