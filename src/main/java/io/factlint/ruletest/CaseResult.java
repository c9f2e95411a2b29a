package io.factlint.ruletest;

import java.util.List;
import java.util.Set;

/**
 * The outcome of one rule test case: its name, what differed (empty when it passed), and the ids of the rules whose
 * findings the case checks and that fired in it (for {@code factlint test --coverage}).
 */
public record CaseResult(String name, List<String> problems, Set<String> fired) {

    public CaseResult {
        problems = List.copyOf(problems);
        fired = Set.copyOf(fired);
    }

    public CaseResult(String name, List<String> problems) {
        this(name, problems, Set.of());
    }

    public boolean passed() {
        return problems.isEmpty();
    }
}
