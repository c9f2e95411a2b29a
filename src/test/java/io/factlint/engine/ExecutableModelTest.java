package io.factlint.engine;

import io.factlint.check.CheckOutcome;
import io.factlint.ingest.FactLoader;
import io.factlint.model.CheckResult;
import io.factlint.model.FactBase;
import io.factlint.model.Severity;
import io.factlint.report.JsonReportWriter;
import io.factlint.report.ReportOptions;
import io.factlint.report.TextReportWriter;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rule cache holds the default pack as Drools' executable model, and a pack loaded from it checks exactly as
 * the DRL compile does: on every rule-case fixture, every conformance case and the seed story, the JSON and text
 * reports are byte-identical; so are the rules' metadata and files. A newsroom's own rule beside the default pack
 * takes the same path; with {@code -Dfactlint.executableModel=false} the pack is cached as Drools' packages.
 */
class ExecutableModelTest {
    @TempDir
    static Path shared;
    private static RulePack drl;
    private static RulePack model;
    private static String storedNote;

    private static String property;

    @BeforeAll
    static void load() throws Exception {
        // the build turns the model off for the other tests (pom.xml, surefire): the program's default is on
        property = System.getProperty("factlint.executableModel");
        System.setProperty("factlint.executableModel", "true");
        drl = RulePack.load(Path.of("rules"));
        Path cache = shared.resolve("cache");
        Phases first = new Phases();
        RulePack.load(Path.of("rules"), CacheOptions.in(cache), first);
        storedNote = first.notes().get("rules");
        Phases second = new Phases();
        model = RulePack.load(Path.of("rules"), CacheOptions.in(cache), second);
        assertThat(second.notes().get("rules")).startsWith("from cache");
    }

    @org.junit.jupiter.api.AfterAll
    static void restore() {
        if (property == null) System.clearProperty("factlint.executableModel");
        else System.setProperty("factlint.executableModel", property);
    }

    static Stream<Path> fixtures() throws Exception {
        return WorkUnitsEquivalenceTest.fixtures();
    }

    private static boolean isModel(RulePack pack) {
        return pack.kieBase().getKiePackages().stream().flatMap(p -> p.getRules().stream())
                .allMatch(r -> ((RuleImpl) r).getConsequence().getClass().getName().startsWith("org.drools.modelcompiler."));
    }

    private static String report(RulePack pack, Path facts, boolean json) throws Exception {
        FactBase base = new FactLoader(pack.vocabulary().statusWords()).load(List.of(facts));
        CheckResult r = Engine.check(pack, base, EngineLimits.defaults(), Phases.NONE, Engine.Mode.PARTITIONED);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CheckOutcome o = CheckOutcome.of(r, Severity.ERROR, false);
        if (json) new JsonReportWriter().write(o, new ReportOptions("test", null), out);
        else new TextReportWriter().write(o, new ReportOptions("test", null), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theCacheHoldsTheExecutableModelAndItsRulesDescribeAsCompiled() {
        assertThat(storedNote).contains("(executable-model)");
        assertThat(isModel(model)).isTrue();
        assertThat(isModel(drl)).isFalse();
        assertThat(model.rules()).isEqualTo(drl.rules());
        assertThat(RuleCache.ruleNames(model.kieBase())).isEqualTo(RuleCache.ruleNames(drl.kieBase()));
        // every rule keeps its DRL file (the model carries none: the entry does)
        model.kieBase().getKiePackages().forEach(p -> p.getRules().forEach(r ->
                assertThat(((RuleImpl) r).getResource().getSourcePath()).startsWith("rules/").endsWith(".drl")));
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void reportsAreByteIdentical(Path facts) throws Exception {
        assertThat(report(model, facts, true)).isEqualTo(report(drl, facts, true));
        assertThat(report(model, facts, false)).isEqualTo(report(drl, facts, false));
    }

    @Test
    void aNewsroomRuleBesideTheDefaultPackTakesTheModelToo(@TempDir Path tmp) throws Exception {
        Path rules = tmp.resolve("rules");
        io.factlint.testing.TestFiles.copyTree(Path.of("rules"), rules);
        Files.copy(Path.of("examples/rules/desk.drl"), rules.resolve("desk.drl"));
        Files.copy(Path.of("examples/rules/desk.catalogue.yaml"), rules.resolve("desk.catalogue.yaml"));
        Path cache = tmp.resolve("cache");
        RulePack compiled = RulePack.load(rules, CacheOptions.in(cache));
        RulePack cached = RulePack.load(rules, CacheOptions.in(cache));
        assertThat(isModel(cached)).isTrue();
        assertThat(cached.rules()).isEqualTo(compiled.rules());
        String json = report(cached, Path.of("facts"), true);
        assertThat(json).contains("desk.deployment_unsourced").isEqualTo(report(compiled, Path.of("facts"), true));
    }

    @Test
    void aRuleFailingInItsConditionOrConsequenceIsNamedFromTheModelToo(@TempDir Path tmp) throws Exception {
        Path rules = tmp.resolve("rules");
        io.factlint.testing.TestFiles.copyTree(Path.of("rules"), rules);
        Files.writeString(rules.resolve("zz-bad.drl"), """
                package factlint.rules.bad;

                import io.factlint.model.*;

                rule "divides by zero"
                when
                    $f : Fact(attribute == "status")
                    eval(1 / ($f.getSeq() - $f.getSeq()) == 1)
                then
                end
                """);
        Path cache = tmp.resolve("cache");
        RulePack compiled = RulePack.load(rules, CacheOptions.in(cache));
        RulePack cached = RulePack.load(rules, CacheOptions.in(cache));
        assertThat(isModel(cached)).isTrue();
        for (RulePack pack : List.of(compiled, cached)) {
            FactBase base = new FactLoader(pack.vocabulary().statusWords()).load(List.of(Path.of("facts")));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Engine.check(pack, base, EngineLimits.defaults()))
                    .isInstanceOf(RuleFailure.class)
                    .hasMessageContaining("rule \"divides by zero\" (" + rules.resolve("zz-bad.drl").normalize() + ")")
                    .hasMessageContaining("while matching its conditions").hasMessageContaining("ArithmeticException");
        }
    }

    @Test
    void aPackWithAnEvalThatBindsNothingKeepsDroolsPackages(@TempDir Path tmp) throws Exception {
        // the executable model would run such an eval while the rules load (outside the session and its time limit)
        Path rules = tmp.resolve("rules");
        io.factlint.testing.TestFiles.copyTree(Path.of("rules"), rules);
        Files.writeString(rules.resolve("zz-const.drl"), """
                package factlint.rules.bad;

                import io.factlint.model.*;

                function boolean loads() {
                    throw new IllegalStateException("ran while the rules loaded");
                }

                rule "constant condition"
                when
                    Story()
                    eval(loads())
                then
                end
                """);
        Path cache = tmp.resolve("cache");
        Phases first = new Phases();
        RulePack.load(rules, CacheOptions.in(cache), first);
        assertThat(first.notes().get("rules")).contains("(packages)");
        assertThat(first.notes().get("rules.model")).contains("constant condition").contains("binds no variable");
        RulePack cached = RulePack.load(rules, CacheOptions.in(cache));
        assertThat(isModel(cached)).isFalse();
        FactBase base = new FactLoader(cached.vocabulary().statusWords()).load(List.of(Path.of("facts")));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Engine.check(cached, base, EngineLimits.defaults()))
                .isInstanceOf(RuleFailure.class).hasMessageContaining("constant condition");
    }

    @Test
    void theFallbackCachesDroolsPackages(@TempDir Path cache) throws Exception {
        String before = System.getProperty("factlint.executableModel");
        System.setProperty("factlint.executableModel", "false");
        try {
            Phases first = new Phases();
            RulePack.load(Path.of("rules"), CacheOptions.in(cache), first);
            assertThat(first.notes().get("rules")).contains("(packages)");
        } finally {
            if (before == null) System.clearProperty("factlint.executableModel");
            else System.setProperty("factlint.executableModel", before);
        }
        // an entry of either kind loads whatever the property says now
        Phases second = new Phases();
        RulePack packages = RulePack.load(Path.of("rules"), CacheOptions.in(cache), second);
        assertThat(second.notes().get("rules")).startsWith("from cache");
        assertThat(isModel(packages)).isFalse();
        assertThat(report(packages, Path.of("facts"), true)).isEqualTo(report(drl, Path.of("facts"), true));
    }
}
