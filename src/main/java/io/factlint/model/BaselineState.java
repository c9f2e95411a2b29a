package io.factlint.model;

import java.util.Locale;

/** How a finding compares with a baseline report: there before (same fingerprint), or new. */
public enum BaselineState {
    NEW, UNCHANGED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
