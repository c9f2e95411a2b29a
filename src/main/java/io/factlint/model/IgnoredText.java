package io.factlint.model;

/**
 * A phrase of the story text whose numbers need no fact (a story's {@code ignore} list: "aged 23", "a 24-hour
 * curfew"), with the editor's reason. {@code text.unbacked_number} skips every number inside an occurrence of it.
 */
public record IgnoredText(String storyId, String text, String reason, Location location) {
}
