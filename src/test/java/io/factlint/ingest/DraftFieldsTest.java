package io.factlint.ingest;

import io.factlint.model.FactBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The fields drafting adds: {@code drafted} on facts and claims, the story's {@code ignore} list. */
class DraftFieldsTest {
    @TempDir
    Path tmp;

    private static final String HEAD = "story: {id: s, published: 2025-03-10, text: s.txt,\n"
            + "  ignore: [{text: \"aged 23\", reason: \"an age\"}]}\n"
            + "sources: [{id: a, name: A}]\nentities: [{id: u, name: U}]\n";

    @Test
    void draftedEntriesAndIgnoredPhrasesReachTheModel() throws Exception {
        TestSupport.write(tmp.resolve("s.txt"), "He was aged 23.\n");
        Path f = TestSupport.write(tmp.resolve("s.yaml"), HEAD
                + "facts:\n  - {id: f1, subject: u, attribute: n, value: 1, source: a, drafted: true}\n"
                + "  - {id: f2, subject: u, attribute: n, value: 1, source: a, drafted: false}\n"
                + "claims:\n  - {id: c1, subject: u, attribute: n, op: \"=\", value: 1, drafted: true}\n");
        FactBase b = TestSupport.loader().load(java.util.List.of(f));
        assertThat(b.drafted()).extracting(d -> d.ref()).containsExactly("s#f1", "s#c1");
        assertThat(b.ignored()).singleElement().satisfies(i -> {
            assertThat(i.storyId()).isEqualTo("s");
            assertThat(i.text()).isEqualTo("aged 23");
            assertThat(i.reason()).isEqualTo("an age");
        });
    }

    @Test
    void badValuesAreLocatedErrors() throws Exception {
        TestSupport.write(tmp.resolve("s.txt"), "text\n");
        Path f = TestSupport.write(tmp.resolve("s.yaml"), HEAD
                + "facts:\n  - {id: f1, subject: u, attribute: n, value: 1, source: a, drafted: \"yes\"}\n");
        assertThat(TestSupport.errors(TestSupport.loader(), f)).singleElement().asString()
                .contains("s.yaml:6:").contains("expected true or false for \"drafted\"");
        Path g = TestSupport.write(tmp.resolve("t.yaml"), HEAD.replace("reason: \"an age\"", "why: x"));
        assertThat(String.join("\n", TestSupport.errors(TestSupport.loader(), g)))
                .contains("unknown field \"why\" in ignore").contains("missing required field \"reason\" in ignore");
    }
}
