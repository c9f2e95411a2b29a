package io.factlint.rules;

import io.factlint.model.Fact;
import io.factlint.model.Quantity;
import io.factlint.model.When;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which statement a measure's timeline uses for a time (docs/claims.md, "Time"): a level stated for a period
 * holds over it, a cumulative total counts at the period's end.
 */
class TimelineTest {
    private static final Set<String> CUMULATIVE = Set.of("killed");

    private static When day(String iso) {
        return When.day(LocalDate.parse(iso));
    }

    private static When period(String from, String to) {
        return When.period(day(from), day(to));
    }

    private static Fact fact(String id, String attribute, long value, When at) {
        return Fact.builder().id(id).storyId("s").subject("ng").attribute(attribute)
                .quantity(Quantity.exactly(BigDecimal.valueOf(value))).at(at).source("un").build();
    }

    private static Timeline timeline(String attribute, Object... idAndTime) {
        List<Fact> facts = new ArrayList<>();
        for (int i = 0; i < idAndTime.length; i += 2) {
            facts.add(fact((String) idAndTime[i], attribute, 100 + i, (When) idAndTime[i + 1]));
        }
        List<Timeline> tls = Timeline.build(facts, CUMULATIVE);
        assertThat(tls).hasSize(1);
        return tls.get(0);
    }

    private static String used(Timeline tl, When t) {
        Moment m = tl.latestAtOrBefore(t);
        return m == null ? null : m.getFacts().get(0).getId();
    }

    @Test
    void aLevelStatedForAPeriodHoldsOnADayInsideIt() {
        Timeline tl = timeline("population", "y2020", period("2020-01-01", "2020-12-31"));
        assertThat(tl.isLevel()).isTrue();
        assertThat(used(tl, day("2020-10-01"))).isEqualTo("y2020");
        assertThat(used(tl, day("2020-01-01"))).isEqualTo("y2020");
        assertThat(used(tl, day("2020-12-31"))).isEqualTo("y2020");
        assertThat(used(tl, day("2021-03-01"))).isEqualTo("y2020");
        assertThat(used(tl, day("2019-12-31"))).isNull();
    }

    @Test
    void aCumulativeTotalStatedForAPeriodCountsAtItsEnd() {
        Timeline tl = timeline("killed", "y2020", period("2020-01-01", "2020-12-31"));
        assertThat(tl.isLevel()).isFalse();
        assertThat(used(tl, day("2020-10-01"))).isNull();
        assertThat(used(tl, day("2020-12-31"))).isEqualTo("y2020");
    }

    @Test
    void aCumulativeTotalKeepsTheLatestToCount() {
        // 12-14 March is the figure of the 14th: after the 13th's, before the 15th's
        Timeline tl = timeline("killed", "d13", day("2025-03-13"), "p", period("2025-03-12", "2025-03-14"),
                "d15", day("2025-03-15"));
        assertThat(used(tl, day("2025-03-13"))).isEqualTo("d13");
        assertThat(used(tl, day("2025-03-14"))).isEqualTo("p");
        assertThat(used(tl, day("2025-03-15"))).isEqualTo("d15");
        // the moments keep their order (count.decreased joins a moment with the next by index)
        assertThat(tl.getMoments()).extracting(m -> m.getFacts().get(0).getId()).containsExactly("d13", "p", "d15");
    }

    @Test
    void ofALevelsCandidatesTheLatestStartWins() {
        Timeline tl = timeline("population", "dec2019", day("2019-12-31"), "y2020", period("2020-01-01", "2020-12-31"),
                "jun2020", day("2020-06-30"));
        assertThat(used(tl, day("2019-12-31"))).isEqualTo("dec2019");
        // the year beats the 31 Dec 2019 point, a later point inside the year beats the year
        assertThat(used(tl, day("2020-03-01"))).isEqualTo("y2020");
        assertThat(used(tl, day("2020-10-01"))).isEqualTo("jun2020");
        // the year contains its own last day too (start <= t <= end): no flip to the year on 31 Dec
        assertThat(used(tl, day("2020-12-30"))).isEqualTo("jun2020");
        assertThat(used(tl, day("2020-12-31"))).isEqualTo("jun2020");
        // after the year no period contains the time: the one that counts latest, the year, as before
        assertThat(used(tl, day("2021-02-01"))).isEqualTo("y2020");
        // the order the moments count in is unchanged
        assertThat(tl.getMoments()).extracting(m -> m.getFacts().get(0).getId())
                .containsExactly("dec2019", "jun2020", "y2020");
    }

    @Test
    void withNoPeriodContainingTheTimeTheOneThatCountsLatestWinsAsBefore() {
        // a 2019 annual figure and a 30 Jun 2019 point: for 1 Oct 2020 nothing contains the time, so the year
        // (counting on 31 Dec 2019) is used, as before levels were read over their periods
        Timeline tl = timeline("population", "y2019", period("2019-01-01", "2019-12-31"), "jun2019", day("2019-06-30"));
        assertThat(used(tl, day("2020-10-01"))).isEqualTo("y2019");
        // inside 2019 the year contains the time, and the later-starting point wins once it is stated
        assertThat(used(tl, day("2019-03-01"))).isEqualTo("y2019");
        assertThat(used(tl, day("2019-08-01"))).isEqualTo("jun2019");
    }

    @Test
    void ofTwoLevelsStartingTogetherTheLaterEndWins() {
        Timeline tl = timeline("population", "h1", period("2020-01-01", "2020-06-30"),
                "y2020", period("2020-01-01", "2020-12-31"));
        assertThat(used(tl, day("2020-03-01"))).isEqualTo("y2020");
        assertThat(used(tl, day("2020-10-01"))).isEqualTo("y2020");
    }

    @Test
    void anEvidenceWindowLetsALaterStatementWin() {
        Timeline level = timeline("population", "y2020", period("2020-01-01", "2020-12-31"), "oct5", day("2020-10-05"));
        assertThat(level.statedFor(day("2020-10-01"), day("2020-10-01"), m -> true).getFacts().get(0).getId())
                .isEqualTo("y2020");
        assertThat(level.statedFor(day("2020-10-01"), day("2020-10-08"), m -> true).getFacts().get(0).getId())
                .isEqualTo("oct5");
        // a moment the caller cannot use is passed over
        assertThat(level.statedFor(day("2020-10-01"), day("2020-10-08"),
                m -> !m.getFacts().get(0).getId().equals("oct5")).getFacts().get(0).getId()).isEqualTo("y2020");
        Timeline total = timeline("killed", "y2020", period("2020-01-01", "2020-12-31"), "oct5", day("2020-10-05"));
        assertThat(total.statedFor(day("2020-10-01"), day("2020-10-08"), m -> true).getFacts().get(0).getId())
                .isEqualTo("oct5");
        assertThat(total.statedFor(day("2020-10-01"), day("2020-10-01"), m -> true)).isNull();
    }

    @Test
    void aPeriodAskedForKeepsTheRuleOfItsEnd() {
        // a claim on June 2020: the latest stated within it, else before its end (never a year still running)
        Timeline tl = timeline("population", "y2020", period("2020-01-01", "2020-12-31"), "jun10", day("2020-06-10"));
        When june = period("2020-06-01", "2020-06-30");
        assertThat(tl.statedFor(june, june.end(), m -> true).getFacts().get(0).getId()).isEqualTo("jun10");
        Timeline only = timeline("population", "y2020", period("2020-01-01", "2020-12-31"));
        assertThat(only.statedFor(june, june.end(), m -> true)).isNull();
    }

    @Test
    void aStatusTimelineIsNotALevel() {
        Fact f = Fact.builder().id("st").storyId("s").subject("ng").attribute(Fact.STATUS).status("missing")
                .at(period("2020-01-01", "2020-12-31")).source("un").build();
        Timeline tl = Timeline.build(List.of(f), CUMULATIVE).get(0);
        assertThat(tl.isLevel()).isFalse();
        assertThat(tl.latestAtOrBefore(day("2020-10-01")).getFacts()).containsExactly(f);
        assertThat(tl.latestAtOrBefore(day("2019-10-01"))).isNull();
    }
}
