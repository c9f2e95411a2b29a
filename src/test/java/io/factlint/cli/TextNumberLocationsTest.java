package io.factlint.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code text.unbacked_number} points into the story's text file, in every report format. */
class TextNumberLocationsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void anUnbackedNumberIsLocatedInTheTextFileInEveryFormat() throws IOException {
        Path facts = CliRun.copy(Path.of("src/test/resources/rule-cases/text.unbacked_number/fires/facts"), tmp.resolve("facts"));
        Path out = tmp.resolve("out");
        CliRun r = CliRun.run("check", facts.toString(), "--rules", "rules", "-o", out + "/", "--format", "text",
                "--format", "json", "--format", "sarif", "--format", "html", "--format", "github", "--format", "markdown");
        assertThat(r.code()).as(r.err()).isZero();
        String txt = facts.resolve("story.txt").toString();
        // "At least 200" opens line 2; "aged 23" is at 2:73; "a quarter" at 3:16
        assertThat(r.out()).contains(txt + ":2:1: warning [text.unbacked_number]", txt + ":2:73: warning [text.unbacked_number]",
                txt + ":3:16: warning [text.unbacked_number]");

        List<String> json = new ArrayList<>();
        for (JsonNode f : JSON.readTree(out.resolve("factlint.json").toFile()).path("findings")) {
            if (f.path("rule").asText().equals("text.unbacked_number")) {
                JsonNode l = f.path("location");
                json.add(l.path("file").asText() + ":" + l.path("line").asInt() + ":" + l.path("column").asInt());
            }
        }
        assertThat(json).containsExactly(txt + ":2:1", txt + ":2:73", txt + ":3:16");

        List<String> sarif = new ArrayList<>();
        for (JsonNode res : JSON.readTree(out.resolve("factlint.sarif").toFile()).path("runs").get(0).path("results")) {
            if (!res.path("ruleId").asText().equals("text.unbacked_number")) continue;
            JsonNode p = res.path("locations").get(0).path("physicalLocation");
            sarif.add(p.path("artifactLocation").path("uri").asText() + ":" + p.path("region").path("startLine").asInt()
                    + ":" + p.path("region").path("startColumn").asInt());
        }
        assertThat(sarif).hasSize(3).allMatch(s -> s.contains("story.txt:")).anyMatch(s -> s.endsWith("story.txt:2:73"));

        assertThat(Files.readString(out.resolve("factlint.html"))).contains("story.txt:2:73", "story.txt:3:16");
        assertThat(Files.readString(out.resolve("factlint-github.txt"))).contains("story.txt,line=2,col=73");
        assertThat(Files.readString(out.resolve("factlint.md"))).contains("story.txt:2:73");
    }
}
