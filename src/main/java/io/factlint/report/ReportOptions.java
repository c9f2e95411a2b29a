package io.factlint.report;

/**
 * What a writer needs besides the {@link io.factlint.check.CheckOutcome}: the tool version and the report time
 * (null unless {@code SOURCE_DATE_EPOCH} is set: reports carry no timestamp by default). The gate and the story
 * count are the outcome's.
 */
public record ReportOptions(String toolVersion, java.time.Instant timestamp) {
}
