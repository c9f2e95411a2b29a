package io.factlint.engine;

import io.factlint.model.CheckResult;
import io.factlint.model.Finding;
import io.factlint.model.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's example of a newsroom rule (examples/rules/desk.drl) works next to the default pack. */
class CustomRuleTest {

    @Test
    void theExampleRuleFiresOnTheSeedStory(@TempDir Path tmp) throws Exception {
        Path rules = tmp.resolve("rules");
        try (Stream<Path> s = Files.walk(Path.of("rules"))) {
            for (Path p : s.toList()) {
                Path to = rules.resolve(Path.of("rules").relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(to);
                else Files.copy(p, to);
            }
        }
        Files.copy(Path.of("examples/rules/desk.drl"), rules.resolve("desk.drl"));
        Files.copy(Path.of("examples/rules/desk.catalogue.yaml"), rules.resolve("desk.catalogue.yaml"));
        RulePack pack = RulePack.load(rules);
        assertThat(pack.rules()).extracting(r -> r.id()).contains("desk.deployment_unsourced");
        CheckResult r = Checker.check(pack, List.of(Path.of("facts")), EngineLimits.defaults());
        List<Finding> desk = r.findings().stream().filter(f -> f.rule().equals("desk.deployment_unsourced")).toList();
        assertThat(desk).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.subject()).isEqualTo("dprk-troops");
            assertThat(f.factRefs()).containsExactly("nk-soldier-captured#f4");
            assertThat(f.message()).isEqualTo("the deployment figure of dprk-troops rests on no military source");
        });
    }
}
