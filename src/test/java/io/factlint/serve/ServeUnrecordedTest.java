package io.factlint.serve;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workbench on a story with statements that no figure is kept ({@code {"unrecorded": true}}): its pages render,
 * the fact reads as unrecorded, the claim shows its reason, and the edit form reads and writes the value as the word
 * "unrecorded": its time or source can be edited, a figure found later replaces it, and a figure becomes one.
 */
class ServeUnrecordedTest {
    @TempDir
    static Path dir;
    static ServeFixture f;

    @BeforeAll
    static void start() throws IOException {
        f = new ServeFixture(dir, facts -> Files.copy(
                Path.of("src/test/resources/rule-cases/claims/unrecorded/fires/facts/story.json"), facts.resolve("unrecorded.json")));
    }

    @AfterAll
    static void stop() throws IOException {
        f.close();
    }

    @Test
    void theStoryPageShowsTheStatementAndTheVerdict() throws Exception {
        HttpResponse<String> list = f.page("/");
        assertThat(list.statusCode()).isEqualTo(200);
        HttpResponse<String> r = f.page("/story?id=s");
        assertThat(r.statusCode()).isEqualTo(200);
        Document d = Jsoup.parse(r.body());
        assertThat(d.text()).contains("unrecorded (no figure kept)",
                "cdc states that no figure of essential_worker_deaths of us is kept (stated for 20 Apr 2020)");
    }

    @Test
    void theEditFormReadsAndWritesTheWordUnrecorded() throws Exception {
        Path json = f.facts.resolve("unrecorded.json");
        String original = Files.readString(json);
        Document d = Jsoup.parse(f.page("/story?id=s").body());
        assertThat(d.select("form.edit-form:has(input[name=ref][value='s#f1']) input[name=value]").attr("value"))
                .isEqualTo("unrecorded");
        try {
            // the source changes, the value (still the word) is left alone
            f.post("/edit", edit("s#f1", json, "unrecorded", "cdc", "unrecorded", "mod"));
            String moved = Files.readString(json);
            assertThat(moved).isEqualTo(original.replace("\"at\": \"2020-04-20\", \"source\": \"cdc\"",
                    "\"at\": \"2020-04-20\", \"source\": \"mod\""));
            // a figure found later replaces the statement
            f.post("/edit", edit("s#f1", json, "unrecorded", "mod", "300", "mod"));
            assertThat(Files.readString(json)).isEqualTo(moved.replace(
                    "\"value\": {\"unrecorded\": true},\n     \"at\": \"2020-04-20\"", "\"value\": 300,\n     \"at\": \"2020-04-20\""));
            // and a figure becomes a statement that none is kept
            String before = Files.readString(json);
            f.post("/edit", edit("s#f2", json, "250", "mod", "Unrecorded", "mod"));
            assertThat(Files.readString(json)).isEqualTo(before.replace(
                    "\"value\": 250, \"at\": \"2020-03-01\"", "\"value\": {\"unrecorded\": true}, \"at\": \"2020-03-01\""));
            // the word typed over a hedged figure: the bound the form still shows goes with the number
            Files.writeString(json, before);
            f.post("/edit", edit("s#f2", json, "250", "mod", "unrecorded", "mod").replace("&bound=&", "&bound=over&"));
            assertThat(Files.readString(json)).isEqualTo(before.replace(
                    "\"value\": 250, \"at\": \"2020-03-01\"", "\"value\": {\"unrecorded\": true}, \"at\": \"2020-03-01\""));
        } finally {
            Files.writeString(json, original);
        }
    }

    private static String edit(String ref, Path file, String origValue, String origSource, String value, String source) {
        return "ref=" + enc(ref) + "&hash=" + Edits.hashOf(file) + "&story=s&origValue=" + enc(origValue)
                + "&origBound=&origAt=&origSource=" + enc(origSource) + "&value=" + enc(value) + "&bound=&at=&source="
                + enc(source);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
