package io.factlint.report;

import io.factlint.model.BaselineState;
import io.factlint.model.CheckResult;
import io.factlint.model.ClaimVerdict;
import io.factlint.model.Finding;
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
    public void write(CheckResult r, ReportOptions o, OutputStream out) throws IOException {
        PrintWriter w = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        for (Finding f : r.findings()) {
            w.print(oneLine(String.valueOf(f.location())) + ": " + f.severity().id() + " [" + oneLine(f.rule()) + "] " + oneLine(f.message()) + marks(f) + "\n");
        }
        if (r.baseline() != null) {
            for (FixedFinding f : r.baseline().fixed()) {
                w.print(oneLine(String.valueOf(f.location())) + ": fixed " + f.severity().id() + " [" + oneLine(f.rule()) + "] " + oneLine(f.message())
                        + " (in the baseline " + r.baseline().file() + ", gone now)\n");
            }
        }
        for (ClaimVerdict v : r.verdicts()) {
            // file names come from the file system and may hold line breaks too: one report line per finding
            w.print(oneLine(String.valueOf(v.claim().location())) + ": claim " + oneLine(v.claim().getRef()) + " " + v.verdict().id()
                    + (v.strictVerdict() != v.verdict() ? " (strict reading: " + v.strictVerdict().id() + ")" : "")
                    + ": \"" + oneLine(v.claim().text()) + "\": " + oneLine(v.reason()) + "\n");
        }
        w.print(summary(r, o) + "\n");
        w.flush();
    }

    /** What the review adds to a finding's line: {@code (new)}, {@code (waived until ...: reason)}. */
    static String marks(Finding f) {
        StringBuilder b = new StringBuilder();
        if (f.review().baseline() == BaselineState.NEW) b.append(" (new)");
        Waiver w = f.review().waiver();
        if (w != null) {
            b.append(" (waived until ").append(w.expires()).append(" by ").append(oneLine(w.author())).append(": ")
                    .append(oneLine(w.reason())).append("; ").append(w.location()).append(")");
        }
        return b.toString();
    }

    /** {@code 1 story, 12 facts, 2 claims: 0 errors, 1 warning, 2 infos; passed (--fail-on error)}. */
    public static String summary(CheckResult r, ReportOptions o) {
        long stories = r.facts().articleCount();
        return plural(stories, "story", "stories") + ", " + plural(r.facts().facts().size(), "fact", "facts") + ", "
                + plural(r.facts().claims().size(), "claim", "claims") + ": "
                + plural(r.count(Severity.ERROR), "error", "errors") + ", "
                + plural(r.count(Severity.WARNING), "warning", "warnings") + ", "
                + plural(r.count(Severity.INFO), "info", "infos")
                + (r.countWaived() > 0 ? " (" + r.countWaived() + " waived)" : "")
                + (r.baseline() == null ? "" : "; against the baseline: " + r.count(BaselineState.NEW) + " new, "
                + r.count(BaselineState.UNCHANGED) + " unchanged, " + r.baseline().fixed().size() + " fixed")
                + "; " + (o.passed(r) ? "passed" : "failed") + " (--fail-on " + (o.failOn() == null ? "never" : o.failOn().id())
                + (o.failOnNew() ? ", new findings only" : "") + ")";
    }

    private static String plural(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    /**
     * The bidirectional controls (U+202A..U+202E embeddings and overrides, U+2066..U+2069 isolates, U+200E/U+200F
     * marks, U+061C): raw, they reorder what a reader sees ("Trojan Source"), so reports show them escaped.
     */
    static boolean bidi(int c) {
        return c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069 || c == 0x200E || c == 0x200F || c == 0x061C;
    }

    /** Text from fact files may hold line breaks and control characters: keep each report line one line. */
    static String oneLine(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            if (c == '\n' || c == '\r' || c == '\t') b.append(' ');
            else if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029 || bidi(c)) b.append(String.format("\\u%04x", c));
            else b.appendCodePoint(c);
        });
        return b.toString();
    }
}
