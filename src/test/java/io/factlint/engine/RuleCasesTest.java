package io.factlint.engine;

import io.factlint.ruletest.CaseResult;
import io.factlint.ruletest.RuleCases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every rule of the default pack against its fixtures (src/test/resources/rule-cases/RULE/{fires,clean}), and the
 * shared conformance cases (copied from ../shared/conformance), through the same harness as {@code factlint test}.
 */
class RuleCasesTest {
    private static final Path RULE_CASES = Path.of("src/test/resources/rule-cases");
    private static final Path CONFORMANCE = Path.of("src/test/resources/conformance");
    private static final Set<String> FORM_FOLDERS = Set.of("figures", "claims");
    private static RulePack pack;

    @BeforeAll
    static void compile() throws Exception {
        pack = RulePack.load(Path.of("rules"));
    }

    @TestFactory
    Stream<DynamicTest> ruleFixtures() throws Exception {
        return cases(RULE_CASES);
    }

    @TestFactory
    Stream<DynamicTest> conformanceCases() throws Exception {
        return cases(CONFORMANCE);
    }

    private static Stream<DynamicTest> cases(Path root) throws Exception {
        return RuleCases.find(root).stream().map(dir -> {
            String name = RuleCases.name(root, dir);
            return DynamicTest.dynamicTest(name, () -> {
                CaseResult r = RuleCases.run(pack, name, dir);
                assertThat(r.problems()).as(name).isEmpty();
            });
        });
    }

    @Test
    void everyRuleHasAFiringAndACleanFixture() throws Exception {
        Set<String> ids = pack.rules().stream().map(r -> r.id()).collect(Collectors.toSet());
        for (String id : ids) {
            assertThat(RULE_CASES.resolve(id).resolve("fires/expected.json")).as(id).exists();
            assertThat(RULE_CASES.resolve(id).resolve("clean/expected.json")).as(id).exists();
        }
        // besides one folder per rule id, cases may be grouped by figure kind or claim form (figures/expr, claims/...)
        try (Stream<Path> s = Files.list(RULE_CASES)) {
            assertThat(s.map(p -> p.getFileName().toString()).filter(n -> !FORM_FOLDERS.contains(n)).toList())
                    .containsExactlyInAnyOrderElementsOf(ids);
        }
    }

    @Test
    void allThirteenConformanceCasesAreHere() throws Exception {
        List<Path> found = RuleCases.find(CONFORMANCE);
        assertThat(found).hasSize(13);
    }
}
