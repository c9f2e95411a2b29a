package io.factlint.report;

import io.factlint.model.Severity;

/**
 * What a writer needs besides the result: the tool version, the {@code --fail-on} level (null: never) and the
 * report time (null unless {@code SOURCE_DATE_EPOCH} is set: reports carry no timestamp by default).
 */
public record ReportOptions(String toolVersion, Severity failOn, java.time.Instant timestamp) {
}
