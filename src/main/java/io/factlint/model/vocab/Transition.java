package io.factlint.model.vocab;

/** A change of status the lifecycle allows. */
public record Transition(String from, String to) {
}
