package io.factlint.ingest;

import io.factlint.model.Fact;
import io.factlint.model.FactBase;
import io.factlint.model.Quantity;
import io.factlint.model.SpilledFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bucket files' encoding ({@link FactSpill}): every fact of every fixture, and of a file with every kind of
 * value and time, reads back with every field as the loader built it (numbers with their scale, times with their
 * offsets, quotes char for char), the facts of several buckets read together come back in load order, and the
 * folder is private and deleted.
 */
class FactSpillTest {
    @TempDir
    Path spillRoot;

    /** Every field of a fact, as text that tells apart what equals() might not (a BigDecimal's scale, an offset). */
    static String fields(Fact f) {
        Quantity q = f.getQuantity();
        String quantity = q == null ? "-" : q.amount() + "|" + q.bound() + "|" + q.step() + "|" + q.rangeMin() + "|"
                + q.rangeMax() + "|" + q.isPercent() + "|" + q.isBoundWritten() + "|" + q.isYesNo() + "|" + q.conventional() + "|" + q.strict() + "|" + q.words();
        return f.getSeq() + " " + f.getStoryId() + " " + f.getId() + " " + f.getSubject() + " " + f.getAttribute() + " "
                + f.getStatus() + " " + quantity + " " + (f.getAt() == null ? "-" : f.getAt().iso() + "/" + f.getAt().display())
                + " " + f.getSource() + " " + f.getCertainty() + " " + f.getQuote() + " " + f.getLocation()
                + (f.isUnrecorded() ? " unrecorded" : "") + (f.isProjection() ? " projection" : "");
    }

    private static List<Path> inputs() throws Exception {
        List<Path> dirs = new ArrayList<>();
        for (String root : List.of("src/test/resources/rule-cases", "src/test/resources/conformance")) {
            try (Stream<Path> s = Files.walk(Path.of(root))) {
                s.filter(p -> p.getFileName().toString().equals("facts") && Files.isDirectory(p)).sorted().forEach(dirs::add);
            }
        }
        dirs.add(Path.of("facts"));
        return dirs;
    }

    /** The test loader, with one yes/no measure ({@code yesNo:}): its states spill as yes and no, not as 1 and 0. */
    private static FactLoader loader() {
        return TestSupport.loader().checkingYesNo(List.of(YES_NO));
    }

    private static final String YES_NO = "schools_open_state";

    private List<String> spilled(List<Path> paths, int buckets) throws Exception {
        FactBase b = loader().spilling(new SpillPolicy(SpillPolicy.Mode.ALWAYS, 0, spillRoot, buckets)).load(paths);
        try (SpilledFacts s = (SpilledFacts) b.facts()) {
            List<Fact> all = s.read(IntStream.range(0, s.buckets()).toArray());
            assertThat(all).hasSize(s.size());
            return all.stream().map(FactSpillTest::fields).toList();
        }
    }

    @Test
    void everyFixtureFactReadsBackFieldForFieldInLoadOrder() throws Exception {
        int facts = 0;
        long projections = 0;
        for (Path dir : inputs()) {
            List<String> memory;
            try {
                memory = TestSupport.loader().load(List.of(dir)).facts().stream().map(FactSpillTest::fields).toList();
            } catch (InputException e) {
                continue; // a fixture of an input error: SpilledBadInputCorpusTest
            }
            assertThat(spilled(List.of(dir), 3)).as(dir.toString()).containsExactlyElementsOf(memory);
            facts += memory.size();
            projections += memory.stream().filter(f -> f.endsWith(" projection")).count();
        }
        assertThat(facts).isGreaterThan(100);
        assertThat(projections).as("the claims/projection cases' forecasts").isGreaterThan(0);
    }

    @Test
    void everyKindOfValueAndTimeReadsBackExactly(@TempDir Path tmp) throws Exception {
        StringBuilder json = new StringBuilder("{\"story\": {\"id\": \"s\", \"published\": \"2024-12-27T21:00:00+09:00\"},\n"
                + " \"sources\": [{\"id\": \"a\", \"name\": \"A\"}, {\"id\": \"b\", \"name\": \"B\", \"kind\": \"media\"}],\n \"entities\": [");
        for (int e = 0; e < 20; e++) json.append(e == 0 ? "" : ",").append("{\"id\": \"e").append(e).append("\", \"name\": \"E\"}");
        json.append("],\n \"facts\": [\n");
        String[] values = {"11000", "{\"amount\": 11000, \"bound\": \"over\"}", "{\"amount\": 3.50, \"bound\": \"about\", \"step\": 0.5}",
                "{\"min\": 10000, \"max\": 12000}", "{\"percent\": 52, \"bound\": \"about\"}", "{\"percent\": 51.96}",
                "0.25", "123456789012345678901234567890.5", "{\"amount\": 0, \"bound\": \"nearly\"}", "-7",
                "{\"amount\": 1e3, \"bound\": \"at_most\"}", "{\"amount\": 20, \"bound\": \"under\"}",
                "{\"unrecorded\": true}"};
        String[] times = {"\"2024-01-01\"", "\"2024-12-27T18:00:00.123456789+09:00\"", "\"2024-03-01T00:00-05:30\"",
                "{\"from\": \"2024-01-01\", \"to\": \"2024-01-03\"}", "{\"from\": \"2024-01-01T10:00Z\", \"to\": \"2024-01-02T10:00+01:00\"}", null};
        int n = 0;
        for (int i = 0; i < 60; i++) {
            if (n++ > 0) json.append(",\n");
            json.append("  {\"id\": \"f").append(i).append("\", \"subject\": \"e").append(i % 20).append("\", \"attribute\": ")
                    .append(i % 5 == 0 ? "\"status\", \"value\": \"captured\""
                            : i % 10 == 3 ? "\"" + YES_NO + "\", \"value\": " + (i / 10 % 2)
                            : "\"killed\", \"value\": " + values[i % values.length]);
            String at = times[i % times.length];
            if (at != null) json.append(", \"at\": ").append(at);
            json.append(", \"source\": \"").append(i % 3 == 0 ? "a" : "b").append('"');
            if (i % 4 == 1) json.append(", \"certainty\": \"").append(i % 8 == 1 ? "unconfirmed" : "confirmed").append('"');
            if (i % 7 == 2) json.append(", \"quote\": \"Zelenskyy said: «über 3 000» — 中文 ").append(i).append('"');
            json.append('}');
        }
        json.append("\n]}\n");
        Path file = TestSupport.write(tmp.resolve("kinds.json"), json.toString());
        List<String> memory = loader().load(List.of(file)).facts().stream().map(FactSpillTest::fields).toList();
        assertThat(memory).hasSize(60);
        assertThat(memory).as("yes/no states").anyMatch(f -> f.contains("|true|1|1|yes "))
                .anyMatch(f -> f.contains("|true|0|0|no "));
        assertThat(memory).as("a statement that no figure is kept").anyMatch(f -> f.endsWith(" unrecorded"));
        for (int buckets : new int[]{1, 2, 7, 64}) {
            assertThat(spilled(List.of(file), buckets)).as(buckets + " buckets").containsExactlyElementsOf(memory);
        }
    }

    @Test
    void theFolderIsPrivateAndDeletedOnClose() throws Exception {
        FactBase b = loader().spilling(new SpillPolicy(SpillPolicy.Mode.ALWAYS, 0, spillRoot, 4)).load(List.of(Path.of("facts")));
        SpilledFacts s = (SpilledFacts) b.facts();
        Path folder = Path.of(s.folder());
        assertThat(folder.getParent()).isEqualTo(spillRoot);
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.toList()).isNotEmpty();
        }
        s.close();
        assertThat(folder).doesNotExist();
        s.close(); // idempotent
    }
}
