package io.factlint.ingest;

import io.factlint.model.Location;
import io.factlint.model.SafeText;

/** One problem with an input file, at the position of the offending token. */
public record InputError(Location location, String message) implements Comparable<InputError> {

    @Override
    public int compareTo(InputError o) {
        int c = location.compareTo(o.location);
        return c != 0 ? c : message.compareTo(o.message);
    }

    /**
     * {@code file:line:column: message}, as a compiler prints it, made safe for a console ({@link SafeText}): a file
     * name or a quoted token with line breaks or control characters cannot start a line of its own or reach the
     * terminal raw.
     */
    @Override
    public String toString() {
        return SafeText.lineStart(String.valueOf(location)) + ": " + SafeText.oneLine(message);
    }
}
