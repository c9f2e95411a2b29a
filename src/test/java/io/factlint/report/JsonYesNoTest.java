package io.factlint.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.factlint.check.CheckPipeline;
import io.factlint.check.CheckRequest;
import io.factlint.engine.RulePack;
import io.factlint.model.CheckResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON report's claim {@code figure} of a yes/no measure ({@code yesNo:}) says yes, no, or "yes or no" when
 * sources at one time differ, as the reason does; undeclared, the same facts are the numbers 1 and 0.
 */
class JsonYesNoTest {
    private static final Path CASE = Path.of("src/test/resources/rule-cases/claims/yes-no/fires");

    @Test
    void aDeclaredStateIsShownAsYesOrNo(@TempDir Path tmp) throws Exception {
        Path rules = tmp.resolve("rules");
        try (Stream<Path> s = Files.walk(Path.of("rules"))) {
            for (Path p : s.toList()) {
                Path t = rules.resolve(Path.of("rules").relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
        Files.copy(CASE.resolve("vocabulary/measures.yaml"), rules.resolve("vocabulary/case-measures.yaml"));
        JsonNode report = report(new CheckPipeline(RulePack.load(rules)));
        assertThat(figure(report, "yn#no-shortage")).isEqualTo("test_kit_shortage of us on 20 Mar 2020: yes");
        assertThat(figure(report, "yn#ny-no-shortage")).isEqualTo("test_kit_shortage of ny on 20 Mar 2020: yes or no");
        assertThat(figure(report, "yn#schools")).isEqualTo("schools_open of ny on 20 Mar 2020: no");
        assertThat(claim(report, "yn#schools").path("value").asText()).isEqualTo("no");
    }

    @Test
    void undeclaredTheSameFactsAreNumbers() throws Exception {
        JsonNode report = report(io.factlint.testing.DefaultPack.pipeline());
        assertThat(figure(report, "yn#no-shortage")).isEqualTo("test_kit_shortage of us on 20 Mar 2020: 1");
        assertThat(figure(report, "yn#ny-no-shortage")).isEqualTo("test_kit_shortage of ny on 20 Mar 2020: [0, 1]");
    }

    private static JsonNode report(CheckPipeline pipeline) throws Exception {
        CheckResult r = pipeline.run(CheckRequest.of(List.of(CASE.resolve("facts")))).result();
        return new ObjectMapper().readTree(Render.bytes(new JsonReportWriter(), r, Render.FAIL_ON_ERROR));
    }

    private static JsonNode claim(JsonNode report, String ref) {
        for (JsonNode c : report.path("claims")) if (c.path("ref").asText().equals(ref)) return c;
        throw new AssertionError("no claim " + ref);
    }

    private static String figure(JsonNode report, String ref) {
        return claim(report, ref).path("figure").asText();
    }
}
