package io.factlint.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A figure on its own printed as a percentage (issue 11.6): one decimal when that tells its two ends apart, else the
 * fewest more (up to four) that do; the figure lines, the arithmetic and every report print it this way.
 */
class IntervalPercentTest {

    @Test
    void oneDecimalWhenItTellsTheEndsApart() {
        assertThat(Interval.of(0.25, true, 4000.0 / 11000, true).formatPercent()).isEqualTo("(25.0 %, 36.4 %)");
        assertThat(Interval.closed(0.25, 0.3636).formatPercent()).isEqualTo("[25.0 %, 36.4 %]");
        assertThat(Interval.percentScale(0.25, 0.3636)).isEqualTo(1);
    }

    @Test
    void endsThatDifferAtTheSecondDecimal() {
        Interval i = Interval.closed(0.51955, 0.51965);
        assertThat(Interval.percentScale(i.min(), i.max())).isEqualTo(2);
        assertThat(i.formatPercent()).isEqualTo("[51.96 %, 51.97 %]");
        assertThat(Interval.of(0.5196, true, 0.5204, true).formatPercent()).isEqualTo("(51.96 %, 52.04 %)");
    }

    @Test
    void endsThatDifferAtTheThirdDecimal() {
        Interval i = Interval.closed(0.519555, 0.519565);
        assertThat(i.formatPercent()).isEqualTo("[51.956 %, 51.957 %]");
    }

    @Test
    void endsThatDifferAtTheFourthDecimal() {
        Interval i = Interval.closed(0.5195555, 0.5195565);
        assertThat(i.formatPercent()).isEqualTo("[51.9556 %, 51.9557 %]");
    }

    @Test
    void endsThatFourDecimalsCannotTellApartPrintWithFour() {
        Interval i = Interval.closed(0.51955555, 0.51955556);
        assertThat(Interval.percentScale(i.min(), i.max())).isEqualTo(Interval.MAX_PERCENT_SCALE);
        assertThat(i.formatPercent()).isEqualTo("[51.9556 %, 51.9556 %]");
    }

    @Test
    void aPointOrEqualEndsNeedOneDecimal() {
        assertThat(Interval.point(0.5196).formatPercent()).isEqualTo("52.0 %");
        assertThat(Interval.of(0.5196, true, 0.5196, false).formatPercent()).isEqualTo("(52.0 %, 52.0 %]");
        assertThat(Interval.percentScale(0.5196, 0.5196)).isEqualTo(1);
    }

    @Test
    void infiniteEndsAreNotCompared() {
        assertThat(Interval.of(0.25, true, Double.POSITIVE_INFINITY, true).formatPercent()).isEqualTo("(25.0 %, ∞)");
        assertThat(Interval.of(Double.NEGATIVE_INFINITY, true, 0.5196, false).formatPercent()).isEqualTo("(−∞, 52.0 %]");
        assertThat(Interval.percentScale(0.51955, Double.POSITIVE_INFINITY, Double.NaN)).isEqualTo(1);
    }

    @Test
    void aTinyShareKeepsTwoSignificantDigitsAndNeedsNoMoreDecimals() {
        assertThat(Interval.closed(0.00001, 0.00002).formatPercent()).isEqualTo("[0.001 %, 0.002 %]");
        assertThat(Interval.closed(0.000011, 0.000012).formatPercent()).isEqualTo("[0.0011 %, 0.0012 %]");
        assertThat(Interval.closed(0, 0.00004).formatPercent()).isEqualTo("[0.0 %, 0.004 %]");
        assertThat(Interval.closed(0.00001, 0.3636).formatPercent()).isEqualTo("[0.001 %, 36.4 %]");
        // a tiny share beside a close one at one decimal: more decimals, and still never 0
        assertThat(Interval.closed(0.00004, 0.00049).formatPercent()).isEqualTo("[0.004 %, 0.049 %]");
    }
}
