package io.factlint.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.factlint.check.CheckRequest;
import io.factlint.model.CheckResult;
import io.factlint.testing.DefaultPack;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A derived figure's figures.yaml {@code description} is in the JSON report (as the HTML report shows it), as an
 * optional field after {@code kind}. Real files through the real pipeline and writer.
 */
class JsonFigureDescriptionTest {

    private static JsonNode json(String path) throws Exception {
        CheckResult r = DefaultPack.pipeline().run(CheckRequest.of(List.of(Path.of(path)))).result();
        return new ObjectMapper().readTree(Render.bytes(new JsonReportWriter(), r, Render.FAIL_ON_ERROR));
    }

    @Test
    void theSeedStorysCasualtyShareCarriesItsDescriptionAfterItsKind() throws Exception {
        JsonNode figures = json("facts/nk-soldier-captured.json").path("figures");
        assertThat(figures).hasSize(1);
        JsonNode share = figures.get(0);
        assertThat(share.path("attribute").asText()).isEqualTo("casualty_share");
        assertThat(share.path("description").asText()).isEqualTo("share of the deployed force killed or injured");
        List<String> names = new ArrayList<>();
        share.fieldNames().forEachRemaining(names::add);
        assertThat(names).endsWith("kind", "description");
    }

    @Test
    void anExprFigureCarriesItsOwnDescription() throws Exception {
        JsonNode figures = json("src/test/resources/rule-cases/figures/expr/fires/facts").path("figures");
        assertThat(figures).isNotEmpty().allSatisfy(f -> assertThat(f.path("kind").asText()).isEqualTo("expr"));
        assertThat(figures.findValuesAsText("description")).hasSize(figures.size())
                .containsOnly("share of the excess deaths not registered as covid deaths");
    }
}
