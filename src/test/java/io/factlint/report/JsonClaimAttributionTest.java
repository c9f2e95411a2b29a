package io.factlint.report;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A claim {@code according_to} one source and a claim with {@code unchecked} parts in the JSON report: the fields as
 * written, absent on a claim that names neither, and the verdicts they give.
 */
class JsonClaimAttributionTest {
    private static final String ACCORDING = "src/test/resources/rule-cases/claims/according-to/fires/facts";
    private static final String UNCHECKED = "src/test/resources/rule-cases/claims/unchecked/fires/facts";

    @Test
    void aClaimAccordingToASourceCarriesItAndIsJudgedOnItsStatements() throws Exception {
        JsonNode said = JsonRankOverTest.claim(ACCORDING, "said");
        assertThat(said.path("accordingTo").asText()).isEqualTo("agf");
        assertThat(said.has("unchecked")).isFalse();
        assertThat(said.path("verdict").asText()).isEqualTo("contradicted");
        // the blog's 700bn supports the claim; agf's own 0 is all it rests on
        assertThat(said.path("facts")).extracting(JsonNode::asText).containsExactly("s#agf-lost");
        assertThat(said.path("form").path("kind").asText()).isEqualTo("value");
    }

    @Test
    void aClaimWithUncheckedPartsListsThemAndIsNeverSupported() throws Exception {
        JsonNode plain = JsonRankOverTest.claim(UNCHECKED, "plain");
        assertThat(plain.path("unchecked")).extracting(JsonNode::asText)
                .containsExactly("fewer than under any president", "the blame: the president");
        assertThat(plain.has("accordingTo")).isFalse();
        assertThat(plain.has("form")).as("an unchecked part leaves a plain claim plain").isFalse();
        assertThat(plain.path("verdict").asText()).isEqualTo("undetermined");
        assertThat(plain.path("strictVerdict").asText()).isEqualTo("undetermined");
        JsonNode clean = JsonRankOverTest.claim("src/test/resources/rule-cases/claims/unchecked/clean/facts", "plain");
        assertThat(clean.has("unchecked")).isFalse();
        assertThat(clean.path("verdict").asText()).isEqualTo("supported");
    }
}
