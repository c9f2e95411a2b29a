package io.factlint.engine;

import io.factlint.model.RuleInfo;
import io.factlint.model.Severity;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class RulePackTest {

    @Test
    void defaultPackHasTheCatalogueRulesWithTheirSeverities() throws Exception {
        RulePack pack = RulePack.load(Path.of("rules"));
        Map<String, Severity> ids = pack.rules().stream().collect(Collectors.toMap(RuleInfo::id, RuleInfo::severity));
        assertThat(ids).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("status.changed", Severity.WARNING), Map.entry("status.impossible", Severity.ERROR),
                Map.entry("status.conflict", Severity.ERROR), Map.entry("status.stale", Severity.ERROR),
                Map.entry("value.disagreement", Severity.ERROR), Map.entry("count.decreased", Severity.ERROR),
                Map.entry("count.part_exceeds_whole", Severity.ERROR), Map.entry("claim.contradicted", Severity.ERROR),
                Map.entry("claim.undetermined", Severity.WARNING), Map.entry("date.weekday_mismatch", Severity.ERROR),
                Map.entry("date.after_publication", Severity.ERROR), Map.entry("quote.not_in_text", Severity.ERROR),
                Map.entry("quote.number_mismatch", Severity.ERROR), Map.entry("source.single", Severity.INFO),
                Map.entry("certainty.unconfirmed", Severity.WARNING), Map.entry("draft.unreviewed", Severity.WARNING),
                Map.entry("text.unbacked_number", Severity.WARNING)));
        assertThat(pack.rules()).allSatisfy(r -> assertThat(r.description()).isNotBlank());
        assertThat(pack.vocabulary().statusWords()).containsExactly("active", "missing", "captured", "released", "defected", "deceased");
    }
}
