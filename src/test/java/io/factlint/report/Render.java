package io.factlint.report;

import io.factlint.model.CheckResult;
import io.factlint.model.Severity;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Renders fixtures in tests. */
final class Render {
    static final ReportOptions FAIL_ON_ERROR = new ReportOptions("0.1.0", Severity.ERROR, null);
    static final ReportOptions FAIL_ON_WARNING = new ReportOptions("0.1.0", Severity.WARNING, null);
    static final ReportOptions NEVER = new ReportOptions("0.1.0", null, null);
    static final ReportOptions NEW_ON_WARNING = new ReportOptions("0.1.0", Severity.WARNING, null, true);
    static final ReportOptions NEW_ON_INFO = new ReportOptions("0.1.0", Severity.INFO, null, true);
    static final ReportOptions STAMPED = new ReportOptions("0.1.0", Severity.ERROR, Instant.parse("2024-12-28T09:30:00Z"));

    private Render() {
    }

    static byte[] bytes(ReportWriter w, CheckResult r, ReportOptions o) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            w.write(r, o, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static String text(ReportWriter w, CheckResult r, ReportOptions o) {
        return new String(bytes(w, r, o), StandardCharsets.UTF_8);
    }
}
