package io.factlint.report;

import io.factlint.check.CheckOutcome;
import io.factlint.model.BaselineState;
import io.factlint.model.Finding;
import io.factlint.model.Location;
import io.factlint.model.SafeText;
import io.factlint.model.Waiver;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * GitHub Actions workflow commands, one line per finding, which GitHub shows as annotations on the fact files:
 * {@code ::error file=facts/x.json,line=14,col=7,title=[status.stale]::message} ({@code warning} and
 * {@code notice} for the lower severities). Values are escaped as the runner expects: in the message {@code %},
 * CR and LF; in properties also {@code :} and {@code ,}; other control characters as {@code \\uXXXX}.
 *
 * <p>A waived finding is a {@code ::notice} whose message starts {@code waived:} and ends with the waiver (until,
 * by, reason, where it is written); a new finding's message ends with {@code (new)}. The baseline's fixed findings
 * are not annotated: there is nothing left in the files to point at.
 */
public final class GithubReportWriter implements ReportWriter {

    @Override
    public Format format() {
        return Format.GITHUB;
    }

    @Override
    public void write(CheckOutcome outcome, ReportOptions options, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        for (Finding f : outcome.result().findings()) {
            w.write(line(f));
            w.write('\n');
        }
        w.flush();
    }

    static String line(Finding f) {
        StringBuilder b = new StringBuilder("::").append(command(f)).append(' ');
        Location l = f.location();
        if (l != null) {
            b.append("file=").append(property(l.file())).append(',');
            if (l.line() > 0) {
                b.append("line=").append(l.line()).append(',');
                if (l.column() > 0) b.append("col=").append(l.column()).append(',');
            }
        }
        b.append("title=").append(property("[" + f.rule() + "]"));
        b.append("::").append(data(message(f)));
        return b.toString();
    }

    /**
     * The annotation's text: a waived finding's is {@code waived: message (until DATE by AUTHOR: reason; file:line:col)};
     * a new finding's (against a baseline) ends with {@code (new)}.
     */
    private static String message(Finding f) {
        Waiver w = f.review().waiver();
        String m = w == null ? f.message() : "waived: " + f.message() + " (until " + w.expires() + " by " + w.author()
                + ": " + w.reason() + "; " + w.location() + ")";
        return f.review().baseline() == BaselineState.NEW ? m + " (new)" : m;
    }

    /** A waived finding is a notice whatever its severity: it asks for no action. */
    private static String command(Finding f) {
        if (f.waived()) return "notice";
        return switch (f.severity()) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "notice";
        };
    }

    /**
     * A command's message: {@code %} → {@code %25}, CR → {@code %0D}, LF → {@code %0A}; every other control
     * character (BEL, BS, ESC, DEL, U+0085, U+009B ...) as {@code \\uXXXX} ({@link SafeText#escape}), so none
     * reaches the workflow log raw.
     */
    static String data(String s) {
        if (s == null) return "";
        return SafeText.escape(ReportSupport.wellFormed(s).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"));
    }

    /** A command's property value: as {@link #data}, and {@code :} → {@code %3A}, {@code ,} → {@code %2C}. */
    static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
