package io.factlint.engine;

import io.factlint.model.vocab.FigureDefinition;
import io.factlint.model.vocab.Vocabulary;
import io.factlint.rules.ExpressionKind;
import io.factlint.rules.FigureKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** figures.yaml kinds: ratio (the default, so existing files keep working) and expr, with located errors. */
class FigureKindsTest {

    private static Vocabulary load(Path dir, String yaml) throws Exception {
        Files.writeString(dir.resolve("figures.yaml"), yaml);
        Files.writeString(dir.resolve("empty.drl"), "package x;\n");
        return RulePack.loadVocabulary(dir);
    }

    @Test
    void aFigureWithoutKindIsARatio(@TempDir Path dir) throws Exception {
        Vocabulary v = load(dir, "figures:\n  share:\n    numerator: killed\n    denominator: deployed\n");
        FigureDefinition d = v.figures().get(0);
        assertThat(d.kind()).isEqualTo("ratio");
        assertThat(d.inputs()).containsExactly("killed", "deployed");
        assertThat(d.numerator()).isEqualTo("killed");
    }

    @Test
    void anExpressionFigureListsItsInputs(@TempDir Path dir) throws Exception {
        Vocabulary v = load(dir, "figures:\n  x:\n    kind: expr\n    expr: \"(a - b) / a * 100\"\n");
        assertThat(v.figures().get(0).inputs()).containsExactly("a", "b");
        assertThat(v.figures().get(0).expr()).isEqualTo("(a - b) / a * 100");
    }

    @Test
    void anExpressionSyntaxErrorIsLocatedAtTheOffendingCharacter(@TempDir Path dir) {
        // col 11 is the quote, the text starts at 12; the second "*" is at offset 9
        assertThatThrownBy(() -> load(dir, "figures:\n  x:\n    kind: expr\n    expr: \"(a - b) ** a\"\n"))
                .isInstanceOfSatisfying(RulePackException.class, e -> assertThat(e.problems()).containsExactly(
                        dir.resolve("figures.yaml").toString().replace('\\', '/')
                                + ":4:21: unexpected \"*\": expected a number, an attribute in snake_case or \"(\""));
        assertThatThrownBy(() -> load(dir, "figures:\n  x:\n    kind: expr\n    expr: (a - b\n"))
                .isInstanceOfSatisfying(RulePackException.class, e -> assertThat(e.problems().get(0))
                        .endsWith("figures.yaml:4:11: \"(\" is never closed"));
    }

    @Test
    void unknownKindsAndMissingSettingsAreRulePackErrors(@TempDir Path dir) {
        assertThatThrownBy(() -> load(dir, "figures:\n  x:\n    kind: growth\n    numerator: a\n"))
                .isInstanceOfSatisfying(RulePackException.class, e -> assertThat(e.problems().get(0))
                        .endsWith(": figure \"x\": unknown kind \"growth\" (kinds: expr, ratio)"));
        assertThatThrownBy(() -> load(dir, "figures:\n  x:\n    numerator: a\n"))
                .isInstanceOfSatisfying(RulePackException.class, e -> assertThat(e.problems().get(0))
                        .endsWith(": figure \"x\" needs a numerator and a denominator"));
        assertThatThrownBy(() -> load(dir, "figures:\n  x:\n    kind: expr\n    expr: \"x + 1\"\n"))
                .isInstanceOfSatisfying(RulePackException.class, e -> assertThat(e.problems().get(0))
                        .endsWith("figures.yaml:4:12: figure \"x\" is defined by itself"));
    }

    @Test
    void theParserReadsPrecedenceAndUnicodeOperators() throws FigureKind.Invalid {
        var n = ExpressionKind.parse("a − b × 2 ÷ (c + -1)");
        assertThat(n.show(a -> "[" + a + "]")).isEqualTo("[a] − [b] × 2 / ([c] + −1)");
        var v = n.eval(a -> io.factlint.model.Interval.point(Map.of("a", 10.0, "b", 3.0, "c", 4.0).get(a)));
        assertThat(v).isEqualTo(io.factlint.model.Interval.point(8.0));
        assertThatThrownBy(() -> ExpressionKind.parse("1.2.3 + a")).isInstanceOf(FigureKind.Invalid.class)
                .hasMessage("\"1.2.3\" is not a number");
        assertThatThrownBy(() -> ExpressionKind.parse("a +")).isInstanceOfSatisfying(FigureKind.Invalid.class,
                e -> assertThat(e.offset()).isEqualTo(3));
    }
}
