package io.factlint.ingest;

import io.factlint.model.Location;

/** One problem with an input file, at the position of the offending token. */
public record InputError(Location location, String message) implements Comparable<InputError> {

    @Override
    public int compareTo(InputError o) {
        int c = location.compareTo(o.location);
        return c != 0 ? c : message.compareTo(o.message);
    }

    /** {@code file:line:column: message}, as a compiler prints it. */
    @Override
    public String toString() {
        return location + ": " + message;
    }
}
