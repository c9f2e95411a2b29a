package io.factlint.serve;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workbench on a story with statements that no figure is kept ({@code {"unrecorded": true}}): its pages render,
 * the fact reads as unrecorded and cannot be edited in place (no number to edit), the claim shows its reason.
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
}
