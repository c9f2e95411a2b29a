package io.factlint.report;

import io.factlint.check.CheckOutcome;
import io.factlint.check.Gate;
import io.factlint.model.BaselineState;
import io.factlint.model.CheckResult;
import io.factlint.model.ClaimVerdict;
import io.factlint.model.FactBase;
import io.factlint.model.Figure;
import io.factlint.model.Finding;
import io.factlint.model.FixedFinding;
import io.factlint.model.Story;
import io.factlint.model.Waiver;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A GitHub-flavoured Markdown summary for a pull-request comment: the verdict, the counts, a table of findings
 * (location, rule, message), the claims with their verdicts and the derived figures. Every text from a fact file
 * is escaped so that it renders as the same text: no table cell can be split by {@code |}, no code span opened,
 * no HTML or link injected.
 *
 * <p>Reviews: a finding that fails the gate is marked ❌ (a waived one never is); a waived finding is marked
 * "💤 waived" with its waiver under the message; a new one (against a baseline) "🆕 new"; with a baseline a
 * "Fixed since the baseline" section lists the baseline's findings that are gone.
 */
public final class MarkdownReportWriter implements ReportWriter {
    private static final Pattern SAFE_CODE = Pattern.compile("[A-Za-z0-9._:/#@+\\- ]+");

    @Override
    public Format format() {
        return Format.MARKDOWN;
    }

    @Override
    public void write(CheckOutcome outcome, ReportOptions options, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write(render(outcome, options));
        w.flush();
    }

    static String render(CheckOutcome outcome, ReportOptions options) {
        CheckResult result = outcome.result();
        Gate gate = outcome.gate();
        FactBase fb = result.facts();
        boolean passed = gate.passed();
        StringBuilder b = new StringBuilder();
        b.append("## factlint: ").append(passed ? "✅ PASS" : "❌ FAIL").append("\n\n");
        b.append("Checked ").append(ReportSupport.plural(outcome.stories(), "story").replace("storys", "stories"))
                .append(" and ").append(ReportSupport.plural(fb.facts().size(), "fact"))
                .append(" with `--fail-on ").append(gate.failOnLabel()).append("`")
                .append(gate.failOnNew() ? " (new findings only)" : "").append(": ")
                .append(ReportSupport.countsWithWaived(result)).append(".");
        if (result.baseline() != null) {
            b.append(" Against the baseline ").append(code(result.baseline().file())).append(": ")
                    .append(ReportSupport.baselineCounts(result)).append('.');
        }
        b.append('\n');
        if (!fb.stories().isEmpty()) {
            b.append('\n');
            for (Story s : fb.stories()) {
                b.append("- ").append(code(s.id()));
                if (s.headline() != null) b.append(": ").append(escapeText(s.headline()));
                if (s.published() != null) b.append(" (published ").append(escapeText(s.published().display())).append(')');
                b.append('\n');
            }
        }

        b.append("\n### Findings\n\n");
        if (result.findings().isEmpty()) {
            b.append("No findings.\n");
        } else {
            b.append("| Severity | Location | Rule | Message |\n| --- | --- | --- | --- |\n");
            for (Finding f : result.findings()) {
                b.append("| ").append(f.severity().id()).append(gate.counts(f) ? " ❌" : "")
                        .append(f.review().baseline() == BaselineState.NEW ? " 🆕 new" : "")
                        .append(f.waived() ? " 💤 waived" : "")
                        .append(" | ").append(f.location() == null ? "" : escapeText(f.location().toString()))
                        .append(" | ").append(code(f.rule()))
                        .append(" | ").append(escapeText(f.message()));
                Waiver w = f.review().waiver();
                if (w != null) b.append("<br>**Waived** ").append(escapeText(ReportSupport.waiverLine(w)));
                b.append(" |\n");
            }
        }

        if (result.baseline() != null) {
            List<FixedFinding> fixed = result.baseline().fixed();
            b.append("\n### Fixed since the baseline\n\n");
            if (fixed.isEmpty()) {
                b.append("None: every finding of the baseline ").append(code(result.baseline().file()))
                        .append(" is still there.\n");
            } else {
                b.append("In the baseline ").append(code(result.baseline().file())).append(", gone now:\n\n")
                        .append("| Severity | Location | Rule | Message |\n| --- | --- | --- | --- |\n");
                for (FixedFinding f : fixed) {
                    b.append("| ").append(f.severity().id()).append(" ✔️ fixed")
                            .append(" | ").append(f.location() == null ? "" : escapeText(f.location().toString()))
                            .append(" | ").append(code(f.rule()))
                            .append(" | ").append(escapeText(f.message()))
                            .append(" |\n");
                }
            }
        }

        if (!result.verdicts().isEmpty()) {
            b.append("\n### Claims\n\n| Claim | Text | Verdict | Strict reading | Reason |\n| --- | --- | --- | --- | --- |\n");
            for (ClaimVerdict v : result.verdicts()) {
                b.append("| ").append(code(v.claim().getRef()))
                        .append(" | ").append(escapeText(v.claim().text()))
                        .append(" | ").append(verdict(v.verdict()))
                        .append(" | ").append(verdict(v.strictVerdict()))
                        .append(v.strictVerdict() != v.verdict() ? " (differs)" : "")
                        .append(" | ").append(v.reason() == null ? "" : escapeText(v.reason()))
                        .append(" |\n");
            }
        }

        List<Figure> derived = result.figures().stream().filter(Figure::derived).toList();
        if (!derived.isEmpty()) {
            b.append("\n### Derived figures\n\n| Entity | Figure | When | Conventional | Strict | From |\n| --- | --- | --- | --- | --- | --- |\n");
            for (Figure f : derived) {
                b.append("| ").append(escapeText(fb.entityName(f.subject())))
                        .append(" | ").append(code(f.attribute()))
                        .append(" | ").append(f.at() == null ? "" : escapeText(f.at().display()))
                        .append(" | ").append(escapeText(f.display()))
                        .append(f.arithmetic() == null ? "" : "<br>" + escapeText(f.arithmetic()))
                        .append(" | ").append(escapeText(f.strictDisplay()))
                        .append(f.strictArithmetic() == null ? "" : "<br>" + escapeText(f.strictArithmetic()))
                        .append(" | ").append(f.fromRefs().stream().map(MarkdownReportWriter::code)
                                .collect(Collectors.joining(", ")))
                        .append(" |\n");
            }
        }
        b.append("\n<sub>factlint ").append(escapeText(options.toolVersion() == null ? "" : options.toolVersion()));
        if (options.timestamp() != null) b.append(", ").append(options.timestamp());
        b.append("</sub>\n");
        return b.toString();
    }

    private static String verdict(io.factlint.model.Verdict v) {
        if (v == null) return "undetermined";
        return switch (v) {
            case SUPPORTED -> "✅ supported";
            case CONTRADICTED -> "❌ contradicted";
            case UNDETERMINED -> "❔ undetermined";
        };
    }

    /** An identifier as a code span when it is plainly safe in one, else as escaped text. */
    static String code(String s) {
        if (s == null) return "";
        return SAFE_CODE.matcher(s).matches() ? "`" + s + "`" : escapeText(s);
    }

    /**
     * Text that renders as itself in a GitHub Markdown table cell or list item (never at the start of a line):
     * the inline punctuation {@code \\ | ` * _ [ ] ~ $} is backslash-escaped, {@code < > &} become entities (no HTML), line breaks and control characters become
     * spaces or U+FFFD, so the text stays on its line. Nothing becomes a link, an image or a mention where GitHub
     * renders it (cmark-gfm with its autolink extension, then GitHub's mentions): {@code :} before {@code /} is
     * escaped ({@code https\\://}: no URL autolink), as is the {@code .} after {@code www}; a word joiner (U+2060)
     * follows every {@code @}, which stops e-mail autolinks and {@code @user}/{@code @org/team} mentions; bidi
     * controls are shown as {@code \\uXXXX}.
     */
    public static String escapeText(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length() + 16);
        String t = ReportSupport.wellFormed(s);
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            switch (c) {
                case '\\', '|', '`', '*', '_', '[', ']', '~', '$' ->
                        b.append('\\').append(c);
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '\r' -> {
                    if (i + 1 < t.length() && t.charAt(i + 1) == '\n') i++;
                    b.append(' ');
                }
                case '\n', '\t', '\u2028', '\u2029', '\u0085' -> b.append(' ');
                case ':' -> b.append(i + 1 < t.length() && t.charAt(i + 1) == '/' ? "\\:" : ":");
                case '.' -> b.append(i >= 3 && t.regionMatches(true, i - 3, "www", 0, 3) ? "\\." : ".");
                case '@' -> b.append("@\u2060");
                default -> {
                    if (Character.isISOControl(c)) b.append('\uFFFD');
                    else if (io.factlint.model.SafeText.unsafe(c)) b.append(io.factlint.model.SafeText.escape(String.valueOf(c)));
                    else b.append(c);
                }
            }
        }
        return b.toString();
    }
}
