package io.factlint.cli;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * What "today" is, for waiver expiry and new scaffolds, so that CI runs are reproducible: {@code FACTLINT_TODAY}
 * (an ISO date) if set, else {@code SOURCE_DATE_EPOCH} (seconds since 1970, read in UTC), else the system clock in
 * the system's time zone.
 */
final class Today {
    static final String FACTLINT_TODAY = "FACTLINT_TODAY";
    static final String SOURCE_DATE_EPOCH = "SOURCE_DATE_EPOCH";
    /** 9999-12-31T23:59:59Z: the last second a four-digit year can write. */
    static final long MAX_EPOCH_SECONDS = 253_402_300_799L;

    private Today() {
    }

    static Clock clock(Map<String, String> env) {
        String today = env.get(FACTLINT_TODAY);
        if (today != null && !today.isBlank()) {
            try {
                return Clock.fixed(LocalDate.parse(today.trim()).atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new CheckCommand.UsageError(FACTLINT_TODAY + " must be an ISO date such as 2025-01-31, not \"" + today + "\"");
            }
        }
        Instant epoch = sourceDateEpoch(env);
        if (epoch != null) return Clock.fixed(epoch, ZoneOffset.UTC);
        return Clock.system(ZoneId.systemDefault());
    }

    /** {@code SOURCE_DATE_EPOCH} as an instant, or null when it is not set. */
    static Instant sourceDateEpoch(Map<String, String> env) {
        String s = env.get(SOURCE_DATE_EPOCH);
        if (s == null || s.isBlank()) return null;
        long seconds;
        try {
            seconds = Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            throw new CheckCommand.UsageError(SOURCE_DATE_EPOCH + " must be a number of seconds, not \"" + s + "\"");
        }
        // a timestamp every report can write: from 1970 up to the end of the year 9999
        if (seconds < 0 || seconds > MAX_EPOCH_SECONDS) {
            throw new CheckCommand.UsageError(SOURCE_DATE_EPOCH + " must be from 0 to " + MAX_EPOCH_SECONDS
                    + " seconds (9999-12-31T23:59:59Z), not " + s.trim());
        }
        return Instant.ofEpochSecond(seconds);
    }
}
