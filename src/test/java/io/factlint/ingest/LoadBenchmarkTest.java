package io.factlint.ingest;

import io.factlint.model.FactBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Loads a million facts (ten files of 100,000) and prints the time. Opt-in, since timings on a shared machine are
 * noise: {@code mvn test -Dtest=LoadBenchmarkTest -Dbenchmark=true}.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class LoadBenchmarkTest {
    @TempDir
    Path tmp;

    @Test
    void millionFacts() throws IOException, InputException {
        TestSupport.write(tmp.resolve("registry.json"), "{\"sources\": [{\"id\": \"a\", \"name\": \"A\"}],"
                + " \"entities\": [{\"id\": \"u\", \"name\": \"U\"}]}");
        for (int k = 0; k < 10; k++) {
            try (Writer w = Files.newBufferedWriter(tmp.resolve("day" + k + ".json"), StandardCharsets.UTF_8)) {
                w.write("{\"story\": {\"id\": \"d" + k + "\", \"published\": \"2025-03-10\"},\n \"facts\": [\n");
                for (int i = 0; i < 100_000; i++) {
                    w.write((i == 0 ? "" : ",\n") + "  {\"id\": \"f" + i + "\", \"subject\": \"u\", \"attribute\": \"killed\","
                            + " \"value\": {\"amount\": " + (1000 + i) + ", \"bound\": \"about\"}, \"at\": \"2025-03-0"
                            + (1 + i % 9) + "\", \"source\": \"a\", \"quote\": \"about " + (1000 + i) + " killed\"}");
                }
                w.write("\n]}\n");
            }
        }
        for (int run = 1; run <= 3; run++) {
            long t0 = System.nanoTime();
            FactBase fb = TestSupport.loader().load(List.of(tmp));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(fb.facts()).hasSize(1_000_000);
            System.out.printf("run %d: 1,000,000 facts in %,d ms%n", run, ms);
        }
    }
}
