package io.factlint.engine;

import java.util.List;

/** A rule pack that cannot be used: DRL compile errors or bad vocabulary, each as {@code file:line: message}. */
public class RulePackException extends Exception {
    private final List<String> problems;

    public RulePackException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
