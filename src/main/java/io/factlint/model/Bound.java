package io.factlint.model;

import java.util.Locale;

/** How a text hedges a number: "over 11,000", "about 1,000", ... */
public enum Bound {
    EXACTLY("exactly"), ABOUT("about"), OVER("over"), AT_LEAST("at least"), UNDER("under"),
    AT_MOST("at most"), NEARLY("nearly");

    private final String words;

    Bound(String words) {
        this.words = words;
    }

    /** The id used in fact files: {@code at_least}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** How a text would say it: {@code at least}. */
    public String words() {
        return words;
    }
}
