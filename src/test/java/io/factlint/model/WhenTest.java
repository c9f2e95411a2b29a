package io.factlint.model;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/** Times of different precision compare at the coarser one (rules-catalogue.md, Time). */
class WhenTest {
    private static When day(String s) { return When.day(LocalDate.parse(s)); }
    private static When instant(String s) { return When.instant(OffsetDateTime.parse(s)); }

    @Test
    void aDayAndAnInstantOnItAreTheSameTime() {
        assertThat(day("2025-03-10").sameTime(instant("2025-03-10T12:00:00+02:00"))).isTrue();
        assertThat(day("2025-03-11").after(instant("2025-03-10T23:30:00+02:00"))).isTrue();
        // the instant's own offset decides its day: 23:30 at +02:00 is still the 10th there
        assertThat(day("2025-03-10").sameTime(instant("2025-03-10T23:30:00+02:00"))).isTrue();
    }

    @Test
    void instantsCompareAsInstants() {
        assertThat(instant("2025-03-10T12:00:00+02:00").sameTime(instant("2025-03-10T10:00:00Z"))).isTrue();
        assertThat(instant("2025-03-10T12:00:00+02:00").before(instant("2025-03-10T12:00:00Z"))).isTrue();
    }

    @Test
    void periodsAreTheSameOnlyAsTheSamePeriod() {
        When p = When.period(day("2025-03-01"), day("2025-03-05"));
        assertThat(p.sameTime(When.period(day("2025-03-01"), day("2025-03-05")))).isTrue();
        assertThat(p.sameTime(day("2025-03-01"))).isFalse();
        assertThat(p.after(day("2025-03-01"))).isTrue();
        assertThat(p.before(day("2025-03-02"))).isTrue();
        assertThat(p.iso()).isEqualTo("2025-03-01/2025-03-05");
    }

    @Test
    void sortOrderPutsADayBeforeTheInstantsOnIt() {
        assertThat(day("2025-03-10").compareTo(instant("2025-03-10T00:00:00+00:00"))).isNegative();
        assertThat(instant("2025-03-10T23:00:00+00:00").compareTo(day("2025-03-11"))).isNegative();
        assertThat(day("2024-12-27").display()).isEqualTo("27 Dec 2024");
    }
}
