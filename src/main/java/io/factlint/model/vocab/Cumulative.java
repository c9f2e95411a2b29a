package io.factlint.model.vocab;

/** An attribute that counts up over time and must not drop (killed, injured, ...). */
public record Cumulative(String attribute) {
}
