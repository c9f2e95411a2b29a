package io.factlint.report;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A claim that no figure is kept ({@code "value": {"unrecorded": true}}) in the JSON report: its value in words, and
 * {@code form.unrecorded} (docs/claims.md); a claim with a figure has no such field.
 */
class JsonUnrecordedClaimTest {
    private static final String FACTS = "src/test/resources/rule-cases/claims/unrecorded-claim/window/facts";

    @Test
    void theClaimThatNoFigureIsKeptSaysSoInItsForm() throws Exception {
        JsonNode win = JsonRankOverTest.claimByRef(FACTS, "u#win");
        assertThat(win.path("value").asText()).isEqualTo("unrecorded (no figure kept)");
        assertThat(win.path("form").path("unrecorded").asBoolean()).isTrue();
        JsonNode figure = JsonRankOverTest.claimByRef(FACTS, "u#figure-win");
        assertThat(figure.path("form").has("unrecorded")).isFalse();
    }
}
