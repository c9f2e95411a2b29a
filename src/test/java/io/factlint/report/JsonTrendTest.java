package io.factlint.report;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;

/** A trend claim in the JSON report: its form, direction and steps on both readings, from the real pipeline and writer. */
class JsonTrendTest {

    @Test
    void aTrendCarriesItsDirectionPeriodAndStepsAndNoOp() throws Exception {
        JsonNode since = JsonRankOverTest.claim("src/test/resources/rule-cases/claims/trend/fires/facts", "since2010");
        assertThat(since.path("op").isNull()).isTrue();
        assertThat(since.path("value").isNull()).isTrue();
        assertThat(since.path("at").asText()).isEqualTo("2010-01-01/2020-12-31");
        JsonNode form = since.path("form");
        assertThat(form.path("kind").asText()).isEqualTo("trend");
        assertThat(form.path("trend").asText()).isEqualTo("falling");
        assertThat(form.path("complete").asBoolean()).isTrue();
        assertThat(form.has("order")).isFalse();
        // 9 of the 10 steps surely fell (2019 to 2020 rose)
        assertThat(form.path("conventional").path("min").asDouble()).isEqualTo(9.0);
        assertThat(form.path("conventional").path("max").asDouble()).isEqualTo(9.0);
        assertThat(since.path("figure").asText()).isEqualTo("unemployment_rate of us on 1 Jan 2010 – 31 Dec 2020: 9 of 10 steps falling");
        assertThat(since.path("verdict").asText()).isEqualTo("contradicted");
        assertThat(since.path("facts")).hasSize(11);

        JsonNode decade = JsonRankOverTest.claim("src/test/resources/rule-cases/claims/trend/fires/facts", "decade");
        assertThat(decade.path("form").has("complete")).isFalse();
        assertThat(decade.path("form").path("conventional").path("min").asDouble()).isEqualTo(9.0);
        assertThat(decade.path("verdict").asText()).isEqualTo("undetermined");

        JsonNode rising = JsonRankOverTest.claim("src/test/resources/rule-cases/claims/trend/clean/facts", "rising");
        assertThat(rising.path("form").path("trend").asText()).isEqualTo("rising");
        assertThat(rising.path("verdict").asText()).isEqualTo("supported");
        assertThat(rising.path("strictVerdict").asText()).isEqualTo("supported");
    }
}
