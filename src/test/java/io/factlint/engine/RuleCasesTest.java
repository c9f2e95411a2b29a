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
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default pack against its rule cases (src/test/resources/rule-cases/**: each folder with facts/ and
 * expected.txt, the exact report lines an editor sees), and the shared conformance cases (copied from
 * ../shared/conformance, expected.json), through the same harness as {@code factlint test}. With
 * {@code -Dfactlint.updateCases=true} the rule cases' expected.txt are rewritten first (review the diff, commit it).
 */
class RuleCasesTest {
    private static final Path RULE_CASES = Path.of("src/test/resources/rule-cases");
    private static final Path CONFORMANCE = Path.of("src/test/resources/conformance");
    private static final Set<String> FORM_FOLDERS = Set.of("figures", "claims");
    private static RulePack pack;

    @BeforeAll
    static void compile() throws Exception {
        pack = io.factlint.testing.DefaultPack.get();
    }

    @TestFactory
    Stream<DynamicTest> ruleFixtures() throws Exception {
        if (Boolean.getBoolean("factlint.updateCases")) {
            for (Path dir : RuleCases.find(RULE_CASES)) {
                if (RuleCases.update(pack, dir)) System.out.println("updated " + dir.resolve(RuleCases.EXPECTED_TXT));
            }
        }
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
                assertThat(r.problems()).as(name + "\n" + String.join("\n", r.problems())).isEmpty();
            });
        });
    }

    /** Every rule case pins exact lines (no expected.json here), and every catalogue id has a firing and a clean case. */
    @Test
    void everyCatalogueRuleHasAFiringAndACleanCase() throws Exception {
        Set<String> ids = new TreeSet<>(pack.catalogue().entries().keySet());
        assertThat(ids).isNotEmpty();
        Set<String> fires = new TreeSet<>();
        Set<String> clean = new TreeSet<>();
        for (Path dir : RuleCases.find(RULE_CASES)) {
            assertThat(dir.resolve(RuleCases.EXPECTED_TXT)).as(dir + ": a rule case pins the exact lines").exists();
            assertThat(dir.resolve("expected.json")).doesNotExist();
            List<String> lines = Files.readAllLines(dir.resolve(RuleCases.EXPECTED_TXT));
            Set<String> silent = RuleCases.clean(dir);
            for (String id : ids) {
                boolean reported = lines.stream().anyMatch(l -> !l.startsWith("#") && l.contains(" [" + id + "] "));
                if (reported) fires.add(id);
                if (silent.contains(id)) {
                    assertThat(reported).as(dir + " is named clean for " + id + " but reports it").isFalse();
                    clean.add(id);
                }
            }
            assertThat(ids).as(dir + ": # clean: names rule ids of the catalogue").containsAll(silent);
        }
        assertThat(fires).as("rules with a case that makes them fire").isEqualTo(ids);
        assertThat(clean).as("rules with a case that shows them silent (# clean: id)").isEqualTo(ids);
    }

    @Test
    void allThirteenConformanceCasesAreHere() throws Exception {
        List<Path> found = RuleCases.find(CONFORMANCE);
        assertThat(found).hasSize(13);
    }
}
