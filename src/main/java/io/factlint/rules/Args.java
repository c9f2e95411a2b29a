package io.factlint.rules;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The named arguments a rule passes for its message: {@code args("from", $from, "to", $to)}, names and values
 * alternating. The message itself is the rule id's template in the rule catalogue ({@code rules/*.yaml}, key
 * {@code rules}); Java renders it after the session ({@link MessageTemplate}). Names must be string literals in the
 * DRL: the rule pack checks them against the template when it compiles.
 */
public final class Args {
    private final Map<String, Object> values;

    private Args(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /** {@code args("name", value, "name2", value2, ...)}. */
    public static Args args(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("args(...) takes names and values in pairs, got " + namesAndValues.length + " items");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (!(namesAndValues[i] instanceof String name)) {
                throw new IllegalArgumentException("args(...): item " + (i + 1) + " must be an argument name, not " + namesAndValues[i]);
            }
            if (m.containsKey(name)) throw new IllegalArgumentException("args(...): argument \"" + name + "\" given twice");
            m.put(name, namesAndValues[i + 1]);
        }
        return new Args(m);
    }

    /** The arguments by name, in the order given. */
    public Map<String, Object> values() {
        return values;
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
