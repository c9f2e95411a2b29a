package io.factlint.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import io.factlint.model.CheckResult;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SarifReportWriterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final SarifReportWriter writer = new SarifReportWriter();

    private JsonNode sarif(CheckResult r, Render.Gated o) throws Exception {
        return JSON.readTree(Render.bytes(writer, r, o));
    }

    @Test
    void seedReportValidatesAgainstTheOasisSchema() throws Exception {
        for (Render.Gated o : List.of(Render.FAIL_ON_ERROR, Render.STAMPED, Render.NEVER)) {
            List<Error> errors = SarifSchema.validate(sarif(Fixtures.seed(), o));
            assertThat(errors).as("schema errors").isEmpty();
        }
    }

    @Test
    void hostileReportValidatesAgainstTheOasisSchema() throws Exception {
        List<Error> errors = SarifSchema.validate(sarif(Fixtures.hostile(), Render.FAIL_ON_ERROR));
        assertThat(errors).as("schema errors").isEmpty();
    }

    @Test
    void theSchemaCatchesAnInvalidLog() throws Exception {
        JsonNode bad = sarif(Fixtures.seed(), Render.FAIL_ON_ERROR);
        ((com.fasterxml.jackson.databind.node.ObjectNode) bad.at("/runs/0/results/0")).put("level", "fatal");
        assertThat(SarifSchema.validate(bad)).isNotEmpty();
    }

    @Test
    void driverListsTheLoadedRulesWithTheirMetadata() throws Exception {
        JsonNode run = sarif(Fixtures.seed(), Render.FAIL_ON_ERROR).at("/runs/0");
        JsonNode driver = run.at("/tool/driver");
        assertThat(driver.get("name").asText()).isEqualTo("factlint");
        assertThat(driver.get("version").asText()).isEqualTo("0.1.0");
        assertThat(driver.has("informationUri")).as("no made-up project address").isFalse();
        JsonNode rules = driver.get("rules");
        assertThat(rules).hasSize(Fixtures.seed().rules().size());
        JsonNode changed = rules.get(11); // sorted by id
        assertThat(changed.get("id").asText()).isEqualTo("status.changed");
        assertThat(changed.at("/shortDescription/text").asText()).isEqualTo("A subject's status changes, as the "
                + "lifecycle allows, between two consecutive times: text presenting the earlier status as current is out of date.");
        assertThat(changed.at("/fullDescription/text").asText()).isNotBlank();
        assertThat(changed.at("/defaultConfiguration/level").asText()).isEqualTo("warning");
        assertThat(changed.at("/help/text").asText()).contains("\nfires: Facts at two consecutive times give a subject two "
                + "different statuses").contains("\nrule file: rules/status.drl");
        assertThat(rules.get(10).get("id").asText()).isEqualTo("source.single");
        assertThat(rules.get(10).at("/defaultConfiguration/level").asText()).isEqualTo("note");
    }

    @Test
    void resultsPointAtTheFactFilesWithRelatedFactsAndFingerprints() throws Exception {
        CheckResult seed = Fixtures.seed();
        JsonNode results = sarif(seed, Render.FAIL_ON_ERROR).at("/runs/0/results");
        assertThat(results).hasSize(4);

        JsonNode stale = results.get(0);
        assertThat(stale.get("ruleId").asText()).isEqualTo("status.stale");
        assertThat(stale.get("ruleIndex").asInt()).isEqualTo(14);
        assertThat(stale.get("level").asText()).isEqualTo("error");
        assertThat(stale.at("/message/text").asText()).startsWith("soldier-1 (wounded North Korean soldier): claim "
                + "\"North Korean soldier captured by Ukrainian forces\" says captured");
        JsonNode loc = stale.at("/locations/0/physicalLocation");
        assertThat(loc.at("/artifactLocation/uri").asText()).isEqualTo(Fixtures.STORY_FILE);
        assertThat(loc.at("/region/startLine").asInt()).isEqualTo(23); // the headline claim
        assertThat(loc.at("/region/startColumn").asInt()).isEqualTo(5);
        JsonNode related = stale.get("relatedLocations");
        assertThat(related).hasSize(3);
        assertThat(related.get(1).at("/physicalLocation/region/startLine").asInt()).isEqualTo(17);
        assertThat(related.get(1).at("/message/text").asText()).startsWith("nk-soldier-captured#f2");
        assertThat(stale.at("/partialFingerprints/factlint~1v1").asText())
                .isEqualTo(seed.findings().get(0).fingerprint());

        JsonNode changed = results.get(1);
        assertThat(changed.get("level").asText()).isEqualTo("warning");
        // the primary location is f3's (the change), so only f1 and f2 are related
        assertThat(changed.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(18);
        assertThat(changed.get("relatedLocations")).hasSize(2);
        assertThat(changed.at("/relatedLocations/0/message/text").asText()).startsWith("nk-soldier-captured#f1");
        assertThat(results.get(2).get("level").asText()).isEqualTo("note");
        assertThat(results.get(2).has("relatedLocations")).isFalse();
    }

    @Test
    void filePathsArePercentEncodedRelativeUris() {
        assertThat(SarifReportWriter.uri("facts/evil story #1.json")).isEqualTo("facts/evil%20story%20%231.json");
        assertThat(SarifReportWriter.uri("facts\\win.json")).isEqualTo("facts/win.json");
        assertThat(SarifReportWriter.uri("/abs/a b.json")).isEqualTo("file:///abs/a%20b.json");
        assertThat(SarifReportWriter.uri("c:x/y:z.json")).isEqualTo("c%3Ax/y:z.json");
        assertThat(SarifReportWriter.uri("facts/100%.json")).isEqualTo("facts/100%25.json");
        assertThat(SarifReportWriter.uri("facts/ü.json")).isEqualTo("facts/%C3%BC.json");
    }

    @Test
    void hostileTextsStayTextAndLoneSurrogatesAreReplaced() throws Exception {
        JsonNode log = sarif(Fixtures.hostile(), Render.FAIL_ON_ERROR);
        String message = log.at("/runs/0/results/0/message/text").asText();
        assertThat(message).contains(Fixtures.SCRIPT).contains(Fixtures.CONTROLS.replace("[", "\\[")).contains("lone\uFFFDsurrogate");
        assertThat(log.at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo("target/report-fixtures/hostile/evil%20story%20%231.json");
    }

    @Test
    void timestampOnlyWhenGiven() throws Exception {
        assertThat(sarif(Fixtures.seed(), Render.FAIL_ON_ERROR).at("/runs/0/invocations/0").has("endTimeUtc")).isFalse();
        assertThat(sarif(Fixtures.seed(), Render.STAMPED).at("/runs/0/invocations/0/endTimeUtc").asText())
                .isEqualTo("2024-12-28T09:30:00Z");
    }

    @Test
    void outputIsByteIdenticalForIdenticalInput() {
        assertThat(Render.bytes(writer, Fixtures.seed(), Render.FAIL_ON_ERROR))
                .isEqualTo(Render.bytes(writer, Fixtures.seed(), Render.FAIL_ON_ERROR));
        assertThat(Render.bytes(writer, Fixtures.hostile(), Render.FAIL_ON_ERROR))
                .isEqualTo(Render.bytes(writer, Fixtures.hostile(), Render.FAIL_ON_ERROR));
        assertThat(Render.text(writer, Fixtures.seed(), Render.FAIL_ON_ERROR)).doesNotContain("\r");
    }

    @Test
    void reviewedReportsValidateAgainstTheOasisSchema() throws Exception {
        for (CheckResult r : List.of(Fixtures.reviewed(), Fixtures.hostileReviewed(), Fixtures.waivedOnly())) {
            for (Render.Gated o : List.of(Render.FAIL_ON_ERROR, Render.NEW_ON_WARNING, Render.NEVER)) {
                assertThat(SarifSchema.validate(sarif(r, o))).as("schema errors").isEmpty();
            }
        }
    }

    @Test
    void aWaivedFindingIsAnAcceptedExternalSuppressionLocatedAtItsWaiver() throws Exception {
        JsonNode results = sarif(Fixtures.reviewed(), Render.FAIL_ON_ERROR).at("/runs/0/results");
        JsonNode stale = results.get(0);
        assertThat(stale.get("ruleId").asText()).isEqualTo("status.stale");
        JsonNode suppressions = stale.get("suppressions");
        assertThat(suppressions).hasSize(1);
        JsonNode s = suppressions.get(0);
        assertThat(s.get("kind").asText()).isEqualTo("external");
        assertThat(s.get("status").asText()).isEqualTo("accepted");
        assertThat(s.get("justification").asText()).isEqualTo(Fixtures.WAIVER_REASON);
        assertThat(s.at("/location/physicalLocation/artifactLocation/uri").asText()).isEqualTo(Fixtures.WAIVERS_FILE);
        assertThat(s.at("/location/physicalLocation/region/startLine").asInt()).isEqualTo(2);
        assertThat(s.at("/location/physicalLocation/region/startColumn").asInt()).isEqualTo(5);
        assertThat(s.at("/properties/author").asText()).isEqualTo("K. Chief");
        assertThat(s.at("/properties/expires").asText()).isEqualTo("2025-03-31");
        // the others are evaluated and not suppressed: an empty array, not a missing one
        for (int i = 1; i < 4; i++) assertThat(results.get(i).get("suppressions")).isEmpty();
        // still listed with its own level: SARIF consumers hide suppressed results themselves
        assertThat(stale.get("level").asText()).isEqualTo("error");
    }

    @Test
    void withABaselineEveryResultHasABaselineStateAndFixedOnesAreAbsent() throws Exception {
        JsonNode run = sarif(Fixtures.reviewed(), Render.FAIL_ON_ERROR).at("/runs/0");
        JsonNode results = run.get("results");
        assertThat(results).hasSize(6);
        List<String> states = new java.util.ArrayList<>();
        results.forEach(r -> states.add(r.get("ruleId").asText() + "=" + r.get("baselineState").asText()));
        assertThat(states).containsExactly("status.stale=unchanged", "status.changed=unchanged",
                "source.single=unchanged", "source.single=new", "date.weekday_mismatch=absent",
                "desk.deployment_unsourced=absent");
        // a fixed finding is what the baseline report said of it
        JsonNode baseline = new ObjectMapper().readTree(java.nio.file.Path.of(Fixtures.BASELINE_FILE).toFile());
        JsonNode weekdayThen = null;
        for (JsonNode f : baseline.get("findings")) if (f.get("rule").asText().equals("date.weekday_mismatch")) weekdayThen = f;
        assertThat(weekdayThen).as("the baseline's weekday error").isNotNull();
        JsonNode gone = results.get(4);
        assertThat(gone.get("level").asText()).isEqualTo("error");
        assertThat(gone.at("/message/text").asText())
                .isEqualTo("mention \"on Friday (December 27)\": 27 Dec 2024 is a Friday, not a Thursday");
        assertThat(gone.at("/locations/0/physicalLocation/artifactLocation/uri").asText()).isEqualTo(Fixtures.EARLIER_FILE);
        assertThat(gone.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(28);
        assertThat(gone.at("/partialFingerprints/factlint~1v1").asText()).isEqualTo(weekdayThen.get("fingerprint").asText());
        assertThat(gone.at("/properties/facts")).isEmpty(); // a mention, not a fact
        assertThat(gone.has("suppressions")).isFalse();
        JsonNode rules = run.at("/tool/driver/rules");
        assertThat(rules.get(gone.get("ruleIndex").asInt()).get("id").asText()).isEqualTo("date.weekday_mismatch");
        // a rule the pack no longer has (the desk rule the baseline was checked with) still gets a rule entry, so
        // ruleIndex stays valid
        JsonNode old = results.get(5);
        assertThat(rules.get(old.get("ruleIndex").asInt()).get("id").asText()).isEqualTo("desk.deployment_unsourced");
        assertThat(old.at("/level").asText()).isEqualTo("note");
        assertThat(old.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(19);
        assertThat(old.at("/properties/facts/0").asText()).isEqualTo("nk-soldier-captured#f4");
        assertThat(run.at("/properties/baseline/file").asText()).isEqualTo(Fixtures.BASELINE_FILE);
        assertThat(run.at("/properties/baseline/absent").asInt()).isEqualTo(2);
        assertThat(run.at("/properties/waived").asInt()).isEqualTo(1);
        // the stand-in takes its place in id order, as every other list is sorted
        List<String> ids = new ArrayList<>();
        rules.forEach(r -> ids.add(r.get("id").asText()));
        assertThat(ids).contains("desk.deployment_unsourced").isSorted();
    }

    @Test
    void aShortDescriptionIsTheFirstSentenceWholeParenthesesAndAbbreviationsIncluded() {
        assertThat(SarifReportWriter.firstSentence("A status claim (e.g. the headline). Fires when it is stale."))
                .isEqualTo("A status claim (e.g. the headline).");
        assertThat(SarifReportWriter.firstSentence("Parts, i.e. counts, exceed a whole. More text."))
                .isEqualTo("Parts, i.e. counts, exceed a whole.");
        assertThat(SarifReportWriter.firstSentence("One sentence only")).isEqualTo("One sentence only");
    }

    @Test
    void withoutABaselineNoBaselineState() throws Exception {
        JsonNode run = sarif(Fixtures.waivedOnly(), Render.FAIL_ON_ERROR).at("/runs/0");
        assertThat(run.get("results")).hasSize(4).allSatisfy(r -> assertThat(r.has("baselineState")).isFalse());
        assertThat(run.at("/properties").has("baseline")).isFalse();
    }

    @Test
    void passedHonoursWaiversAndFailOnNew() throws Exception {
        // status.stale, the only error, is waived
        assertThat(sarif(Fixtures.seed(), Render.FAIL_ON_ERROR).at("/runs/0/properties/passed").asBoolean()).isFalse();
        assertThat(sarif(Fixtures.reviewed(), Render.FAIL_ON_ERROR).at("/runs/0/properties/passed").asBoolean()).isTrue();
        // status.changed is an unchanged warning; the troops' source.single a new info
        JsonNode props = sarif(Fixtures.reviewed(), Render.NEW_ON_WARNING).at("/runs/0/properties");
        assertThat(props.get("passed").asBoolean()).isTrue();
        assertThat(props.get("failOnNew").asBoolean()).isTrue();
        assertThat(sarif(Fixtures.reviewed(), Render.NEW_ON_INFO).at("/runs/0/properties/passed").asBoolean()).isFalse();
    }

    @Test
    void hostileWaiversAndFixedFindingsStayText() throws Exception {
        JsonNode run = sarif(Fixtures.hostileReviewed(), Render.FAIL_ON_ERROR).at("/runs/0");
        JsonNode s = run.at("/results/0/suppressions/0");
        assertThat(s.get("justification").asText()).contains(Fixtures.SCRIPT).contains("lone\uFFFDsurrogate");
        assertThat(s.at("/properties/author").asText()).startsWith("K. Chief ").contains(Fixtures.IFRAME);
        assertThat(run.at("/results/4/message/text").asText()).contains(Fixtures.CLOSE_SCRIPT);
        assertThat(Render.bytes(writer, Fixtures.hostileReviewed(), Render.NEW_ON_WARNING))
                .isEqualTo(Render.bytes(writer, Fixtures.hostileReviewed(), Render.NEW_ON_WARNING));
    }

    @Test
    void theStatusErratumIsNarrow() throws Exception {
        JsonNode log = sarif(Fixtures.reviewed(), Render.FAIL_ON_ERROR);
        com.fasterxml.jackson.databind.node.ObjectNode s =
                (com.fasterxml.jackson.databind.node.ObjectNode) log.at("/runs/0/results/0/suppressions/0");
        s.put("status", "fine");
        assertThat(SarifSchema.validate(log)).isNotEmpty();
        s.put("status", "accepted");
        s.put("reviewer", "x");
        assertThat(SarifSchema.validate(log)).isNotEmpty();
    }

    @Test
    void messageTextEscapesLiteralBrackets() throws Exception {
        assertThat(SarifReportWriter.messageText("[x](javascript:alert(1)) ![img](https://e/i.png) a\\[b] c\\d"))
                .isEqualTo("\\[x\\](javascript:alert(1)) !\\[img\\](https://e/i.png) a\\\\\\[b\\] c\\d");
        JsonNode results = sarif(Fixtures.tainted("[x](javascript:alert(1)) ![img](https://e/i.png)"), Render.FAIL_ON_ERROR)
                .at("/runs/0/results");
        assertThat(results.size()).isPositive();
        for (JsonNode r : results) {
            String text = r.at("/message/text").asText();
            assertThat(text).contains("\\[x\\](javascript").doesNotContainPattern("(?<!\\\\)\\[");
            for (JsonNode rel : r.path("relatedLocations")) {
                assertThat(rel.at("/message/text").asText()).doesNotContainPattern("(?<!\\\\)[\\[\\]]");
            }
        }
    }
}
