package io.factlint.rules;

import io.factlint.model.Quantity;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** A fall written without a sign states a negative value by its size, only when the quote says it went down. */
class QuoteFallTest {
    private static Quantity percent(String fraction) {
        return Quantity.exactly(new BigDecimal(fraction)).asPercent();
    }

    @Test
    void aQuoteThatSaysItWentDownStatesTheNegativeValueBySize() {
        assertThat(QuoteText.numberMismatch("the price of crude oil decreased 73% in four months", percent("-0.73"))).isFalse();
        assertThat(QuoteText.numberMismatch("a 73 per cent drop", percent("-0.73"))).isFalse();
        assertThat(QuoteText.numberMismatch("2,500 fewer jobs", Quantity.exactly(new BigDecimal("-2500")))).isFalse();
    }

    @Test
    void aQuoteThatSaysNoFallDoesNot() {
        assertThat(QuoteText.numberMismatch("the price rose 73%", percent("-0.73"))).isTrue();
        // "less than" compares, it does not say the value fell
        assertThat(QuoteText.numberMismatch("less than 73% of the vote", percent("-0.73"))).isTrue();
        assertThat(QuoteText.numberMismatch("a lesson of 73%", percent("-0.73"))).isTrue();
    }

    @Test
    void aPositiveValueIsNeverStatedByANegatedNumber() {
        assertThat(QuoteText.numberMismatch("it fell 73%", percent("0.73"))).isFalse(); // 73 % states 0.73 itself
        assertThat(QuoteText.numberMismatch("it fell 74%", percent("0.73"))).isTrue();
    }
}
