package io.factlint.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Values too large for the program are bad usage (exit 2), and a report that cannot be written says so (exit 3). */
class OverflowUsageTest {
    private static final String SEED = "facts";

    @Test
    void hugeTimeoutIsAUsageError() {
        CliRun r = CliRun.run("check", "--timeout", "9223372036854775807", SEED);
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains("--timeout").doesNotContain("internal error");
    }

    @Test
    void largestAcceptedTimeoutChecks() {
        CliRun r = CliRun.run("check", "--timeout", "31536000", SEED);
        assertThat(r.code()).as(r.err()).isZero();
    }

    @Test
    void hugeSourceDateEpochIsAUsageError() {
        CliRun r = CliRun.run(Map.of("SOURCE_DATE_EPOCH", "9223372036854775807"), "check", SEED);
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains("SOURCE_DATE_EPOCH").doesNotContain("internal error");
        CliRun negative = CliRun.run(Map.of("SOURCE_DATE_EPOCH", "-1"), "check", SEED);
        assertThat(negative.code()).as(negative.err()).isEqualTo(2);
    }

    @Test
    void unwritableReportTargetSaysCouldNotWrite(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        CliRun r = CliRun.run("check", "--format", "json", "-o", file.resolve("r.json").toString(), SEED);
        assertThat(r.code()).as(r.err()).isEqualTo(3);
        assertThat(r.err()).contains("could not write the report").doesNotContain("internal error").doesNotContain("java.nio");
        assertThat(Files.readString(file)).isEqualTo("x");
    }
}
