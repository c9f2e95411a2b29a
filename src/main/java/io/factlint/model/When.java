package io.factlint.model;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;

/**
 * When something held: a calendar day, an instant (date-time with offset), or a period between two of those.
 * Times of different precision compare at the coarser one: a day and an instant on that day (in the instant's own
 * offset) are the same time.
 */
public final class When implements Comparable<When> {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH);

    private final LocalDate date;          // set for a day
    private final OffsetDateTime instant;  // set for an instant
    private final When from;               // set (with to) for a period
    private final When to;

    private When(LocalDate date, OffsetDateTime instant, When from, When to) {
        this.date = date;
        this.instant = instant;
        this.from = from;
        this.to = to;
    }

    public static When day(LocalDate date) {
        return new When(Objects.requireNonNull(date), null, null, null);
    }

    public static When instant(OffsetDateTime instant) {
        return new When(null, Objects.requireNonNull(instant), null, null);
    }

    public static When period(When from, When to) {
        if (from.isPeriod() || to.isPeriod()) throw new IllegalArgumentException("a period's ends are points");
        return new When(null, null, from, to);
    }

    public boolean isDay() { return date != null; }
    public boolean isInstant() { return instant != null; }
    public boolean isPeriod() { return from != null; }
    /** The date-time of an instant (null for a day or a period). */
    public OffsetDateTime instant() { return instant; }
    public When from() { return from; }
    public When to() { return to; }

    /** The calendar day this time starts on (in its own offset). */
    public LocalDate startDay() {
        if (date != null) return date;
        if (instant != null) return instant.toLocalDate();
        return from.startDay();
    }

    /**
     * The second (epoch, UTC) this point starts at: an instant itself, a day its midnight; a period's start's. What a
     * length of time is measured from (a duration, a gap, a rate).
     */
    public long startEpochSecond() {
        if (isPeriod()) return from.startEpochSecond();
        return instant != null ? instant.toEpochSecond() : date.toEpochDay() * 86_400L;
    }

    /** The second this point ends at: an instant itself, a day the next midnight (a whole day counts); a period's end's. */
    public long endEpochSecond() {
        if (isPeriod()) return to.endEpochSecond();
        return instant != null ? instant.toEpochSecond() : (date.toEpochDay() + 1) * 86_400L;
    }

    /** The point a period starts at (and is ordered by); a point is its own. */
    public When start() {
        return isPeriod() ? from : this;
    }

    /** The point a period ends at; a point is its own. */
    public When end() {
        return isPeriod() ? to : this;
    }

    /**
     * Compares two points at the coarser precision: negative, zero (same time) or positive. A period compares by
     * its start; a period and a point are never the same time (the period sorts after a point it starts at).
     */
    public int compareTime(When o) {
        if (isPeriod() || o.isPeriod()) {
            if (isPeriod() && o.isPeriod()) {
                int c = from.compareTime(o.from);
                return c != 0 ? c : to.compareTime(o.to);
            }
            int c = start().compareTime(o.start());
            return c != 0 ? c : (isPeriod() ? 1 : -1);
        }
        if (instant != null && o.instant != null) {
            return instant.toInstant().compareTo(o.instant.toInstant());
        }
        return startDay().compareTo(o.startDay());
    }

    public boolean sameTime(When o) {
        return compareTime(o) == 0;
    }

    public boolean atOrBefore(When o) {
        return compareTime(o) <= 0;
    }

    public boolean before(When o) {
        return compareTime(o) < 0;
    }

    public boolean after(When o) {
        return compareTime(o) > 0;
    }

    /**
     * A total order for sorting, consistent with {@link #compareTime} where that is transitive: by day, a day
     * before the instants on it, then by instant, then periods.
     */
    private static final Comparator<When> ORDER = Comparator
            .comparing(When::startDay)
            .thenComparingInt(When::rank)
            .thenComparing((a, b) -> a.isInstant() && b.isInstant() ? a.instant.toInstant().compareTo(b.instant.toInstant()) : 0)
            .thenComparing((a, b) -> a.isPeriod() && b.isPeriod() ? a.compareTime(b) : 0);

    private int rank() {
        return isDay() ? 0 : isInstant() ? 1 : 2;
    }

    @Override
    public int compareTo(When o) {
        return ORDER.compare(this, o);
    }

    /** ISO-8601 as in fact files: {@code 2024-12-27}, {@code 2024-12-27T18:00+09:00}, {@code 2024-12-01/2024-12-27}. */
    public String iso() {
        if (date != null) return date.toString();
        if (instant != null) return instant.toString();
        return from.iso() + "/" + to.iso();
    }

    /** For an editor: {@code 27 Dec 2024}, {@code 27 Dec 2024 18:00 +09:00}, {@code 1 Dec 2024 – 27 Dec 2024}. */
    public String display() {
        if (date != null) return DAY.format(date);
        if (instant != null) return DAY.format(instant) + " " + instant.toLocalTime() + " " + instant.getOffset();
        return from.display() + " – " + to.display();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof When w && Objects.equals(date, w.date) && Objects.equals(instant, w.instant)
                && Objects.equals(from, w.from) && Objects.equals(to, w.to);
    }

    @Override
    public int hashCode() {
        return Objects.hash(date, instant, from, to);
    }

    @Override
    public String toString() {
        return iso();
    }
}
