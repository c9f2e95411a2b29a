package io.factlint.ingest;

import java.util.List;

/** Input that cannot be checked: every error of every file, sorted by file and position. */
public class InputException extends Exception {
    private final List<InputError> errors;

    public InputException(List<InputError> errors) {
        super(errors.size() + " input error(s); first: " + (errors.isEmpty() ? "-" : errors.get(0)));
        this.errors = errors.stream().sorted().toList();
    }

    public List<InputError> errors() {
        return errors;
    }
}
