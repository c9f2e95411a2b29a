package io.factlint.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code factlint test} on the project's own rule cases, and on deliberately wrong ones. */
class TestCommandTest {
    static final Path RULE_CASES = Path.of("src/test/resources/rule-cases");

    /** The number of rule ids: the entries of the rule catalogue. */
    static int ruleCount() {
        try {
            return new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree(Path.of("rules/catalogue.yaml").toFile())
                    .get("rules").size();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The number of rule cases: the folders under {@link #RULE_CASES} with an expected.json. */
    static long caseCount() {
        try (var s = Files.walk(RULE_CASES)) {
            return s.filter(p -> p.getFileName().toString().equals("expected.json")).count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @TempDir
    Path tmp;

    @Test
    void theDefaultPacksCasesAllPassAndEveryRuleFires() {
        CliRun r = CliRun.run("test", RULE_CASES.toString(), "--coverage");
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("ok   status.changed/fires\n").contains("ok   status.changed/clean\n")
                .contains("ok   value.disagreement/fires\n")
                .contains("coverage: " + ruleCount() + " of " + ruleCount() + " rules fire in at least one case\n")
                .endsWith(caseCount() + " passed, 0 failed\n");
        assertThat(r.out().lines().filter(l -> l.startsWith("ok   ")).count()).isEqualTo(caseCount());
    }

    @Test
    void theConformanceCasesPassToo() {
        CliRun r = CliRun.run("test", "src/test/resources/conformance");
        assertThat(r.code()).as(r.out()).isZero();
        assertThat(r.out()).contains("ok   c01-status-changed\n").endsWith("13 passed, 0 failed\n");
    }

    @Test
    void aWrongCaseFailsWithTheDifferences() throws Exception {
        Path cases = tmp.resolve("cases");
        CliRun.copy(RULE_CASES.resolve("status.changed"), cases.resolve("status.changed"));
        Path expected = cases.resolve("status.changed/fires/expected.json");
        // expect a change that does not happen, and forget one that does
        Files.writeString(expected, Files.readString(expected).replace("\"s#f3\"", "\"s#f9\""));
        CliRun r = CliRun.run("test", cases.toString(), "--coverage");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("ok   status.changed/clean\n")
                .contains("FAIL status.changed/fires\n")
                .contains("       missing status.changed p [s#f9, s#f4]\n")
                .contains("       unexpected warning status.changed p [s#f3, s#f4]\n")
                .contains("coverage: 1 of " + ruleCount() + " rules fire in at least one case; no case makes these fire: certainty.unconfirmed, "
                        + "claim.contradicted, claim.undetermined")
                .endsWith("1 passed, 1 failed\n");
    }

    @Test
    void aCaseWithBrokenFactsOrExpectationsFails() throws Exception {
        Path c = tmp.resolve("broken");
        Files.createDirectories(c.resolve("facts"));
        Files.writeString(c.resolve("facts/story.json"), "{\"facts\": [}");
        Files.writeString(c.resolve("expected.json"), "{\"exit\": 0}");
        Path d = tmp.resolve("typo");
        Files.createDirectories(d.resolve("facts"));
        Files.writeString(d.resolve("facts/story.json"), "{}");
        Files.writeString(d.resolve("expected.json"), "{\"findngs\": []}");
        CliRun r = CliRun.run("test", tmp.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("FAIL broken\n       exit 2, want 0 (").contains("FAIL typo\n       expected.json: ")
                .endsWith("0 passed, 2 failed\n");
    }

    @Test
    void noCasesOrNoFolderIsBadUsage() {
        assertThat(CliRun.run("test", tmp.resolve("none").toString()).code()).isEqualTo(2);
        CliRun empty = CliRun.run("test", tmp.toString());
        assertThat(empty.code()).isEqualTo(2);
        assertThat(empty.err()).contains("no test cases");
    }
}
