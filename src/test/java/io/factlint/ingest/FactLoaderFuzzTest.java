package io.factlint.ingest;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.factlint.engine.RulePack;
import io.factlint.model.Location;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Fuzzes the fact loader with arbitrary bytes as a JSON and as a YAML file. The property: {@link FactLoader#load}
 * returns a fact base or throws an {@link InputException} whose every error is located (a file, line ≥ 1 with a
 * column ≥ 1, or line 0 and column 0 for a file-level error) and has a one-line message that does not betray an
 * internal failure. Anything else thrown is a bug.
 *
 * <p>In the normal test run (regression mode) each file of
 * {@code src/test/resources/io/factlint/ingest/FactLoaderFuzzTestInputs/<method>/} is one input; fuzz with
 * {@code JAZZER_FUZZ=1 mvn test -Dtest=FactLoaderFuzzTest#loadJson} (see docs/reliability.md).
 */
public class FactLoaderFuzzTest {
    /** "unexpected NullPointerException", as the loader's last-resort catch words an internal failure. */
    private static final Pattern INTERNAL = Pattern.compile("unexpected [A-Za-z]*(Exception|Error)\\b");

    private static final Set<String> STATUS_WORDS = statusWords();
    private static final FactLoader LOADER = new FactLoader(STATUS_WORDS);
    private static final Path DIR = tempDir();

    @FuzzTest(maxDuration = "5m")
    void loadJson(byte[] input) {
        load(input, "story.json");
    }

    @FuzzTest(maxDuration = "5m")
    void loadYaml(byte[] input) {
        load(input, "story.yaml");
    }

    private static void load(byte[] input, String name) {
        Path file = DIR.resolve(name);
        try {
            Files.write(file, input);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            LOADER.load(List.of(file));
        } catch (InputException e) {
            checkErrors(e);
        }
    }

    /** Every error is located, one line, and not an internal failure in disguise. */
    public static void checkErrors(InputException e) {
        assertThat(e.errors()).as("an InputException carries at least one error").isNotEmpty();
        for (InputError error : e.errors()) {
            Location l = error.location();
            assertThat(l).as("location of %s", error).isNotNull();
            assertThat(l.file()).as("file of %s", error).isNotBlank();
            if (l.line() == 0) {
                assertThat(l.column()).as("a file-level error has column 0: %s", error).isZero();
            } else {
                assertThat(l.line()).as("line of %s", error).isPositive();
                assertThat(l.column()).as("column of %s", error).isPositive();
            }
            String m = error.message();
            assertThat(m).as("message of %s", error).isNotBlank();
            assertThat(m).as("a message is one line: %s", error).doesNotContain("\n").doesNotContain("\r");
            if (INTERNAL.matcher(m).find()) fail("an internal failure reported as an input error: " + error);
        }
    }

    private static Set<String> statusWords() {
        try {
            return RulePack.loadVocabulary(Path.of("rules")).statusWords();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path tempDir() {
        try {
            Path dir = Files.createTempDirectory("factlint-fuzz-loader");
            // a story text the fuzzer can name with "text": "story.txt"
            Files.writeString(dir.resolve("story.txt"), "North Korea has deployed over 11,000 soldiers.", StandardCharsets.UTF_8);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
