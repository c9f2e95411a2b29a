package io.factlint.model.vocab;

/** A figure that must not rest on one source: an attribute, or (for {@code status}) one status word. */
public record SingleSourceWatch(String attribute, String status) {
}
