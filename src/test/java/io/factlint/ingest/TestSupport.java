package io.factlint.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Shared helpers for the ingest tests. */
final class TestSupport {
    /** The default rule pack's status words, in lifecycle order. */
    static final Set<String> STATUS_WORDS = new LinkedHashSet<>(
            List.of("active", "missing", "captured", "released", "defected", "deceased"));

    private TestSupport() {
    }

    static FactLoader loader() {
        return new FactLoader(STATUS_WORDS);
    }

    /** The errors of loading {@code paths}, as {@code file:line:column: message} lines; empty if it loads. */
    static List<String> errors(FactLoader loader, Path... paths) {
        try {
            loader.load(List.of(paths));
            return List.of();
        } catch (InputException e) {
            return e.errors().stream().map(InputError::toString).toList();
        }
    }

    static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
