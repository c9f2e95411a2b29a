package io.factlint.model;

import java.util.List;

/** Everything a report shows: the facts checked, the findings in report order, the figures and the verdicts. */
public record CheckResult(FactBase facts, List<RuleInfo> rules, List<Finding> findings, List<Figure> figures,
                          List<ClaimVerdict> verdicts) {

    public long count(Severity s) {
        return findings.stream().filter(f -> f.severity() == s).count();
    }

    /** True when no finding is at or above {@code failOn}; a null level never fails. */
    public boolean passes(Severity failOn) {
        return failOn == null || findings.stream().noneMatch(f -> f.severity().atLeast(failOn));
    }
}
