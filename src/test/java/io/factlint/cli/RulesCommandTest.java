package io.factlint.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.factlint.testing.DefaultPack;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RulesCommandTest {

    @Test
    void listsTheLoadedRulesWithTheirMetadata() throws Exception {
        int n = DefaultPack.get().rules().size();
        Cli r = Cli.run("rules");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("status.changed", "warning", "rules/status.drl", n + " rules from rules");
        assertThat(r.out().lines().filter(l -> l.matches("^[a-z_.]+\\s+(error|warning|info)\\s+.*")).count()).isEqualTo(n);
    }

    @Test
    void listsThemAsJson() throws Exception {
        Cli r = Cli.run("rules", "--format", "json");
        assertThat(r.exit()).isZero();
        JsonNode rules = new ObjectMapper().readTree(r.out());
        assertThat(rules.findParents("id")).anySatisfy(x -> {
            assertThat(x.get("id").asText()).isEqualTo("quote.number_mismatch");
            assertThat(x.get("severity").asText()).isEqualTo("error");
        });
    }
}
