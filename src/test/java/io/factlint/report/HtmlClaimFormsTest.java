package io.factlint.report;

import io.factlint.engine.EngineLimits;
import io.factlint.engine.RulePack;
import io.factlint.model.CheckResult;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The HTML report on real engine output: claim forms, counts over time (inline SVG), stated figures, strict words. */
class HtmlClaimFormsTest {
    private static RulePack pack;

    @BeforeAll
    static void load() throws Exception {
        pack = io.factlint.testing.DefaultPack.get(); // compiled once per test JVM
    }

    private static Document html(String facts) throws Exception {
        CheckResult r = new io.factlint.check.CheckPipeline(pack).run(io.factlint.check.CheckRequest.of(List.of(Path.of(facts)))).result();
        return Jsoup.parse(Render.text(new HtmlReportWriter(), r, Render.FAIL_ON_ERROR));
    }

    /** The first claim of the report on {@code facts}: its {@code .claim-check} line and its reason. */
    private static Element firstClaim(String facts) throws Exception {
        return html(facts).selectFirst("article.claim");
    }

    @Test
    void aChangeClaimShowsItsFormBothValuesAndTheirTimes() throws Exception {
        Document d = html("src/test/resources/rule-cases/claims/change-since/fires/facts");
        Element claim = d.selectFirst("article.claim");
        assertThat(claim.selectFirst(".claim-check").text())
                .contains("personnel = 50 % (relative change since 1 Jan 2003 – 31 Dec 2003; tolerance ± 0.01)");
        assertThat(claim.text()).contains("from 132,310 (stated for 1 Mar 2003) to 192,277 (stated for 1 Mar 2019) is 45.3 %");
        // the counts chart: both times, one source, a dot per exact value
        Element chart = d.selectFirst("figure.count");
        assertThat(chart.selectFirst("figcaption").text()).isEqualTo("the police force: personnel");
        assertThat(chart.select("svg.count-chart circle")).hasSize(2);
        assertThat(chart.select("svg.count-chart text").eachText()).contains("1 Mar 2003", "1 Mar 2019",
                "Government statistics office");
        assertThat(chart.select(".count-rows li").eachText()).containsExactly(
                "1 Mar 2003: 132,310 (Government statistics office, s#p2003)",
                "1 Mar 2019: 192,277 (Government statistics office, s#p2019)");
    }

    /**
     * A claim on a statement that no figure is kept: the verdict on both readings and the reason naming the source,
     * the measure and its time; the fact's value reads as unrecorded, and the counts chart draws no mark for it.
     */
    @Test
    void aClaimOnAFigureNobodyRecordsShowsTheStatementAndBothReadings() throws Exception {
        Document d = html("src/test/resources/rule-cases/claims/unrecorded/fires/facts");
        Element claim = d.selectFirst("article.claim");
        assertThat(claim.text()).contains("cdc states that no figure of essential_worker_deaths of us is kept (stated for"
                + " 20 Apr 2020): a claimed figure has no source; the claim = 1,000 is contradicted (strict reading: undetermined)");
        assertThat(claim.text()).containsIgnoringCase("contradicted").containsIgnoringCase("undetermined");
        assertThat(d.text()).contains("unrecorded (no figure kept)");
        Element chart = null;
        for (Element f : d.select("figure.count")) {
            if (f.selectFirst("figcaption").text().endsWith(": essential_worker_deaths")) chart = f;
        }
        assertThat(chart).isNotNull();
        // two figures (f2, f5) drawn; the statement that none is kept is listed, not drawn
        assertThat(chart.select("svg.count-chart circle")).hasSize(2);
        assertThat(chart.select(".count-rows li").eachText()).contains(
                "20 Apr 2020: unrecorded (no figure kept) (Centers for Disease Control and Prevention, s#f1)");
    }

    /** A rate's form says it is per a length of time: "sum over the period" alone would claim the total. */
    @Test
    void aRateClaimShowsItIsPerALengthOfTime() throws Exception {
        Element claim = firstClaim("src/test/resources/rule-cases/claims/rate/fires/facts");
        assertThat(claim.selectFirst(".claim-check").text()).contains("= 300 (sum over the period, per day)");
    }

    @Test
    void aRankOverTimeClaimShowsItsFormTheValuesAndTheirTimes() throws Exception {
        Element claim = firstClaim("src/test/resources/rule-cases/claims/rank-over/clean/facts");
        assertThat(claim.selectFirst(".claim-check").text())
                .contains("eac_exports = 1 (rank (1 = highest) among its own values over 1 Jan 2013 – 31 Dec 2018, complete)");
        assertThat(claim.text()).contains("140,000,000,000 (stated for 1 Jan 2019 – 31 Dec 2019) against 125,000,000,000"
                + " (stated for 1 Jan 2013 – 31 Dec 2013), 134,000,000,000 (stated for 1 Jan 2017 – 31 Dec 2017)");
    }

    @Test
    void aDurationClaimShowsItsUnitEachPeriodAndTheTotal() throws Exception {
        Element claim = firstClaim("src/test/resources/rule-cases/claims/duration/fires/facts");
        assertThat(claim.selectFirst(".claim-check").text())
                .contains("military_rule = 30 (duration in years over the period, complete)");
        assertThat(claim.text()).contains("13.7114 years (15 Jan 1966 – 1 Oct 1979), 15.4117 years (31 Dec 1983 – 29 May 1999)",
                "overlaps counted once) is 29.1231 years");
    }

    @Test
    void aRecordClaimShowsItHasNoStart() throws Exception {
        Element claim = firstClaim("src/test/resources/rule-cases/claims/rank-over-record/clean/facts");
        assertThat(claim.selectFirst(".claim-check").text())
                .contains("unemployment_rate = 1 (rank (1 = highest) among its own values on record up to 30 Apr 2020, complete)");
        assertThat(claim.text()).contains("14.7 % (stated for 1 Apr 2020 – 30 Apr 2020) against 10.8 %"
                + " (stated for 1 Nov 1982 – 30 Nov 1982), 10.0 % (stated for 1 Oct 2009 – 31 Oct 2009)");
    }

    @Test
    void aTrendClaimShowsItsDirectionPeriodStepsAndThePairThatBreaksIt() throws Exception {
        Element claim = firstClaim("src/test/resources/rule-cases/claims/trend/fires/facts");
        assertThat(claim.selectFirst(".claim-check").text()).isEqualTo("Checked: United States unemployment_rate falling"
                + " (from each time to the next, complete) on 1 Jan 2010 – 31 Dec 2020"
                + " against 9 of 10 steps falling (strict: 9 of 10 steps falling)");
        assertThat(claim.text()).contains("rose from 3.7 % (stated for 1 Jan 2019 – 31 Dec 2019) to 8.1 %"
                + " (stated for 1 Jan 2020 – 31 Dec 2020); the claim falling is contradicted");
    }

    @Test
    void aClaimOverASetShowsItsQuantifierTheConditionsFormAndEachMember() throws Exception {
        Element claim = firstClaim("src/test/resources/rule-cases/claims/set-change/fires/facts");
        assertThat(claim.selectFirst(".claim-check").text())
                .contains("unemployment_rate >= 3 (only of every economy, complete; ratio change since 1 Feb 2020 – 29 Feb 2020)");
        assertThat(claim.text()).contains("ca (ratio change of unemployment_rate of ca from 5.6 % (stated for 1 Feb 2020"
                + " – 29 Feb 2020) to 17.0 % (stated for 1 Apr 2020 – 30 Apr 2020) is 3.0357");
    }

    @Test
    void aClaimOverASetShowsThatItsMembersOwnFactsAreComplete() throws Exception {
        Element claim = firstClaim("src/test/resources/rule-cases/claims/set-members-complete/clean/facts");
        // said once, with the set: the condition's own "complete" comes from it
        assertThat(claim.selectFirst(".claim-check").text()).contains("unemployment_rate rising"
                + " (all of every economy, complete, members' own facts complete; from each time to the next)");
        assertThat(claim.text()).contains("(every economy, complete; members' own facts complete) it holds for 2");
    }

    @Test
    void aChangeOfTotalsShowsItComparesTheTotalsOverEachPeriod() throws Exception {
        Element claim = firstClaim("src/test/resources/rule-cases/claims/totals-compared/fires/facts");
        assertThat(claim.selectFirst(".claim-check").text())
                .contains("(relative change since 1 Jan 2019 – 31 Dec 2019, of the sum over each period)");
        assertThat(claim.text()).contains("from 495 (sum over 1 Jan 2019 – 31 Dec 2019 of 4 times: 110 (1 Jan 2019 – 31 Mar 2019)");
    }

    @Test
    void aGapClaimShowsItsUnitAndEachGap() throws Exception {
        Element claim = firstClaim("src/test/resources/rule-cases/claims/gap/fires/facts");
        assertThat(claim.selectFirst(".claim-check").text())
                .contains("pandemics ~ 100 (every gap between events, in years over the period; tolerance ± 10)");
        assertThat(claim.text()).contains("1 Jan 1918 – 31 Dec 1918 to 1 Jan 1957 – 31 Dec 1957: 39 years (contradicted)");
    }

    @Test
    void theSeedStoryShowsCountsStrictWordsAndEachSourceOnOneChart() throws Exception {
        Document d = html("facts");
        assertThat(d.select("figure.count figcaption").eachText())
                .contains("North Korean troops sent to Russia: deployed", "North Korean troops sent to Russia: killed_or_injured");
        Element share = d.select("article.figure").stream()
                .filter(f -> f.selectFirst("h3").text().contains("casualty_share")).findFirst().orElseThrow();
        assertThat(share.select(".reading-words").eachText()).containsExactly("more than 0.0 %");
    }

    @Test
    void aClaimOnAStatedAttributeFillsTheStatedFiguresTable() throws Exception {
        Document d = html("src/test/resources/rule-cases/claim.contradicted/clean/facts");
        assertThat(d.select("table.stated tbody tr")).hasSize(1);
        assertThat(d.selectFirst("table.stated tbody tr").text()).contains("deployed");
    }
}
