package io.factlint.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code factlint test} on the project's own rule cases, and on deliberately wrong ones. */
class TestCommandTest {
    static final Path RULE_CASES = Path.of("src/test/resources/rule-cases");

    @TempDir
    Path tmp;

    @Test
    void theDefaultPacksCasesAllPassAndEveryRuleFires() throws Exception {
        int cases = io.factlint.ruletest.RuleCases.find(RULE_CASES).size();
        int rules = io.factlint.testing.DefaultPack.get().catalogue().entries().size();
        CliRun r = CliRun.run("test", RULE_CASES.toString(), "--coverage");
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("ok   status.changed/fires\n").contains("ok   status.changed/clean\n")
                .contains("ok   value.disagreement/fires\n")
                .contains("coverage: " + rules + " of " + rules + " rules fire in at least one case\n")
                .contains("ok   claims/change-since/fires\n").contains("ok   figures/expr/clean\n")
                .endsWith(cases + " passed, 0 failed\n");
        assertThat(r.out().lines().filter(l -> l.startsWith("ok   ")).count()).isEqualTo(cases);
    }

    @Test
    void theConformanceCasesPassToo() {
        CliRun r = CliRun.run("test", "src/test/resources/conformance");
        assertThat(r.code()).as(r.out()).isZero();
        assertThat(r.out()).contains("ok   c01-status-changed\n").endsWith("13 passed, 0 failed\n");
    }

    @Test
    void aWrongCaseFailsWithTheExactDifferences() throws Exception {
        Path cases = tmp.resolve("cases");
        CliRun.copy(RULE_CASES.resolve("status.changed"), cases.resolve("status.changed"));
        Path expected = cases.resolve("status.changed/fires/expected.txt");
        String right = Files.readString(expected);
        String line = right.lines().filter(l -> l.contains("to released")).findFirst().orElseThrow();
        // expect a wording the rule does not give
        Files.writeString(expected, right.replace(line, line.replace("is out of date", "is stale")));
        CliRun r = CliRun.run("test", cases.toString(), "--coverage");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("ok   status.changed/clean\n")
                .contains("FAIL status.changed/fires\n"
                        + "       expected.txt differs (- expected, + actual; factlint test --update rewrites it):\n")
                .contains("\n       - " + line.replace("is out of date", "is stale") + "\n       + " + line + "\n")
                .contains("coverage: 3 of " + io.factlint.testing.DefaultPack.get().rules().size() + " rules fire in at least one case; no case makes these fire: certainty.unconfirmed, "
                        + "claim.contradicted, claim.undetermined")
                .endsWith("1 passed, 1 failed\n");

        // --update rewrites the expectation (header kept) to what the rule gives, and the case passes
        CliRun u = CliRun.run("test", cases.toString(), "--update");
        assertThat(u.code()).as(u.out()).isZero();
        assertThat(u.out()).startsWith("updated " + expected + "\n").endsWith("2 passed, 0 failed\n");
        assertThat(Files.readString(expected)).isEqualTo(right);
    }

    @Test
    void aCleanHeaderThatNamesARuleTheCaseReportsOrNoRuleFails() throws Exception {
        // the same check as the project's own RuleCasesTest: a case named clean for a rule must not report it
        Path cases = tmp.resolve("cases");
        CliRun.copy(RULE_CASES.resolve("status.changed/fires"), cases.resolve("fires"));
        Path expected = cases.resolve("fires/expected.txt");
        Files.writeString(expected, "# clean: status.changed, status.chaged\n" + Files.readString(expected));
        CliRun r = CliRun.run("test", cases.toString());
        assertThat(r.code()).as(r.out()).isEqualTo(1);
        assertThat(r.out()).contains("FAIL fires\n")
                .contains("       # clean: names status.changed as silent, but the case reports it\n")
                .contains("       # clean: names status.chaged, which is no rule of the pack\n")
                .doesNotContain("expected.txt differs").endsWith("0 passed, 1 failed\n");
    }

    @Test
    void updateRewritesCasesWithTheirOwnVocabularyAndCasesThatAreInputErrors() throws Exception {
        // declared-measure: fires and clean carry a vocabulary/ folder, undeclared expects an input error
        Path cases = tmp.resolve("cases");
        CliRun.copy(RULE_CASES.resolve("claims/declared-measure"), cases.resolve("declared-measure"));
        java.util.Map<Path, String> right = new java.util.TreeMap<>();
        for (String c : new String[]{"fires", "clean", "undeclared"}) {
            Path expected = cases.resolve("declared-measure").resolve(c).resolve("expected.txt");
            String text = Files.readString(expected);
            right.put(expected, text);
            // keep the header, drop the lines: --update must give them back
            Files.writeString(expected, String.join("\n", text.lines().takeWhile(l -> l.startsWith("#")).toList()) + "\n");
        }
        CliRun u = CliRun.run("test", cases.toString(), "--update");
        assertThat(u.code()).as(u.out() + u.err()).isZero();
        assertThat(u.out()).endsWith("3 passed, 0 failed\n");
        for (var e : right.entrySet()) assertThat(Files.readString(e.getKey())).as(e.getKey().toString()).isEqualTo(e.getValue());
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
        assertThat(empty.err()).contains("no test cases", "expected.txt or expected.json", "create an empty expected.txt");
    }

    /** Several DIRs: each case named by its folder as given, a case found under two of them run once, a missing one exit 2. */
    @Test
    void severalFoldersRunTogetherAndACaseFoundTwiceRunsOnce() {
        String window = RULE_CASES.resolve("claims/window").toString();
        String dates = RULE_CASES.resolve("date.after_publication").toString();
        String clean = RULE_CASES.resolve("date.after_publication/clean").toAbsolutePath().toString(); // the same case, spelt otherwise
        CliRun r = CliRun.run("test", window, dates, clean);
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).isEqualTo("ok   " + window + "/clean\n" + "ok   " + window + "/fires\n"
                + "ok   " + dates + "/clean\n" + "ok   " + dates + "/fires\n" + "ok   " + dates + "/fires-window\n"
                + "5 passed, 0 failed\n");
        CliRun missing = CliRun.run("test", window, tmp.resolve("none").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("none: no such folder of rule test cases");
        assertThat(missing.out()).doesNotContain("passed");
    }
}
