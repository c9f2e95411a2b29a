package io.factlint.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 10.10: usage errors name options' values as users type them, never Java names. */
class UserFacingNamesTest {
    @Test
    void aWrongFailOnLevelListsTheLevelsInLowerCase() {
        CliRun r = CliRun.run("check", "--fail-on", "bogus");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--fail-on").contains("expected one of: error, warning, info, never; found 'bogus'")
                .doesNotContain("ERROR").doesNotContain("NEVER");
    }

    @Test
    void aWrongFormatListsTheFormatsInLowerCase() {
        CliRun r = CliRun.run("check", "--format", "bogus");
        assertThat(r.code()).isEqualTo(2);
        String ids = java.util.Arrays.stream(io.factlint.report.Format.values()).map(io.factlint.report.Format::id)
                .collect(java.util.stream.Collectors.joining(", "));
        assertThat(ids).startsWith("text, json, html, junit, sarif, markdown, github");
        assertThat(r.err()).contains("expected one of: " + ids + "; found 'bogus'").doesNotContain("MARKDOWN");
    }

    @Test
    void valuesAreStillReadInAnyCase() {
        CliRun r = CliRun.run("check", "--fail-on", "Warning", "--format", "JSON", "src/test/resources/bad-input/utf8-bom");
        assertThat(r.err()).doesNotContain("Invalid value");
    }

    @Test
    void aParserLimitOutOfRangeIsNamedAsTyped() {
        CliRun r = CliRun.run("check", "--parser-limit", "depth=1");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--parser-limit depth=1: depth must be at least 8").doesNotContain("maxNestingDepth");
    }
}
