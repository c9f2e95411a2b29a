package io.factlint.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.factlint.model.Story;
import io.factlint.model.When;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The workbench's "run draft" action over io.factlint.draft: a real draft beside the story, that checks; a rerun adds nothing. */
class ServeDrafterTest {
    @TempDir
    Path tmp;

    @Test
    void draftsTheStoryTextIntoACheckableFileAndMergesOnARerun() throws Exception {
        Path facts = Files.createDirectories(tmp.resolve("facts"));
        Files.copy(Path.of("facts/nk-soldier-captured.json"), facts.resolve("nk-soldier-captured.json"));
        Files.copy(Path.of("facts/nk-soldier-captured.txt"), facts.resolve("nk-soldier-captured.txt"));
        Path text = facts.resolve("nk-soldier-captured.txt");
        Story story = new Story("nk-soldier-captured", null, When.instant(OffsetDateTime.parse("2024-12-27T21:00+09:00")),
                text.toString(), Files.readString(text), facts.resolve("nk-soldier-captured.json").toString(), null);
        ServeDrafter drafter = new ServeDrafter(Path.of("rules"));

        String said = drafter.draft(story, facts);
        Path draft = facts.resolve("nk-soldier-captured.draft.yaml");
        // what the file holds, as factlint draft counts it (two readings of one quote are one fact)
        assertThat(said).startsWith("drafted 7 facts, 2 claims into ").contains(draft.toString());
        String yaml = Files.readString(draft);
        assertThat(yaml).contains("id: \"nk-soldier-captured-draft\"").contains("drafted: true").contains("text: \"nk-soldier-captured.txt\"");

        Path out = tmp.resolve("r.json");
        CliRun r = CliRun.run("check", facts.toString(), "--rules", "rules", "--format", "json", "-o", out.toString());
        assertThat(r.code()).as(r.err()).isIn(0, 1);
        List<String> rules = new ArrayList<>();
        for (JsonNode f : new ObjectMapper().readTree(out.toFile()).get("findings")) rules.add(f.get("rule").asText());
        assertThat(rules).contains("draft.unreviewed").doesNotContain("quote.not_in_text", "quote.number_mismatch");

        assertThat(drafter.draft(story, facts)).contains("nothing new");
        assertThat(Files.readString(draft)).isEqualTo(yaml);
    }
}
