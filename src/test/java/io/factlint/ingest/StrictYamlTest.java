package io.factlint.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static io.factlint.ingest.TestSupport.errors;
import static io.factlint.ingest.TestSupport.loader;
import static io.factlint.ingest.TestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15.8: YAML that YAML 1.2 forbids and SnakeYAML reads anyway is an input error at its place
 * ({@link StrictYaml}); each yaml-test-suite case by its id, in a fact file. Valid YAML of the same shapes still loads.
 */
class StrictYamlTest {
    @TempDir
    Path tmp;

    private List<String> load(String yaml) throws IOException {
        Path f = write(tmp.resolve("facts/l.yaml"), yaml);
        return errors(loader(), f).stream().map(e -> e.substring(f.toString().length())).toList();
    }

    /** SU5Z: a comment without white space before its {@code #}, after a quoted scalar. */
    @Test
    void su5zACommentWithoutASpaceAfterAQuotedValueIsRejected() throws IOException {
        assertThat(load("story:\n  published: \"2024-12-27\"# the day\n"))
                .containsExactly(":2:26: malformed YAML: a comment needs a space before its \"#\"");
    }

    /** SU5Z in a flow mapping's form, and 9JBA / CVW2: after a flow collection's end and after a comma. */
    @Test
    void aCommentWithoutASpaceAfterAFlowCollectionOrACommaIsRejected() throws IOException {
        assertThat(load("story: {published: \"2024-12-27\"}#comment\n"))
                .containsExactly(":1:33: malformed YAML: a comment needs a space before its \"#\"");
        assertThat(load("story: {published: \"2024-12-27\"}\nsources: [{id: a, name: A},#comment\n  {id: b, name: B}]\n"))
                .containsExactly(":2:28: malformed YAML: a comment needs a space before its \"#\"");
    }

    /** DK95-01: a tab at the start of a quoted value's continuation line (YAML indents with spaces). */
    @Test
    void dk9501ATabStartingAQuotedContinuationLineIsRejected() throws IOException {
        assertThat(load("story:\n  headline: \"a\n\tb\"\n  published: \"2024-12-27\"\n"))
                .containsExactly(":3:1: malformed YAML: a tab where the indentation should be (a quoted value continued "
                        + "below its key's indentation); YAML indents with spaces only: indent this line by at least 3 spaces");
        // the suite's own form, at the top level
        assertThat(load("story:\n  published: \"2024-12-27\"\nfoo: \"bar\n\tbaz\"\n"))
                .containsExactly(":3:1: unknown field \"foo\" at the top level (expected one of: $schema, story, sources, "
                        + "entities, facts, claims, mentions)", ":4:1: malformed YAML: a tab where the indentation should be (a quoted value continued "
                        + "below its key's indentation); YAML indents with spaces only: indent this line by at least 1 space");
    }

    /** QB6E: a quoted scalar continued below its key's indentation. */
    @Test
    void qb6eAQuotedValueContinuedBelowItsKeyIsRejected() throws IOException {
        assertThat(load("story:\n  published: \"2024-12-27\"\n  headline: \"a\nb\"\n"))
                .containsExactly(":4:1: malformed YAML: a quoted value continued below its key's indentation; "
                        + "indent this line by at least 3 spaces");
        // in a list item: more than the "-"
        assertThat(load("story: {published: \"2024-12-27\"}\nsources:\n  - {id: a, name: 'A\n  B'}\n"))
                .containsExactly(":4:3: malformed YAML: a quoted value continued below its list item (\"-\")'s "
                        + "indentation; indent this line by at least 3 spaces");
        // a list without indentation ("-" under the key): more than the key
        assertThat(load("story: {published: \"2024-12-27\"}\nsources:\n- {id: a, name: 'A\nB'}\n"))
                .containsExactly(":4:1: malformed YAML: a quoted value continued below its key's indentation; "
                        + "indent this line by at least 1 space");
    }

    /** 9C9N: a flow sequence continued below its key's indentation; also its closing bracket. */
    @Test
    void n9c9nAFlowCollectionContinuedBelowItsKeyIsRejected() throws IOException {
        assertThat(load("story:\n  published: \"2024-12-27\"\nsources: [{id: a, name: A},\n{id: b, name: B}]\n"))
                .containsExactly(":4:1: malformed YAML: a flow list [...] continued below its key's indentation; "
                        + "indent this line by at least 1 space");
        assertThat(load("story:\n  published: \"2024-12-27\"\nsources: [{id: a,\nname: A}]\n"))
                .containsExactly(":4:1: malformed YAML: a flow mapping {...} continued below its key's indentation; "
                        + "indent this line by at least 1 space");
        assertThat(load("story:\n  published: \"2024-12-27\"\nsources: [\n  {id: a, name: A}\n]\n"))
                .containsExactly(":5:1: malformed YAML: a flow list [...] continued below its key's indentation; "
                        + "indent this line by at least 1 space");
        assertThat(load("story:\n  published: \"2024-12-27\"\nsources:\n  - {id: a, name: A,\n  kind: agency}\n"))
                .containsExactly(":5:3: malformed YAML: a flow mapping {...} continued below its list item (\"-\")'s "
                        + "indentation; indent this line by at least 3 spaces");
    }

    /**
     * A key split from its ":" in a flow mapping (valid YAML 1.2, yaml-test-suite 4MUZ, that SnakeYAML cannot read):
     * SnakeYAML read "at" as a key without a value and the user saw {@code invalid date ""} before the syntax error.
     * Now one error, at the ":", saying what to write.
     */
    @Test
    void aFlowMappingKeySplitFromItsColonIsOneErrorNotAnInvalidDate() throws IOException {
        String head = "story: {published: \"2024-12-27\"}\nentities: [{id: e, name: E}]\n";
        assertThat(load(head + "facts:\n  - {id: f1, subject: e, attribute: status, value: captured, at\n     : 2024-01-01}\n"))
                .containsExactly(":5:6: unsupported YAML: \":\" on a line after its key \"at\" (line 4); SnakeYAML, "
                        + "factlint's YAML parser, needs a key and its \":\" on one line");
        assertThat(load(head + "facts: [{id: f1, subject: e, attribute: status, value: captured, \"at\"\n  : 2024-01-01}]\n"))
                .containsExactly(":4:3: unsupported YAML: \":\" on a line after its key \"at\" (line 3); SnakeYAML, "
                        + "factlint's YAML parser, needs a key and its \":\" on one line");
    }

    /** What came before the problem stays reported; what was read after it (a misreading) is dropped. */
    @Test
    void errorsBeforeTheProblemStayAndThoseAfterItGo() throws IOException {
        assertThat(load("story:\n  publishd: \"2024-12-27\"\n  headline: \"a\nb\"\n  published: \"2024-12-32\"\n"))
                .containsExactly(":2:3: unknown field \"publishd\" in story (expected one of: id, headline, published, "
                        + "text, ignore)", ":4:1: malformed YAML: a quoted value continued below its key's indentation; "
                        + "indent this line by at least 3 spaces");
    }

    /** A directive and "---" with nothing after: "no document", as for a lone directive (not "found a string"). */
    @Test
    void aDocumentStartWithNothingAfterItIsNoDocument() throws IOException {
        assertThat(load("%YAML 1.2\n---\n")).containsExactly(":2:1: no document: nothing after \"---\"; expected an object");
        assertThat(load("# facts of the day\n---\n# none yet\n...\n"))
                .containsExactly(":2:1: no document: nothing after \"---\"; expected an object");
    }

    /** Valid YAML 1.2 of the same shapes loads as before. */
    @ParameterizedTest
    @ValueSource(strings = {
            "story:\n  published: \"2024-12-27\" # the day\n  headline: \"a\n    b\"\n",
            "story:\n  published: \"2024-12-27\"\n  headline:\n    \"a\n    b\"\n",
            "story:\n  published: \"2024-12-27\"\n  headline: \"a\n   \tb\n\n\n   c\"\n",
            "story:\n  published: \"2024-12-27\"\n  headline: 'it''s\n   ok'\n",
            "story:\n  published: 2024-12-27\n  headline: a#b c\n   d\n",
            "story: {published: \"2024-12-27\"} # comment\n# a comment at the start of a line\n",
            "story: {published: \"2024-12-27\"}\nsources: [\n  {id: a, name: A},\n  {id: b,\n   name: B}\n  ]\n",
            "story: {published: \"2024-12-27\"}\nsources:\n  [{id: a, name: A}]\n",
            "story: {published: \"2024-12-27\"}\nsources:\n- {id: a, name: \"A\n    B\"}\n",
            "story: {published: \"2024-12-27\"}\nsources:\n  - id: a\n    name: \"A\n     B\"\n",
            "story:\n  published: \"2024-12-27\"\n  headline: |\n    a\n\n   \n    b\n",
            "{\n\"story\": {\"published\": \"2024-12-27\",\n\"headline\": \"a\nb\"}\n}\n",
            "story: {? published\n  : \"2024-12-27\"}\n",
            "---\nstory:\n  published: \"2024-12-27\"\n...\n",
            "%YAML 1.2\n---\nstory:\n  published: \"2024-12-27\"\r\n  headline: \"a\r\n   b\"\r\n"})
    void validYamlOfTheSameShapesStillLoads(String yaml) throws IOException {
        assertThat(load(yaml)).isEmpty();
    }
}
