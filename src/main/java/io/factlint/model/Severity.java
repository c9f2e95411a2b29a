package io.factlint.model;

import java.util.Locale;

/** How serious a finding is; declared from most to least severe. */
public enum Severity {
    ERROR, WARNING, INFO;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Severity parse(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }

    /** True when this severity is at least as severe as {@code level}. */
    public boolean atLeast(Severity level) {
        return ordinal() <= level.ordinal();
    }
}
