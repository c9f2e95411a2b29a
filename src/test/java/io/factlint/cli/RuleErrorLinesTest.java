package io.factlint.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15.6: a Java error in a consequence points at its DRL line, not at the rule's first line: the real command
 * line on the seed story with a copy of {@code rules/} plus one DRL file of the test, each run compiled
 * ({@code --no-cache}) and from the compiled-rule cache (the second run with the cache always loads from it).
 * The expected line is found in the test's DRL text by a marker comment, so no number is written twice.
 */
class RuleErrorLinesTest {
    private static final String HEADER = """
            package factlint.rules.lines;

            import io.factlint.model.*;
            import java.util.List;

            """;

    @TempDir
    Path dir;
    Path facts;

    @BeforeEach
    void copyFacts() {
        facts = dir.resolve("facts");
        CliRun.copy(Path.of("facts"), facts);
    }

    /** The 1-based line of the first line of {@code text} that contains {@code marker}. */
    private static int lineOf(String text, String marker) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) if (lines[i].contains(marker)) return i + 1;
        throw new AssertionError("no " + marker);
    }

    /** Standard error of a check with the rules of {@code rules}, compiled and then from the cache (three runs). */
    private List<String> errors(Path rules) {
        List<String> errs = new ArrayList<>();
        for (String cache : List.of("--no-cache", "", "")) {
            List<String> args = new ArrayList<>(List.of("check", "--rules", rules.toString(), "--format", "json",
                    "-o", dir.resolve("out/report.json").toString()));
            if (!cache.isEmpty()) args.add(cache);
            args.add(facts.toString());
            CliRun r = CliRun.run(args.toArray(String[]::new));
            assertThat(r.code()).as(r.toString()).isEqualTo(3);
            assertThat(r.err()).as(r.toString()).contains("the check did not complete").doesNotContain("\tat ");
            errs.add(r.err());
        }
        return errs;
    }

    @Test
    void aNullPointerExceptionInTheThirdLineOfAConsequenceGivesThatLine() {
        String drl = HEADER + "// a few lines first, so that the rule's lines are not the generated class's\n".repeat(7) + """
                function int twice(int x) {
                    return 2 * x;
                }

                rule "innocent"
                when
                    Story()
                then
                    int n = twice(1);
                end

                rule "reads a missing name"
                when
                    $f : Fact(id == "f3")
                    Story()
                then


                    // blank lines and a comment before the code: Drools trims them away
                    String id = $f.getId();
                    String missing = null;
                    int n = missing.length(); // throws here
                    System.out.println(id + n);
                end
                """;
        Path rules = CliRun.rulesWith(dir, "zz-lines.drl", drl);
        int line = lineOf(drl, "// throws here");
        for (String err : errors(rules)) {
            assertThat(err).contains("zz-lines.drl:" + line + ": rule \"reads a missing name\" failed on [nk-soldier-captured#f3")
                    .contains("NullPointerException");
        }
    }

    @Test
    void anArithmeticExceptionAfterAModifyOnTheThenLinesOwnCodeGivesItsLine() {
        // the consequence starts on the then line; modify and insert are rewritten by Drools on their own lines
        String drl = HEADER + """
                declare Box
                    a : int
                    b : int
                end

                rule "fills a box" when Story() then insert(new Box(1, 0)); end

                rule "divides by the box"
                when
                    $b : Box(a == 1)
                then int z = $b.getB();
                    modify($b) { setA(2),
                                 setB(0) }
                    insert(new Box(7, 7)); delete($b);
                    int q = 10 / z; // throws here
                end
                """;
        Path rules = CliRun.rulesWith(dir, "zz-arith.drl", drl);
        int line = lineOf(drl, "// throws here");
        for (String err : errors(rules)) {
            assertThat(err).contains("zz-arith.drl:" + line + ": rule \"divides by the box\" failed")
                    .contains("ArithmeticException: / by zero");
        }
    }

    @Test
    void aFileWithWindowsLineEndsGivesTheSameLines() {
        String drl = (HEADER + """
                rule "crlf rule"
                when
                    $f : Fact(id == "f4")
                then
                    String a = $f.getId();
                    Object o = List.of(a).get(3); // throws here
                end
                """).replace("\n", "\r\n");
        Path rules = CliRun.rulesWith(dir, "zz-crlf.drl", drl);
        int line = lineOf(drl, "// throws here");
        for (String err : errors(rules)) {
            assertThat(err).contains("zz-crlf.drl:" + line + ": rule \"crlf rule\" failed").contains("IndexOutOfBoundsException");
        }
    }

    @Test
    void anErrorInAFunctionPointsAtTheConsequenceLineThatCalledIt() {
        String drl = HEADER + """
                function int divide(int x, int y) {
                    return x / y;
                }

                rule "calls a function"
                when
                    Story()
                then
                    int one = 1;
                    int none = 0;
                    int q = divide(one, none); // throws here
                end
                """;
        Path rules = CliRun.rulesWith(dir, "zz-fn.drl", drl);
        int line = lineOf(drl, "// throws here");
        for (String err : errors(rules)) {
            assertThat(err).contains("zz-fn.drl:" + line + ": rule \"calls a function\" failed").contains("ArithmeticException");
        }
    }

    @Test
    void anMvelConsequenceSaysHonestlyThatItsLineIsNotKnown() {
        // MVEL interprets the consequence: no generated class, and its own "[Line: 1, Column: 1]" is wrong
        String drl = HEADER + """
                rule "mvel rule"
                    dialect "mvel"
                when
                    $f : Fact(id == "f4")
                then
                    String a = $f.getId();
                    String b = null;
                    int n = b.length();
                end
                """;
        Path rules = CliRun.rulesWith(dir, "zz-mvel.drl", drl);
        int then = lineOf(drl, "then");
        for (String err : errors(rules)) {
            assertThat(err).contains("rule \"mvel rule\" failed in its consequence (")
                    .contains("zz-mvel.drl:" + then + ", its then; the MVEL dialect gives no line within it) on [nk-soldier-captured#f4]")
                    .contains("NullPointerException: null pointer: b.length()").doesNotContain("Line: 1");
        }
    }

    @Test
    void aDivisionByZeroInAConditionStillNamesItsRule() {
        String drl = HEADER + """
                rule "divides in its condition"
                when
                    $f : Fact(attribute == "status")
                    eval(1 / ($f.getSeq() - $f.getSeq()) == 1)
                then
                end
                """;
        Path rules = CliRun.rulesWith(dir, "zz-cond.drl", drl);
        for (String err : errors(rules)) {
            assertThat(err).contains("rule \"divides in its condition\"").contains("zz-cond.drl")
                    .contains("while matching its conditions").contains("ArithmeticException").doesNotContain("status changed");
        }
    }

    /** Runs {@code drl}'s check compiled, then twice from the cache holding the executable model (the launcher's default). */
    private List<String> errorsWithTheModel(Path rules) {
        String before = System.getProperty("factlint.executableModel");
        System.setProperty("factlint.executableModel", "true");
        try {
            return errors(rules);
        } finally {
            if (before == null) System.clearProperty("factlint.executableModel");
            else System.setProperty("factlint.executableModel", before);
        }
    }

    /**
     * From the cache's executable model, whose consequence lambdas carry the generated Java's lines: the line is
     * found by what the failing line calls, when exactly one line of the consequence names it.
     */
    @Test
    void fromTheCachedExecutableModelAConsequenceErrorGivesTheLineThatCalledWhatFailed() {
        String drl = HEADER + """
                rule "fails from the model"
                when
                    $f : Fact(id == "f3")
                then
                    // a comment first
                    String missing = null;
                    String id = $f.getId();

                    int n = missing.length(); // throws here (model)
                    System.out.println(id + n);
                end
                """;
        Path rules = CliRun.rulesWith(dir, "zz-model.drl", drl);
        int line = lineOf(drl, "// throws here");
        for (String err : errorsWithTheModel(rules)) {
            assertThat(err).contains("zz-model.drl:" + line + ": rule \"fails from the model\" failed");
        }
    }

    /** When the failing line names nothing (a division), the model run says honestly where the consequence starts. */
    @Test
    void fromTheCachedExecutableModelALineThatNamesNothingGivesTheThenLineAndHowToGetTheExactOne() {
        String drl = HEADER + """
                rule "divides in the model"
                when
                    $f : Fact(id == "f3")
                then
                    int zero = 0;
                    int n = 10 / zero; // throws here (model)
                    System.out.println(n);
                end
                """;
        Path rules = CliRun.rulesWith(dir, "zz-model-div.drl", drl);
        List<String> errs = errorsWithTheModel(rules);
        assertThat(errs.get(0)).contains("zz-model-div.drl:" + lineOf(drl, "// throws here") + ": rule \"divides in the model\" failed");
        assertThat(errs.get(2)).contains("rule \"divides in the model\" failed in its consequence (")
                .contains("zz-model-div.drl:" + lineOf(drl, "then") + ", its then; the cached executable model gives no line"
                        + " within it; --no-cache gives it)");
    }
}
