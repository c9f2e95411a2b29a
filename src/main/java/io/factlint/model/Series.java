package io.factlint.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every statement of one subject's attribute, grouped by time in time order: what the engine's timelines are
 * built from and what the reports draw (status timelines, count charts). Computed once per check.
 */
public record Series(String subject, String attribute, List<Point> points) {

    /** The facts stating the attribute at one time (the same instant, day or period). */
    public record Point(When at, List<Fact> facts) {
        public Point {
            facts = List.copyOf(facts);
        }
    }

    public Series {
        points = List.copyOf(points);
    }

    public boolean isStatus() {
        return Fact.STATUS.equals(attribute);
    }

    /**
     * Groups facts by subject and attribute (in order of first appearance), orders each group by time (a day
     * before the instants on it, so a day absorbs them at the coarser precision), then by reference and load
     * order, and joins the facts at the same time into one point. Facts without a time are left out.
     */
    public static List<Series> of(Collection<Fact> facts) {
        Map<String, List<Fact>> groups = new LinkedHashMap<>();
        for (Fact f : facts) {
            if (f.getAt() == null) continue;
            groups.computeIfAbsent(f.getSubject() + '\u0000' + f.getAttribute(), k -> new ArrayList<>()).add(f);
        }
        // facts of one time in reference order, not load order: moving a fact within its file changes no finding
        Comparator<Fact> order = Comparator.comparing(Fact::getAt).thenComparing(Fact.REF_ORDER).thenComparingInt(Fact::getSeq);
        List<Series> out = new ArrayList<>(groups.size());
        for (List<Fact> group : groups.values()) {
            group.sort(order);
            List<Point> points = new ArrayList<>();
            List<Fact> current = new ArrayList<>();
            When head = null;
            for (Fact f : group) {
                if (head != null && !head.sameTime(f.getAt())) {
                    points.add(new Point(head, current));
                    current = new ArrayList<>();
                    head = null;
                }
                if (head == null) head = f.getAt();
                current.add(f);
            }
            points.add(new Point(head, current));
            out.add(new Series(group.get(0).getSubject(), group.get(0).getAttribute(), points));
        }
        return out;
    }
}
