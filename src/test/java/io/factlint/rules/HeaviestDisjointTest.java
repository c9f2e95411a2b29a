package io.factlint.rules;

import io.factlint.model.Interval;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lower bound of a total over overlapping statements (docs/claims.md, "Totals over a period"): the heaviest set
 * of pairwise disjoint spans, spans half-open {start, end}.
 */
class HeaviestDisjointTest {

    private static Interval heaviest(long[][] spans, double... weights) {
        Interval[] w = new Interval[weights.length];
        for (int k = 0; k < w.length; k++) w[k] = Interval.point(weights[k]);
        return ClaimForms.heaviestDisjoint(spans, w);
    }

    @Test
    void noSpansWeighNothing() {
        assertThat(ClaimForms.heaviestDisjoint(new long[0][], new Interval[0])).isEqualTo(Interval.point(0));
    }

    @Test
    void disjointSpansAllCount() {
        // touching spans (one ends where the next starts) are disjoint
        assertThat(heaviest(new long[][]{{0, 10}, {10, 20}, {25, 30}}, 1, 2, 3)).isEqualTo(Interval.point(6));
    }

    @Test
    void twoOverlappingSpansGiveTheHeavier() {
        assertThat(heaviest(new long[][]{{0, 11}, {10, 35}}, 100, 200)).isEqualTo(Interval.point(200));
        assertThat(heaviest(new long[][]{{0, 11}, {10, 35}}, 300, 200)).isEqualTo(Interval.point(300));
    }

    @Test
    void theBestSetIsNotTheGreedyOne() {
        // a chain a-b-c-d, each overlapping the next: {a, c} 5 + 5, {b, d} 6 + 6, {a, d} 5 + 6
        long[][] chain = {{0, 10}, {5, 15}, {12, 22}, {18, 30}};
        assertThat(heaviest(chain, 5, 6, 5, 6)).isEqualTo(Interval.point(12));
        // the earliest-ending first (greedy by end, a count's choice) is as good for unit weights: a, c
        assertThat(heaviest(chain, 1, 1, 1, 1)).isEqualTo(Interval.point(2));
        // one long span over many short ones: the shorts together outweigh it, or it outweighs them
        long[][] umbrella = {{0, 100}, {0, 30}, {30, 60}, {60, 100}};
        assertThat(heaviest(umbrella, 50, 20, 20, 20)).isEqualTo(Interval.point(60));
        assertThat(heaviest(umbrella, 70, 20, 20, 20)).isEqualTo(Interval.point(70));
    }

    @Test
    void inputOrderDoesNotMatter() {
        long[][] shuffled = {{18, 30}, {0, 10}, {12, 22}, {5, 15}};
        assertThat(heaviest(shuffled, 6, 5, 5, 6)).isEqualTo(Interval.point(12));
    }

    @Test
    void aPointSpanOverlapsNothingAtItsEnds() {
        // an instant at the start or end of a period, and two instants at one time
        assertThat(heaviest(new long[][]{{0, 10}, {10, 10}, {0, 0}, {10, 10}}, 4, 1, 2, 3)).isEqualTo(Interval.point(10));
    }

    @Test
    void lowerEndsAndTheirOpennessAddUp() {
        Interval[] w = {Interval.of(3, true, 5, false), Interval.closed(2, 4), Interval.closed(3, 3)};
        // spans 0 and 1 disjoint, 2 overlaps both: (3, 5] + [2, 4] = (5, 9] beats [3, 3]
        Interval best = ClaimForms.heaviestDisjoint(new long[][]{{0, 10}, {10, 20}, {5, 15}}, w);
        assertThat(best.min()).isEqualTo(5);
        assertThat(best.minOpen()).isTrue();
        // of two sets with the same lower end, the open one is the larger bound
        Interval[] tie = {Interval.closed(4, 4), Interval.of(4, true, 6, false)};
        Interval t = ClaimForms.heaviestDisjoint(new long[][]{{0, 10}, {5, 15}}, tie);
        assertThat(t.min()).isEqualTo(4);
        assertThat(t.minOpen()).isTrue();
    }
}
