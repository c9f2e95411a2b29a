package io.factlint.ingest;

import io.factlint.model.When;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.Locale;

import static io.factlint.ingest.Messages.q;

/** ISO-8601 dates and date-times as fact files write them, with messages that say what is wrong. */
final class Iso {
    static final String DATE_EXAMPLE = "2024-12-27";
    static final String DATE_TIME_EXAMPLE = "2024-12-27T18:00:00+09:00";

    private Iso() {
    }

    /** A calendar date {@code YYYY-MM-DD}. */
    static LocalDate date(String s) throws BadValue {
        if (!dateShape(s, 0) || s.length() != 10) {
            throw new BadValue("invalid date " + q(s) + ": expected an ISO date such as " + DATE_EXAMPLE);
        }
        return checkedDate(s);
    }

    /** A date or a date-time with offset: a point in time. */
    static When point(String s) throws BadValue {
        if (s.length() == 10 && dateShape(s, 0)) return When.day(checkedDate(s));
        if (s.length() > 10 && dateShape(s, 0) && (s.charAt(10) == 'T' || s.charAt(10) == 't')) {
            checkedDate(s.substring(0, 10));
            try {
                return When.instant(OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME));
            } catch (DateTimeParseException e) {
                if (parsesWithoutOffset(s)) {
                    throw new BadValue("date-time " + q(s) + " has no offset: add Z or one such as +09:00");
                }
                throw new BadValue("invalid date-time " + q(s) + ": expected one such as " + DATE_TIME_EXAMPLE
                        + reason(e));
            }
        }
        throw new BadValue("invalid date " + q(s) + ": expected an ISO date (" + DATE_EXAMPLE
                + ") or a date-time with offset (" + DATE_TIME_EXAMPLE + ")");
    }

    /** {@code monday} .. {@code sunday}, in any case. */
    static DayOfWeek weekday(String s) throws BadValue {
        String u = s.trim().toUpperCase(Locale.ROOT);
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().equals(u)) return d;
        }
        throw new BadValue("unknown weekday " + q(s)
                + " (expected one of: monday, tuesday, wednesday, thursday, friday, saturday, sunday)");
    }

    private static boolean parsesWithoutOffset(String s) {
        try {
            LocalDateTime.parse(s, DateTimeFormatter.ISO_LOCAL_DATE_TIME);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static String reason(DateTimeParseException e) {
        String m = e.getMessage();
        int i = m == null ? -1 : m.indexOf("could not be parsed: ");
        if (i < 0) return "";
        return " (" + Messages.firstLine(m.substring(i + "could not be parsed: ".length())) + ")";
    }

    private static boolean dateShape(String s, int at) {
        if (s.length() < at + 10) return false;
        for (int i = 0; i < 10; i++) {
            char c = s.charAt(at + i);
            boolean ok = (i == 4 || i == 7) ? c == '-' : c >= '0' && c <= '9';
            if (!ok) return false;
        }
        return true;
    }

    /** {@code s} has the shape of a date; checks that the month and day exist. */
    private static LocalDate checkedDate(String s) throws BadValue {
        int y = Integer.parseInt(s, 0, 4, 10);
        int m = Integer.parseInt(s, 5, 7, 10);
        int d = Integer.parseInt(s, 8, 10, 10);
        if (m < 1 || m > 12) throw new BadValue("invalid date " + q(s) + ": there is no month " + m);
        YearMonth ym = YearMonth.of(y, m);
        if (d < 1 || d > ym.lengthOfMonth()) {
            String month = Month.of(m).getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            throw new BadValue("invalid date " + q(s) + ": " + (d < 1 ? "there is no day 0"
                    : month + " " + y + " has no day " + d));
        }
        return LocalDate.of(y, m, d);
    }
}
