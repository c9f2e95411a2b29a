package io.factlint.cli;

import io.factlint.engine.RulePack;
import io.factlint.model.RuleInfo;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code factlint explain}, and the rule help metadata every rule of the default pack carries. */
class ExplainTest {

    @Test
    void everyRuleOfTheDefaultPackCarriesItsHelp() throws Exception {
        for (RuleInfo r : io.factlint.testing.DefaultPack.get().rules()) {
            assertThat(r.metadata()).as(r.id()).containsKeys("id", "severity", "description", "fires", "example", "fix");
            assertThat(r.metadata().get("fires")).as(r.id()).isNotBlank();
        }
    }

    @Test
    void explainPrintsDescriptionSeverityWhatFiresAnExampleAndHowToWaive() {
        CliRun r = CliRun.run(Map.of("FACTLINT_TODAY", "2025-01-01"), "explain", "count.decreased");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("count.decreased (error)\n  rule \"cumulative count drops\" in rules/counts.drl\n")
                .contains("\nWhat makes it fire\n  A cumulative attribute")
                .contains("\nExample\n  f1: killed_or_injured over 3000")
                .contains("\nWhat to do\n")
                .contains("\nHow to waive it\n")
                .contains("    - rule: count.decreased\n")
                .contains("      expires: 2025-04-01 ");
        assertThat(r.out().lines()).allMatch(l -> l.length() <= ExplainCommand.WIDTH);
    }

    @Test
    void rulesSharingAnIdShareTheirHelp() {
        CliRun r = CliRun.run("explain", "date.after_publication");
        assertThat(r.out()).contains("What makes it fire").contains("Example");
    }

    @Test
    void theWaiverRulesAreExplainedButNotWaivable() {
        CliRun r = CliRun.run("explain", "waiver.expired");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("built into factlint").contains("cannot be waived");
    }

    @Test
    void anUnknownRuleIsBadUsageWithASuggestion() {
        CliRun r = CliRun.run("explain", "status.chaged");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("unknown rule id \"status.chaged\"; did you mean status.changed?");
    }
}
