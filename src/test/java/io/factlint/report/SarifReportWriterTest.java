package io.factlint.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import io.factlint.model.CheckResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SarifReportWriterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final SarifReportWriter writer = new SarifReportWriter();

    private JsonNode sarif(CheckResult r, ReportOptions o) throws Exception {
        return JSON.readTree(Render.bytes(writer, r, o));
    }

    @Test
    void seedReportValidatesAgainstTheOasisSchema() throws Exception {
        for (ReportOptions o : List.of(Render.FAIL_ON_ERROR, Render.STAMPED, Render.NEVER)) {
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
        assertThat(rules).hasSize(15);
        JsonNode changed = rules.get(0);
        assertThat(changed.get("id").asText()).isEqualTo("status.changed");
        assertThat(changed.at("/shortDescription/text").asText()).startsWith("A subject's status changed");
        assertThat(changed.at("/fullDescription/text").asText()).isNotBlank();
        assertThat(changed.at("/defaultConfiguration/level").asText()).isEqualTo("warning");
        assertThat(changed.at("/help/text").asText()).contains("since: 0.1.0").contains("rules/default.drl");
        assertThat(rules.get(13).at("/defaultConfiguration/level").asText()).isEqualTo("note"); // source.single
    }

    @Test
    void resultsPointAtTheFactFilesWithRelatedFactsAndFingerprints() throws Exception {
        CheckResult seed = Fixtures.seed();
        JsonNode results = sarif(seed, Render.FAIL_ON_ERROR).at("/runs/0/results");
        assertThat(results).hasSize(4);

        JsonNode stale = results.get(0);
        assertThat(stale.get("ruleId").asText()).isEqualTo("status.stale");
        assertThat(stale.get("ruleIndex").asInt()).isEqualTo(3);
        assertThat(stale.get("level").asText()).isEqualTo("error");
        assertThat(stale.at("/message/text").asText()).startsWith("The headline says");
        JsonNode loc = stale.at("/locations/0/physicalLocation");
        assertThat(loc.at("/artifactLocation/uri").asText()).isEqualTo("facts/nk-soldier-captured.json");
        assertThat(loc.at("/region/startLine").asInt()).isEqualTo(68);
        assertThat(loc.at("/region/startColumn").asInt()).isEqualTo(7);
        JsonNode related = stale.get("relatedLocations");
        assertThat(related).hasSize(2);
        assertThat(related.get(0).at("/physicalLocation/region/startLine").asInt()).isEqualTo(28);
        assertThat(related.get(0).at("/message/text").asText()).startsWith("nk-soldier-captured#f2");
        assertThat(stale.at("/partialFingerprints/factlint~1v1").asText())
                .isEqualTo(seed.findings().get(0).fingerprint());

        JsonNode changed = results.get(1);
        assertThat(changed.get("level").asText()).isEqualTo("warning");
        // the primary location is f1's, so only f2 and f3 are related
        assertThat(changed.get("relatedLocations")).hasSize(2);
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
        assertThat(message).contains(Fixtures.SCRIPT).contains(Fixtures.CONTROLS).contains("lone\uFFFDsurrogate");
        assertThat(log.at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo("facts/evil%20story%20%231.json");
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
}
