package io.factlint.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.factlint.check.CheckRequest;
import io.factlint.model.CheckResult;
import io.factlint.testing.DefaultPack;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A derived share whose ends differ only at the second or third decimal (issue 11.6): its arithmetic and its
 * display in the JSON and Markdown reports print the decimals that tell the ends apart, as the figure lines do
 * (rule cases claims/percent-precision-figure). Real files through the real pipeline and writers.
 */
class JsonFigurePrecisionTest {
    private static final String CASES = "src/test/resources/rule-cases/claims/percent-precision-figure/";

    private static CheckResult check(String path) throws Exception {
        return DefaultPack.pipeline().run(CheckRequest.of(List.of(Path.of(path)))).result();
    }

    private static JsonNode json(CheckResult r) throws Exception {
        return new ObjectMapper().readTree(Render.bytes(new JsonReportWriter(), r, Render.FAIL_ON_ERROR));
    }

    @Test
    void aRatioWithCloseEndsShowsTwoDecimalsInItsArithmeticAndClaimFigure() throws Exception {
        JsonNode report = json(check(CASES + "fires/facts"));
        JsonNode share = report.path("figures").get(0);
        assertThat(share.path("attribute").asText()).isEqualTo("recovery_share");
        assertThat(share.path("arithmetic").asText()).isEqualTo("[51,955, 51,965] / 100,000 = [51.96 %, 51.97 %]");
        assertThat(share.path("strictArithmetic").asText()).isEqualTo("[51,955, 51,965] / 100,000 = [51.96 %, 51.97 %]");
        assertThat(report.path("claims").get(0).path("figure").asText())
                .isEqualTo("recovery_share of town on 1 Oct 2020: [51.96 %, 51.97 %]");
    }

    @Test
    void anExprWithCloserEndsShowsThreeDecimalsInItsArithmetic() throws Exception {
        JsonNode share = json(check(CASES + "clean/facts")).path("figures").get(0);
        assertThat(share.path("kind").asText()).isEqualTo("expr");
        assertThat(share.path("arithmetic").asText())
                .isEqualTo("([100,000, 100,001] \u2212 48,040) / [100,000, 100,001] = [51.959 %, 51.961 %]");
    }

    @Test
    void theMarkdownReportShowsTheSameDecimals() throws Exception {
        String md = new String(Render.bytes(new MarkdownReportWriter(), check(CASES + "fires/facts"), Render.FAIL_ON_ERROR),
                StandardCharsets.UTF_8);
        // Markdown escapes the brackets
        assertThat(md).contains("| \\[51.96 %, 51.97 %\\]<br>\\[51,955, 51,965\\] / 100,000 = \\[51.96 %, 51.97 %\\] |")
                .doesNotContain("52.0 %");
    }
}
