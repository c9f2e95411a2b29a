package io.factlint.engine;

import io.factlint.ruletest.CaseResult;
import io.factlint.ruletest.RuleCases;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Text is folded with {@link Locale#ROOT}: under a Turkish default locale "MILLION".toLowerCase() is "mıllıon"
 * (dotless i), which once made the quote rules throw (exit 3) or miss numbers written in capitals.
 */
class TurkishLocaleTest {

    @Test
    void quoteCasesPassUnderTurkishLocale() throws Exception {
        Locale saved = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("tr-TR"));
        try {
            RulePack pack = RulePack.load(Path.of("rules"));
            List<Path> cases = new ArrayList<>();
            Path ruleCases = Path.of("src/test/resources/rule-cases");
            for (String rule : List.of("quote.not_in_text", "quote.number_mismatch")) {
                cases.addAll(RuleCases.find(ruleCases.resolve(rule)));
            }
            cases.addAll(RuleCases.find(Path.of("src/test/resources/conformance/c10-quotes")));
            assertThat(cases).hasSizeGreaterThanOrEqualTo(5);
            for (Path dir : cases) {
                String name = RuleCases.name(ruleCases, dir);
                CaseResult r = RuleCases.run(pack, name, dir);
                assertThat(r.problems()).as(name).isEmpty();
            }
        } finally {
            Locale.setDefault(saved);
        }
    }
}
