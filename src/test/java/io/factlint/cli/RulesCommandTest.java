package io.factlint.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RulesCommandTest {

    @Test
    void listsTheLoadedRulesWithTheirMetadata() {
        Cli r = Cli.run("rules");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("status.changed", "warning", "rules/status.drl", TestCommandTest.ruleCount() + " rules from rules");
        assertThat(r.out().lines().filter(l -> l.matches("^[a-z_.]+\\s+(error|warning|info)\\s+.*")).count()).isEqualTo(TestCommandTest.ruleCount());
    }

    @Test
    void listsThemAsJson() {
        Cli r = Cli.run("rules", "--format", "json");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("\"id\" : \"quote.number_mismatch\"", "\"severity\" : \"error\"");
    }
}
