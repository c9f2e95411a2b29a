package io.factlint.model.vocab;

/** A derived figure: {@code numerator} / {@code denominator} of the same subject, shown as a percentage if asked. */
public record FigureDefinition(String name, String numerator, String denominator, String description, boolean percent) {
}
