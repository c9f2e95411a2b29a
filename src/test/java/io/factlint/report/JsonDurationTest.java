package io.factlint.report;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A duration ({@code aggregate: duration}) in the JSON report: its form, unit and total, from the real pipeline and writer. */
class JsonDurationTest {
    private static final String FIRES = "src/test/resources/rule-cases/claims/duration/fires/facts";
    private static final String CLEAN = "src/test/resources/rule-cases/claims/duration/clean/facts";

    @Test
    void aDurationCarriesItsUnitAndTheTotalInIt() throws Exception {
        JsonNode thirty = JsonRankOverTest.claim(FIRES, "thirty");
        JsonNode form = thirty.path("form");
        assertThat(form.path("kind").asText()).isEqualTo("aggregate");
        assertThat(form.path("aggregate").asText()).isEqualTo("duration");
        assertThat(form.path("unit").asText()).isEqualTo("years");
        assertThat(form.path("complete").asBoolean()).isTrue();
        // 5,008 + 5,629 days (Abacha's years inside the second period counted once) / 365.2425
        // (the claim's figure is the decimal result, to 12 significant digits: Interval.denoised)
        double years = (5008 + 5629) / 365.2425;
        org.assertj.core.data.Offset<Double> twelveDigits = org.assertj.core.data.Offset.offset(1e-10);
        assertThat(form.path("conventional").path("min").asDouble()).isCloseTo(years, twelveDigits);
        assertThat(form.path("conventional").path("max").asDouble()).isCloseTo(years, twelveDigits);
        assertThat(form.path("strict").path("max").asDouble()).isCloseTo(years, twelveDigits);
        assertThat(thirty.path("verdict").asText()).isEqualTo("contradicted");

        JsonNode days = JsonRankOverTest.claim(CLEAN, "days");
        assertThat(days.path("form").path("unit").asText()).isEqualTo("days");
        assertThat(days.path("form").path("conventional").path("min").asDouble()).isEqualTo(10637.0);
        // not complete: open upwards on the strict reading
        assertThat(days.path("form").path("strict").path("max").isNull()).isTrue();
        assertThat(days.path("verdict").asText()).isEqualTo("supported");
    }

    @Test
    void anotherAggregateHasNoUnit() throws Exception {
        JsonNode total = JsonRankOverTest.claim("src/test/resources/rule-cases/claims/aggregate/fires/facts", "total");
        assertThat(total.path("form").path("aggregate").asText()).isEqualTo("sum");
        assertThat(total.path("form").has("unit")).isFalse();
    }
}
