package io.factlint.check;

import io.factlint.model.BaselineState;
import io.factlint.model.CheckResult;
import io.factlint.model.Finding;
import io.factlint.model.Severity;

/**
 * The pass/fail answer of one check, computed once ({@link #of}) and read by the exit code and by every report
 * writer: {@code failOn} is the {@code --fail-on} level (null: {@code never}), {@code failOnNew} whether only
 * findings that are new against the baseline count, {@code failing} how many findings count. A finding counts
 * ({@link #counts}) when it is at or above the level, not waived, and (with {@code failOnNew}) not unchanged since
 * the baseline; the check passes when none counts.
 */
public record Gate(Severity failOn, boolean failOnNew, long failing) {

    /** The gate of a reviewed result. */
    public static Gate of(CheckResult reviewed, Severity failOn, boolean failOnNew) {
        Gate policy = new Gate(failOn, failOnNew, 0);
        return new Gate(failOn, failOnNew, reviewed.findings().stream().filter(policy::counts).count());
    }

    /** True when no finding counts. */
    public boolean passed() {
        return failing == 0;
    }

    /** {@link ExitCode#OK} when the check passed, else {@link ExitCode#FINDINGS}. */
    public ExitCode exitCode() {
        return passed() ? ExitCode.OK : ExitCode.FINDINGS;
    }

    /** True when the finding's severity is at or above the level (never with {@code --fail-on never}). */
    public boolean atFailOn(Finding f) {
        return failOn != null && f.severity().atLeast(failOn);
    }

    /** True when the finding counts toward the gate (see the class comment). */
    public boolean counts(Finding f) {
        return atFailOn(f) && notCountedBecause(f) == null;
    }

    /**
     * Why a finding at or above the level does not count, or null when it counts (or is below the level):
     * {@code waived}, or {@code unchanged since the baseline} with {@code --fail-on-new}.
     */
    public String notCountedBecause(Finding f) {
        if (!atFailOn(f)) return null;
        if (f.waived()) return "waived";
        if (failOnNew && f.review().baseline() == BaselineState.UNCHANGED) return "unchanged since the baseline";
        return null;
    }

    /** The level as users type it: {@code error}, {@code warning}, {@code info} or {@code never}. */
    public String failOnLabel() {
        return failOn == null ? "never" : failOn.id();
    }
}
