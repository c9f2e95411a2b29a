package io.factlint.model;

import java.util.Locale;

/** How firmly the text states a fact. */
public enum Certainty {
    CONFIRMED, REPORTED, UNCONFIRMED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
