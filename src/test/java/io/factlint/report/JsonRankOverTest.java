package io.factlint.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.factlint.check.CheckRequest;
import io.factlint.model.CheckResult;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A rank over time in the JSON report: its form, period and rank intervals, from the real pipeline and writer. */
class JsonRankOverTest {

    /** The JSON report's entry for claim {@code s#id} of the fact files {@code facts} (JsonTrendTest uses it too). */
    static JsonNode claim(String facts, String id) throws Exception {
        return claimByRef(facts, "s#" + id);
    }

    /** The JSON report's claim {@code ref} ({@code story#claim}) of a check of {@code facts} with the default pack. */
    static JsonNode claimByRef(String facts, String ref) throws Exception {
        return claimByRef(io.factlint.testing.DefaultPack.pipeline(), facts, ref);
    }

    /** As {@link #claimByRef(String, String)}, checked with {@code pipeline} (a pack with vocabulary of its own). */
    static JsonNode claimByRef(io.factlint.check.CheckPipeline pipeline, String facts, String ref) throws Exception {
        CheckResult r = pipeline.run(CheckRequest.of(List.of(Path.of(facts)))).result();
        JsonNode report = new ObjectMapper().readTree(Render.bytes(new JsonReportWriter(), r, Render.FAIL_ON_ERROR));
        for (JsonNode c : report.path("claims")) if (c.path("ref").asText().equals(ref)) return c;
        throw new AssertionError("no claim " + ref);
    }

    @Test
    void aRankOverTimeCarriesItsPeriodOrderAndRankIntervals() throws Exception {
        JsonNode high = claim("src/test/resources/rule-cases/claims/rank-over/fires/facts", "high");
        JsonNode form = high.path("form");
        assertThat(form.path("kind").asText()).isEqualTo("rank_over");
        assertThat(form.path("rankOver").asText()).isEqualTo("2013-01-01/2018-12-31");
        assertThat(form.path("order").asText()).isEqualTo("desc");
        assertThat(form.has("complete")).isFalse();
        // not complete: rank 1 or lower, open downwards
        assertThat(form.path("conventional").path("min").asDouble()).isEqualTo(1.0);
        assertThat(form.path("conventional").path("max").isNull()).isTrue();
        assertThat(high.path("verdict").asText()).isEqualTo("undetermined");

        JsonNode series = claim("src/test/resources/rule-cases/claims/rank-over/clean/facts", "series");
        assertThat(series.path("form").path("complete").asBoolean()).isTrue();
        assertThat(series.path("form").path("conventional").path("max").asDouble()).isEqualTo(1.0);
        assertThat(series.path("verdict").asText()).isEqualTo("supported");
    }

    /** A record ("the highest on record": rank_over {"to": ...}): its open start is ISO 8601-2's "../END". */
    @Test
    void aRecordCarriesItsOpenStart() throws Exception {
        JsonNode record = claim("src/test/resources/rule-cases/claims/rank-over-record/fires/facts", "record");
        JsonNode form = record.path("form");
        assertThat(form.path("kind").asText()).isEqualTo("rank_over");
        assertThat(form.path("rankOver").asText()).isEqualTo("../2020-04-30");
        assertThat(form.path("conventional").path("min").asDouble()).isEqualTo(1.0);
        assertThat(form.path("conventional").path("max").isNull()).isTrue();
        assertThat(record.path("verdict").asText()).isEqualTo("undetermined");
        assertThat(record.path("reason").asText()).contains("among its 2 other values on record up to 30 Apr 2020");

        JsonNode y2009 = claim("src/test/resources/rule-cases/claims/rank-over-record/fires/facts", "record2009");
        assertThat(y2009.path("form").path("rankOver").asText()).isEqualTo("../2009-10-31");
        assertThat(y2009.path("form").path("conventional").path("min").asDouble()).isEqualTo(2.0);
        assertThat(y2009.path("verdict").asText()).isEqualTo("contradicted");
    }
}
