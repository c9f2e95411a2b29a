package io.factlint.model;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BinaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Signed interval arithmetic ({@link Interval#plus}, {@link Interval#minus}, {@link Interval#times},
 * {@link Interval#divide}) on every sign and every open/closed end: each result must hold every x op y of its
 * operands (sound) and its ends must be right (tight), attained exactly when some attained x and y give them.
 */
class IntervalArithmeticTest {
    private static final double INF = Double.POSITIVE_INFINITY;

    /** Ends covering negative, zero, positive and unbounded, with every open/closed combination. */
    private static List<Interval> operands() {
        double[][] spans = {{-5, -2}, {-3, 0}, {-2, 4}, {0, 0}, {0, 3}, {1, 4}, {2, 2}, {-INF, -1}, {-1, INF},
                {0, INF}, {3, INF}, {-INF, 0}, {-INF, INF}};
        List<Interval> out = new ArrayList<>();
        for (double[] s : spans) {
            for (int m = 0; m < 4; m++) {
                boolean lo = (m & 1) != 0, hi = (m & 2) != 0;
                if (s[0] == s[1] && (lo || hi)) continue; // empty
                out.add(Interval.of(s[0], lo, s[1], hi));
            }
        }
        return out;
    }

    /** Attained points of an interval: its closed ends and interior points, near each open end too. */
    private static List<Double> samples(Interval i) {
        List<Double> out = new ArrayList<>();
        double lo = i.min(), hi = i.max();
        double a = Double.isInfinite(lo) ? (Double.isInfinite(hi) ? -1e6 : hi - 1e6) : lo;
        double b = Double.isInfinite(hi) ? (Double.isInfinite(lo) ? 1e6 : lo + 1e6) : hi;
        for (double t : new double[]{0, 1e-9, 0.25, 0.5, 0.75, 1 - 1e-9, 1}) {
            double v = a + (b - a) * t;
            if (i.contains(v)) out.add(v);
        }
        for (double v : new double[]{lo + 1e-7, hi - 1e-7, 0.0}) {
            if (Double.isFinite(v) && i.contains(v)) out.add(v);
        }
        return out;
    }

    private static void soundAndTight(String name, BinaryOperator<Interval> op, BinaryOperator<Double> scalar,
                                      boolean skipZeroDivisor) {
        int checked = 0;
        for (Interval x : operands()) {
            for (Interval y : operands()) {
                if (skipZeroDivisor && y.min() == 0 && y.max() == 0) continue;
                Interval r = op.apply(x, y);
                double seenMin = INF, seenMax = -INF;
                for (double a : samples(x)) {
                    for (double b : samples(y)) {
                        if (skipZeroDivisor && b == 0) continue;
                        double v = scalar.apply(a, b);
                        assertThat(r.contains(v) || Math.abs(v) > 1e12 && !r.isPoint())
                                .as("%s: %s %s %s = %s must hold %s (%s, %s)", name, x, name, y, r, v, a, b).isTrue();
                        seenMin = Math.min(seenMin, v);
                        seenMax = Math.max(seenMax, v);
                        checked++;
                    }
                }
                // a closed end is a value some attained operands give exactly
                if (!r.minOpen()) assertThat(hits(x, y, scalar, r.min(), skipZeroDivisor)).as("%s %s %s: min %s attained", x, name, y, r).isTrue();
                if (!r.maxOpen()) assertThat(hits(x, y, scalar, r.max(), skipZeroDivisor)).as("%s %s %s: max %s attained", x, name, y, r).isTrue();
                // and the ends are not too wide: sampled values come close to each finite end
                if (Double.isFinite(r.min())) assertThat(seenMin - r.min()).as("%s %s %s = %s: low end", x, name, y, r).isLessThan(1e-3 * Math.max(1, Math.abs(r.min())) + 1e-6);
                if (Double.isFinite(r.max())) assertThat(r.max() - seenMax).as("%s %s %s = %s: high end", x, name, y, r).isLessThan(1e-3 * Math.max(1, Math.abs(r.max())) + 1e-6);
            }
        }
        assertThat(checked).isGreaterThan(10_000);
    }

    private static boolean hits(Interval x, Interval y, BinaryOperator<Double> scalar, double target, boolean skipZero) {
        for (double a : samples(x)) {
            for (double b : samples(y)) {
                if (skipZero && b == 0) continue;
                if (scalar.apply(a, b) == target) return true;
            }
        }
        return false;
    }

    @Test
    void sumsAreSoundAndTightOnEverySignAndEnd() {
        soundAndTight("+", Interval::plus, Double::sum, false);
    }

    @Test
    void differencesAreSoundAndTightOnEverySignAndEnd() {
        soundAndTight("-", Interval::minus, (a, b) -> a - b, false);
    }

    @Test
    void productsAreSoundAndTightOnEverySignAndEnd() {
        soundAndTight("*", Interval::times, (a, b) -> a * b, false);
    }

    @Test
    void quotientsAreSoundAndTightOnEverySignAndEnd() {
        soundAndTight("/", Interval::divide, (a, b) -> a / b, true);
    }

    @Test
    void workedExamples() {
        Interval growth = Interval.point(192277).divide(Interval.point(132310)).minus(Interval.point(1));
        assertThat(Interval.percent(growth.min())).isEqualTo("45.3 %");
        // (−2, 3] − [1, 4) = (−6, 2]
        assertThat(Interval.of(-2, true, 3, false).minus(Interval.of(1, false, 4, true)))
                .isEqualTo(Interval.of(-6, true, 2, false));
        // [−2, 3) × (−1, 4] = (−8, 12): −2 × 4 is attained, 3 × 4 is not
        assertThat(Interval.of(-2, false, 3, true).times(Interval.of(-1, true, 4, false)))
                .isEqualTo(Interval.of(-8, false, 12, true));
        // [0, 5] × (3, ∞) = [0, ∞): 0 × anything is 0
        assertThat(Interval.closed(0, 5).times(Interval.of(3, true, INF, true))).isEqualTo(Interval.of(0, false, INF, true));
        // [−6, −3] / [2, 3) = [−3, −1)
        assertThat(Interval.closed(-6, -3).divide(Interval.of(2, false, 3, true))).isEqualTo(Interval.of(-3, false, -1, true));
        // 1 / [−1, 2] (0 inside) = (−∞, −1] ∪ [0.5, ∞): the hull is everything
        assertThat(Interval.point(1).divide(Interval.closed(-1, 2))).isEqualTo(Interval.of(-INF, true, INF, true));
        // [1, 2] / [−4, 0] = (−∞, −0.25]
        assertThat(Interval.closed(1, 2).divide(Interval.closed(-4, 0))).isEqualTo(Interval.of(-INF, true, -0.25, false));
        assertThatThrownBy(() -> Interval.closed(-1, 1).divide(Interval.point(0))).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void aNonNegativeMeasureLosesItsNegativePart() {
        assertThat(Interval.of(-0.5, false, 0.5, false).nonNegative()).isEqualTo(Interval.closed(0, 0.5));
        assertThat(Interval.of(-0.5, false, 0, true).nonNegative()).isNull();
        Interval pos = Interval.of(1, true, 2, true);
        assertThat(pos.nonNegative()).isSameAs(pos);
    }
}
