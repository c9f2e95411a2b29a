package io.factlint.ingest;

import io.factlint.model.Entity;
import io.factlint.model.Location;
import io.factlint.model.Mention;
import io.factlint.model.Source;
import io.factlint.model.Story;

import java.util.ArrayList;
import java.util.List;

/** What one file declares, with its errors; merged with the other files by {@link FactLoader}. */
final class ParsedFile {
    final FileWalker.InputFile input;
    /** The file's errors, capped at {@link ParserLimits#maxErrorsPerFile()}. */
    final ErrorList errors;
    /** Missing-field errors that were only counted (past the cap): they go when the file turns out cut short. */
    long moreMissing;
    /** Parsing stopped early (malformed syntax, encoding, a limit): declarations may be missing. */
    boolean fatal;
    /** The file's story entry, or null for a pure registry (or a file that could not be read). */
    Story story;
    /** Where the story id is written (its {@code id} token, or the story object, or the file's start). */
    Location storyIdLocation;
    final List<Source> sources = new ArrayList<>();
    final List<Entity> entities = new ArrayList<>();
    final List<Draft> facts = new ArrayList<>();
    final List<Draft> claims = new ArrayList<>();
    final List<Mention> mentions = new ArrayList<>();
    /** The story's {@code ignore} list. */
    final List<io.factlint.model.IgnoredText> ignored = new ArrayList<>();

    ParsedFile(FileWalker.InputFile input, int maxErrors) {
        this.input = input;
        this.errors = new ErrorList(maxErrors);
    }

    String file() {
        return input.display();
    }
}
