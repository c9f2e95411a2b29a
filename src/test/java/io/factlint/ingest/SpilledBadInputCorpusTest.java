package io.factlint.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bad-input corpus ({@link BadInputCorpusTest}) through the spill path: with every fact written to bucket files
 * as it is built, each case gives exactly its expected error lines, and the temporary folder is deleted whether the
 * load fails or not.
 */
class SpilledBadInputCorpusTest {
    @TempDir
    Path spillRoot;

    static Stream<String> cases() throws Exception {
        return BadInputCorpusTest.cases();
    }

    private FactLoader spilling() {
        return BadInputCorpusTest.loader().spilling(new SpillPolicy(SpillPolicy.Mode.ALWAYS, 0, spillRoot, 3));
    }

    /** As {@link #spilling()}, with the case's own vocabulary when it has one ({@code BadInputCorpusTest.loader(Path)}). */
    private FactLoader spilling(Path dir) throws java.io.IOException {
        return BadInputCorpusTest.loader(dir).spilling(new SpillPolicy(SpillPolicy.Mode.ALWAYS, 0, spillRoot, 3));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsExactlyWhenSpilled(String name) throws Exception {
        Path dir = BadInputCorpusTest.ROOT.resolve(name);
        String prefix = dir + "/";
        List<String> actual = TestSupport.errors(spilling(dir), dir.resolve("facts")).stream()
                .map(line -> line.replace(prefix, "")).toList();
        List<String> expected = Files.readAllLines(dir.resolve("expected.txt"), StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank()).toList();
        assertThat(actual).as("errors of %s", name).containsExactlyElementsOf(expected);
        if (!expected.isEmpty()) assertThat(leftOver()).as("spill folder after a failed load").isEmpty();
    }

    @Test
    void referencesToLaterFilesResolveAndUndeclaredOnesAreLocatedWhenSpilled(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("many");
        TestSupport.writeForwardReferences(dir);
        io.factlint.model.FactBase fb = spilling().load(List.of(dir));
        try (io.factlint.model.SpilledFacts s = (io.factlint.model.SpilledFacts) fb.facts()) {
            assertThat(s.size()).isEqualTo(40);
            List<io.factlint.model.Fact> all = s.read(java.util.stream.IntStream.range(0, s.buckets()).toArray());
            assertThat(all).extracting(io.factlint.model.Fact::getSeq).containsExactlyElementsOf(
                    java.util.stream.IntStream.range(0, 40).boxed().toList());
            assertThat(all.get(7).getQuantity().amount()).isEqualByComparingTo("7");
            assertThat(all.get(7).getLocation().toString()).isEqualTo(dir.resolve("a-07.json") + ":2:3");
        }
        List<String> expected = TestSupport.breakForwardReferences(dir);
        assertThat(TestSupport.errors(spilling(), dir)).containsExactlyElementsOf(expected);
        assertThat(leftOver()).isEmpty();
    }

    private List<Path> leftOver() throws Exception {
        try (Stream<Path> s = Files.list(spillRoot)) {
            return s.toList();
        }
    }
}
