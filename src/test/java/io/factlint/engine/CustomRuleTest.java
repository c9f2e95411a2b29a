package io.factlint.engine;

import io.factlint.check.CheckOutcome;
import io.factlint.check.CheckPipeline;
import io.factlint.check.CheckRequest;
import io.factlint.model.CheckResult;
import io.factlint.model.Finding;
import io.factlint.model.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's example of a newsroom rule (examples/rules/desk.drl) works next to the default pack. */
class CustomRuleTest {

    @Test
    void theExampleRuleFiresOnTheSeedStory(@TempDir Path tmp) throws Exception {
        assertDeskRuleFires(tmp, Files.readString(Path.of("examples/rules/desk.drl")));
    }

    /**
     * A newsroom rule written before the rule API moved from {@code io.factlint.engine(.functions)} to
     * {@code io.factlint.rules}: Drools alone would fail with "Unable to resolve ObjectType 'Timeline'";
     * {@link LegacyImports} points the old imports at the new package.
     */
    @ParameterizedTest
    @ValueSource(strings = {
            "import io.factlint.engine.*;\nimport io.factlint.engine.functions.*;\n",
            "import io.factlint.engine.*\nimport io.factlint.engine.functions.*\n",
            "import io.factlint.engine.Timeline;\nimport io.factlint.engine.functions.Findings;\n"})
    void aRuleImportingTheOldPackagesStillWorks(String imports, @TempDir Path tmp) throws Exception {
        String drl = Files.readString(Path.of("examples/rules/desk.drl"));
        assertThat(drl).contains("import io.factlint.rules.*;\n");
        assertDeskRuleFires(tmp, drl.replace("import io.factlint.rules.*;\n", imports));
    }

    @Test
    void legacyMappingKeepsLinesAndLeavesOtherTextAlone() {
        String old = "package x;\nimport io.factlint.engine.*;\nimport io.factlint.engine.functions.Names;\n"
                + "// io.factlint.engine.functions.X in a comment\n";
        String mapped = new String(LegacyImports.map(old.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(mapped).isEqualTo("package x;\nimport io.factlint.engine.*; import io.factlint.rules.*;\n"
                + "import io.factlint.rules.Names;\n// io.factlint.engine.functions.X in a comment\n");
        byte[] current = "import io.factlint.rules.*;\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(LegacyImports.map(current)).isSameAs(current);
    }

    private static void assertDeskRuleFires(Path tmp, String deskDrl) throws Exception {
        Path rules = tmp.resolve("rules");
        io.factlint.testing.TestFiles.copyTree(Path.of("rules"), rules);
        Files.writeString(rules.resolve("desk.drl"), deskDrl);
        Files.copy(Path.of("examples/rules/desk.catalogue.yaml"), rules.resolve("desk.catalogue.yaml"));
        RulePack pack = RulePack.load(rules);
        assertThat(pack.rules()).extracting(r -> r.id()).contains("desk.deployment_unsourced");
        CheckResult r = new CheckPipeline(pack).run(CheckRequest.of(List.of(Path.of("facts")))).result();
        List<Finding> desk = r.findings().stream().filter(f -> f.rule().equals("desk.deployment_unsourced")).toList();
        assertThat(desk).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.subject()).isEqualTo("dprk-troops");
            assertThat(f.factRefs()).containsExactly("nk-soldier-captured#f4");
            assertThat(f.message()).isEqualTo("the deployment figure of dprk-troops rests on no military source");
        });
    }
}
