package io.factlint.draft;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.factlint.check.CheckPipeline;
import io.factlint.check.CheckRequest;
import io.factlint.engine.RulePack;
import io.factlint.model.CheckResult;
import io.factlint.model.Finding;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The annotated corpus (src/test/resources/draft-corpus) as fixtures: each article's draft is exactly its
 * {@code expected.yaml} (regenerate with {@code -Dfactlint.updateCorpus=true}, then review the diff against
 * {@code gold.yaml}); each draft checks without a quote finding; and the corpus reaches the quality targets.
 */
class DraftCorpusTest {
    private static final Path CORPUS = Path.of("src/test/resources/draft-corpus");
    private static final YAMLMapper YAML = new YAMLMapper();
    private static DraftVocabulary vocab;
    private static RulePack pack;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void load() throws Exception {
        vocab = DraftVocabulary.load(Path.of("rules"));
        pack = io.factlint.testing.DefaultPack.get();
    }

    private static List<Path> articles() throws Exception {
        try (Stream<Path> s = Files.list(CORPUS)) {
            return s.filter(Files::isDirectory).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> eachArticleDraftsExactlyItsExpectedDraftAndPassesTheQuoteRules() throws Exception {
        return articles().stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
            JsonNode gold = YAML.readTree(dir.resolve("gold.yaml").toFile());
            String text = Files.readString(dir.resolve("article.txt"));
            Draft d = Drafter.draft(text, Drafter.parsePublished(gold.path("published").asText()), dir.getFileName().toString(), vocab);
            String yaml = DraftWriter.render(d, "../../../../../schema/facts.schema.json", "article.txt", "article.txt");
            Path expected = dir.resolve("expected.yaml");
            if (Boolean.getBoolean("factlint.updateCorpus")) Files.writeString(expected, yaml);
            assertThat(yaml).isEqualTo(Files.readString(expected));

            Path story = Files.createDirectories(tmp.resolve(dir.getFileName().toString()));
            Files.writeString(story.resolve("article.txt"), text);
            Files.writeString(story.resolve("draft.yaml"), yaml);
            CheckResult r = new CheckPipeline(pack).run(CheckRequest.of(List.of(story.resolve("draft.yaml")))).result();
            assertThat(r.findings()).extracting(Finding::rule)
                    .doesNotContain("quote.not_in_text", "quote.number_mismatch", "date.after_publication", "date.weekday_mismatch");
            assertThat(r.findings()).extracting(Finding::rule).contains("draft.unreviewed");
        }));
    }

    @Test
    void theCorpusReachesTheQualityTargets() throws Exception {
        assertThat(articles()).hasSizeGreaterThanOrEqualTo(10);
        Map<String, DraftQuality.Score> s = DraftQuality.measure(CORPUS, Path.of("rules"));
        assertThat(s.get("numbers").precision()).isGreaterThanOrEqualTo(0.95);
        assertThat(s.get("numbers").recall()).isGreaterThanOrEqualTo(0.95);
        assertThat(s.get("dates").precision()).isGreaterThanOrEqualTo(0.95);
        assertThat(s.get("dates").recall()).isGreaterThanOrEqualTo(0.95);
        assertThat(s.get("statuses").precision()).isGreaterThanOrEqualTo(0.90);
        assertThat(s.get("statuses").recall()).isGreaterThanOrEqualTo(0.90);
        assertThat(s.get("sources").precision()).isGreaterThanOrEqualTo(0.90);
        assertThat(s.get("sources").recall()).isGreaterThanOrEqualTo(0.90);
    }
}
