package io.factlint.report;

import io.factlint.check.CheckPipeline;
import io.factlint.engine.RulePack;
import io.factlint.testing.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON report's claim {@code figure} of a yes/no measure ({@code yesNo:}) says yes, no, or "yes or no" when
 * sources at one time differ, as the reason does; undeclared, the same facts are the numbers 1 and 0.
 */
class JsonYesNoTest {
    private static final Path CASE = Path.of("src/test/resources/rule-cases/claims/yes-no/fires");
    private static final String FACTS = CASE.resolve("facts").toString();

    @Test
    void aDeclaredStateIsShownAsYesOrNo(@TempDir Path tmp) throws Exception {
        Path rules = TestFiles.copyTree(Path.of("rules"), tmp.resolve("rules"));
        Files.copy(CASE.resolve("vocabulary/measures.yaml"), rules.resolve("vocabulary/case-measures.yaml"));
        CheckPipeline pipeline = new CheckPipeline(RulePack.load(rules));
        assertThat(figure(pipeline, "yn#no-shortage")).isEqualTo("test_kit_shortage of us on 20 Mar 2020: yes");
        assertThat(figure(pipeline, "yn#ny-no-shortage")).isEqualTo("test_kit_shortage of ny on 20 Mar 2020: yes or no");
        assertThat(figure(pipeline, "yn#schools")).isEqualTo("schools_open of ny on 20 Mar 2020: no");
        assertThat(JsonRankOverTest.claimByRef(pipeline, FACTS, "yn#schools").path("value").asText()).isEqualTo("no");
    }

    @Test
    void undeclaredTheSameFactsAreNumbers() throws Exception {
        CheckPipeline pipeline = io.factlint.testing.DefaultPack.pipeline();
        assertThat(figure(pipeline, "yn#no-shortage")).isEqualTo("test_kit_shortage of us on 20 Mar 2020: 1");
        assertThat(figure(pipeline, "yn#ny-no-shortage")).isEqualTo("test_kit_shortage of ny on 20 Mar 2020: [0, 1]");
    }

    private static String figure(CheckPipeline pipeline, String ref) throws Exception {
        return JsonRankOverTest.claimByRef(pipeline, FACTS, ref).path("figure").asText();
    }
}
