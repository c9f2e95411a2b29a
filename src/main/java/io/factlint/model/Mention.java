package io.factlint.model;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** A date as the text wrote it ("Friday (December 27)"), with the weekday it names (null when it names none). */
public record Mention(String storyId, String text, LocalDate date, DayOfWeek weekday, Location location) {

    /** The mentioned date as a time. */
    public When time() {
        return When.day(date);
    }
}
