package io.factlint.ingest;

import java.util.ArrayList;

/**
 * The input errors of one file, capped as jsoup's {@code ParseErrorList} caps parse errors: past {@code cap} errors
 * an error is only counted ({@link #more}), and the first one not kept is remembered, so a file with a million
 * mistakes costs neither memory nor a flood of output.
 */
final class ErrorList extends ArrayList<InputError> {
    private final int cap;
    /** How many errors were not kept. */
    long more;
    /** The first error not kept, or null. */
    InputError firstNotKept;

    ErrorList(int cap) {
        this.cap = cap;
    }

    /** Keeps {@code e} if there is room; false if it was only counted. */
    @Override
    public boolean add(InputError e) {
        if (size() < cap) return super.add(e);
        if (more++ == 0) firstNotKept = e;
        return false;
    }

    @Override
    public void clear() {
        super.clear();
        more = 0;
        firstNotKept = null;
    }
}
