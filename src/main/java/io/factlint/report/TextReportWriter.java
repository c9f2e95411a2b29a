package io.factlint.report;

import io.factlint.check.CheckOutcome;
import io.factlint.check.Gate;
import io.factlint.model.BaselineState;
import io.factlint.model.CheckResult;
import io.factlint.model.ClaimVerdict;
import io.factlint.model.Finding;
import io.factlint.model.SafeText;
import io.factlint.model.FixedFinding;
import io.factlint.model.Severity;
import io.factlint.model.Waiver;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Compiler-style console output: one line per finding ({@code file:line:col: severity [rule.id] message}), one
 * line per claim with its verdicts, then a summary line. A waived finding's line ends with
 * {@code (waived until DATE by AUTHOR: reason; waivers-file:line:col)}, a new one (against a baseline) with
 * {@code (new)}; the baseline's findings that are gone follow as {@code file:line:col: fixed severity [rule] ...}.
 */
public final class TextReportWriter implements ReportWriter {

    @Override
    public Format format() {
        return Format.TEXT;
    }

    @Override
    public void write(CheckOutcome outcome, ReportOptions o, OutputStream out) throws IOException {
        CheckResult r = outcome.result();
        PrintWriter w = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        for (Finding f : r.findings()) {
            w.print(SafeText.lineStart(String.valueOf(f.location())) + ": " + f.severity().id() + " [" + oneLine(f.rule()) + "] " + oneLine(f.message()) + marks(f) + "\n");
        }
        if (r.baseline() != null) {
            for (FixedFinding f : r.baseline().fixed()) {
                w.print(SafeText.lineStart(String.valueOf(f.location())) + ": fixed " + f.severity().id() + " [" + oneLine(f.rule()) + "] " + oneLine(f.message())
                        + " (in the baseline " + oneLine(r.baseline().file()) + ", gone now)\n");
            }
        }
        for (ClaimVerdict v : r.verdicts()) {
            // file names come from the file system and may hold line breaks too: one report line per finding
            w.print(SafeText.lineStart(String.valueOf(v.claim().location())) + ": claim " + oneLine(v.claim().getRef()) + " " + v.verdict().id()
                    + (v.strictVerdict() != v.verdict() ? " (strict reading: " + v.strictVerdict().id() + ")" : "")
                    + (v.claim().text() == null ? "" : ": \"" + oneLine(v.claim().text()) + "\"") + ": " + oneLine(v.reason()) + "\n");
        }
        w.print(summary(outcome) + "\n");
        w.flush();
    }

    /** What the review adds to a finding's line: {@code (new)}, {@code (waived until ...: reason)}. */
    static String marks(Finding f) {
        StringBuilder b = new StringBuilder();
        if (f.review().baseline() == BaselineState.NEW) b.append(" (new)");
        Waiver w = f.review().waiver();
        if (w != null) {
            b.append(" (waived until ").append(w.expires()).append(" by ").append(oneLine(w.author())).append(": ")
                    .append(oneLine(w.reason())).append("; ").append(oneLine(String.valueOf(w.location()))).append(")");
        }
        return b.toString();
    }

    /** {@code 1 story, 12 facts, 2 claims: 0 errors, 1 warning, 2 infos; passed (--fail-on error)}. */
    public static String summary(CheckOutcome outcome) {
        CheckResult r = outcome.result();
        Gate g = outcome.gate();
        long stories = outcome.stories();
        return plural(stories, "story", "stories") + ", " + plural(r.facts().facts().size(), "fact", "facts") + ", "
                + plural(r.facts().claims().size(), "claim", "claims") + ": "
                + plural(r.count(Severity.ERROR), "error", "errors") + ", "
                + plural(r.count(Severity.WARNING), "warning", "warnings") + ", "
                + plural(r.count(Severity.INFO), "info", "infos")
                + (r.countWaived() > 0 ? " (" + r.countWaived() + " waived)" : "")
                + (r.baseline() == null ? "" : "; against the baseline: " + r.count(BaselineState.NEW) + " new, "
                + r.count(BaselineState.UNCHANGED) + " unchanged, " + r.baseline().fixed().size() + " fixed")
                + "; " + (g.passed() ? "passed" : "failed") + " (--fail-on " + g.failOnLabel()
                + (g.failOnNew() ? ", new findings only" : "") + ")";
    }

    private static String plural(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    /** Text from fact files may hold line breaks and control characters: keep each report line one line ({@link SafeText#oneLine}). */
    static String oneLine(String s) {
        return SafeText.oneLine(s);
    }
}
