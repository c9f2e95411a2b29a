package io.factlint.report;

import io.factlint.model.CheckResult;
import io.factlint.model.Severity;

/**
 * What a writer needs besides the result: the tool version, the {@code --fail-on} level (null: never), the
 * report time (null unless {@code SOURCE_DATE_EPOCH} is set: reports carry no timestamp by default), and whether
 * only new findings (against a baseline, {@code --fail-on-new}) count toward the gate.
 */
public record ReportOptions(String toolVersion, Severity failOn, java.time.Instant timestamp, boolean failOnNew) {

    public ReportOptions(String toolVersion, Severity failOn, java.time.Instant timestamp) {
        this(toolVersion, failOn, timestamp, false);
    }

    /** Whether {@code r} passes the gate these options describe (waived findings never count). */
    public boolean passed(CheckResult r) {
        return r.passes(failOn, failOnNew);
    }

    /** {@code error}, {@code warning}, {@code info} or {@code never}, plus {@code (new findings only)}. */
    public String gateLabel() {
        return (failOn == null ? "never" : failOn.id()) + (failOnNew ? ", new findings only" : "");
    }
}
