package io.factlint.rules;

import io.factlint.model.Interval;
import io.factlint.model.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The convention of "one of the highest" ({@code one_of}, docs/claims.md): the thresholds at their edges, the
 * verdicts at the edges of the top and of the lower half, and why both verdicts need {@code complete}.
 */
class OneOfConventionTest {

    /** top = min(max(3, ceil(n/10)), max(1, floor(n/2))), where each term takes over. */
    @ParameterizedTest(name = "n = {0}: top {1}")
    @CsvSource({"1, 1", "2, 1", "3, 1", "4, 2", "5, 2", "6, 3", "7, 3", "30, 3", "31, 4", "40, 4", "41, 5", "100, 10", "101, 11"})
    void theTopAtItsEdges(int n, int top) {
        assertThat(ClaimForms.oneOfTop(n)).isEqualTo(top);
    }

    @Test
    void theTopNeverReachesTheLowerHalf() {
        for (int n = 1; n <= 1000; n++) assertThat(ClaimForms.oneOfTop(n)).as("n = %d", n).isBetween(1, (n + 1) / 2);
    }

    /** Of 7: ranks 1-3 supported, 4 between, 5-7 contradicted; an interval takes the verdict of all its ranks. */
    @Test
    void verdictsAtTheEdgesOfTheTopAndOfTheLowerHalf() {
        assertThat(ClaimForms.oneOfVerdict(Interval.closed(3, 3), 7, true)).isEqualTo(Verdict.SUPPORTED);
        assertThat(ClaimForms.oneOfVerdict(Interval.closed(4, 4), 7, true)).isEqualTo(Verdict.UNDETERMINED);
        assertThat(ClaimForms.oneOfVerdict(Interval.closed(5, 5), 7, true)).isEqualTo(Verdict.CONTRADICTED);
        assertThat(ClaimForms.oneOfVerdict(Interval.closed(3, 4), 7, true)).isEqualTo(Verdict.UNDETERMINED);
        assertThat(ClaimForms.oneOfVerdict(Interval.closed(4, 5), 7, true)).isEqualTo(Verdict.UNDETERMINED);
        assertThat(ClaimForms.oneOfVerdict(Interval.closed(5, 7), 7, true)).isEqualTo(Verdict.CONTRADICTED);
        assertThat(ClaimForms.oneOfVerdict(Interval.closed(14, 14), 27, true)).isEqualTo(Verdict.UNDETERMINED);
        assertThat(ClaimForms.oneOfVerdict(Interval.closed(15, 15), 27, true)).isEqualTo(Verdict.CONTRADICTED);
        assertThat(ClaimForms.oneOfVerdict(Interval.closed(1, 1), 1, true)).isEqualTo(Verdict.SUPPORTED);
        assertThat(ClaimForms.oneOfVerdict(Interval.closed(2, 2), 2, true)).isEqualTo(Verdict.CONTRADICTED);
    }

    /**
     * For every n and every rank r of n, some number m of members not shown ranking ahead puts r + m of n + m out
     * of the top, and some number ranking behind takes r of n + m out of the lower half: without {@code complete}
     * neither verdict is sound, and none is given.
     */
    @Test
    void withoutCompleteNeitherVerdictIsSound() {
        for (int n = 1; n <= 300; n++) {
            for (int r = 1; r <= n; r++) {
                boolean outOfTop = false, outOfLowerHalf = false;
                for (int m = 0; m <= 2 * n + 2; m++) {
                    outOfTop |= r + m > ClaimForms.oneOfTop(n + m);
                    outOfLowerHalf |= r <= (n + m + 1) / 2;
                }
                assertThat(outOfTop).as("rank %d of %d, members ahead", r, n).isTrue();
                assertThat(outOfLowerHalf).as("rank %d of %d, members behind", r, n).isTrue();
                assertThat(ClaimForms.oneOfVerdict(Interval.of(r, false, Double.POSITIVE_INFINITY, true), n, false))
                        .isEqualTo(Verdict.UNDETERMINED);
                assertThat(ClaimForms.oneOfVerdict(Interval.closed(r, r), n, false)).isEqualTo(Verdict.UNDETERMINED);
            }
        }
    }
}
