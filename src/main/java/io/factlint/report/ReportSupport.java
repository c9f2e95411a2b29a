package io.factlint.report;

import io.factlint.model.BaselineComparison;
import io.factlint.model.BaselineState;
import io.factlint.model.CheckResult;
import io.factlint.model.Fact;
import io.factlint.model.FactBase;
import io.factlint.model.Severity;
import io.factlint.model.Waiver;


/** What several writers need: counts and fact lines in words, XML-safe and well-formed text. */
public final class ReportSupport {
    private ReportSupport() {
    }

    /** The waiver of a finding in one line: {@code until 2025-03-31 by J. Editor: reason (facts/waivers.yaml:2:5)}. */
    public static String waiverLine(Waiver w) {
        return "until " + w.expires() + " by " + w.author() + ": " + w.reason() + " (" + w.location() + ")";
    }

    /** {@code 2 errors, 1 warning, 0 infos}, then {@code (1 waived)} when a waiver applies. */
    public static String countsWithWaived(CheckResult result) {
        return counts(result) + (result.countWaived() > 0 ? " (" + result.countWaived() + " waived)" : "");
    }

    /** {@code 3 new, 2 unchanged, 1 fixed} against the baseline, or null without one. */
    public static String baselineCounts(CheckResult result) {
        BaselineComparison b = result.baseline();
        if (b == null) return null;
        return result.count(BaselineState.NEW) + " new, " + result.count(BaselineState.UNCHANGED) + " unchanged, "
                + b.fixed().size() + " fixed";
    }

    /** A count with its noun: {@code 1 error}, {@code 2 errors}, {@code 0 infos}. */
    public static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** {@code 2 errors, 1 warning, 0 infos}. */
    public static String counts(CheckResult result) {
        return plural(result.count(Severity.ERROR), "error") + ", " + plural(result.count(Severity.WARNING), "warning")
                + ", " + plural(result.count(Severity.INFO), "info");
    }

    /**
     * One fact on one line, for plain-text reports: {@code story#f2 facts/x.json:28:7: soldier-1 status = captured on
     * 26 Dec 2024; source: NIS (agency), confirmed; quote: "..."}.
     */
    public static String factLine(Fact f, FactBase facts) {
        StringBuilder b = new StringBuilder(f.getRef());
        if (f.getLocation() != null) b.append(' ').append(f.getLocation());
        b.append(": ").append(facts.entityName(f.getSubject())).append(' ').append(f.getAttribute()).append(" = ")
                .append(f.valueWords());
        if (f.getAt() != null) b.append(" on ").append(f.getAt().display());
        b.append("; source: ").append(facts.sourceName(f.getSource()));
        io.factlint.model.Source src = facts.sources().get(f.getSource());
        if (src != null && src.kind() != null) b.append(" (").append(src.kind().id()).append(')');
        if (f.getCertainty() != null) b.append(", ").append(f.getCertainty().id());
        if (f.getQuote() != null && !f.getQuote().isEmpty()) b.append("; quote: \"").append(f.getQuote()).append('"');
        return b.toString();
    }

    /**
     * The text with every character that XML 1.0 cannot carry (C0 controls other than tab, LF and CR; lone
     * surrogates; U+FFFE and U+FFFF) written as the six characters {@code \\uXXXX}, so a reader still sees which.
     */
    public static String xmlSafe(String s) {
        if (s == null) return null;
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok;
            if (Character.isHighSurrogate(c)) {
                ok = i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
                if (ok) {
                    if (b != null) b.append(c).append(s.charAt(i + 1));
                    i++;
                    continue;
                }
            } else if (Character.isLowSurrogate(c)) {
                ok = false;
            } else {
                ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xFFFD);
            }
            if (ok) {
                if (b != null) b.append(c);
            } else {
                if (b == null) b = new StringBuilder(s.length() + 16).append(s, 0, i);
                b.append(String.format(java.util.Locale.ROOT, "\\u%04X", (int) c));
            }
        }
        return b == null ? s : b.toString();
    }

    /** The text with lone surrogates (which no UTF-8 encoder can write) replaced by U+FFFD. */
    public static String wellFormed(String s) {
        if (s == null) return null;
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
            boolean lone = !pair && Character.isSurrogate(c);
            if (lone && b == null) b = new StringBuilder(s).delete(i, s.length());
            if (b != null) {
                if (lone) b.append('\uFFFD');
                else if (pair) b.append(c).append(s.charAt(i + 1));
                else b.append(c);
            }
            if (pair) i++;
        }
        return b == null ? s : b.toString();
    }
}
