package io.factlint.report;

import io.factlint.check.CheckOutcome;
import io.factlint.model.CheckResult;
import io.factlint.model.Severity;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Renders fixtures in tests. */
final class Render {
    static final Gated FAIL_ON_ERROR = new Gated("0.1.0", Severity.ERROR, null, false);
    static final Gated FAIL_ON_WARNING = new Gated("0.1.0", Severity.WARNING, null, false);
    static final Gated NEVER = new Gated("0.1.0", null, null, false);
    static final Gated NEW_ON_WARNING = new Gated("0.1.0", Severity.WARNING, null, true);
    static final Gated NEW_ON_INFO = new Gated("0.1.0", Severity.INFO, null, true);
    static final Gated STAMPED = new Gated("0.1.0", Severity.ERROR, Instant.parse("2024-12-28T09:30:00Z"), false);

    /** A gate ({@code --fail-on}, {@code --fail-on-new}) and the report options, as the CLI passes them. */
    record Gated(String version, Severity failOn, Instant timestamp, boolean onlyNew) {
        Gated(String version, Severity failOn, Instant timestamp) {
            this(version, failOn, timestamp, false);
        }

        CheckOutcome outcome(CheckResult r) {
            return CheckOutcome.of(r, failOn, onlyNew);
        }

        ReportOptions options() {
            return new ReportOptions(version, timestamp);
        }

        void write(ReportWriter w, CheckResult r, OutputStream out) throws IOException {
            w.write(outcome(r), options(), out);
        }
    }

    private Render() {
    }

    static byte[] bytes(ReportWriter w, CheckResult r, Gated o) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            o.write(w, r, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static String text(ReportWriter w, CheckResult r, Gated o) {
        return new String(bytes(w, r, o), StandardCharsets.UTF_8);
    }
}
