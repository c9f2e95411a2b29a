package io.factlint.model.vocab;

/** An attribute that is part of another at the same time: {@code part} ≤ {@code whole}. */
public record PartWhole(String part, String whole) {
}
