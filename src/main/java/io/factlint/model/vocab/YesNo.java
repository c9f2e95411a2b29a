package io.factlint.model.vocab;

/**
 * A yes/no measure ({@code yesNo:} in the rule pack's vocabulary): a state that holds (1) or does not (0) at a time,
 * "there is a shortage of test kits" (docs/claims.md, a yes/no property). Its facts state 0 or 1 and its quotes
 * state the state in words, so {@code quote.number_mismatch} does not read them for a number.
 */
public record YesNo(String attribute) {
}
