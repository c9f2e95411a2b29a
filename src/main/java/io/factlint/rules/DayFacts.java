package io.factlint.rules;

import io.factlint.model.Fact;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The facts about one subject that start on one calendar day, any attribute (a derived fact the engine inserts
 * beside the {@link Timeline}s). Rules that compare facts of different attributes of a subject on a day (a part
 * and its whole; a fact and another source's confirmation) join one group instead of every fact with every other,
 * and Drools keeps one entry per group in its join memories instead of one per fact.
 */
public final class DayFacts {
    private final String subject;
    private final LocalDate day;
    private final List<Fact> facts;

    private DayFacts(String subject, LocalDate day, List<Fact> facts) {
        this.subject = subject;
        this.day = day;
        this.facts = List.copyOf(facts);
    }

    /** Groups the facts by subject and {@link Fact#getDay() day}, keeping their order within each group. */
    public static List<DayFacts> build(Collection<Fact> facts) {
        Map<String, Map<LocalDate, List<Fact>>> groups = new HashMap<>();
        List<DayFacts> out = new ArrayList<>();
        List<List<Fact>> order = new ArrayList<>();
        for (Fact f : facts) {
            List<Fact> g = groups.computeIfAbsent(f.getSubject(), k -> new HashMap<>()).get(f.getDay());
            if (g == null) {
                g = new ArrayList<>(4);
                groups.get(f.getSubject()).put(f.getDay(), g);
                order.add(g);
            }
            g.add(f);
        }
        for (List<Fact> g : order) out.add(new DayFacts(g.get(0).getSubject(), g.get(0).getDay(), g));
        return out;
    }

    public String getSubject() { return subject; }
    public LocalDate getDay() { return day; }
    public List<Fact> getFacts() { return facts; }

    /** The distinct attributes stated, sorted. */
    public Set<String> getAttributes() {
        Set<String> s = new TreeSet<>();
        for (Fact f : facts) s.add(f.getAttribute());
        return s;
    }

    /** True when a fact of the group states {@code attribute}. */
    public boolean has(String attribute) {
        for (Fact f : facts) {
            if (f.getAttribute().equals(attribute)) return true;
        }
        return false;
    }

    /** The group's facts stating {@code attribute}, in load order. */
    public List<Fact> facts(String attribute) {
        List<Fact> out = new ArrayList<>(facts.size());
        for (Fact f : facts) {
            if (f.getAttribute().equals(attribute)) out.add(f);
        }
        return out;
    }

    @Override
    public String toString() {
        return subject + "@" + day + facts;
    }
}
