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

    /** The rules folder does not exist (e.g. a check run from another folder than the project's). */
    public static final class MissingFolder extends RulePackException {
        private final transient java.nio.file.Path dir;

        public MissingFolder(java.nio.file.Path dir) {
            super(List.of(dir + ": rules folder not found"));
            this.dir = dir;
        }

        public java.nio.file.Path dir() {
            return dir;
        }
    }
}
