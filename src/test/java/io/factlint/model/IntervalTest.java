package io.factlint.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IntervalTest {
    private static final double INF = Double.POSITIVE_INFINITY;

    @Test
    void theSeedStoryCasualtyShare() {
        Interval killedOrInjured = Interval.of(3000, true, 4000, true);
        Interval deployed = Interval.of(11000, true, 12000, true);
        Interval share = killedOrInjured.divide(deployed);
        assertThat(share.min()).isEqualTo(0.25);
        assertThat(share.max()).isCloseTo(0.363636, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(share.minOpen()).isTrue();
        assertThat(share.maxOpen()).isTrue();
        assertThat(share.formatPercent()).isEqualTo("(25.0 %, 36.4 %)");
    }

    @Test
    void strictReadingsOfOverGiveZeroToInfinity() {
        Interval share = Interval.of(3000, true, INF, true).divide(Interval.of(11000, true, INF, true));
        assertThat(share.min()).isZero();
        assertThat(share.minOpen()).isTrue();
        assertThat(share.max()).isInfinite();
        assertThat(share.format()).isEqualTo("(0, ∞)");
    }

    @Test
    void divisionKeepsTrackOfAttainedEnds() {
        assertThat(Interval.closed(2500, 3500).divide(Interval.closed(5000, 15000)))
                .isEqualTo(Interval.closed(2500.0 / 15000, 0.7));
        assertThat(Interval.point(300).divide(Interval.point(1000))).isEqualTo(Interval.point(0.3));
        assertThat(Interval.closed(0, 10).divide(Interval.of(1, false, INF, true)))
                .isEqualTo(Interval.of(0, false, 10, false));
        assertThat(Interval.closed(1, 10).divide(Interval.of(0, false, 5, false)).max()).isInfinite();
        assertThatThrownBy(() -> Interval.point(1).divide(Interval.point(0))).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void openEndsDecideTouchingIntervals() {
        Interval a = Interval.of(300, true, 400, true);
        Interval b = Interval.closed(400, 450);
        assertThat(a.overlaps(b)).isFalse();
        assertThat(a.whollyBelow(b)).isTrue();
        assertThat(Interval.closed(300, 400).overlaps(b)).isTrue();
        assertThat(Interval.of(500, true, 600, true).whollyAbove(Interval.closed(350, 450))).isTrue();
        assertThat(Interval.of(325, false, 375, false).overlaps(Interval.of(300, true, 400, true))).isTrue();
    }

    @Test
    void enclosesAndHull() {
        Interval about = Interval.closed(500, 1500);
        assertThat(about.encloses(Interval.point(1000))).isTrue();
        assertThat(about.encloses(Interval.of(500, true, 1500, true))).isTrue();
        assertThat(Interval.of(500, true, 1500, false).encloses(Interval.closed(500, 600))).isFalse();
        assertThat(Interval.of(300, true, 400, true).hull(Interval.closed(325, 375))).isEqualTo(Interval.of(300, true, 400, true));
        assertThat(Interval.of(300, true, 400, true).hull(Interval.closed(300, 350))).isEqualTo(Interval.of(300, false, 400, true));
    }

    @Test
    void numbersAndPercentagesAsEditorsWriteThem() {
        assertThat(Interval.number(11000)).isEqualTo("11,000");
        assertThat(Interval.number(0.245)).isEqualTo("0.245");
        assertThat(Interval.percent(0.3636363)).isEqualTo("36.4 %");
        assertThat(Interval.point(0.3).formatPercent()).isEqualTo("30.0 %");
    }

    /** Issue 15.9: a count of 4.9e-324 printed as "deployed 0"; a number that is not 0 never prints as 0. */
    @Test
    void aNumberTooSmallForFourDecimalsIsWrittenInFullNotAsZero() {
        assertThat(Interval.number(4.9e-324)).isEqualTo("4.9E-324");
        assertThat(Interval.number(-4.9e-324)).isEqualTo("-4.9E-324");
        assertThat(Interval.number(1.234e-5)).isEqualTo("0.00001234");
        assertThat(Interval.number(0.00004999)).isEqualTo("0.00004999");
        assertThat(Interval.number(0.00005)).isEqualTo("0.00005");
        assertThat(Interval.number(-0.00001)).isEqualTo("-0.00001");
        assertThat(Interval.point(Double.MIN_VALUE).format()).isEqualTo("4.9E-324");
        assertThat(Interval.closed(0, Double.MIN_VALUE).format()).isEqualTo("[0, 4.9E-324]");
        // unchanged: 0 itself, and every number that keeps a digit at four decimals
        assertThat(Interval.number(0)).isEqualTo("0");
        assertThat(Interval.number(-0.0)).isEqualTo("-0");
        assertThat(Interval.number(0.00006)).isEqualTo("0.0001");
        assertThat(Interval.number(0.00012345)).isEqualTo("0.0001");
    }
}
