package io.factlint.rules;

import io.factlint.check.CheckRequest;
import io.factlint.model.ClaimVerdict;
import io.factlint.model.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code members_complete} on a claim over a set (docs/claims.md "Claims over a set"): each member's condition is
 * judged as if it said {@code complete}, while {@code complete} speaks for the set. Through the real pipeline, on the
 * conditions that need completeness besides a trend (rule case {@code claims/set-members-complete}): rank 1 over
 * time and an upper bound on a sum of a measure that cannot be negative.
 */
class SetMembersCompleteTest {
    @TempDir
    Path dir;

    private Map<String, ClaimVerdict> check(String facts, String claims) throws Exception {
        Path file = dir.resolve("story.json");
        Files.writeString(file, "{\"story\": {\"id\": \"s\", \"published\": \"2021-01-15\"},"
                + " \"sources\": [{\"id\": \"a\", \"name\": \"Agency\", \"kind\": \"government\"}],"
                + " \"entities\": [{\"id\": \"x\", \"kind\": \"region\", \"name\": \"X\"}, {\"id\": \"y\", \"kind\": \"region\", \"name\": \"Y\"}],"
                + " \"facts\": [" + facts + "], \"claims\": [" + claims + "]}");
        Map<String, ClaimVerdict> out = new HashMap<>();
        var r = io.factlint.testing.DefaultPack.pipeline().run(CheckRequest.of(List.of(file))).result();
        for (ClaimVerdict v : r.verdicts()) out.put(v.claim().id(), v);
        return out;
    }

    private static String fact(String subject, String attribute, String at, int value) {
        return "{\"id\": \"" + subject + "-" + attribute + "-" + at.replaceAll("\\W", "") + "\", \"subject\": \"" + subject
                + "\", \"attribute\": \"" + attribute + "\", \"value\": " + value + ", \"source\": \"a\", \"at\": " + at + "}";
    }

    private static String year(int y) {
        return "{\"from\": \"" + y + "-01-01\", \"to\": \"" + y + "-12-31\"}";
    }

    /** A claim over the set {x, y}, said to be complete, with {@code members_complete} or without it. */
    private static String claim(String id, String rest, boolean membersComplete) {
        return "{\"id\": \"" + id + "\", \"subject\": \"x\", \"quantifier\": \"all\", \"among\": [\"x\", \"y\"], \"complete\": true, "
                + (membersComplete ? "\"members_complete\": true, " : "") + rest + "}";
    }

    @Test
    void rankOneOverTimeAskedOfEachMemberIsSupportedOnlyWhenTheirFactsAreComplete() throws Exception {
        String facts = String.join(", ", fact("x", "n", year(2018), 10), fact("x", "n", year(2019), 12),
                fact("x", "n", year(2020), 15), fact("y", "n", year(2018), 3), fact("y", "n", year(2019), 2),
                fact("y", "n", year(2020), 4));
        // "the highest since 2018 in every region": 2020 ranks first among 2018-2020 for x (15 > 12, 10) and y (4 > 3, 2)
        String rest = "\"attribute\": \"n\", \"op\": \"=\", \"value\": 1, \"rank_over\": {\"from\": \"2018-01-01\", \"to\": \"2020-12-31\"},"
                + " \"at\": \"2020-12-31\"";
        Map<String, ClaimVerdict> v = check(facts, claim("with", rest, true) + ", " + claim("without", rest, false));
        assertThat(v.get("with").verdict()).isEqualTo(Verdict.SUPPORTED);
        assertThat(v.get("with").strictVerdict()).isEqualTo(Verdict.SUPPORTED);
        assertThat(v.get("with").reason()).contains("(x, y, complete; members' own facts complete) it holds for 2 (")
                .doesNotContain("not said to be complete: a time with no fact may rank ahead");
        // without it, a year with no fact may rank ahead of 2020 for each member: rank 1 is never supported
        assertThat(v.get("without").verdict()).isEqualTo(Verdict.UNDETERMINED);
        assertThat(v.get("without").reason()).contains("(x, y, complete) it holds for 0, not for 0, unknown for 2 (")
                .contains("not said to be complete: a time with no fact may rank ahead")
                .doesNotContain("members' own facts complete");
    }

    @Test
    void anUpperBoundOnASumOfANonNegativeMeasureHoldsOnTheStrictReadingWhenEachMembersFactsAreComplete() throws Exception {
        // killed is cumulative (rules/vocabulary/measures.yaml), so never negative: facts missing could only add
        String facts = String.join(", ", fact("x", "killed", "\"2020-03-01\"", 40), fact("x", "killed", "\"2020-09-01\"", 30),
                fact("y", "killed", "\"2020-05-01\"", 90));
        String rest = "\"attribute\": \"killed\", \"op\": \"<=\", \"value\": 100, \"aggregate\": \"sum\", \"at\": " + year(2020);
        Map<String, ClaimVerdict> v = check(facts, claim("with", rest, true) + ", " + claim("without", rest, false));
        // x: 40 + 30 = 70, y: 90, both at most 100 on both readings
        assertThat(v.get("with").verdict()).isEqualTo(Verdict.SUPPORTED);
        assertThat(v.get("with").strictVerdict()).isEqualTo(Verdict.SUPPORTED);
        assertThat(v.get("with").figure().strict().min()).isEqualTo(2.0);
        assertThat(v.get("with").figure().strict().max()).isEqualTo(2.0);
        // without it each sum is open upwards on the strict reading: supported conventionally only
        assertThat(v.get("without").verdict()).isEqualTo(Verdict.SUPPORTED);
        assertThat(v.get("without").strictVerdict()).isEqualTo(Verdict.UNDETERMINED);
        assertThat(v.get("without").reason()).contains("strict reading open upwards: the facts may be incomplete");
    }
}
