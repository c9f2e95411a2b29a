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

/**
 * Every statement of one subject's attribute, grouped into {@link Moment}s in time order. Built by the engine
 * before a check (one per subject and attribute) and inserted with its moments, so that rules ask "the value at
 * time T" or "the next time" by lookup instead of comparing all facts pairwise.
 */
public final class Timeline {
    private final String subject;
    private final String attribute;
    private final List<Moment> moments;

    private Timeline(String subject, String attribute, List<Moment> moments) {
        this.subject = subject;
        this.attribute = attribute;
        this.moments = moments;
    }

    /**
     * Groups all facts by subject and attribute, orders each group by time (a day before the instants on it, so a
     * day absorbs them at the coarser precision) and then by reference, and sets each fact's time index.
     */
    public static List<Timeline> build(Collection<Fact> facts) {
        return of(Series.of(facts));
    }

    /**
     * The timelines of series already computed ({@link Series#of}), one per series. A measure's moments are in the
     * order of the time each counts at: a statement for a period counts at the period's end (a cumulative total
     * for 12–14 March is the figure of the 14th, after a figure of the 13th), and of two moments ending together
     * the one that starts earlier comes first (a point last). A status timeline keeps the series' order (a status
     * stated for a period holds from its start).
     */
    public static List<Timeline> of(List<Series> series) {
        List<Timeline> out = new ArrayList<>(series.size());
        for (Series s : series) {
            List<Series.Point> points = s.points();
            if (!s.isStatus()) {
                points = new ArrayList<>(points);
                points.sort(COUNTS_AT); // stable: moments of one end and start keep the series' order
            }
            List<Moment> moments = new ArrayList<>(points.size());
            for (Series.Point p : points) {
                moments.add(moment(p.at(), p.facts(), moments.size()));
            }
            out.add(new Timeline(s.subject(), s.attribute(), List.copyOf(moments)));
        }
        return out;
    }

    /** Measures: by the end of each moment's time (a point is its own end), then by its start. */
    private static final Comparator<Series.Point> COUNTS_AT = Comparator
            .comparing((Series.Point p) -> p.at().end())
            .thenComparing(p -> p.at().start());

    private static Moment moment(When at, List<Fact> facts, int index) {
        Fact f = facts.get(0);
        return new Moment(f.getSubject(), f.getAttribute(), index, at, facts);
    }

    public String getSubject() { return subject; }
    public String getAttribute() { return attribute; }
    public List<Moment> getMoments() { return moments; }

    /**
     * The latest moment at or before {@code t}, or null if every statement is later. On a measure's timeline a
     * moment stated for a period counts at the period's end ({@link Moment#getCountsAt()}).
     */
    public Moment latestAtOrBefore(When t) {
        boolean status = Fact.STATUS.equals(attribute);
        int lo = 0, hi = moments.size() - 1, found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Moment m = moments.get(mid);
            if ((status ? m.getAt() : m.getCountsAt()).atOrBefore(t)) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found < 0 ? null : moments.get(found);
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

    /** The distinct sources of the statements, or of those with status {@code status} when it is not null. */
    public Set<String> sourcesOf(String status) {
        Set<String> s = new TreeSet<>();
        for (Moment m : moments) {
            for (Fact f : m.getFacts()) {
                if (status == null || status.equals(f.getStatus())) s.add(f.getSource());
            }
        }
        return s;
    }

    /** The statements, or those with status {@code status} when it is not null. */
    public List<Fact> factsOf(String status) {
        List<Fact> out = new ArrayList<>();
        for (Moment m : moments) {
            for (Fact f : m.getFacts()) {
                if (status == null || status.equals(f.getStatus())) out.add(f);
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return subject + "." + attribute + moments;
    }
}
