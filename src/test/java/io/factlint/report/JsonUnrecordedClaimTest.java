package io.factlint.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.factlint.check.CheckRequest;
import io.factlint.model.CheckResult;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A claim that no figure is kept ({@code "value": {"unrecorded": true}}) in the JSON report: its value in words, and
 * {@code form.unrecorded} (docs/claims.md); a claim with a figure has no such field.
 */
class JsonUnrecordedClaimTest {
    private static final String FACTS = "src/test/resources/rule-cases/claims/unrecorded-claim/window/facts";

    @Test
    void theClaimThatNoFigureIsKeptSaysSoInItsForm() throws Exception {
        CheckResult r = io.factlint.testing.DefaultPack.pipeline().run(CheckRequest.of(List.of(Path.of(FACTS)))).result();
        JsonNode report = new ObjectMapper().readTree(Render.bytes(new JsonReportWriter(), r, Render.FAIL_ON_ERROR));
        JsonNode win = null, figure = null;
        for (JsonNode c : report.path("claims")) {
            if (c.path("ref").asText().equals("u#win")) win = c;
            if (c.path("ref").asText().equals("u#figure-win")) figure = c;
        }
        assertThat(win).isNotNull();
        assertThat(figure).isNotNull();
        assertThat(win.path("value").asText()).isEqualTo("unrecorded (no figure kept)");
        assertThat(win.path("form").path("unrecorded").asBoolean()).isTrue();
        assertThat(figure.path("form").has("unrecorded")).isFalse();
    }
}
