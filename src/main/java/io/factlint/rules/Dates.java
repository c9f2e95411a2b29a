package io.factlint.rules;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.Locale;

/** Calendar words for messages. */
public final class Dates {
    private Dates() {
    }

    /** {@code Friday}. */
    public static String weekday(DayOfWeek d) {
        return d.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }
}
