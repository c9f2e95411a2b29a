package io.factlint.ingest;

import io.factlint.engine.RulePack;
import io.factlint.engine.RulePackException;
import io.factlint.model.vocab.Vocabulary;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bad-input corpus: each folder of {@code src/test/resources/bad-input} holds {@code facts/} and, in
 * {@code expected.txt}, the exact error lines a load of {@code facts/} gives (file names relative to the case
 * folder); an empty {@code expected.txt} means the input must load. Run with {@code -Dcorpus.update=true} to
 * rewrite the expectations from the current output (then review the diff).
 */
class BadInputCorpusTest {
    static final Path ROOT = Path.of("src/test/resources/bad-input");

    /** The default rule pack's vocabulary: the claim attributes it names, the measures that cannot be negative. */
    private static final Vocabulary VOCABULARY = vocabulary();

    private static Vocabulary vocabulary() {
        try {
            return RulePack.loadVocabulary(Path.of("rules"));
        } catch (RulePackException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A loader as a check with the default rule pack builds it (CheckPipeline): status words, vocabulary checks. */
    static FactLoader loader() {
        return TestSupport.loader().checkingAgainst(VOCABULARY);
    }

    /**
     * The loader of the case {@code dir}: the default one, or for a case with a {@code vocabulary/} folder (a case of
     * a vocabulary setting, as a rule case has one) the default rule pack's vocabulary plus its YAML files.
     */
    static FactLoader loader(Path dir) throws IOException {
        Path own = dir.resolve("vocabulary");
        if (!Files.isDirectory(own)) return loader();
        Path rules = Files.createTempDirectory("factlint-bad-input-rules-");
        Path vocab = Files.createDirectories(rules.resolve("vocabulary"));
        for (Path from : List.of(Path.of("rules"), Path.of("rules/vocabulary"))) {
            try (Stream<Path> s = Files.list(from)) {
                for (Path y : s.filter(Files::isRegularFile).toList()) {
                    Files.copy(y, (from.endsWith("vocabulary") ? vocab : rules).resolve(y.getFileName()));
                }
            }
        }
        try (Stream<Path> s = Files.list(own)) {
            for (Path y : s.toList()) Files.copy(y, vocab.resolve("case-" + y.getFileName()));
        }
        try {
            return TestSupport.loader().checkingAgainst(RulePack.loadVocabulary(rules));
        } catch (RulePackException e) {
            throw new IllegalStateException(own + ": " + e.getMessage(), e);
        }
    }

    static Stream<String> cases() throws IOException {
        try (Stream<Path> s = Files.list(ROOT)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsExactly(String name) throws IOException {
        Path dir = ROOT.resolve(name);
        String prefix = dir + "/";
        List<String> actual = TestSupport.errors(loader(dir), dir.resolve("facts")).stream()
                .map(line -> line.replace(prefix, ""))
                .toList();
        Path expectedFile = dir.resolve("expected.txt");
        if (Boolean.getBoolean("corpus.update")) {
            Files.writeString(expectedFile, actual.isEmpty() ? "" : String.join("\n", actual) + "\n", StandardCharsets.UTF_8);
        }
        List<String> expected = Files.readAllLines(expectedFile, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank())
                .toList();
        assertThat(actual).as("errors of %s", name).containsExactlyElementsOf(expected);
    }
}
