package io.factlint.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.factlint.check.CheckRequest;
import io.factlint.model.CheckResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15.9: an unbounded interval end is {@code null} in the JSON report (the contract), and
 * {@code minInfinite}/{@code maxInfinite} say which infinity, so that a figure that overflowed to {@code (∞, ∞)} is
 * not written like {@code (−∞, ∞)}. Real files through the real pipeline and the real writer.
 */
class JsonReportIntervalsTest {

    private static JsonNode json(Path file) throws Exception {
        CheckResult r = io.factlint.testing.DefaultPack.pipeline().run(CheckRequest.of(List.of(file))).result();
        return new ObjectMapper().readTree(Render.bytes(new JsonReportWriter(), r, Render.FAIL_ON_ERROR));
    }

    private static JsonNode figure(JsonNode report, String attribute) {
        for (JsonNode f : report.path("figures")) {
            if (f.path("attribute").asText().equals(attribute)) return f;
        }
        throw new AssertionError("no figure " + attribute + " in " + report.path("figures"));
    }

    @Test
    void aShareOverATinyWholeIsPositiveInfinityAtBothEnds(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("story.json");
        Files.writeString(file, """
                {
                  "story": {"id": "s", "published": "2025-03-10"},
                  "sources": [{"id": "a", "name": "Agency A", "kind": "agency"}, {"id": "b", "name": "Outlet B", "kind": "media"}],
                  "entities": [{"id": "u", "kind": "group", "name": "a battalion"}],
                  "facts": [
                    {"id": "dep", "subject": "u", "attribute": "deployed", "value": {"amount": 4.9e-324, "bound": "exactly"},
                     "at": "2025-03-01", "source": "a"},
                    {"id": "ki", "subject": "u", "attribute": "killed_or_injured", "value": 1, "at": "2025-03-01", "source": "b"}
                  ]
                }
                """);
        JsonNode share = figure(json(file), "casualty_share");
        for (String reading : List.of("conventional", "strict")) {
            JsonNode i = share.path(reading);
            assertThat(i.get("min").isNull()).as(reading + " min").isTrue();
            assertThat(i.get("max").isNull()).as(reading + " max").isTrue();
            assertThat(i.path("minInfinite").asText()).as(reading + ": the lower end is +∞, not unbounded below").isEqualTo("positive");
            assertThat(i.path("maxInfinite").asText()).as(reading).isEqualTo("positive");
        }
    }

    @Test
    void aFiniteEndHasNoInfinityFieldAndAnUnboundedEndSaysPositive() throws Exception {
        JsonNode share = figure(json(Path.of("facts/nk-soldier-captured.json")), "casualty_share");
        JsonNode conventional = share.path("conventional");
        assertThat(conventional.get("min").isNumber()).isTrue();
        assertThat(conventional.has("minInfinite")).isFalse();
        assertThat(conventional.has("maxInfinite")).isFalse();
        JsonNode strict = share.path("strict");
        assertThat(strict.get("min").isNumber()).isTrue();
        assertThat(strict.has("minInfinite")).isFalse();
        assertThat(strict.get("max").isNull()).as("the contract: an unbounded end is null").isTrue();
        assertThat(strict.path("maxInfinite").asText()).isEqualTo("positive");
    }

    @Test
    void everyInfinityHasItsSign() {
        var i = JsonReportWriter.IntervalJson.of(io.factlint.model.Interval.of(Double.NEGATIVE_INFINITY, true, 3, false));
        assertThat(i.min()).isNull();
        assertThat(i.minInfinite()).isEqualTo("negative");
        assertThat(i.max()).isEqualTo(3.0);
        assertThat(i.maxInfinite()).isNull();
    }
}
