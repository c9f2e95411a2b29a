package io.factlint.model.vocab;

/** A status of the lifecycle; a terminal one allows no change after it. */
public record StatusWord(String word, boolean terminal) {
}
