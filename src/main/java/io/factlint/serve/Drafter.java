package io.factlint.serve;

import io.factlint.model.Story;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Runs {@code factlint draft} on a story text: writes drafted facts ({@code drafted: true}) for the editor to review.
 * The command line connects the drafting package here; without it the action says drafting is not available.
 */
public interface Drafter {
    /** Not available in this build. */
    Drafter NONE = (story, folder) -> {
        throw new UnsupportedOperationException("drafting is not available in this build (factlint draft)");
    };

    /**
     * Drafts facts from the text of {@code story} (its text file, id and publication time) into a fact file in
     * {@code folder} (inside the workbench's paths).
     *
     * @return what was written, for the page ("drafted 7 facts into facts/x.json")
     */
    String draft(Story story, Path folder) throws IOException;
}
