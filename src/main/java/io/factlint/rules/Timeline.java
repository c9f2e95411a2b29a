package io.factlint.rules;

import io.factlint.model.Fact;
import io.factlint.model.Series;
import io.factlint.model.When;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Every statement of one subject's attribute, grouped into {@link Moment}s in time order. Built by the engine
 * before a check (one per subject and attribute) and inserted with its moments, so that rules ask "the value at
 * time T" or "the next time" by lookup instead of comparing all facts pairwise.
 */
public final class Timeline {
    private final String subject;
    private final String attribute;
    private final List<Moment> moments;
    /** A level's moments by start, then end (null on a cumulative or a status timeline): {@link #statedFor}. */
    private final List<Moment> byStart;
    /**
     * {@code reach[i]}: the latest end of a period among {@code byStart[0..i]}, null while there is none (does a
     * period starting by then contain a time?).
     */
    private final When[] reach;
    private final boolean level;
    private final boolean nonNegative;
    private final boolean unrecorded;

    private Timeline(String subject, String attribute, List<Moment> moments, boolean level, boolean nonNegative) {
        this.subject = subject;
        this.attribute = attribute;
        this.moments = moments;
        this.level = level;
        this.nonNegative = nonNegative;
        boolean none = false;
        for (Moment m : moments) {
            if (m.isUnrecorded()) {
                none = true;
                break;
            }
        }
        this.unrecorded = none;
        boolean periods = false;
        if (level) {
            for (Moment m : moments) {
                if (m.getAt().isPeriod()) {
                    periods = true;
                    break;
                }
            }
        }
        if (periods) {
            // only a level with a statement for a period reads it over the period; points alone need no second order
            List<Moment> s = new ArrayList<>(moments);
            s.sort(BY_START); // stable: moments of one start and end keep their timeline order
            this.byStart = java.util.Collections.unmodifiableList(s);
            this.reach = new When[s.size()];
            When latest = null;
            for (int i = 0; i < reach.length; i++) {
                When at = s.get(i).getAt();
                if (at.isPeriod() && (latest == null || at.end().after(latest))) latest = at.end();
                reach[i] = latest;
            }
        } else {
            this.byStart = null;
            this.reach = null;
        }
    }

    /**
     * Groups all facts by subject and attribute, orders each group by time (a day before the instants on it, so a
     * day absorbs them at the coarser precision) and then by reference, and sets each fact's time index.
     * {@code cumulative}: the attributes that are cumulative totals (the vocabulary's {@code cumulative:} list).
     */
    public static List<Timeline> build(Collection<Fact> facts, Set<String> cumulative) {
        return of(Series.of(facts), cumulative, Set.of());
    }

    /**
     * The timelines of series already computed ({@link Series#of}), one per series. A measure's moments are in the
     * order of the time each counts at: a statement for a period counts at the period's end (a cumulative total
     * for 12–14 March is the figure of the 14th, after a figure of the 13th), and of two moments ending together
     * the one that starts earlier comes first (a point last). A status timeline keeps the series' order (a status
     * stated for a period holds from its start). {@code cumulative}: the attributes that are cumulative totals
     * (the vocabulary's {@code cumulative:} list); every other measure is a level, which {@link #statedFor} reads
     * as holding over a period it is stated for. {@code nonNegative}: the measures that cannot be negative (the
     * vocabulary's {@code nonNegative:} list), whose totals over a period a statement for a longer period bounds.
     */
    public static List<Timeline> of(List<Series> series, Set<String> cumulative, Set<String> nonNegative) {
        List<Timeline> out = new ArrayList<>(series.size());
        for (Series s : series) {
            List<Series.Point> points = s.points();
            if (!s.isStatus()) {
                points = new ArrayList<>(points);
                points.sort(COUNTS_AT); // stable: moments of one end and start keep the series' order
            }
            List<Moment> moments = new ArrayList<>(points.size());
            // the next moment with a value: a moment saying only that no figure is kept is skipped (count.decreased)
            int[] next = new int[points.size()];
            int after = points.size();
            for (int i = points.size() - 1; i >= 0; i--) {
                next[i] = after;
                if (!onlyUnrecorded(points.get(i).facts())) after = i;
            }
            for (Series.Point p : points) {
                moments.add(moment(p.at(), p.facts(), moments.size(), next[moments.size()]));
            }
            out.add(new Timeline(s.subject(), s.attribute(), List.copyOf(moments),
                    !s.isStatus() && !cumulative.contains(s.attribute()), nonNegative.contains(s.attribute())));
        }
        return out;
    }

    /**
     * This timeline with only the facts {@code keep} accepts (a claim {@code according_to} one source), its
     * measure's kind kept; null when none is left.
     */
    public Timeline restrictedTo(Predicate<Fact> keep) {
        List<Fact> kept = new ArrayList<>();
        for (Moment m : moments) for (Fact f : m.getStatements()) if (keep.test(f)) kept.add(f);
        if (kept.isEmpty()) return null;
        List<Series> s = Series.of(kept);
        if (s.isEmpty()) return null;
        return of(s, level ? Set.of() : Set.of(attribute), nonNegative ? Set.of(attribute) : Set.of()).get(0);
    }

    /** Measures: by the end of each moment's time (a point is its own end), then by its start. */
    private static final Comparator<Series.Point> COUNTS_AT = Comparator
            .comparing((Series.Point p) -> p.at().end())
            .thenComparing(p -> p.at().start());

    /** A level's moments: by the start of each moment's time (a point is its own start), then by its end. */
    private static final Comparator<Moment> BY_START = Comparator
            .comparing((Moment m) -> m.getAt().start())
            .thenComparing(m -> m.getAt().end());

    private static Moment moment(When at, List<Fact> facts, int index, int next) {
        Fact f = facts.get(0);
        return new Moment(f.getSubject(), f.getAttribute(), index, at, facts, next);
    }

    private static boolean onlyUnrecorded(List<Fact> facts) {
        for (Fact f : facts) if (!f.isUnrecorded()) return false;
        return !facts.isEmpty();
    }

    public String getSubject() { return subject; }
    public String getAttribute() { return attribute; }
    public List<Moment> getMoments() { return moments; }

    /** True for a measure the vocabulary declares cannot be negative ({@code nonNegative:}: spending, deaths). */
    public boolean isNonNegative() {
        return nonNegative;
    }

    /**
     * True when a moment of this timeline is a statement that no figure is kept ({@link Moment#isUnrecorded()}): the
     * claims on it may need the statement instead of a figure (claims.drl).
     */
    public boolean isUnrecorded() {
        return unrecorded;
    }

    /** True for a measure that is not a cumulative total (a population, a rate, a price, a share). */
    public boolean isLevel() {
        return level;
    }

    /**
     * The moment that states the attribute for {@code t}, or null if every statement is later: the statements
     * that count at or before {@code t} (on a measure's timeline a statement for a period counts at the period's
     * end, {@link Moment#getCountsAt()}), and on a level's timeline ({@link #isLevel()}) for a point {@code t}
     * also those whose period contains {@code t} ({@link #statedFor}). A status timeline: the latest moment whose
     * time (a period: its start) is at or before {@code t}.
     */
    public Moment latestAtOrBefore(When t) {
        if (Fact.STATUS.equals(attribute)) {
            int found = lastAtOrBefore(moments, Moment::getAt, t);
            return found < 0 ? null : moments.get(found);
        }
        // a period t: what counts at or before its start (a point compares with a period by the period's start)
        return statedFor(t, t.isPeriod() ? t.start() : t, m -> true);
    }

    /**
     * The one choice of "the latest statement at or before a time" on a measure's timeline (figures at a claim's
     * time, {@link #latestAtOrBefore}, and the claim forms: change since, max_age, window), among the moments
     * {@code usable} accepts:
     * <ul>
     *   <li>the candidates are the moments that count at or before {@code limit} ({@code t}, or later by an
     *       evidence window; a period's end counts) and, on a level's timeline when {@code t} is a point, the
     *       moments whose period contains {@code t} (start &lt;= t &lt;= end: a population stated for 2020 holds
     *       on 1 Oct 2020);</li>
     *   <li>on a level's timeline (and {@code t} a point) when a period contains {@code t}, the candidate with
     *       the latest start wins, then the latest end (a 30 Jun 2020 figure beats the year 2020 for 1 Oct 2020;
     *       the year beats 31 Dec 2019);</li>
     *   <li>otherwise (a cumulative total, {@code t} a period, or no period containing {@code t}) the one that
     *       counts latest, then the one that starts latest, as before levels were read over their periods: a
     *       total for 12–14 March is the figure of the 14th, never of the 13th; for 2020 the year 2019 beats a
     *       30 Jun 2019 point.</li>
     *   <li>a statement that no figure is kept ({@code {"unrecorded": true}}, {@link Moment#isUnrecorded()}) is a
     *       candidate like any other: a later one beats an earlier figure (the latest word is that no figure is
     *       kept); of statements for the same time (one moment: the identical {@code at}) a figure beats it, as the
     *       moment's hull is the figure's (someone does record it). A figure for the year 2020 and such a statement
     *       for the point 31 Dec 2020 are two moments, chosen between by the rules above: the point wins for 31 Dec
     *       2020 (cumulative: both count then, the later start; a level: it starts later).</li>
     * </ul>
     */
    Moment statedFor(When t, When limit, Predicate<Moment> usable) {
        int k = byStart == null || t.isPeriod() ? -1 : lastAtOrBefore(byStart, m -> m.getAt().start(), t);
        // no period contains t (start <= t <= end): the rule of a cumulative total
        if (k < 0 || reach[k] == null || reach[k].before(t)) {
            for (int i = lastAtOrBefore(moments, Moment::getCountsAt, limit); i >= 0; i--) {
                if (usable.test(moments.get(i))) return moments.get(i);
            }
            return null;
        }
        // every moment starting at or before t either counts by then or contains t; those starting after t count
        // only inside an evidence window (end <= limit), and any of them starts later than all the others
        if (limit.after(t)) {
            for (int i = lastAtOrBefore(byStart, m -> m.getAt().start(), limit); i > k; i--) {
                Moment m = byStart.get(i);
                if (m.getCountsAt().atOrBefore(limit) && usable.test(m)) return m;
            }
        }
        for (int i = k; i >= 0; i--) {
            if (usable.test(byStart.get(i))) return byStart.get(i);
        }
        return null;
    }

    /** The last index of {@code list} (ordered by {@code time}) whose time is at or before {@code t}, or -1. */
    private static int lastAtOrBefore(List<Moment> list, java.util.function.Function<Moment, When> time, When t) {
        int lo = 0, hi = list.size() - 1, found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (time.apply(list.get(mid)).atOrBefore(t)) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    /** The latest moment overall. */
    public Moment latest() {
        return moments.get(moments.size() - 1);
    }

    /**
     * The status at time {@code t}: the first terminal status reached at or before {@code t} if any, otherwise
     * the statuses of the latest moment at or before {@code t}; null when nothing is stated by then.
     */
    public StatusAt statusAt(When t, Set<String> terminal) {
        Moment last = latestAtOrBefore(t);
        if (last == null) return null;
        for (Moment m : moments.subList(0, last.getIndex() + 1)) {
            Set<String> ends = new TreeSet<>(m.getStatuses());
            ends.retainAll(terminal);
            if (!ends.isEmpty()) {
                List<Fact> facts = m.getFacts().stream().filter(f -> ends.contains(f.getStatus())).toList();
                return new StatusAt(ends, facts, m.getAt());
            }
        }
        return new StatusAt(last.getStatuses(), last.getFacts(), last.getAt());
    }

    /** True when a statement before {@code t} gives status {@code status}. */
    public boolean hadBefore(String status, When t) {
        for (Moment m : moments) {
            if (!m.getAt().before(t)) return false;
            if (m.getStatuses().contains(status)) return true;
        }
        return false;
    }

    /** The facts stated before {@code t} with status {@code status}, latest moment first. */
    public List<Fact> factsBefore(String status, When t) {
        List<Fact> out = new ArrayList<>();
        for (Moment m : moments) {
            if (!m.getAt().before(t)) break;
            out.addAll(m.factsWith(status));
        }
        return out;
    }

    /** The distinct sources of {@link #factsOf the statements}. */
    public Set<String> sourcesOf(String status) {
        Set<String> s = new TreeSet<>();
        for (Fact f : factsOf(status)) s.add(f.getSource());
        return s;
    }

    /**
     * The statements with status {@code status} when it is not null; else the figures, or, when the timeline has no
     * figure, its statements that no figure is kept ({@code source.single}: a figure rests on the sources of figures,
     * not on a source saying none is kept; a lone such statement rests on its own sources).
     */
    public List<Fact> factsOf(String status) {
        List<Fact> out = new ArrayList<>();
        List<Fact> unrecordedOnly = new ArrayList<>();
        for (Moment m : moments) {
            for (Fact f : m.getFacts()) {
                if (status != null ? status.equals(f.getStatus()) : !f.isUnrecorded()) out.add(f);
                else if (status == null) unrecordedOnly.add(f);
            }
        }
        return out.isEmpty() && status == null ? unrecordedOnly : out;
    }

    @Override
    public String toString() {
        return subject + "." + attribute + moments;
    }
}
