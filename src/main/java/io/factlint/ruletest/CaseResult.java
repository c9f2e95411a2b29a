package io.factlint.ruletest;

import java.util.List;

/** The outcome of one rule test case: its name and what differed (empty when it passed). */
public record CaseResult(String name, List<String> problems) {

    public boolean passed() {
        return problems.isEmpty();
    }
}
