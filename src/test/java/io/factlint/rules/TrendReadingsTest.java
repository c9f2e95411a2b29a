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
 * The pair rules of a trend claim (docs/claims.md "Trends") on made-up series, through the real pipeline: a pair
 * surely equal breaks rising but not non-decreasing; a hedged value gives each reading its own verdict; a period
 * holding no value is undetermined.
 */
class TrendReadingsTest {
    @TempDir
    Path dir;

    private Map<String, ClaimVerdict> check(String facts, String claims) throws Exception {
        return StoryChecks.verdicts(dir, "2004-01-01", "{\"id\": \"e\", \"kind\": \"place\", \"name\": \"E\"}", facts, claims);
    }

    private static String fact(int year, String value) {
        return "{\"id\": \"n" + year + "\", \"subject\": \"e\", \"attribute\": \"n\", \"value\": " + value + ", \"source\": \"a\","
                + " \"at\": {\"from\": \"" + year + "-01-01\", \"to\": \"" + year + "-12-31\"}}";
    }

    private static String claim(String id, String trend, String from, String to) {
        return "{\"id\": \"" + id + "\", \"subject\": \"e\", \"attribute\": \"n\", \"trend\": \"" + trend + "\", \"complete\": true,"
                + " \"at\": {\"from\": \"" + from + "\", \"to\": \"" + to + "\"}}";
    }

    @Test
    void aPairSurelyEqualBreaksRisingButNotNonDecreasing() throws Exception {
        Map<String, ClaimVerdict> v = check(fact(2001, "100") + ", " + fact(2002, "100") + ", " + fact(2003, "120"),
                claim("up", "rising", "2001-01-01", "2003-12-31") + ", " + claim("never-down", "non-decreasing", "2001-01-01", "2003-12-31")
                        + ", " + claim("flat", "non-increasing", "2001-01-01", "2002-12-31"));
        assertThat(v.get("up").verdict()).isEqualTo(Verdict.CONTRADICTED);
        assertThat(v.get("up").reason()).isEqualTo("trend of n of e over 1 Jan 2001 – 31 Dec 2003 (3 times): did not rise"
                + " from 100 (stated for 1 Jan 2001 – 31 Dec 2001) to 100 (stated for 1 Jan 2002 – 31 Dec 2002); the claim rising"
                + " is contradicted");
        assertThat(v.get("never-down").verdict()).isEqualTo(Verdict.SUPPORTED);
        assertThat(v.get("never-down").strictVerdict()).isEqualTo(Verdict.SUPPORTED);
        // level over 2001-2002: neither rose nor fell
        assertThat(v.get("flat").verdict()).isEqualTo(Verdict.SUPPORTED);
        assertThat(v.get("flat").reason()).contains("never rose over its 1 step: 100 (stated for 1 Jan 2001 – 31 Dec 2001),"
                + " 100 (stated for 1 Jan 2002 – 31 Dec 2002)");
    }

    @Test
    void aHedgedValueGivesEachReadingItsOwnVerdict() throws Exception {
        // "over 90" is (90, 100) on the conventional reading, below 100; on the strict one (90, ∞), maybe above it
        Map<String, ClaimVerdict> v = check(fact(2001, "100") + ", " + fact(2002, "{\"amount\": 90, \"bound\": \"over\"}"),
                claim("up", "rising", "2001-01-01", "2002-12-31") + ", " + claim("down", "falling", "2001-01-01", "2002-12-31"));
        ClaimVerdict up = v.get("up");
        assertThat(up.verdict()).isEqualTo(Verdict.CONTRADICTED);
        assertThat(up.strictVerdict()).isEqualTo(Verdict.UNDETERMINED);
        assertThat(up.reason()).isEqualTo("trend of n of e over 1 Jan 2001 – 31 Dec 2002 (2 times): fell from 100 (stated for"
                + " 1 Jan 2001 – 31 Dec 2001) to (90, 100) (stated for 1 Jan 2002 – 31 Dec 2002); the claim rising is contradicted"
                + " (strict reading: may not have risen from 100 (stated for 1 Jan 2001 – 31 Dec 2001) to (90, ∞) (stated for"
                + " 1 Jan 2002 – 31 Dec 2002): undetermined)");
        ClaimVerdict down = v.get("down");
        assertThat(down.verdict()).isEqualTo(Verdict.SUPPORTED);
        assertThat(down.strictVerdict()).isEqualTo(Verdict.UNDETERMINED);
        assertThat(down.figure().display()).isEqualTo("1 of 1 step falling");
        assertThat(down.figure().strictDisplay()).isEqualTo("0 to 1 of 1 step falling");
    }

    @Test
    void aPeriodHoldingNoValueIsUndetermined() throws Exception {
        Map<String, ClaimVerdict> v = check(fact(2001, "100") + ", " + fact(2002, "110"),
                claim("later", "rising", "2005-01-01", "2009-12-31"));
        assertThat(v.get("later").verdict()).isEqualTo(Verdict.UNDETERMINED);
        assertThat(v.get("later").reason()).isEqualTo("no value of n of e over 1 Jan 2005 – 31 Dec 2009 is stated for a time"
                + " wholly within it: a trend needs two");
    }
    @Test
    void aDerivedShareKeepsOneDecimalWhenThatTellsItsValuesApart() throws Exception {
        // recovery_share = recovered / cases: 1/3, 2/5, 2/3 have no written decimals; one decimal tells them apart
        StringBuilder facts = new StringBuilder();
        int[][] rc = {{1, 3}, {2, 5}, {2, 3}};
        for (int k = 0; k < 3; k++) {
            int year = 2001 + k;
            String at = " \"at\": {\"from\": \"" + year + "-01-01\", \"to\": \"" + year + "-12-31\"}}";
            if (k > 0) facts.append(", ");
            facts.append("{\"id\": \"r").append(year).append("\", \"subject\": \"e\", \"attribute\": \"recovered\", \"value\": ")
                    .append(rc[k][0]).append(", \"source\": \"a\",").append(at).append(", ")
                    .append("{\"id\": \"c").append(year).append("\", \"subject\": \"e\", \"attribute\": \"cases\", \"value\": ")
                    .append(rc[k][1]).append(", \"source\": \"a\",").append(at);
        }
        Map<String, ClaimVerdict> v = check(facts.toString(), claim("up", "rising", "2001-01-01", "2003-12-31")
                .replace("\"attribute\": \"n\"", "\"attribute\": \"recovery_share\""));
        assertThat(v.get("up").verdict()).isEqualTo(Verdict.SUPPORTED);
        assertThat(v.get("up").reason()).contains("33.3 %").contains("40.0 %").contains("66.7 %").doesNotContain("33.3333");
    }
    @Test
    void aStatementStraddlingTheEndIsNeverTakenForATimeInside() throws Exception {
        // a level: the years 2018 and 2019, and a financial year 2019/20 that contains 31 Dec 2019 and starts later
        String fy = "{\"id\": \"fy\", \"subject\": \"e\", \"attribute\": \"n\", \"value\": 500, \"source\": \"a\","
                + " \"at\": {\"from\": \"2019-07-01\", \"to\": \"2020-06-30\"}}";
        String rank = "{\"id\": \"top\", \"subject\": \"e\", \"attribute\": \"n\", \"op\": \"=\", \"value\": 1,"
                + " \"complete\": true, \"at\": \"2019-12-31\", \"rank_over\": {\"from\": \"2018-01-01\", \"to\": \"2019-12-31\"}}";
        Map<String, ClaimVerdict> v = check(fact(2018, "100") + ", " + fact(2019, "120") + ", " + fy,
                claim("up", "rising", "2018-01-01", "2019-12-31") + ", " + rank);
        // the trend takes the year 2019 at its end, not the financial year the level would choose there
        assertThat(v.get("up").verdict()).isEqualTo(Verdict.SUPPORTED);
        assertThat(v.get("up").reason()).contains("100 (stated for 1 Jan 2018 – 31 Dec 2018), 120 (stated for 1 Jan 2019"
                + " – 31 Dec 2019)").contains("left out, not wholly inside the period: s#fy");
        // the rank of the claim's own value (the financial year, 500, on 31 Dec 2019) counts both years, 2019 too
        assertThat(v.get("top").reason()).contains("among its 2 other values").contains("against 100 (stated for"
                + " 1 Jan 2018 – 31 Dec 2018), 120 (stated for 1 Jan 2019 – 31 Dec 2019)");
    }
}
