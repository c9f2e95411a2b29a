package io.factlint.rules;

import io.factlint.model.Interval;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Percentages in a claim's reason: the precision that shows the verdict's reason (docs/claims.md). */
class PercentagesTest {

    @Test
    void oneDecimalWhenThatTellsTheValuesApart() {
        assertThat(Percentages.scale(0.25, Interval.point(0.3))).isEqualTo(1);
        assertThat(Interval.percent(0.25, 1)).isEqualTo("25.0 %");
    }

    @Test
    void asManyDecimalsAsItTakesToTellTheClaimFromTheFigure() {
        int s = Percentages.scale(0.52, Interval.point(0.5196));
        assertThat(s).isEqualTo(2);
        assertThat(Interval.percent(0.52, s)).isEqualTo("52.00 %");
        assertThat(Interval.point(0.5196).formatPercent(s)).isEqualTo("51.96 %");
        // the ends of an interval apart from each other and from the claim, up to four decimals
        assertThat(Percentages.scale(0.5, Interval.closed(0.500001, 0.500002))).isEqualTo(4);
        assertThat(Interval.closed(0.4995, 0.5005).formatPercent(Percentages.scale(0.5, Interval.closed(0.4995, 0.5005))))
                .isEqualTo("[49.95 %, 50.05 %]");
    }

    @Test
    void aTinyNonZeroShareNeverPrintsAsZero() {
        assertThat(Interval.percent(0.00004, 1)).isEqualTo("0.004 %");
        assertThat(Interval.percent(0.0000123, 2)).isEqualTo("0.0012 %");
        assertThat(Interval.percent(4.9e-324, 1)).isEqualTo("4.9E-322 %");
        assertThat(Interval.percent(0, 1)).isEqualTo("0.0 %");
        // a claimed 0 beside a tiny share: one decimal already prints them differently
        assertThat(Percentages.scale(0, Interval.point(0.00004))).isEqualTo(1);
        assertThat(Interval.percent(0.00004)).isEqualTo("0.004 %");
        assertThat(Interval.percent(-0.00004)).isEqualTo("-0.004 %");
        assertThat(Interval.percent(4.9e-324)).isEqualTo("4.9E-322 %");
        assertThat(Interval.closed(0.00001, 0.3636).formatPercent()).isEqualTo("[0.001 %, 36.4 %]");
    }

    @Test
    void infiniteEndsAreNoValuesToTellApart() {
        Interval open = Interval.of(0, true, Double.POSITIVE_INFINITY, true);
        assertThat(Percentages.scale(0.25, open)).isEqualTo(1);
        assertThat(open.formatPercent(1)).isEqualTo("(0.0 %, ∞)");
    }
}
