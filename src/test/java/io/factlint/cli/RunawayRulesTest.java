package io.factlint.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A check that does not complete ends with exit 3 and a message naming the rule, never 0 or 1: rules that loop,
 * run past {@code --timeout}, throw, overflow the stack, exhaust the heap, or never return; a failure after the
 * rules (writing a report); and a rule pack that does not compile ends with exit 2 and {@code file:line: message}.
 * Each test runs the real CLI on a copy of the seed story with a copy of {@code rules/} plus one bad DRL file.
 */
class RunawayRulesTest {
    private static final String HEADER = """
            package factlint.rules.bad;

            import io.factlint.model.*;

            """;

    @TempDir
    Path dir;
    Path facts;
    Path report;

    @BeforeEach
    void copyFacts() throws Exception {
        facts = dir.resolve("facts");
        CliRun.copyTree(Path.of("facts"), facts);
        report = dir.resolve("out/report.json");
        Files.createDirectories(report.getParent());
        Files.writeString(report, "{\"earlier\": true}\n");
    }

    private CliRun check(Path rules, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("check", "--rules", rules.toString(), "--format", "json",
                "-o", report.toString()));
        args.addAll(List.of(more));
        args.add(facts.toString());
        return CliRun.run(args.toArray(String[]::new));
    }

    /** Exit 3, the message names the rule, no stack trace, and the earlier report is untouched. */
    private void assertDidNotComplete(CliRun r, String rule) throws Exception {
        assertDidNotComplete(r);
        assertThat(r.err()).as(r.toString()).contains("\"" + rule + "\"");
    }

    /** Exit 3, "the check did not complete", no stack trace, and the earlier report is untouched. */
    private void assertDidNotComplete(CliRun r) throws Exception {
        assertThat(r.code()).as(r.toString()).isEqualTo(3);
        assertThat(r.err()).as(r.toString()).contains("the check did not complete");
        assertThat(r.err()).as("no stack trace without --debug").doesNotContain("\tat ");
        assertThat(Files.readString(report)).isEqualTo("{\"earlier\": true}\n");
    }

    @Test
    void theSeedStoryChecksWithTheCopiedRules() throws Exception {
        CliRun r = check(CliRun.rulesWith(dir));
        assertThat(r.code()).as(r.toString()).isIn(0, 1);
        assertThat(Files.readString(report)).contains("\"findings\"");
    }

    @Test
    void aRuleThatReinsertsFactsForeverHitsTheFiringLimit() throws Exception {
        Path rules = CliRun.rulesWith(dir, "zz-loop.drl", HEADER + """
                declare Tick
                    n : long
                end

                rule "start ticking"
                when
                    Story()
                then
                    insert(new Tick(0));
                end

                rule "tick forever"
                when
                    $t : Tick()
                then
                    insert(new Tick($t.getN() + 1));
                end
                """);
        CliRun r = check(rules);
        assertDidNotComplete(r, "tick forever");
        assertThat(r.err()).contains("fired").contains("limit");
    }

    @Test
    void aSlowRulePastTheTimeoutIsStopped() throws Exception {
        Path rules = CliRun.rulesWith(dir, "zz-slow.drl", HEADER + """
                rule "slow rule"
                when
                    Story()
                then
                    while (true) { Thread.sleep(100); }
                end
                """);
        long start = System.nanoTime();
        CliRun r = check(rules, "--timeout", "1");
        assertDidNotComplete(r, "slow rule");
        assertThat(r.err()).contains("time limit of 1 s");
        assertThat((System.nanoTime() - start) / 1_000_000).as("milliseconds").isLessThan(20_000);
    }

    @Test
    void aRuleThatThrowsAfterTheHaltStillFailsTheCheck() throws Exception {
        Path rules = CliRun.rulesWith(dir, "zz-late.drl", HEADER + """
                rule "throws after the halt"
                when
                    Story()
                then
                    Thread.sleep(1500);
                    throw new IllegalStateException("too late");
                end
                """);
        CliRun r = check(rules, "--timeout", "1");
        assertDidNotComplete(r, "throws after the halt");
    }

    @Test
    void aRuleThatGivesAClaimASecondVerdictFailsTheCheck() throws Exception {
        // which of two verdicts a report showed would depend on the order the rules fired (a status claim with a
        // window once got both its status verdict and another form's): the check names the claim and both
        Path rules = CliRun.rulesWith(dir, "zz-second-verdict.drl", HEADER + """
                import io.factlint.rules.ClaimLogic;

                rule "a second opinion"
                when
                    $c : Claim(ref == "nk-soldier-captured#headline")
                then
                    insert(ClaimLogic.finished(ClaimLogic.undetermined($c, "a second opinion")));
                end
                """);
        CliRun r = check(rules);
        assertDidNotComplete(r);
        assertThat(r.err()).as(r.toString())
                .contains("claim nk-soldier-captured#headline got two different verdicts from the rules")
                .contains("undetermined (a second opinion)").contains("supported (status of soldier-1");
    }

    @Test
    void aRuleWhoseConsequenceThrowsNamesTheRuleAndTheFact() throws Exception {
        Path rules = CliRun.rulesWith(dir, "zz-throws.drl", HEADER + """
                rule "throwing rule"
                when
                    $f : Fact(id == "f3")
                then
                    throw new IllegalStateException("boom on " + $f.getId());
                end
                """);
        CliRun r = check(rules);
        assertDidNotComplete(r, "throwing rule");
        assertThat(r.err()).contains("nk-soldier-captured#f3").contains("IllegalStateException: boom on f3")
                .contains("zz-throws.drl");
    }

    @Test
    void aStackOverflowInARuleFailsTheCheck() throws Exception {
        Path rules = CliRun.rulesWith(dir, "zz-deep.drl", HEADER + """
                function long deeper(long n) {
                    return deeper(n + 1) + 1;
                }

                rule "bottomless recursion"
                when
                    Story()
                then
                    deeper(0);
                end
                """);
        CliRun r = check(rules);
        assertDidNotComplete(r, "bottomless recursion");
        assertThat(r.err()).contains("StackOverflowError");
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT) // a child JVM: runs beside this class's other tests (pom.xml)
    void aRuleThatExhaustsTheHeapFailsTheCheck() throws Exception {
        // in a child JVM with a small heap, so that this test JVM keeps its memory; the hog alone (the default
        // rules' part is aRuleThatLoopsAfterInnocentRulesFiredIsTheOneNamed's, in this JVM)
        Path rules = CliRun.rulesOnly(dir, "zz-hog.drl", HEADER + """
                rule "memory hog"
                when
                    Story()
                then
                    java.util.List hoard = new java.util.ArrayList();
                    while (true) { hoard.add(new long[1 << 20]); }
                end
                """);
        CliRun r = CliRun.fork(List.of("-Xmx256m"), "check", "--rules", rules.toString(), "--format", "json",
                "-o", report.toString(), facts.toString());
        assertDidNotComplete(r, "memory hog");
        assertThat(r.err()).contains("OutOfMemoryError").contains("(raise the heap with FACTLINT_JAVA_OPTS=-Xmx...)");
    }

    /**
     * Three rules of the test's own, each matching what the one before inserted, so that they provably fire, one
     * after the other, before {@code rule} (whose condition is the third one's fact); the default rules fire too.
     * No salience: the time limit counts from when the session starts firing, not from the start of the check.
     */
    private static String afterInnocentRules(String rule, String consequence) {
        return HEADER + """
                declare Step
                    n : int
                end

                rule "innocent first"
                when
                    Story()
                then
                    insert(new Step(1));
                end

                rule "innocent second"
                when
                    Step(n == 1)
                then
                    insert(new Step(2));
                end

                rule "innocent third"
                when
                    Step(n == 2)
                then
                    insert(new Step(3));
                end

                rule "%s"
                when
                    Step(n == 3)
                then
                %s
                end
                """.formatted(rule, consequence);
    }

    /** The rule that ran past the limit is named, not one of the innocent rules that fired before it. */
    private static void assertNamesOnly(CliRun r, String rule) {
        assertThat(r.err()).as(r.toString()).contains("rule \"" + rule + "\"").doesNotContain("innocent")
                .doesNotContain("status changed").doesNotContain("conditions were being matched");
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT) // a child JVM: runs beside this class's other tests (pom.xml)
    void aRuleThatNeverReturnsIsAbandonedAtTheTimeout() throws Exception {
        // in a child JVM: the abandoned rule thread must not spin on in this one. x stays in 0..999: it never ends.
        // After the test's own innocent rules only (the default rules' part is in this JVM, in
        // aRuleThatLoopsAfterInnocentRulesFiredIsTheOneNamed)
        Path rules = CliRun.rulesOnly(dir, "zz-spin.drl", afterInnocentRules("spins forever", """
                    long x = 0;
                    while (x >= 0) { x = (x + 1) % 1000; }
                """));
        long start = System.nanoTime();
        CliRun r = CliRun.fork(List.of(), "check", "--rules", rules.toString(), "--format", "json",
                "-o", report.toString(), "--timeout", "1", facts.toString());
        assertDidNotComplete(r, "spins forever");
        assertNamesOnly(r, "spins forever");
        assertThat(r.err()).contains("time limit of 1 s").contains("was firing");
        assertThat((System.nanoTime() - start) / 1_000_000).as("milliseconds").isLessThan(60_000);
    }

    @Test
    void aRuleThatLoopsAfterInnocentRulesFiredIsTheOneNamed() throws Exception {
        // loops until the check stops it (the interrupt ends its sleep), after three rules of its file and the
        // default rules fired in the same session
        Path rules = CliRun.rulesWith(dir, "zz-after.drl", afterInnocentRules("loops after the others", """
                    while (true) { Thread.sleep(10); }
                """));
        CliRun r = check(rules, "--timeout", "1");
        assertDidNotComplete(r, "loops after the others");
        assertNamesOnly(r, "loops after the others");
        assertThat(r.err()).contains("the rules fired past the time limit of 1 s").contains("was firing")
                .contains("zz-after.drl").contains("work unit");
    }

    @Test
    void aConstraintThatNeverReturnsIsStopped() throws Exception {
        // a pattern's own constraint (not an eval): Drools matches it when the session fires, in its own code
        Path rules = CliRun.rulesWith(dir, "zz-insert.drl", HEADER + """
                function boolean never(Object o) {
                    while (true) {
                        try { Thread.sleep(10); } catch (InterruptedException e) { return false; }
                    }
                }

                rule "slow constraint"
                when
                    Fact(never(this))
                then
                end
                """);
        CliRun r = check(rules, "--timeout", "1");
        assertThat(r.code()).as(r.toString()).isEqualTo(3);
        assertThat(r.err()).contains("the check did not complete").contains("the rules fired past the time limit of 1 s")
                .contains("conditions were being matched").doesNotContain("\tat ");
        assertThat(Files.readString(report)).isEqualTo("{\"earlier\": true}\n");
    }

    @Test
    void aRuleCompileErrorExitsTwoWithFileAndLine() throws Exception {
        Path rules = CliRun.rulesWith(dir, "zz-broken.drl", HEADER + """
                rule "broken"
                when
                    Story(
                then
                    System.out.println("never");
                end
                """);
        CliRun r = check(rules);
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).as(r.toString()).containsPattern("zz-broken\\.drl:\\d+: \\S");
        assertThat(r.err()).contains("the rule pack does not compile").doesNotContain("\tat ");
        assertThat(Files.readString(report)).isEqualTo("{\"earlier\": true}\n");
    }

    @Test
    void aTypeErrorInARuleExitsTwoWithFileAndLine() throws Exception {
        Path rules = CliRun.rulesWith(dir, "zz-types.drl", HEADER + """
                rule "unknown field"
                when
                    Fact(noSuchField == 3)
                then
                end
                """);
        CliRun r = check(rules);
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).as(r.toString()).containsPattern("zz-types\\.drl:7: .*noSuchField");
    }

    @Test
    void aTimeoutBelowOneSecondIsBadUsage() {
        CliRun r = check(Path.of("rules"), "--timeout", "0");
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("--timeout");
    }

    @Test
    void aReportThatCannotBeWrittenFailsTheRun() throws Exception {
        Path blocked = dir.resolve("a-file");
        Files.writeString(blocked, "not a folder");
        CliRun r = CliRun.run("check", "--format", "json", "-o", blocked.resolve("report.json").toString(), facts.toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(3);
        assertThat(r.err()).doesNotContain("\tat ");
    }

    @Test
    void aReportThatCannotReachStandardOutputFailsTheRun() {
        java.io.PrintStream broken = new java.io.PrintStream(new java.io.OutputStream() {
            @Override
            public void write(int b) throws java.io.IOException {
                throw new java.io.IOException("broken pipe");
            }
        });
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int code = Main.run(new String[]{"check", "--format", "json", facts.toString()}, broken, new java.io.PrintStream(err, true));
        assertThat(code).as(err.toString()).isEqualTo(3);
        assertThat(err.toString()).contains("standard output");
    }

    // Issue 15.6 / 10.6: the rule named on a failure is the rule that was running, conditions as well as
    // consequences. Each failed before: the tracker named the last rule that had fired ("status changed").

    @Test
    void anEvalThatThrowsInAConditionNamesItsRuleNotTheLastOneThatFired() throws Exception {
        Path rules = CliRun.rulesWith(dir, "zz-eval.drl", HEADER + """
                rule "divides by zero"
                when
                    $f : Fact(attribute == "status")
                    eval(1 / ($f.getSeq() - $f.getSeq()) == 1)
                then
                end
                """);
        CliRun r = check(rules);
        assertDidNotComplete(r, "divides by zero");
        assertThat(r.err()).contains("while matching its conditions").contains("zz-eval.drl")
                .contains("ArithmeticException").doesNotContain("status changed");
    }

    @Test
    void aSlowConditionPastTheTimeoutNamesItsRule() throws Exception {
        Path rules = CliRun.rulesWith(dir, "zz-slowcond.drl", HEADER + """
                function boolean slowly() {
                    while (true) {
                        try { Thread.sleep(100); } catch (InterruptedException e) { return false; }
                    }
                }

                rule "slow condition"
                when
                    Story()
                    eval(slowly())
                then
                end
                """);
        CliRun r = check(rules, "--timeout", "1");
        assertDidNotComplete(r, "slow condition");
        assertThat(r.err()).contains("time limit of 1 s").contains("matching its conditions")
                .doesNotContain("status changed");
    }

    @Test
    void anUpdateLoopNamesTheLoopingRuleAndTheUnit() throws Exception {
        Path rules = CliRun.rulesWith(dir, "zz-update.drl", HEADER + """
                declare Counter
                    n : long
                end

                rule "start counting"
                when
                    Story()
                then
                    insert(new Counter(0));
                end

                rule "counts forever"
                when
                    $c : Counter(n >= 0)
                then
                    modify($c) { setN($c.getN() + 1) }
                end
                """);
        CliRun r = check(rules);
        assertDidNotComplete(r, "counts forever");
        assertThat(r.err()).contains("limit").contains("work unit");
    }

    @Test
    void aHugeTimeoutIsNoLimitAndTheCheckCompletes() throws Exception {
        // the largest --timeout accepted (a year; a larger one is bad usage, OverflowUsageTest): no overflow, no exit 3
        CliRun r = check(Path.of("rules"), "--timeout", "31536000");
        assertThat(r.code()).as(r.toString()).isIn(0, 1);
        assertThat(Files.readString(report)).contains("\"findings\"");
    }
}
