package io.factlint.report;

import io.factlint.model.CheckResult;
import io.factlint.model.Severity;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlReportWriterTest {
    private final HtmlReportWriter writer = new HtmlReportWriter();

    private Document render(CheckResult r, Render.Gated o) {
        return Jsoup.parse(Render.text(writer, r, o));
    }

    private static Element finding(Document d, String rule, int nth) {
        return d.select("li.finding").stream()
                .filter(e -> e.selectFirst(".rule-id").text().equals(rule)).skip(nth).findFirst().orElseThrow();
    }

    @Test
    void verdictAtAGlance() {
        Document d = render(Fixtures.seed(), Render.FAIL_ON_ERROR);
        assertThat(d.title()).isEqualTo("factlint report: FAIL");
        Element verdict = d.getElementById("verdict");
        assertThat(verdict.hasClass("verdict-fail")).isTrue();
        assertThat(verdict.selectFirst(".verdict-word").text()).isEqualTo("FAIL");
        assertThat(verdict.selectFirst(".verdict-against").text()).isEqualTo("against --fail-on error");
        assertThat(verdict.selectFirst(".verdict-line").text()).isEqualTo("Failed: 1 finding at or above error.");
        assertThat(verdict.select(".stat").eachText()).containsExactly("Errors 1", "Warnings 1", "Info 2",
                "Stories 1", "Facts 5", "Claims 2");
        assertThat(verdict.select("table.stories tbody tr").get(0).select("td").eachText()).containsExactly(
                Fixtures.SEED, "North Korean soldier captured by Ukrainian forces", "27 Dec 2024 21:00 +09:00",
                Fixtures.STORY_FILE, "5", "4");
    }

    @Test
    void passWhenNothingReachesFailOn() {
        Document never = render(Fixtures.seed(), Render.NEVER);
        assertThat(never.title()).isEqualTo("factlint report: PASS");
        assertThat(never.selectFirst(".verdict-against").text()).isEqualTo("against --fail-on never");
        assertThat(never.select(".blocking")).isEmpty();
        Document info = render(Fixtures.seed(), new Render.Gated("0.1.0", Severity.INFO, null));
        assertThat(info.select(".blocking")).hasSize(4);
    }

    @Test
    void findingsGroupedBySeverityWithTheirFacts() {
        Document d = render(Fixtures.seed(), Render.FAIL_ON_ERROR);
        assertThat(d.select("section.group").eachAttr("data-group")).containsExactly("error", "warning", "info");
        assertThat(d.select("section.group h3").eachText()).containsExactly("Errors (1)", "Warnings (1)", "Information (2)");
        assertThat(d.select("li.finding")).hasSize(4);

        Element stale = finding(d, "status.stale", 0);
        assertThat(stale.selectFirst(".message").text()).isEqualTo("soldier-1 (wounded North Korean soldier): claim "
                + "\"North Korean soldier captured by Ukrainian forces\" says captured, but by 27 Dec 2024 21:00 +09:00 the "
                + "status is deceased (27 Dec 2024; National Intelligence Service (South Korea))");
        assertThat(stale.selectFirst(".finding-head .loc").text()).isEqualTo(Fixtures.STORY_FILE + ":23:5");
        assertThat(stale.select(".blocking")).hasSize(1);
        assertThat(stale.selectFirst(".finding-meta").text()).contains("Claim nk-soldier-captured#headline")
                .contains("North Korean soldier captured by Ukrainian forces");

        Element changed = finding(d, "status.changed", 0);
        Elements facts = changed.select("li.fact");
        assertThat(facts).hasSize(3);
        Element f1 = facts.get(0);
        assertThat(f1.selectFirst(".ref").text()).isEqualTo("nk-soldier-captured#f1");
        assertThat(f1.selectFirst(".loc").text()).isEqualTo(Fixtures.STORY_FILE + ":16:5");
        assertThat(f1.selectFirst(".fact-source").text()).isEqualTo("Source: Militarnyi (media) · unconfirmed");
        assertThat(f1.selectFirst("a").attr("href")).isEqualTo("https://mil.in.ua/en/");
        assertThat(f1.selectFirst(".quote").text())
                .isEqualTo("the Ukrainian Special Operations Forces (SOF) captured a North Korean soldier during a "
                        + "mission in the Kursk region of Russia");
        assertThat(f1.selectFirst(".fact-statement").text())
                .isEqualTo("wounded North Korean soldier status = captured on 26 Dec 2024");
        assertThat(facts.get(1).selectFirst(".cert").text()).isEqualTo("confirmed");

        // the rule id links to its help
        String anchor = changed.selectFirst("a.rule-id").attr("href").substring(1);
        assertThat(d.getElementById(anchor).selectFirst("h3 code").text()).isEqualTo("status.changed");
    }

    @Test
    void timelineMarksTheChangePoint() {
        Document d = render(Fixtures.seed(), Render.FAIL_ON_ERROR);
        Elements timelines = d.select("article.timeline");
        assertThat(timelines).hasSize(1);
        Element t = timelines.get(0);
        assertThat(t.selectFirst("h3").text()).isEqualTo("wounded North Korean soldier (soldier-1, person)");
        Elements points = t.select("li.tl-point");
        assertThat(points.eachText()).hasSize(2);
        assertThat(points.get(0).selectFirst(".tl-date").text()).isEqualTo("26 Dec 2024");
        assertThat(points.get(0).selectFirst(".tl-status").text()).isEqualTo("captured");
        assertThat(points.get(0).hasClass("tl-change")).isFalse();
        assertThat(points.get(0).select(".tl-sources > li")).hasSize(2);
        assertThat(points.get(0).select(".tl-sources .source-name").eachText())
                .containsExactly("Militarnyi", "National Intelligence Service (South Korea)");
        assertThat(points.get(1).selectFirst(".tl-date").text()).isEqualTo("27 Dec 2024");
        assertThat(points.get(1).hasClass("tl-change")).isTrue();
        assertThat(points.get(1).selectFirst(".change-mark").text()).isEqualTo("Status changed: captured → deceased");
        assertThat(points.get(1).selectFirst(".tl-status").text()).isEqualTo("deceased");
    }

    @Test
    void derivedFiguresWithBothReadingsAndTheirArithmetic() {
        Document d = render(Fixtures.seed(), Render.FAIL_ON_ERROR);
        Elements figures = d.select("article.figure");
        assertThat(figures).hasSize(1); // the stated figure is in the table below, not a derived one
        Element f = figures.get(0);
        assertThat(f.selectFirst("h3").text())
                .isEqualTo("North Korean troops sent to Russia: casualty_share on 27 Dec 2024 21:00 +09:00");
        assertThat(f.select(".reading-value").eachText()).containsExactly("(25.0 %, 36.4 %)", "(0.0 %, ∞)");
        assertThat(f.select(".arith").eachText()).containsExactly(
                "(3,000, 4,000) / (11,000, 12,000) = (25.0 %, 36.4 %)", "(3,000, ∞) / (11,000, ∞) = (0.0 %, ∞)");
        assertThat(f.select(".note")).hasSize(1);
        assertThat(f.select("li.fact .ref").eachText()).containsExactly("nk-soldier-captured#f4", "nk-soldier-captured#f5");
        assertThat(d.select("table.stated")).isEmpty(); // no claim on a stated attribute
    }

    @Test
    void claimsWithBothVerdictsAndTheReason() {
        Document d = render(Fixtures.seed(), Render.FAIL_ON_ERROR);
        Elements claims = d.select("article.claim");
        assertThat(claims).hasSize(2);
        Element h1 = claims.get(0);
        assertThat(h1.selectFirst(".vbadge").text()).isEqualTo("contradicted");
        assertThat(h1.selectFirst(".reason").text()).isEqualTo("status of soldier-1 on 27 Dec 2024 21:00 +09:00 is "
                + "deceased (stated for 27 Dec 2024); the claim says = captured");
        assertThat(h1.select(".note")).isEmpty();
        Element c1 = claims.get(1);
        assertThat(c1.selectFirst(".vbadge").text()).isEqualTo("supported");
        assertThat(c1.selectFirst(".vbadge-strict").text()).isEqualTo("strict reading: undetermined");
        assertThat(c1.selectFirst(".claim-text").text())
                .isEqualTo("the scale of casualties among North Korean soldiers has exceeded a quarter");
        assertThat(c1.selectFirst(".claim-check").text()).contains("casualty_share > 0.25")
                .contains("against (25.0 %, 36.4 %)");
        assertThat(c1.selectFirst(".note").text()).isEqualTo("The strict reading gives a different verdict: undetermined.");
        assertThat(c1.selectFirst(".reason").text()).startsWith("casualty_share of dprk-troops is (25.0 %, 36.4 %)");
    }

    @Test
    void ruleHelpForTheRulesThatAppear() {
        Document d = render(Fixtures.seed(), Render.FAIL_ON_ERROR);
        Elements rules = d.select("#rules article.rule");
        assertThat(rules.stream().map(r -> r.selectFirst("h3 code").text()))
                .containsExactly("source.single", "status.changed", "status.stale");
        Element single = rules.get(0);
        assertThat(single.selectFirst("p").text()).isEqualTo("A death or casualty figure (vocabulary/measures.yaml: "
                + "status deceased, killed, killed_or_injured) rests on one source only.");
        assertThat(single.select(".meta dt").eachText()).containsExactly("DRL rule", "Rule file");
        assertThat(single.select(".meta dd").eachText()).containsExactly("casualty figure resting on one source",
                "rules/sources.drl");
        assertThat(single.selectFirst("h3").text()).contains("info").contains("(2 findings)");
    }

    @Test
    void selfContainedWithAHashedScriptOnly() throws Exception {
        Document d = render(Fixtures.seed(), Render.FAIL_ON_ERROR);
        Element csp = d.selectFirst("meta[http-equiv=Content-Security-Policy]");
        assertThat(csp).isNotNull();
        assertThat(d.head().child(1)).isEqualTo(csp); // right after the charset, before anything it governs
        Elements scripts = d.select("script");
        assertThat(scripts).hasSize(1);
        assertThat(scripts.get(0).hasAttr("src")).isFalse();
        String body = ((DataNode) scripts.get(0).childNode(0)).getWholeData();
        String hash = "sha256-" + Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
        assertThat(hash).isEqualTo(HtmlReportWriter.scriptHash());
        assertThat(csp.attr("content")).isEqualTo("default-src 'none'; style-src 'unsafe-inline'; script-src '"
                + hash + "'; img-src data:; base-uri 'none'; form-action 'none'");
        // nothing that loads from elsewhere
        assertThat(d.select("link, iframe, object, embed, img, video, audio, source, base, form")).isEmpty();
        assertThat(d.select("[src]")).isEmpty();
        assertThat(d.select("[style]")).isEmpty();
        assertThat(d.select("style")).hasSize(1);
        assertThat(d.select("a[href]").eachAttr("href"))
                .allSatisfy(h -> assertThat(h).matches("#.*|https?://.*"));
        // filters are an enhancement: hidden until the script shows them
        assertThat(d.getElementById("filters").hasAttr("hidden")).isTrue();
    }

    @Test
    void filterDataUsesGeneratedKeysOnly() {
        Document d = render(Fixtures.hostileReviewed(), Render.FAIL_ON_ERROR);
        for (String dim : List.of("severity", "rule", "entity", "story", "review", "baseline")) {
            assertThat(d.select("[data-" + dim + "]").eachAttr("data-" + dim))
                    .allSatisfy(v -> assertThat(v).matches("[a-z0-9 -]*"));
        }
        assertThat(d.select("button[data-dim=entity]").eachText()).hasSize(2)
                .allSatisfy(t -> assertThat(t).contains("<script>document.title='pwned'</script>"));
        assertThat(d.select("li.finding[data-entity]")).hasSize(5); // with the newsroom's desk rule
    }

    @Test
    void hostileTextIsTextNeverMarkup() {
        String html = Render.text(writer, Fixtures.hostile(), Render.FAIL_ON_ERROR);
        Document d = Jsoup.parse(html);
        // no payload survives as an element or an attribute
        assertThat(d.select("script")).hasSize(1);
        // the only SVG is the counts chart factlint draws (CountCharts escapes its texts); none from a payload
        assertThat(d.select("img, svg:not(svg.count-chart), iframe, object, embed")).isEmpty();
        for (Element e : d.getAllElements()) {
            for (Attribute a : e.attributes()) {
                assertThat(a.getKey()).doesNotStartWith("on");
                if (List.of("href", "src", "action", "formaction", "srcdoc", "data").contains(a.getKey())) {
                    assertThat(a.getValue()).doesNotContainIgnoringCase("javascript:");
                }
            }
        }
        assertThat(html).doesNotContain("<script>document").doesNotContain("<img")
                .doesNotContain("<iframe");
        assertThat(html.replace("<svg class=\"count-chart\"", "")).doesNotContain("<svg");
        // ... but shows as text where it was written
        assertThat(d.title()).isEqualTo("factlint report: FAIL");
        Element stale = finding(d, "status.stale", 0);
        assertThat(stale.selectFirst(".message").text()).contains(Fixtures.SCRIPT).contains(Fixtures.IMG)
                .contains(Fixtures.SVG).contains(Fixtures.CLOSE_SCRIPT).contains(Fixtures.IFRAME)
                .contains("\"double\" 'single' & ampersand &amp; entity");
        assertThat(d.select("table.stories td").get(1).text())
                .startsWith("North Korean soldier captured by Ukrainian forces " + Fixtures.SCRIPT);
        assertThat(d.select(".quote").first().text()).contains(Fixtures.IFRAME);
        assertThat(d.select("article.claim .claim-text").first().text()).contains(Fixtures.CLOSE_SCRIPT);
        // the javascript: source address is shown as a name, not a link
        assertThat(d.select("a[href]").eachAttr("href")).allSatisfy(h -> assertThat(h).matches("#.*|https?://.*"));
        // control characters and lone surrogates became U+FFFD; separators are kept as text
        assertThat(html).doesNotContain("\u0000").doesNotContain("\u0007").doesNotContain("\u001b")
                .doesNotContain("\u007f").doesNotContain("\u0085")
                .contains("nul\uFFFD bell\uFFFD esc\uFFFD[31m del\uFFFD c1\uFFFD").contains("lone\uFFFDsurrogate")
                .contains(Fixtures.SEPARATORS);
        // the rule catalogue's texts are escaped too
        assertThat(d.select("#rules article.rule > p").eachText()).isNotEmpty()
                .allSatisfy(t -> assertThat(t).endsWith(" " + Fixtures.MARKUP));
        assertThat(d.select("#rules .rule-help dd").eachText()).isNotEmpty()
                .allSatisfy(t -> assertThat(t).endsWith(" " + Fixtures.MARKUP));
    }

    @Test
    void timestampOnlyWhenGiven() {
        assertThat(render(Fixtures.seed(), Render.FAIL_ON_ERROR).selectFirst("footer").text())
                .isEqualTo("Report by factlint 0.1.0. This page loads nothing from the network; its filters need "
                        + "JavaScript, everything else does not.");
        assertThat(render(Fixtures.seed(), Render.STAMPED).selectFirst("footer").text())
                .startsWith("Report by factlint 0.1.0, generated 2024-12-28T09:30:00Z.");
    }

    @Test
    void byteIdenticalOnTwoRenders() {
        assertThat(Render.bytes(writer, Fixtures.seed(), Render.FAIL_ON_ERROR))
                .isEqualTo(Render.bytes(writer, Fixtures.seed(), Render.FAIL_ON_ERROR));
        assertThat(Render.bytes(writer, Fixtures.hostile(), Render.STAMPED))
                .isEqualTo(Render.bytes(writer, Fixtures.hostile(), Render.STAMPED));
        assertThat(Render.text(writer, Fixtures.seed(), Render.FAIL_ON_ERROR)).doesNotContain("\r");
        // the hostile texts hold a CR and a CR LF: the report keeps LF line ends all the same
        assertThat(Render.text(writer, Fixtures.hostile(), Render.STAMPED)).doesNotContain("\r");
    }

    /** What a {@code TextOnlyWriter} writes of {@code writes}, one write each, then a flush. */
    private static String textOnly(String... writes) throws Exception {
        java.io.StringWriter sink = new java.io.StringWriter();
        HtmlReportWriter.TextOnlyWriter w = new HtmlReportWriter.TextOnlyWriter(sink);
        for (String s : writes) w.write(s);
        w.flush();
        return sink.toString();
    }

    @Test
    void textOnlyWriterWritesACrOrACrLfAsOneLf() throws Exception {
        assertThat(textOnly("a\r\nb\rc\r", "\nd\n\re")).isEqualTo("a\nb\nc\nd\n\ne");
    }

    @Test
    void textOnlyWriterKeepsSurrogatePairsSplitAcrossWrites() throws Exception {
        assertThat(textOnly("a\uD83D", "\uDE00b\uD800", "c\u0000\t")).isEqualTo("a\uD83D\uDE00b\uFFFDc\uFFFD\t");
    }

    @Test
    void aWaivedFindingShowsItsBadgeAndWaiver() {
        Document d = render(Fixtures.reviewed(), Render.FAIL_ON_ERROR);
        Element stale = finding(d, "status.stale", 0);
        assertThat(stale.hasClass("is-waived")).isTrue();
        assertThat(stale.select(".finding-head .badge-waived").eachText()).containsExactly("waived");
        assertThat(stale.select(".blocking")).isEmpty();
        assertThat(stale.select(".not-counted")).as("the badge says it").isEmpty();
        Element waiver = stale.selectFirst(".waiver");
        assertThat(waiver.text()).isEqualTo("Waived until 2025-03-31 by K. Chief: " + Fixtures.WAIVER_REASON
                + " " + Fixtures.WAIVERS_FILE + ":2:5");
        assertThat(waiver.selectFirst(".waiver-reason").text()).isEqualTo(Fixtures.WAIVER_REASON);
        assertThat(waiver.selectFirst(".waiver-author").text()).isEqualTo("K. Chief");
        assertThat(waiver.selectFirst("time").attr("datetime")).isEqualTo("2025-03-31");
        assertThat(waiver.selectFirst(".waiver-loc").text()).isEqualTo(Fixtures.WAIVERS_FILE + ":2:5");
        assertThat(stale.attr("data-review")).isEqualTo("waived");
        assertThat(d.select("li.finding .badge-waived")).hasSize(1);
        assertThat(d.select("li.finding .waiver")).hasSize(1);
        assertThat(finding(d, "status.changed", 0).attr("data-review")).isEqualTo("open");
    }

    @Test
    void newBadgesAndTheVerdictCountWaivedNewAndFixed() {
        Document d = render(Fixtures.reviewed(), Render.FAIL_ON_ERROR);
        assertThat(d.title()).isEqualTo("factlint report: PASS");
        Element verdict = d.getElementById("verdict");
        assertThat(verdict.select(".stat").eachText()).containsExactly("Errors 1", "Warnings 1", "Info 2", "Waived 1",
                "New 1", "Unchanged 3", "Fixed 2", "Stories 1", "Facts 5", "Claims 2");
        assertThat(verdict.selectFirst(".verdict-line").text())
                .isEqualTo("Passed: no finding at or above error (not counted: 1 waived).");
        assertThat(verdict.selectFirst(".baseline-line").text()).isEqualTo("Compared with the baseline "
                + Fixtures.BASELINE_FILE + ": 1 new, 3 unchanged, 2 fixed.");
        assertThat(finding(d, "status.changed", 0).select(".badge-new")).isEmpty();
        assertThat(finding(d, "source.single", 0).select(".badge-new")).isEmpty();
        assertThat(finding(d, "source.single", 1).select(".badge-new").eachText()).containsExactly("new");
        assertThat(d.select("li.finding").eachAttr("data-baseline"))
                .containsExactly("unchanged", "unchanged", "unchanged", "new");

        Document onlyNew = render(Fixtures.reviewed(), Render.NEW_ON_WARNING);
        assertThat(onlyNew.title()).isEqualTo("factlint report: PASS");
        assertThat(onlyNew.selectFirst(".verdict-against").text())
                .isEqualTo("against --fail-on warning (new findings only)");
        assertThat(onlyNew.selectFirst(".verdict-line").text()).isEqualTo(
                "Passed: no new finding at or above warning (not counted: 1 waived, 1 unchanged since the baseline).");
        assertThat(finding(onlyNew, "status.changed", 0).select(".blocking")).isEmpty();
        assertThat(finding(onlyNew, "status.changed", 0).selectFirst(".not-counted").text())
                .isEqualTo("does not count: unchanged since the baseline");
        Document info = render(Fixtures.reviewed(), Render.NEW_ON_INFO);
        assertThat(info.title()).isEqualTo("factlint report: FAIL");
        assertThat(info.selectFirst(".verdict-line").text()).isEqualTo(
                "Failed: 1 new finding at or above info (not counted: 1 waived, 2 unchanged since the baseline).");
        assertThat(finding(info, "source.single", 1).select(".blocking")).hasSize(1);
        assertThat(finding(info, "source.single", 0).selectFirst(".not-counted").text())
                .isEqualTo("does not count: unchanged since the baseline");
    }

    @Test
    void withoutReviewsNoReviewMarks() {
        Document d = render(Fixtures.seed(), Render.FAIL_ON_ERROR);
        assertThat(d.select(".badge, .waiver, .not-counted, #fixed, .baseline-line, .stat-waived, .stat-new")).isEmpty();
        assertThat(d.select("li.finding[data-baseline]")).isEmpty();
        assertThat(d.select("button[data-dim=review], button[data-dim=baseline]")).isEmpty();
        assertThat(d.select("nav a").eachText()).doesNotContain("Fixed");
        Document waived = render(Fixtures.waivedOnly(), Render.FAIL_ON_ERROR);
        assertThat(waived.select("#fixed, .badge-new, button[data-dim=baseline]")).isEmpty();
        assertThat(waived.select("button[data-dim=review]").eachText()).containsExactly("waived 1", "not waived 3");
    }

    @Test
    void fixedSinceBaselineListsTheBaselinesFindingsThatAreGone() {
        Document d = render(Fixtures.reviewed(), Render.FAIL_ON_ERROR);
        assertThat(d.select("nav a").eachText()).contains("Fixed");
        Element fixed = d.getElementById("fixed");
        assertThat(fixed.selectFirst("h2").text()).isEqualTo("Fixed since baseline (2)");
        Elements items = fixed.select("li.fixed-finding");
        assertThat(items).hasSize(2);
        Element weekday = items.get(0);
        assertThat(weekday.selectFirst(".finding-head").text())
                .isEqualTo("fixed error date.weekday_mismatch " + Fixtures.EARLIER_FILE + ":28:5");
        assertThat(weekday.selectFirst(".message").text())
                .isEqualTo("mention \"on Friday (December 27)\": 27 Dec 2024 is a Friday, not a Thursday");
        assertThat(weekday.select(".finding-meta")).isEmpty(); // a mention: no entity, no facts
        Element desk = items.get(1);
        assertThat(desk.selectFirst(".finding-head").text())
                .isEqualTo("fixed info desk.deployment_unsourced " + Fixtures.EARLIER_FILE + ":19:5");
        assertThat(desk.selectFirst(".finding-meta").text()).contains("(dprk-troops)").contains("nk-soldier-captured#f4");
        // fixed findings link to their rule's help, even for a rule that is no longer loaded
        for (Element item : items) {
            String anchor = item.selectFirst("a.rule-id").attr("href").substring(1);
            assertThat(d.getElementById(anchor)).isNotNull();
        }
        // not findings of this check: not counted, not filtered
        assertThat(d.select("li.finding")).hasSize(4);
        assertThat(fixed.select("[data-filter-item]")).isEmpty();
    }

    @Test
    void ruleHelpShowsWhatMakesItFireAnExampleAndWhatToDo() {
        Document d = render(Fixtures.reviewed(), Render.FAIL_ON_ERROR);
        Elements rules = d.select("#rules article.rule");
        assertThat(rules.stream().map(r -> r.selectFirst("h3 code").text()))
                .as("sorted by id, the baseline's stand-in among them")
                .containsExactly("date.weekday_mismatch", "desk.deployment_unsourced", "source.single", "status.changed",
                        "status.stale");
        Element changed = rules.get(3);
        assertThat(changed.select(".rule-help dt").eachText()).containsExactly("What makes it fire", "Example", "What to do");
        assertThat(changed.select(".rule-help dd").eachText()).containsExactly(
                "Facts at two consecutive times give a subject two different statuses, and vocabulary/lifecycle.yaml "
                        + "allows that change (e.g. captured on the 26th, deceased on the 27th). One finding per change, "
                        + "naming the facts at both times.",
                "f1: soldier-1 status captured at 2024-12-26 (nis); f2: soldier-1 status deceased at 2024-12-27 (nis) "
                        + "-> warning: status changed from captured to deceased; any text presenting soldier-1 as captured "
                        + "is out of date.",
                "Make sure the headline and text give the latest status (or say when the earlier one held). Once the "
                        + "text is right, waive the finding: the change itself is real.");
        // not repeated among the other metadata
        assertThat(changed.select(".meta dt").eachText()).containsExactly("DRL rule", "Rule file");
        assertThat(rules.get(0).selectFirst("h3").text()).endsWith("(0 findings, 1 fixed)");
        assertThat(rules.get(2).selectFirst("h3").text()).endsWith("(2 findings)");
        // a rule no longer loaded: what the baseline knew (its severity), no help texts
        Element desk = rules.get(1);
        assertThat(desk.selectFirst("h3").text()).isEqualTo("desk.deployment_unsourced info (0 findings, 1 fixed)");
        assertThat(desk.select(".rule-help")).isEmpty();
    }

    @Test
    void hostileWaiversFixedFindingsAndRuleHelpAreTextNeverMarkup() {
        String html = Render.text(writer, Fixtures.hostileReviewed(), Render.FAIL_ON_ERROR);
        Document d = Jsoup.parse(html);
        assertThat(d.select("script")).hasSize(1);
        // the only SVG is the counts chart factlint draws (CountCharts escapes its texts); none from a payload
        assertThat(d.select("img, svg:not(svg.count-chart), iframe, object, embed")).isEmpty();
        assertThat(html).doesNotContain("<script>document").doesNotContain("<img").doesNotContain("<iframe");
        Element waiver = d.selectFirst("li.finding .waiver");
        assertThat(waiver.selectFirst(".waiver-reason").text()).contains(Fixtures.SCRIPT).contains(Fixtures.IMG);
        assertThat(waiver.selectFirst(".waiver-author").text()).contains(Fixtures.CLOSE_SCRIPT);
        assertThat(d.selectFirst("#fixed li.fixed-finding .message").text()).contains(Fixtures.IFRAME);
        assertThat(d.select("#rules .rule-help dd").eachText()).anySatisfy(t -> assertThat(t).contains(Fixtures.SVG));
        for (Element e : d.getAllElements()) {
            for (Attribute a : e.attributes()) assertThat(a.getKey()).doesNotStartWith("on");
        }
        assertThat(Render.bytes(writer, Fixtures.hostileReviewed(), Render.STAMPED))
                .isEqualTo(Render.bytes(writer, Fixtures.hostileReviewed(), Render.STAMPED));
    }
}
