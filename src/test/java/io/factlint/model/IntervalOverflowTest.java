package io.factlint.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Found by fuzzing the JSON report: a finite share whose percentage overflows a double. */
class IntervalOverflowTest {

    @Test
    void aHugeFiniteShareIsWrittenAsAPercentage() {
        assertThat(Interval.percent(2e306)).startsWith("2").endsWith(".0 %").hasSize(313);
        assertThat(Interval.point(Double.MAX_VALUE).formatPercent()).endsWith(".0 %");
        assertThat(Interval.closed(0.25, 0.3636).formatPercent()).isEqualTo("[25.0 %, 36.4 %]");
        assertThat(Interval.percent(Double.POSITIVE_INFINITY)).isEqualTo("∞");
    }
}
