package io.factlint.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code factlint init}: the untouched scaffold is a valid fact file that checks clean; with its examples filled in
 * (uncommented) it loads too; an existing file is never overwritten.
 */
class InitTest {
    static final Map<String, String> TODAY = Map.of("FACTLINT_TODAY", "2025-01-15");

    @TempDir
    Path tmp;

    @Test
    void theUntouchedScaffoldLoadsAndChecksClean() throws Exception {
        Path dir = tmp.resolve("facts");
        CliRun r = CliRun.run(TODAY, "init", "new-story", "--dir", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        Path file = dir.resolve("new-story.yaml");
        String text = Files.readString(file);
        assertThat(text).startsWith("# yaml-language-server: $schema=").contains("schema/facts.schema.json\n")
                .contains("  id: new-story\n").contains("  published: 2025-01-15 ");
        CliRun check = CliRun.run(TODAY, "check", dir.toString(), "--fail-on", "info");
        assertThat(check.code()).as(check.err() + check.out()).isZero();
        assertThat(check.out()).contains("1 story, 0 facts, 0 claims: 0 errors, 0 warnings, 0 infos; passed");
    }

    @Test
    void theSchemaLineIsRelativeToTheProjectRoot() throws Exception {
        CliRun r = CliRun.run(TODAY, "init", "x", "--dir", "target/init-test-" + System.nanoTime());
        assertThat(r.code()).isZero();
        String dir = r.out().substring("wrote ".length(), r.out().indexOf("/x.yaml"));
        try {
            assertThat(Files.readString(Path.of(dir, "x.yaml"))).startsWith("# yaml-language-server: $schema=../../schema/facts.schema.json\n");
        } finally {
            Files.delete(Path.of(dir, "x.yaml"));
            Files.delete(Path.of(dir));
        }
    }

    @Test
    void theScaffoldWithItsExamplesFilledInLoads() throws Exception {
        Path dir = tmp.resolve("facts");
        assertThat(CliRun.run(TODAY, "init", "filled", "--dir", dir.toString()).code()).isZero();
        Path file = dir.resolve("filled.yaml");
        // what the comments tell an editor: delete the [] after the key and the "#" at the start of the example lines
        String filled = Files.readString(file).lines()
                .map(l -> l.matches("^[a-z]+: \\[\\]$") ? l.substring(0, l.length() - 3) : l)
                .map(l -> l.startsWith("#   ") ? l.substring(1) : l)
                .collect(Collectors.joining("\n", "", "\n"));
        Files.writeString(file, filled);
        CliRun check = CliRun.run(TODAY, "check", dir.toString(), "--format", "json");
        assertThat(check.code()).as(check.err()).isZero();
        com.fasterxml.jackson.databind.JsonNode report = new com.fasterxml.jackson.databind.ObjectMapper().readTree(check.out());
        assertThat(report.at("/summary/facts").asInt()).isEqualTo(1);
        assertThat(report.at("/summary/claims").asInt()).isEqualTo(1);
        assertThat(report.at("/claims/0/verdict").asText()).isEqualTo("supported");
    }

    @Test
    void anExistingFileIsNeverOverwritten() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("facts"));
        Files.writeString(dir.resolve("taken.yaml"), "mine");
        Files.writeString(dir.resolve("other.json"), "{}");
        CliRun r = CliRun.run(TODAY, "init", "taken", "--dir", dir.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("taken.yaml already exists; not overwritten");
        assertThat(Files.readString(dir.resolve("taken.yaml"))).isEqualTo("mine");
        CliRun json = CliRun.run(TODAY, "init", "other", "--dir", dir.toString());
        assertThat(json.code()).isEqualTo(2);
        assertThat(json.err()).contains("other.json already exists");
        assertThat(dir.resolve("other.yaml")).doesNotExist();
    }

    @Test
    void aStoryIdMustBeAFileName() {
        CliRun r = CliRun.run(TODAY, "init", "../evil", "--dir", tmp.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(CliRun.run(TODAY, "init", "waivers", "--dir", tmp.toString()).code()).isEqualTo(2);
    }
}
