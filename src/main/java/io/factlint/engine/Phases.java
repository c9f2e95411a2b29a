package io.factlint.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Wall time per phase of a check (load, compile or cache load, insert, fire, report, ...), in nanoseconds, for
 * {@code --profile} and the benchmark. Repeated phases add up. {@link #NONE} records nothing.
 */
public class Phases {
    /** Records nothing. */
    public static final Phases NONE = new Phases() {
        @Override
        public void add(String phase, long nanos) {
        }

        @Override
        public void note(String key, String value) {
        }
    };

    private final Map<String, Long> nanos = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, String> notes = Collections.synchronizedMap(new LinkedHashMap<>());

    /** Adds {@code nanos} to {@code phase}. */
    public void add(String phase, long nanos) {
        this.nanos.merge(phase, nanos, Long::sum);
    }

    /** Adds the time since {@code startNanos} (a {@link System#nanoTime()} value) to {@code phase}; returns now. */
    public long since(String phase, long startNanos) {
        long now = System.nanoTime();
        add(phase, now - startNanos);
        return now;
    }

    /** Remembers a fact about the run, e.g. {@code rules: cache hit}. */
    public void note(String key, String value) {
        notes.put(key, value);
    }

    /** The phases in the order first recorded, in nanoseconds. */
    public Map<String, Long> nanos() {
        synchronized (nanos) {
            return new LinkedHashMap<>(nanos);
        }
    }

    public Map<String, String> notes() {
        synchronized (notes) {
            return new LinkedHashMap<>(notes);
        }
    }
}
