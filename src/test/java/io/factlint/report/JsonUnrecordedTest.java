package io.factlint.report;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A claim on a statement that no figure is kept ({@code {"unrecorded": true}}) in the JSON report: contradicted on
 * the conventional reading, undetermined on the strict one, no figure, the unrecorded fact as what it rests on.
 */
class JsonUnrecordedTest {
    private static final String FIRES = "src/test/resources/rule-cases/claims/unrecorded/fires/facts";

    @Test
    void aClaimOnAFigureNobodyRecordsCarriesBothVerdictsAndTheStatement() throws Exception {
        JsonNode plain = JsonRankOverTest.claim(FIRES, "plain");
        assertThat(plain.path("verdict").asText()).isEqualTo("contradicted");
        assertThat(plain.path("strictVerdict").asText()).isEqualTo("undetermined");
        assertThat(plain.path("figure").isNull()).isTrue();
        assertThat(plain.path("facts")).hasSize(1);
        assertThat(plain.path("facts").get(0).asText()).isEqualTo("s#f1");
        assertThat(plain.path("reason").asText()).contains(
                "cdc states that no figure of essential_worker_deaths of us is kept (stated for 20 Apr 2020)");

        JsonNode change = JsonRankOverTest.claim(FIRES, "change");
        assertThat(change.path("verdict").asText()).isEqualTo("contradicted");
        assertThat(change.path("strictVerdict").asText()).isEqualTo("undetermined");
        assertThat(change.path("form").path("kind").asText()).isEqualTo("change");
        assertThat(change.path("form").has("conventional")).isFalse();
        // the value on 1 May 2020 is unrecorded (f1); the verdict rests on the base figure of 31 Dec 2019 (f5) too
        assertThat(change.path("facts")).extracting(JsonNode::asText).containsExactlyInAnyOrder("s#f1", "s#f5");
    }

    /** The claim that no figure is kept ({@code "value": {"unrecorded": true}}): its value in words, {@code form.unrecorded}. */
    @Test
    void theClaimThatNoFigureIsKeptSaysSoInItsForm() throws Exception {
        String dir = "src/test/resources/rule-cases/claims/unrecorded-claim/window/facts";
        JsonNode win = JsonRankOverTest.claimByRef(dir, "u#win");
        assertThat(win.path("value").asText()).isEqualTo("unrecorded (no figure kept)");
        assertThat(win.path("form").path("unrecorded").asBoolean()).isTrue();
        assertThat(JsonRankOverTest.claimByRef(dir, "u#figure-win").path("form").has("unrecorded")).isFalse();
    }

    @Test
    void aFigureForTheSameTimeIsAllAClaimRestsOn() throws Exception {
        // vote_share 52 % (ons) and an unconfirmed statement for the same time that no figure is kept (cdc)
        String dir = "src/test/resources/rule-cases/claims/unrecorded-percent/clean/facts";
        for (String id : new String[] {"c", "tol"}) {
            JsonNode c = JsonRankOverTest.claim(dir, id);
            assertThat(c.path("verdict").asText()).isEqualTo("supported");
            assertThat(c.path("facts")).hasSize(1);
            assertThat(c.path("facts").get(0).asText()).isEqualTo("s#p");
            assertThat(c.path("reason").asText()).contains("52.0 % (stated for 20 Apr 2020)");
        }
    }
}
