package io.factlint.report;

import io.factlint.model.CheckResult;

import java.io.IOException;
import java.io.OutputStream;

/** Renders a check result in one format. Writers do no other I/O and hold no state. */
public interface ReportWriter {
    Format format();

    void write(CheckResult result, ReportOptions options, OutputStream out) throws IOException;
}
