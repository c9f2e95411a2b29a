package io.factlint.report;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A claim over a set ({@code quantifier}, {@code among}), a gap between events ({@code aggregate: gap}) and a change
 * or comparison of totals in the JSON report: their fields and the interval judged, from the real pipeline and writer.
 */
class JsonSetTest {
    private static final String SET = "src/test/resources/rule-cases/claims/set/";
    private static final String SET_CHANGE = "src/test/resources/rule-cases/claims/set-change/";

    @Test
    void aClaimOverASetCarriesItsQuantifierMembersAndHowManyMeetIt() throws Exception {
        JsonNode most = JsonRankOverTest.claim(SET + "fires/facts", "most");
        JsonNode form = most.path("form");
        assertThat(form.path("kind").asText()).isEqualTo("set");
        assertThat(form.path("quantifier").asText()).isEqualTo("most");
        assertThat(form.path("amongKind").asText()).isEqualTo("country");
        assertThat(form.has("among")).isFalse();
        // 2 of the 5 countries meet ">= 60", every one known and the set complete: exactly 2
        assertThat(form.path("conventional").path("min").asDouble()).isEqualTo(2.0);
        assertThat(form.path("conventional").path("max").asDouble()).isEqualTo(2.0);
        assertThat(most.path("verdict").asText()).isEqualTo("contradicted");
        // the figure is the number of members, not a value of the subject's attribute
        assertThat(most.path("figure").asText()).isEqualTo("members that meet the condition on 1 May 2020: 2");

        JsonNode three = JsonRankOverTest.claim(SET + "fires/facts", "three");
        assertThat(three.path("form").path("quantifier").asText()).isEqualTo("count");
        assertThat(three.path("form").path("quantifierOp").asText()).isEqualTo(">=");
        assertThat(three.path("form").path("quantifierValue").asText()).isEqualTo("3");

        JsonNode some = JsonRankOverTest.claim(SET + "clean/facts", "some");
        // not said to be complete: more members may meet it, open upwards
        assertThat(some.path("form").path("conventional").path("max").isNull()).isTrue();
        assertThat(JsonRankOverTest.claim(SET + "clean/facts", "none").path("form").path("among").size()).isEqualTo(5);
    }

    @Test
    void theConditionAskedOfEachMemberKeepsItsOwnFields() throws Exception {
        JsonNode only = JsonRankOverTest.claim(SET_CHANGE + "clean/facts", "only");
        JsonNode form = only.path("form");
        assertThat(form.path("kind").asText()).isEqualTo("set");
        assertThat(form.path("quantifier").asText()).isEqualTo("only");
        assertThat(form.path("since").asText()).isEqualTo("2020-02-01/2020-02-29");
        assertThat(form.path("change").asText()).isEqualTo("ratio");
        assertThat(only.path("verdict").asText()).isEqualTo("supported");
    }

    @Test
    void membersCompleteIsWrittenOnlyWhenTheClaimSaysIt() throws Exception {
        String mc = "src/test/resources/rule-cases/claims/set-members-complete/fires/facts";
        JsonNode with = JsonRankOverTest.claim(mc, "two-complete");
        assertThat(with.path("form").path("membersComplete").isBoolean()).isTrue();
        assertThat(with.path("form").path("membersComplete").asBoolean()).isTrue();
        assertThat(with.path("form").path("complete").asBoolean()).isTrue();
        assertThat(with.path("form").path("trend").asText()).isEqualTo("rising");
        assertThat(with.path("verdict").asText()).isEqualTo("supported");
        // the same claim without the field: no key at all (reports of claims without it read as before)
        JsonNode without = JsonRankOverTest.claim(mc, "two");
        assertThat(without.path("form").has("membersComplete")).isFalse();
        assertThat(without.path("verdict").asText()).isEqualTo("undetermined");
        assertThat(JsonRankOverTest.claim(SET + "fires/facts", "most").path("form").has("membersComplete")).isFalse();
    }

    @Test
    void aGapCarriesItsUnitAndTheShortestAndLongestGap() throws Exception {
        JsonNode apart = JsonRankOverTest.claim("src/test/resources/rule-cases/claims/gap/clean/facts", "apart");
        JsonNode form = apart.path("form");
        assertThat(form.path("aggregate").asText()).isEqualTo("gap");
        assertThat(form.path("unit").asText()).isEqualTo("years");
        // 1 Jan 1918 to 1 Jan 1957 and 1 Jan 1817 to 1 Jan 1918: whole calendar years
        assertThat(form.path("conventional").path("min").asDouble()).isEqualTo(39.0);
        assertThat(form.path("conventional").path("max").asDouble()).isEqualTo(101.0);
        assertThat(apart.path("verdict").asText()).isEqualTo("supported");
        assertThat(apart.path("figure").asText()).startsWith("gaps between the events of pandemics of world within 1 Jan 1800 – 31 Dec 1960, in years: [");
    }

    @Test
    void aChangeOrAComparisonOfTotalsKeepsItsFormAndNamesTheTotal() throws Exception {
        String clean = "src/test/resources/rule-cases/claims/totals-compared/clean/facts";
        JsonNode rose = JsonRankOverTest.claim(clean, "rose");
        assertThat(rose.path("form").path("kind").asText()).isEqualTo("change");
        assertThat(rose.path("form").path("aggregate").asText()).isEqualTo("sum");
        // 770 / 495 - 1
        assertThat(rose.path("form").path("conventional").path("min").asDouble())
                .isCloseTo(770.0 / 495 - 1, org.assertj.core.data.Offset.offset(1e-9));
        JsonNode gap = JsonRankOverTest.claim(clean, "gap");
        assertThat(gap.path("form").path("kind").asText()).isEqualTo("versus");
        assertThat(gap.path("form").path("aggregate").asText()).isEqualTo("sum");
        assertThat(gap.path("form").path("conventional").path("min").asDouble()).isEqualTo(308.0);
    }
}
