package io.factlint.rules;

import io.factlint.model.Fact;
import io.factlint.model.Interval;
import io.factlint.model.When;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The facts that state one subject's attribute at one time (a derived fact the engine inserts, so that rules
 * compare neighbouring times without joining every fact with every other). {@code index} is the moment's place on
 * its timeline, 0 = earliest; {@code nextIndex} is the index of the next moment with a value (normally
 * {@code index + 1}), for rules that join consecutive moments.
 */
public final class Moment {
    private final String subject;
    private final String attribute;
    private final int index;
    private final When at;
    private final List<Fact> facts;
    /** Every statement for the time, the projections an observation beats included ({@link #getStatements}). */
    private final List<Fact> statements;
    private final int nextIndex;

    Moment(String subject, String attribute, int index, When at, List<Fact> facts) {
        this(subject, attribute, index, at, facts, index + 1);
    }

    /** {@code nextIndex}: the index of the next moment with a value (a later unrecorded moment is skipped). */
    Moment(String subject, String attribute, int index, When at, List<Fact> facts, int nextIndex) {
        this.nextIndex = nextIndex;
        this.subject = subject;
        this.attribute = attribute;
        this.index = index;
        this.at = at;
        this.statements = List.copyOf(facts);
        this.facts = observedFirst(this.statements);
    }

    /**
     * The facts a moment holds: once a source reports a figure for the time, the projections for it are no longer
     * evidence of it (the outcome settles the prediction), so only the observations are kept; else all of them.
     */
    private static List<Fact> observedFirst(List<Fact> facts) {
        boolean observed = false, projected = false;
        for (Fact f : facts) {
            if (f.isProjection()) projected = true;
            else observed = true;
        }
        if (!(observed && projected)) return facts;
        return facts.stream().filter(f -> !f.isProjection()).toList();
    }

    public String getSubject() { return subject; }
    public String getAttribute() { return attribute; }
    public int getIndex() { return index; }
    /**
     * The index of the next moment that states a value: {@code index + 1}, unless moments saying only that no figure
     * is kept ({@link #isUnrecorded()}) come between, which are skipped (a cumulative count compares with the next
     * figure, count.decreased).
     */
    public int getNextIndex() { return nextIndex; }
    public When getAt() { return at; }
    public List<Fact> getFacts() { return facts; }
    /**
     * Every statement for the time as made, with the projections that {@link #getFacts} leaves out once a source
     * reports the time: what one source said ({@link Timeline#restrictedTo}) still holds its forecast.
     */
    public List<Fact> getStatements() { return statements; }

    /**
     * The time a measure's statement counts at: its own time, or a period's end (a total for 12–14 March: the 14th).
     * A level's statement also holds inside its period ({@link Timeline#latestAtOrBefore}).
     */
    public When getCountsAt() {
        return at.end();
    }

    /** The distinct status words stated at this moment, sorted. */
    public Set<String> getStatuses() {
        Set<String> s = new TreeSet<>();
        for (Fact f : facts) {
            if (f.getStatus() != null) s.add(f.getStatus());
        }
        return s;
    }

    /**
     * True when every statement of this moment says that no figure is kept ({@link Fact#isUnrecorded()}): a moment
     * with no value, which a claim still takes as the statement for its time. A moment where another source gives a
     * figure for the same time is a figure (its hull), never unrecorded.
     */
    public boolean isUnrecorded() {
        for (Fact f : facts) {
            if (!f.isUnrecorded()) return false;
        }
        return !facts.isEmpty();
    }

    /** The facts of this moment that state a value (a figure or a status): all but the unrecorded ones. */
    public List<Fact> getFigureFacts() {
        for (Fact f : facts) {
            if (f.isUnrecorded()) return facts.stream().filter(x -> !x.isUnrecorded()).toList();
        }
        return facts;
    }

    /** The unrecorded statements of this moment ({@link Fact#isUnrecorded()}). */
    public List<Fact> getUnrecordedFacts() {
        return facts.stream().filter(Fact::isUnrecorded).toList();
    }

    public List<Fact> factsWith(String status) {
        return facts.stream().filter(f -> status.equals(f.getStatus())).toList();
    }

    /** The smallest interval holding every fact's conventional interval (null when none has one: unrecorded). */
    public Interval getHull() {
        return hull(facts, true);
    }

    public Interval getStrictHull() {
        return hull(facts, false);
    }

    static Interval hull(Collection<Fact> facts, boolean conventional) {
        Interval h = null;
        for (Fact f : facts) {
            Interval i = conventional ? f.getConventional() : f.getStrict();
            if (i != null) h = h == null ? i : h.hull(i);
        }
        return h;
    }

    @Override
    public String toString() {
        return subject + "." + attribute + "@" + at;
    }
}
