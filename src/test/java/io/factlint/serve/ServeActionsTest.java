package io.factlint.serve;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The actions over HTTP, against the files: mark reviewed, undo, undo refused after a change on disk, writes fenced. */
class ServeActionsTest {
    @TempDir
    Path dir;

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static final String DRAFTED = """
            # drafted by factlint draft, to review
            story: {id: drafted-story, published: 2024-12-27}
            facts:
              - id: d1   # the capture
                subject: soldier-1
                attribute: status
                value: captured
                drafted: true
                at: 2024-12-26
                source: nis
              - {id: d2, subject: soldier-1, attribute: status, value: deceased, source: nis, drafted: true}
            """;

    @Test
    void markReviewedRemovesTheFlagAndNothingElse() throws Exception {
        try (ServeFixture f = new ServeFixture(dir, facts -> Files.writeString(facts.resolve("drafted.yaml"), DRAFTED))) {
            Path yaml = f.facts.resolve("drafted.yaml");
            HttpResponse<String> r = f.post("/review", "file=" + enc(yaml.toString()) + "&id=d1&hash=" + Edits.hashOf(yaml));
            assertThat(r.statusCode()).isEqualTo(303);
            assertThat(Files.readString(yaml)).isEqualTo(DRAFTED.replace("    drafted: true\n", ""));
            f.post("/review", "file=" + enc(yaml.toString()) + "&id=d2&hash=" + Edits.hashOf(yaml));
            assertThat(Files.readString(yaml)).isEqualTo(DRAFTED.replace("    drafted: true\n", "").replace(", drafted: true}", "}"));
            // undo, twice: the file as it was
            f.post("/undo", "");
            f.post("/undo", "");
            assertThat(Files.readString(yaml)).isEqualTo(DRAFTED);
        }
    }

    @Test
    void aStaleHashWritesNothing() throws Exception {
        try (ServeFixture f = new ServeFixture(dir, facts -> Files.writeString(facts.resolve("drafted.yaml"), DRAFTED))) {
            Path yaml = f.facts.resolve("drafted.yaml");
            f.post("/review", "file=" + enc(yaml.toString()) + "&id=d1&hash=" + Edits.hash("older".getBytes()));
            assertThat(Files.readString(yaml)).isEqualTo(DRAFTED);
            assertThat(f.page("/").body()).contains("changed on disk since the page was drawn");
        }
    }

    @Test
    void undoDoesNotRevertOverANewerEditOnDisk() throws Exception {
        try (ServeFixture f = new ServeFixture(dir)) {
            Path json = f.facts.resolve("nk-soldier-captured.json");
            String original = Files.readString(json);
            f.post("/edit", "ref=" + enc("nk-soldier-captured#f4") + "&hash=" + Edits.hashOf(json)
                    + "&story=nk-soldier-captured&origValue=11000&origBound=over&origAt=&origSource=article-refs"
                    + "&value=12000&bound=over&at=&source=article-refs");
            String edited = Files.readString(json);
            assertThat(edited).isEqualTo(original.replace("{\"amount\": 11000, \"bound\": \"over\"}", "{\"amount\": 12000, \"bound\": \"over\"}"));
            String theirs = edited.replace("\"certainty\": \"unconfirmed\"", "\"certainty\": \"reported\"");
            Files.writeString(json, theirs);
            f.post("/undo", "");
            assertThat(Files.readString(json)).isEqualTo(theirs);
            assertThat(f.page("/").body()).contains("not undone");
        }
    }

    @Test
    void nothingOutsideTheFactFilesIsWritten() throws Exception {
        try (ServeFixture f = new ServeFixture(dir)) {
            Path outside = dir.resolve("outside.yaml");
            Files.writeString(outside, DRAFTED);
            f.post("/review", "file=" + enc(outside.toString()) + "&id=d1&hash=" + Edits.hashOf(outside));
            Path rule = f.rules.resolve("vocabulary/lifecycle.yaml");
            String before = Files.readString(rule);
            f.post("/review", "file=" + enc(f.facts.resolve("../rules/vocabulary/lifecycle.yaml").toString()) + "&id=x&hash=" + Edits.hashOf(rule));
            assertThat(Files.readString(outside)).isEqualTo(DRAFTED);
            assertThat(Files.readString(rule)).isEqualTo(before);
            assertThat(f.page("/").body()).contains("not a fact file of this workbench");
        }
    }
}
