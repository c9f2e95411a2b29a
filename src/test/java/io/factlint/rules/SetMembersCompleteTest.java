package io.factlint.rules;

import io.factlint.model.ClaimVerdict;
import io.factlint.model.Verdict;
import io.factlint.testing.StoryChecks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code members_complete} on a claim over a set (docs/claims.md "Claims over a set"): each member's condition is
 * judged as if it said {@code complete}, while {@code complete} speaks for the set. Through the real pipeline, on the
 * conditions that need completeness besides a trend (rule case {@code claims/set-members-complete}): rank 1 over
 * time, an upper bound on a sum of a measure that cannot be negative and an upper bound on a duration.
 */
class SetMembersCompleteTest {
    @TempDir
    Path dir;

    private Map<String, ClaimVerdict> check(String facts, String claims) throws Exception {
        return StoryChecks.verdicts(dir, "2021-01-15", "{\"id\": \"x\", \"kind\": \"region\", \"name\": \"X\"}, {\"id\": \"y\", \"kind\": \"region\", \"name\": \"Y\"}", facts, claims);
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

    @Test
    void anUpperBoundOnADurationHoldsOnTheStrictReadingWhenEachMembersFactsAreComplete() throws Exception {
        // "under emergency rule for at most 100 days of 2020 in every region": x 1 Jan - 31 Mar (91 days), y May (31)
        String facts = String.join(", ", fact("x", "emergency", "{\"from\": \"2020-01-01\", \"to\": \"2020-03-31\"}", 1),
                fact("y", "emergency", "{\"from\": \"2020-05-01\", \"to\": \"2020-05-31\"}", 1));
        String rest = "\"attribute\": \"emergency\", \"op\": \"<=\", \"value\": 100, \"aggregate\": \"duration\","
                + " \"unit\": \"days\", \"at\": " + year(2020);
        Map<String, ClaimVerdict> v = check(facts, claim("with", rest, true) + ", " + claim("without", rest, false));
        assertThat(v.get("with").verdict()).isEqualTo(Verdict.SUPPORTED);
        assertThat(v.get("with").strictVerdict()).isEqualTo(Verdict.SUPPORTED);
        assertThat(v.get("with").reason()).contains("; members' own facts complete)")
                .doesNotContain("strict reading open upwards");
        // without it each member's duration is open upwards on the strict reading (a period may be missing)
        assertThat(v.get("without").verdict()).isEqualTo(Verdict.SUPPORTED);
        assertThat(v.get("without").strictVerdict()).isEqualTo(Verdict.UNDETERMINED);
        assertThat(v.get("without").reason()).contains("strict reading open upwards: the facts may be incomplete");
    }
}
