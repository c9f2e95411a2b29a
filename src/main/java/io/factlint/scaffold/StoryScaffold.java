package io.factlint.scaffold;

import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * The starter fact file of a new story ({@code factlint init}): YAML, so that it can carry comments that explain
 * each part. As written it is a valid fact file (a story with no facts yet), so {@code factlint check} passes on it
 * at once. Every example is commented out with a {@code #} in the first column followed by three spaces: to use
 * one, delete the {@code []} after its key and that {@code #}.
 */
public final class StoryScaffold {
    /** Story ids the scaffold accepts: they become file names. */
    public static final Pattern STORY_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private StoryScaffold() {
    }

    /**
     * The scaffold's text.
     *
     * @param storyId   the story id (and file name without extension)
     * @param published the day to put as the publication date (today)
     * @param schemaRef the JSON Schema's path relative to the new file
     */
    public static String yaml(String storyId, LocalDate published, String schemaRef) {
        String day = published.toString();
        String before = published.minusDays(1).toString();
        return ("""
                # yaml-language-server: $schema=%SCHEMA%
                #
                # Facts of the story "%ID%" for factlint. Fill in the story, then add the sources, entities, facts,
                # claims and date mentions the text relies on. Check with `factlint check` (or keep
                # `factlint check --watch` running while you work). Every example below is commented out: to use it,
                # delete the [] after its key and the "#" at the start of its lines. The format is in the README.

                story:
                  id: %ID%
                  headline: "TODO: the headline as published"
                  published: %DAY%            # ISO date, or date-time with offset: %DAY%T18:00:00+09:00
                  # text: %ID%.txt           # the article body (UTF-8 text, relative to this file): enables the quote rules

                # Who says it. kind: agency, government, military, media, social, official or other.
                sources: []
                #   - id: nis
                #     name: "National Intelligence Service (South Korea)"
                #     kind: agency
                #     url: https://www.nis.go.kr/

                # Whom or what the facts are about. kind is free text: person, group, unit, place...
                entities: []
                #   - id: soldier-1
                #     kind: person
                #     name: "wounded North Korean soldier"

                # One statement each: at time "at", source "source" said that "attribute" of "subject" was "value".
                # attribute: status (value: active, missing, captured, released, defected, deceased) or a measure in
                # snake_case (deployed, killed, killed_or_injured...) whose value is a number as the text wrote it:
                # 11000, {amount: 11000, bound: over} (exactly, about, over, at_least, under, at_most, nearly),
                # or {min: 10000, max: 12000}. certainty: confirmed, reported (default) or unconfirmed.
                facts: []
                #   - id: f1
                #     subject: soldier-1
                #     attribute: status
                #     value: captured
                #     at: %BEFORE%          # default: the story's published time
                #     source: nis
                #     certainty: confirmed
                #     quote: "a wounded North Korean soldier has been captured"   # verbatim from the text

                # What the story asserts, checked against the facts and derived figures.
                # op, in quotes (YAML reads ~, > and ! on their own): "=", "!=", "<", "<=", ">", ">=", "~" (about).
                # value: a number, a quantity or a status word.
                claims: []
                #   - id: headline
                #     text: "North Korean soldier captured"
                #     subject: soldier-1
                #     attribute: status
                #     op: "="
                #     value: captured

                # Dates as the text wrote them, for the calendar checks.
                mentions: []
                #   - text: "on the %BEFORE_DAY%"
                #     date: %BEFORE%
                """).replace("%SCHEMA%", schemaRef).replace("%ID%", storyId).replace("%DAY%", day)
                .replace("%BEFORE_DAY%", ordinal(published.minusDays(1).getDayOfMonth()))
                .replace("%BEFORE%", before);
    }

    private static String ordinal(int d) {
        String suffix = d % 100 >= 11 && d % 100 <= 13 ? "th" : switch (d % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return d + suffix;
    }
}
