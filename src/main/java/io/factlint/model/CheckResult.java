package io.factlint.model;

import java.util.List;

/**
 * Everything a report shows: the facts checked, the findings in report order (each with its {@link Review}), the
 * figures and the verdicts, the series of every subject's attribute over time (computed once, by the engine), and the comparison with a baseline report ({@code null} without {@code --baseline}).
 */
public record CheckResult(FactBase facts, List<RuleInfo> rules, List<Finding> findings, List<Figure> figures,
                          List<ClaimVerdict> verdicts, BaselineComparison baseline, List<Series> series) {

    /** A result whose series (status and count timelines) are computed from its facts. */
    public CheckResult(FactBase facts, List<RuleInfo> rules, List<Finding> findings, List<Figure> figures,
                       List<ClaimVerdict> verdicts, BaselineComparison baseline) {
        this(facts, rules, findings, figures, verdicts, baseline, Series.of(facts.facts()));
    }

    /** A result without a baseline comparison. */
    public CheckResult(FactBase facts, List<RuleInfo> rules, List<Finding> findings, List<Figure> figures,
                       List<ClaimVerdict> verdicts) {
        this(facts, rules, findings, figures, verdicts, null);
    }

    /** All findings of severity {@code s}, waived or not. */
    public long count(Severity s) {
        return findings.stream().filter(f -> f.severity() == s).count();
    }

    /** The findings a waiver applies to. */
    public long countWaived() {
        return findings.stream().filter(Finding::waived).count();
    }

    /** The findings with baseline state {@code b} (0 without a baseline). */
    public long count(BaselineState b) {
        return findings.stream().filter(f -> f.review().baseline() == b).count();
    }

    public CheckResult withFindings(List<Finding> reviewed, List<RuleInfo> allRules, BaselineComparison b) {
        return new CheckResult(facts, allRules, reviewed, figures, verdicts, b, series);
    }
}
