package io.factlint.engine;

import io.factlint.ingest.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 10 point 11: a claim on an attribute nothing states or defines is an input error with "did you mean". */
class ClaimAttributeTest {
    private static final String FILE = """
            {"story": {"id": "s", "published": "2025-03-10"},
             "sources": [{"id": "a", "name": "Agency A", "kind": "agency"}],
             "entities": [{"id": "u", "kind": "group", "name": "a battalion"}],
             "facts": [{"id": "k", "subject": "u", "attribute": "killed", "value": 30, "source": "a"}],
             "claims": [
              {"id": "c", "text": "30 killed", "subject": "u", "attribute": "%s", "op": "=", "value": 30}]}
            """;

    private static Path write(Path dir, String attribute) throws Exception {
        Path f = dir.resolve("story.json");
        Files.writeString(f, FILE.formatted(attribute));
        return f;
    }

    @Test
    void aTypoIsAnErrorWithTheNearestAttribute(@TempDir Path dir) throws Exception {
        Path f = write(dir, "kiled");
        RulePack pack = io.factlint.testing.DefaultPack.get();
        assertThatThrownBy(() -> new io.factlint.check.CheckPipeline(pack).run(io.factlint.check.CheckRequest.of(List.of(f))).result())
                .isInstanceOfSatisfying(InputException.class, e -> assertThat(e.getMessage())
                        .contains("story.json:6:3: claim \"c\": no fact states attribute \"kiled\" and the rule pack does not name it;"
                                + " did you mean \"killed\"?"));
    }

    @Test
    void aFigureNameAndAStatedAttributeAreKnown(@TempDir Path dir) throws Exception {
        RulePack pack = io.factlint.testing.DefaultPack.get();
        assertThat(new io.factlint.check.CheckPipeline(pack).run(io.factlint.check.CheckRequest.of(List.of(write(dir, "killed")))).result().verdicts()).hasSize(1);
        assertThat(new io.factlint.check.CheckPipeline(pack).run(io.factlint.check.CheckRequest.of(List.of(write(dir, "killed_share")))).result().verdicts()).hasSize(1);
        // named by the vocabulary (measures.yaml), stated by no fact: undetermined, not an error (conformance c08)
        assertThat(new io.factlint.check.CheckPipeline(pack).run(io.factlint.check.CheckRequest.of(List.of(write(dir, "killed_or_injured")))).result().verdicts()).hasSize(1);
    }

    @Test
    void somethingFarFromEveryAttributeGetsNoSuggestion(@TempDir Path dir) throws Exception {
        Path f = write(dir, "unemployment_rate");
        RulePack pack = io.factlint.testing.DefaultPack.get();
        assertThatThrownBy(() -> new io.factlint.check.CheckPipeline(pack).run(io.factlint.check.CheckRequest.of(List.of(f))).result())
                .isInstanceOfSatisfying(InputException.class, e -> assertThat(e.getMessage())
                        .contains("no fact states attribute \"unemployment_rate\" and the rule pack does not name it")
                        .doesNotContain("did you mean"));
    }
}
