package io.factlint.ingest;

import io.factlint.model.FactBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every conformance case (copied from the shared contract, see its README) loads without an input error. */
class ConformanceLoadTest {
    static final Path ROOT = Path.of("src/test/resources/conformance");

    static Stream<Path> cases() throws IOException {
        try (Stream<Path> s = Files.list(ROOT)) {
            return s.filter(p -> Files.isDirectory(p.resolve("facts"))).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void loads(Path dir) throws InputException {
        FactBase fb = TestSupport.loader().load(List.of(dir.resolve("facts")));
        assertThat(fb.files()).isNotEmpty().allSatisfy(f -> assertThat(f).startsWith(dir + "/facts/"));
        assertThat(fb.stories()).isNotEmpty();
        assertThat(fb.facts().size() + fb.claims().size() + fb.mentions().size()).isPositive();
    }

    @Test
    void thereAreThirteenCases() throws IOException {
        assertThat(cases()).hasSize(13);
    }

    @Test
    void crossFileReferencesResolve() throws InputException {
        FactBase fb = TestSupport.loader().load(List.of(ROOT.resolve("c12-cross-file/facts")));
        assertThat(fb.files()).containsExactly(
                "src/test/resources/conformance/c12-cross-file/facts/day1.json",
                "src/test/resources/conformance/c12-cross-file/facts/day2.json",
                "src/test/resources/conformance/c12-cross-file/facts/registry.json");
        assertThat(fb.stories()).extracting(s -> s.id()).containsExactly("day1", "day2");
        assertThat(fb.facts()).extracting(f -> f.getRef() + "@" + f.getSeq()).containsExactly("day1#died@0", "day2#held@1");
        assertThat(fb.sources()).containsOnlyKeys("a", "b");
        assertThat(fb.sources().get("a").location().file()).endsWith("day2.json");
    }

    @Test
    void allCasesTogetherCollideOnlyOnStoryIds() throws IOException {
        // loading every case at once: most cases name their story "story", so only duplicate story ids are reported
        Path[] all = cases().map(c -> c.resolve("facts")).toArray(Path[]::new);
        List<String> errors = TestSupport.errors(TestSupport.loader(), all);
        assertThat(errors).isNotEmpty().allSatisfy(e -> assertThat(e).contains("duplicate story id \"story\""));
    }

    @Test
    void quoteCaseReadsTheStoryText() throws InputException {
        FactBase fb = TestSupport.loader().load(List.of(ROOT.resolve("c10-quotes/facts")));
        assertThat(fb.stories().get(0).textFile()).isEqualTo("src/test/resources/conformance/c10-quotes/facts/story.txt");
        assertThat(fb.stories().get(0).text()).startsWith("Officials said on Monday").contains("“more than 2,500”");
    }
}
