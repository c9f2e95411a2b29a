package io.factlint.model;

import java.util.Locale;

/** The outcome of checking a claim on one reading of the numbers. */
public enum Verdict {
    SUPPORTED, CONTRADICTED, UNDETERMINED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
