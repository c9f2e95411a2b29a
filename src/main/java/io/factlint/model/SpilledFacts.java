package io.factlint.model;

import java.io.Closeable;
import java.io.IOException;
import java.util.AbstractList;
import java.util.List;
import java.util.Set;

/**
 * The facts of a check too large to hold in memory, kept in temporary bucket files keyed by subject
 * (docs/performance.md, "Spilling work units to disk"). It stands where the list of facts stands in a
 * {@link FactBase}: its {@link #size()} is the number of facts, so counts and summaries work, but the facts can
 * only be read a group of buckets at a time ({@link #read}); whatever would need every fact at once
 * ({@link #get}, iteration, streams) is refused with {@link #refusal}. Every fact of one subject is in one bucket
 * ({@link #bucketOf}), in load order.
 */
public abstract class SpilledFacts extends AbstractList<Fact> implements Closeable {
    private final int count;

    protected SpilledFacts(int count) {
        this.count = count;
    }

    /** The number of facts. */
    @Override
    public final int size() {
        return count;
    }

    /** Refused: the facts are on disk (the message names what to do instead). */
    @Override
    public final Fact get(int index) {
        throw new IllegalStateException(refusal("this step"));
    }

    /** The number of buckets. */
    public abstract int buckets();

    /** The bucket holding every fact of {@code subject}. */
    public abstract int bucketOf(String subject);

    /** The subjects that have facts. */
    public abstract Set<String> subjects();

    /** The facts of {@code buckets}, in load order (their {@link Fact#getSeq()}). */
    public abstract List<Fact> read(int[] buckets) throws IOException;

    /**
     * The facts also held in memory, in load order: drafted facts, facts with a claim form, and the quoted facts of
     * stories with a text (a story's own unit checks its text against them). {@link #read} gives these instances.
     */
    public abstract List<Fact> held();

    /** Where the bucket files are (for messages). */
    public abstract String folder();

    /** Deletes the bucket files and their folder; idempotent. */
    @Override
    public abstract void close();

    /** Why {@code what} cannot run on spilled facts, and what to do instead. */
    public String refusal(String what) {
        return what + " needs every fact in memory, but this check's " + count + " facts were spilled to disk "
                + "(the input is larger than the spill threshold; factlint.spill=never keeps them in memory, with a "
                + "heap large enough for them: FACTLINT_JAVA_OPTS=-Xmx...)";
    }

    @Override
    public final boolean equals(Object o) {
        return this == o;
    }

    @Override
    public final int hashCode() {
        return System.identityHashCode(this);
    }
}
