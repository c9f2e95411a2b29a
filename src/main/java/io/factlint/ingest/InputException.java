package io.factlint.ingest;

import java.util.List;

/** Input that cannot be checked: every error of every file, sorted by file and position. */
public class InputException extends Exception {
    private final List<InputError> errors;
    private final long total;

    public InputException(List<InputError> errors) {
        this(errors, errors.size());
    }

    /**
     * {@code errors} as printed, and how many errors there were in all: more than {@code errors} holds when a cap
     * left some out (a line among {@code errors} then says how many, and is not an error itself).
     */
    public InputException(List<InputError> errors, long total) {
        super(total + " input error(s); first: " + (errors.isEmpty() ? "-" : errors.get(0)));
        this.errors = errors.stream().sorted().toList();
        this.total = total;
    }

    public List<InputError> errors() {
        return errors;
    }

    /** How many input errors there were, those a cap left out included. */
    public long total() {
        return total;
    }
}
