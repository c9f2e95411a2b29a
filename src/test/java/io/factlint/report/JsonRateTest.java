package io.factlint.report;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rate ({@code per} with {@code aggregate} sum or count) in the JSON report: the form carries {@code per}, and the
 * claim's {@code figure} says it is a rate (the total per day), not the total over the period.
 */
class JsonRateTest {
    private static final String FIRES = "src/test/resources/rule-cases/claims/rate/fires/facts";

    private static JsonNode claim(String id) throws Exception {
        return JsonRankOverTest.claimByRef(FIRES, "r#" + id);
    }

    @Test
    void aRateCarriesPerAndItsFigureIsNamedARate() throws Exception {
        JsonNode day = claim("a-day");
        assertThat(day.path("form").path("kind").asText()).isEqualTo("aggregate");
        assertThat(day.path("form").path("per").asText()).isEqualTo("day");
        // 73,500 over the 366 days of 2020
        assertThat(day.path("figure").asText()).isEqualTo("deaths of uk on 1 Jan 2020 – 31 Dec 2020, per day: 200.8197");
        JsonNode total = JsonRankOverTest.claim("src/test/resources/rule-cases/claims/aggregate/fires/facts", "total");
        assertThat(total.path("form").has("per")).isFalse();
        assertThat(total.path("figure").asText()).doesNotContain("per ");
    }
}
