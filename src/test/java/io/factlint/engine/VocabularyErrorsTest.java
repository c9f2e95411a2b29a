package io.factlint.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Issue 15.9: a vocabulary file's YAML or UTF-8 error is one located line, not SnakeYAML's dump or a raw exception. */
class VocabularyErrorsTest {
    @TempDir
    Path tmp;

    private List<String> problems(byte[] content) throws Exception {
        Path f = tmp.resolve("lifecycle.yaml");
        Files.write(f, content);
        RulePackException e = catchThrowableOfType(RulePackException.class,
                () -> VocabularyLoader.load(List.of(f), p -> "rules/vocabulary/lifecycle.yaml"));
        assertThat(e).isNotNull();
        return e.problems();
    }

    @Test
    void aYamlSyntaxErrorIsOneLine() throws Exception {
        assertThat(problems("statuses: [a, b\nterminal: x: y\n".getBytes()))
                .singleElement().asString().startsWith("rules/vocabulary/lifecycle.yaml:").doesNotContain("\n");
    }

    /** The problem, not SnakeYAML's context line alone; no Java class names; an empty file declares nothing. */
    @Test
    void aYamlProblemIsSaidInItsOwnWords() throws Exception {
        assertThat(problems("statuses: [a]\nterminal: \"x\n".getBytes())).singleElement().asString()
                .startsWith("rules/vocabulary/lifecycle.yaml:").contains("malformed YAML: found unexpected end of stream")
                .contains("(while scanning a quoted scalar)");
        assertThat(problems("- a\n- b\n".getBytes())).singleElement().asString()
                .contains("expected a mapping of the vocabulary's keys (statuses:, measures:, ...), found a list")
                .doesNotContain("io.factlint").doesNotContain("Cannot deserialize");
        // a file of comments only declares nothing, as a file of "---" alone: no problem of its own
        Path empty = tmp.resolve("empty.yaml");
        Files.writeString(empty, "# nothing yet\n");
        Path lifecycle = tmp.resolve("lifecycle.yaml");
        Files.writeString(lifecycle, "statuses: [a]\n");
        VocabularyLoader.load(List.of(lifecycle, empty), p -> "rules/vocabulary/" + p.getFileName());
    }

    @Test
    void invalidUtf8IsNamedAsSuch() throws Exception {
        assertThat(problems(new byte[]{'s', 't', 'a', 't', 'u', 's', 'e', 's', ':', ' ', (byte) 0xC3, (byte) 0x28, '\n'}))
                .singleElement().asString().startsWith("rules/vocabulary/lifecycle.yaml: not valid UTF-8 text")
                .doesNotContain("CharConversion");
    }

    @Test
    void aDeclaredMeasureIsAnAttributeInSnakeCase() throws Exception {
        assertThat(problems("statuses: [a]\nmeasures: [gbvf_cases, \"GBVF cases\"]\n".getBytes()))
                .singleElement().asString()
                .isEqualTo("rules/vocabulary/lifecycle.yaml:2:24: a measure is an attribute in snake_case, found \"GBVF cases\"");
    }

    @Test
    void aMeasureThatCannotBeNegativeIsAnAttributeInSnakeCase() throws Exception {
        assertThat(problems("statuses: [a]\nnonNegative: [clinic_spending, \"Clinic spending\"]\n".getBytes()))
                .singleElement().asString()
                .isEqualTo("rules/vocabulary/lifecycle.yaml:2:32: a measure that cannot be negative is an attribute in"
                        + " snake_case, found \"Clinic spending\"");
    }

    @Test
    void aYesNoMeasureIsAnAttributeInSnakeCase() throws Exception {
        assertThat(problems("statuses: [a]\nyesNo: [test_kit_shortage, \"Test kit shortage\"]\n".getBytes()))
                .singleElement().asString()
                .isEqualTo("rules/vocabulary/lifecycle.yaml:2:28: a yes/no measure is an attribute in snake_case,"
                        + " found \"Test kit shortage\"");
    }

    /** A list written as a word, and a misspelled key, are named in the vocabulary's own words, not Jackson's. */
    @Test
    void aWrongShapeIsNamedInTheKeysWords() throws Exception {
        assertThat(problems("statuses: [a]\nyesNo: kit_shortage\n".getBytes())).singleElement().asString()
                .startsWith("rules/vocabulary/lifecycle.yaml:2:").endsWith(": \"yesNo\" is a list, written [a, b] or as"
                        + " lines starting with \"- \"");
        assertThat(problems("statuses: [a]\nyesno: [x]\n".getBytes())).singleElement().asString()
                .startsWith("rules/vocabulary/lifecycle.yaml:2:").contains(": unknown key \"yesno\" (expected one of: ")
                .contains("nonNegative").contains("yesNo").doesNotContain("VocabFile");
    }

    /** "status" is snake_case: the message says why it is refused, not that it is not snake_case. */
    @Test
    void statusIsNoMeasureOfAList() throws Exception {
        assertThat(problems("statuses: [a]\nyesNo: [status]\n".getBytes())).singleElement().asString()
                .isEqualTo("rules/vocabulary/lifecycle.yaml:2:9: a yes/no measure is an attribute in snake_case, not"
                        + " \"status\": the status attribute states status words, not a measure");
        assertThat(problems("statuses: [a]\nnonNegative: [status]\n".getBytes())).singleElement().asString()
                .isEqualTo("rules/vocabulary/lifecycle.yaml:2:15: a measure that cannot be negative is an attribute in"
                        + " snake_case, not \"status\": the status attribute states status words, not a measure");
    }
}
