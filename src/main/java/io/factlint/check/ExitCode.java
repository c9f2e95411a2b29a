package io.factlint.check;

/** The exit codes of factlint, a promise to CI pipelines (cli-and-reports.md). */
public enum ExitCode {
    /** Checked; no finding at or above {@code --fail-on}. */
    OK(0),
    /** Checked; at least one finding at or above {@code --fail-on}. */
    FINDINGS(1),
    /** Could not check: input error, rule compile error (with the DRL file and line), bad usage. */
    INPUT_ERROR(2),
    /** The check did not complete: a rule threw or looped, the time limit passed, or factlint itself failed. Never 0. */
    INTERNAL_ERROR(3);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
