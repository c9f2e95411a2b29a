package io.factlint.report;

import io.factlint.model.CheckResult;
import io.factlint.model.ClaimVerdict;
import io.factlint.model.Finding;
import io.factlint.model.Severity;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Compiler-style console output: one line per finding ({@code file:line:col: severity [rule.id] message}), one
 * line per claim with its verdicts, then a summary line.
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
            w.print(f.location() + ": " + f.severity().id() + " [" + f.rule() + "] " + oneLine(f.message()) + "\n");
        }
        for (ClaimVerdict v : r.verdicts()) {
            w.print(v.claim().location() + ": claim " + v.claim().getRef() + " " + v.verdict().id()
                    + (v.strictVerdict() != v.verdict() ? " (strict reading: " + v.strictVerdict().id() + ")" : "")
                    + ": \"" + oneLine(v.claim().text()) + "\": " + oneLine(v.reason()) + "\n");
        }
        w.print(summary(r, o) + "\n");
        w.flush();
    }

    /** {@code 1 story, 12 facts, 2 claims: 0 errors, 1 warning, 2 infos; passed (--fail-on error)}. */
    public static String summary(CheckResult r, ReportOptions o) {
        long stories = r.facts().articleCount();
        return plural(stories, "story", "stories") + ", " + plural(r.facts().facts().size(), "fact", "facts") + ", "
                + plural(r.facts().claims().size(), "claim", "claims") + ": "
                + plural(r.count(Severity.ERROR), "error", "errors") + ", "
                + plural(r.count(Severity.WARNING), "warning", "warnings") + ", "
                + plural(r.count(Severity.INFO), "info", "infos") + "; "
                + (r.passes(o.failOn()) ? "passed" : "failed") + " (--fail-on " + (o.failOn() == null ? "never" : o.failOn().id()) + ")";
    }

    private static String plural(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    /** Text from fact files may hold line breaks and control characters: keep each report line one line. */
    static String oneLine(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            if (c == '\n' || c == '\r' || c == '\t') b.append(' ');
            else if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) b.append(String.format("\\u%04x", c));
            else b.appendCodePoint(c);
        });
        return b.toString();
    }
}
