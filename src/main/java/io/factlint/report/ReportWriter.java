package io.factlint.report;

import io.factlint.check.CheckOutcome;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Renders a check outcome in one format. Writers do no other I/O and hold no state; they read the pass/fail
 * answer and the story count from the outcome ({@link CheckOutcome#gate()}, {@link CheckOutcome#stories()}) and
 * never compute their own.
 */
public interface ReportWriter {
    Format format();

    void write(CheckOutcome outcome, ReportOptions options, OutputStream out) throws IOException;
}
