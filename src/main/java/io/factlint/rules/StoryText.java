package io.factlint.rules;

import io.factlint.model.Story;

/**
 * A story's text folded once for comparison ({@link QuoteText#fold}), inserted by the engine beside each story that
 * has a text, in every session that holds the story. The quote rule matches quotes against it, so no rule folds the
 * whole text again per quote and no memo is shared between sessions.
 */
public record StoryText(String storyId, String folded) {

    /** The folded text of {@code story}, or null when it has none. */
    public static StoryText of(Story story) {
        return story.text() == null ? null : new StoryText(story.id(), QuoteText.fold(story.text()));
    }

    /** True when {@code quote}, folded, occurs in this text. */
    public boolean contains(String quote) {
        return folded.contains(QuoteText.fold(quote));
    }
}
