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

    /** How many input errors {@code loader} found in all, those a cap left out included; 0 when none. */
    static long total(FactLoader loader, Path... paths) {
        try {
            loader.load(List.of(paths));
            return 0;
        } catch (InputException e) {
            return e.total();
        }
    }

    static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /**
     * Forty fact files whose subject and source are declared only by a registry file sorted after them (more files
     * than the parser reads ahead): {@code a-00.json} .. {@code a-39.json}, fact {@code fN} of value N, and
     * {@code z-registry.json}.
     */
    static void writeForwardReferences(Path dir) throws IOException {
        for (int i = 0; i < 40; i++) {
            write(dir.resolve(String.format("a-%02d.json", i)), "{\"facts\": [\n"
                    + "  {\"id\": \"f" + i + "\", \"subject\": \"later\", \"attribute\": \"killed\", \"value\": " + i
                    + ", \"at\": \"2024-01-01\", \"source\": \"src\"}\n]}");
        }
        write(dir.resolve("z-registry.json"), "{\"sources\": [{\"id\": \"src\", \"name\": \"S\"}],"
                + " \"entities\": [{\"id\": \"later\", \"name\": \"L\"}]}");
    }

    /**
     * Rewrites {@code a-05.json} of {@link #writeForwardReferences} with references no file declares (one in a
     * claim that has another error); returns the errors a load must give, in order.
     */
    static List<String> breakForwardReferences(Path dir) throws IOException {
        write(dir.resolve("a-05.json"), "{\"facts\": [\n"
                + "  {\"id\": \"f5\", \"subject\": \"nobody\", \"attribute\": \"killed\", \"value\": 5,"
                + " \"at\": \"2024-01-01\", \"source\": \"nosource\"}\n],\n"
                + " \"claims\": [{\"id\": \"c\", \"subject\": \"ghost\", \"attribute\": \"killed\", \"op\": \">\", \"value\": 1}]}");
        Path f = dir.resolve("a-05.json");
        return List.of(
                f + ":2:27: undeclared entity \"nobody\"",
                f + ":2:102: undeclared source \"nosource\"",
                f + ":4:13: missing \"at\" in claim \"c\": a file without a \"story\" needs an explicit \"at\"",
                f + ":4:36: undeclared entity \"ghost\"");
    }
}
