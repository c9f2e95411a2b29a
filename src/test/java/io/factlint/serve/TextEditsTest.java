package io.factlint.serve;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The located edits: exactly the edited field changes; comments, order and layout of everything else stay. */
class TextEditsTest {
    static final String YAML = """
            # the story of the day
            story: {id: s, published: 2024-12-27}
            facts:
              - id: f1            # captured first
                subject: soldier-1
                attribute: status
                value: captured
                drafted: true     # the drafting tool wrote this
                at: 2024-12-26
              - drafted: true
                id: f2
                subject: troops
                attribute: deployed
                value:
                  amount: 11000
                  bound: over
                quote: >
                  North Korea has deployed
                  over 11,000 soldiers
              - {id: f3, subject: troops, attribute: killed, value: 3000, drafted: true}
            # the end
            """;

    static final String JSON = """
            {
              "story": {"id": "s", "published": "2024-12-27"},
              "facts": [
                {"id": "f1", "subject": "soldier-1", "attribute": "status", "value": "captured",
                 "drafted": true, "at": "2024-12-26"},
                {"drafted": true, "id": "f2", "subject": "t", "attribute": "deployed", "value": {"amount": 11000, "bound": "over"}},
                {
                  "id": "f3",
                  "subject": "t",
                  "attribute": "killed",
                  "value": 3000,
                  "drafted": true
                }
              ]
            }
            """;

    static String reviewed(String text, boolean yaml, String id) throws Exception {
        FileSpans s = FileSpans.of(text, yaml);
        FileSpans.Entry e = s.entry("facts", id);
        assertThat(e.drafted()).isTrue();
        return TextEdits.removeField(s, e, e.field("drafted"));
    }

    @Test
    void markReviewedRemovesOnlyTheDraftedFlag() throws Exception {
        assertThat(reviewed(YAML, true, "f1")).isEqualTo(YAML.replace("    drafted: true     # the drafting tool wrote this\n", ""));
        assertThat(reviewed(YAML, true, "f2")).isEqualTo(YAML.replace("  - drafted: true\n    id: f2", "  - id: f2"));
        assertThat(reviewed(YAML, true, "f3")).isEqualTo(YAML.replace(", drafted: true}", "}"));
        assertThat(reviewed(JSON, false, "f1")).isEqualTo(JSON.replace("\"captured\",\n     \"drafted\": true, \"at\"", "\"captured\",\n     \"at\""));
        assertThat(reviewed(JSON, false, "f2")).isEqualTo(JSON.replace("{\"drafted\": true, \"id\": \"f2\"", "{\"id\": \"f2\""));
        assertThat(reviewed(JSON, false, "f3")).isEqualTo(JSON.replace("\"value\": 3000,\n      \"drafted\": true\n", "\"value\": 3000\n"));
        // a reviewed file says so
        FileSpans after = FileSpans.of(reviewed(YAML, true, "f1"), true);
        assertThat(after.entry("facts", "f1").drafted()).isFalse();
        assertThat(after.entry("facts", "f2").drafted()).isTrue();
    }

    @Test
    void aValueIsReplacedWhereItIsWritten() throws Exception {
        FileSpans s = FileSpans.of(YAML, true);
        var f1 = s.entry("facts", "f1");
        assertThat(TextEdits.replaceValue(s, f1.field("value"), "\"deceased\""))
                .isEqualTo(YAML.replace("value: captured", "value: \"deceased\""));
        // a block mapping becomes a flow mapping on the key's line; the quote's block scalar after it stays
        var f2 = s.entry("facts", "f2");
        LinkedHashMap<String, String> q = new LinkedHashMap<>();
        q.put("amount", "12000");
        q.put("bound", "\"about\"");
        assertThat(TextEdits.replaceValue(s, f2.field("value"), TextEdits.object(q, true)))
                .isEqualTo(YAML.replace("value:\n      amount: 11000\n      bound: over\n", "value: {amount: 12000, bound: \"about\"}\n"));
        FileSpans j = FileSpans.of(JSON, false);
        assertThat(TextEdits.replaceValue(j, j.entry("facts", "f2").field("value"), "12000"))
                .isEqualTo(JSON.replace("{\"amount\": 11000, \"bound\": \"over\"}", "12000"));
        assertThat(TextEdits.replaceValue(j, j.entry("facts", "f3").field("value"), "3500"))
                .isEqualTo(JSON.replace("\"value\": 3000,", "\"value\": 3500,"));
    }

    @Test
    void aMissingFieldIsAddedAfterTheLastOne() throws Exception {
        FileSpans s = FileSpans.of(YAML, true);
        assertThat(TextEdits.addField(s, s.entry("facts", "f2"), "at", "\"2024-12-20\""))
                .isEqualTo(YAML.replace("      over 11,000 soldiers\n", "      over 11,000 soldiers\n    at: \"2024-12-20\"\n"));
        assertThat(TextEdits.addField(s, s.entry("facts", "f3"), "at", "\"2024-12-20\""))
                .isEqualTo(YAML.replace("drafted: true}", "drafted: true, at: \"2024-12-20\"}"));
        FileSpans j = FileSpans.of(JSON, false);
        assertThat(TextEdits.addField(j, j.entry("facts", "f2"), "source", "\"nis\""))
                .isEqualTo(JSON.replace("\"bound\": \"over\"}}", "\"bound\": \"over\"}, \"source\": \"nis\"}"));
    }

    @Test
    void aWaiverIsAppendedInTheStyleOfTheFile() throws Exception {
        LinkedHashMap<String, String> w = new LinkedHashMap<>();
        w.put("rule", "\"source.single\"");
        w.put("reason", "\"ok \\\"quoted\\\" # not a comment\"");
        String yaml = "# reviewed by the desk\nwaivers:\n  - rule: status.changed   # known\n    subject: soldier-1\n    reason: x\n";
        assertThat(TextEdits.appendEntry(FileSpans.of(yaml, true), "waivers", w)).isEqualTo(yaml.stripTrailing()
                + "\n  - rule: \"source.single\"\n    reason: \"ok \\\"quoted\\\" # not a comment\"\n");
        String json = "{\n  \"waivers\": [\n    {\"rule\": \"a\"}\n  ]\n}\n";
        assertThat(TextEdits.appendEntry(FileSpans.of(json, false), "waivers", w))
                .isEqualTo("{\n  \"waivers\": [\n    {\"rule\": \"a\"},\n    {\"rule\": \"source.single\", \"reason\": \"ok \\\"quoted\\\" # not a comment\"}\n  ]\n}\n");
        String empty = "{\n  \"waivers\": []\n}\n";
        assertThat(TextEdits.appendEntry(FileSpans.of(empty, false), "waivers", w))
                .isEqualTo("{\n  \"waivers\": [\n    {\"rule\": \"source.single\", \"reason\": \"ok \\\"quoted\\\" # not a comment\"}\n  ]\n}\n");
    }

    @Test
    void stringsAreWrittenAsJsonLiterals() {
        assertThat(TextEdits.string("a\"b\\c\n</script>")).isEqualTo("\"a\\\"b\\\\c\\n</script>\"");
    }
}
