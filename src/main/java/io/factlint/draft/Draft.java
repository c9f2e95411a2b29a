package io.factlint.draft;

import io.factlint.model.Bound;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

/**
 * What {@link Drafter} proposes for one article: sources, entities, facts, claims and date mentions, each with the
 * text it came from; {@code dates} holds every date expression read, resolved (mentions are those written with a
 * day: "on the 26th", "Friday (December 27)"). Rendered (and merged into an existing file) by {@link DraftWriter}.
 */
public record Draft(String storyId, String published, List<Source> sources, List<Entity> entities,
                    List<Fact> facts, List<Claim> claims, List<Mention> mentions, List<Mention> dates) {

    public record Source(String id, String name, String kind) {
    }

    public record Entity(String id, String kind, String name) {
    }

    /**
     * A proposed fact. {@code status} for a status fact, else {@code amount}/{@code bound} (or {@code min}/{@code max}
     * for a range); {@code at} null means the publication; {@code note} asks the editor something (a placeholder
     * attribute, a status the lifecycle lacks); {@code valid} false when the entry cannot be a fact as it stands and
     * is written as a comment.
     */
    public record Fact(String id, String subject, String attribute, String status, BigDecimal amount, Bound bound,
                       BigDecimal min, BigDecimal max, LocalDate at, LocalDate atTo, String source, String certainty, String quote,
                       int line, String note, boolean valid) {
        public boolean isStatus() {
            return status != null;
        }
    }

    /** A claim candidate: a sentence that compares or concludes. */
    public record Claim(String id, String text, String subject, String attribute, String op, String status,
                        BigDecimal value, int line, String note, boolean valid) {
    }

    /** A date as written, resolved against the publication. */
    public record Mention(String text, LocalDate date, DayOfWeek weekday, int line) {
    }
}
