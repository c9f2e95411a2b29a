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
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Live updates: a change on disk reaches an open page's event stream; rule and input errors are shown, not fatal. */
class ServeLiveTest {
    @TempDir
    static Path dir;
    static ServeFixture f;
    static BlockingQueue<Long> events = new LinkedBlockingQueue<>();

    @BeforeAll
    static void start() throws Exception {
        f = new ServeFixture(dir);
        HttpResponse<Stream<String>> r = f.http.send(f.get("/events").header("Cookie", f.cookie()).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        assertThat(r.headers().allValues("Cache-Control")).as("one Cache-Control, the stream's own").hasSize(1);
        // without asking for an event stream: 406 and why, not an empty 200
        HttpResponse<String> plain = f.http.send(f.get("/events").header("Cookie", f.cookie()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(plain.statusCode()).isEqualTo(406);
        assertThat(plain.body()).contains("Accept: text/event-stream");
        Thread t = new Thread(() -> r.body().forEach(line -> {
            if (line.startsWith("data: ")) events.add(Long.parseLong(line.substring(6).trim()));
        }), "sse-reader");
        t.setDaemon(true);
        t.start();
    }

    @AfterAll
    static void stop() throws IOException {
        f.close();
    }

    /** The next event announcing a check newer than {@code after}, within a second. */
    static long nextAfter(long after) throws InterruptedException {
        return nextAfter(after, 1);
    }

    /** As {@link #nextAfter(long)}, within {@code seconds} (a rule pack that compiles again takes longer). */
    static long nextAfter(long after, int seconds) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        Long v;
        while ((v = events.poll(end - System.nanoTime(), TimeUnit.NANOSECONDS)) != null) {
            if (v > after) return v;
        }
        throw new AssertionError("no event within " + seconds + " s after version " + after);
    }

    static long current() {
        return f.bench.state().version();
    }

    static Document story() throws Exception {
        return Jsoup.parse(f.page("/story?id=nk-soldier-captured").body());
    }

    @Test
    void anEditOnDiskReachesTheOpenPageWithinASecond() throws Exception {
        Path json = f.facts.resolve("nk-soldier-captured.json");
        long before = current();
        events.clear();
        String text = Files.readString(json);
        Files.writeString(json, text.replace("\"certainty\": \"unconfirmed\"", "\"certainty\": \"reported\""));
        long v = nextAfter(before);
        assertThat(story().body().attr("data-version")).isEqualTo(String.valueOf(v));
        assertThat(story().select("li.fact").first().text()).contains("reported");
        Files.writeString(json, text);
        nextAfter(v);
    }

    @Test
    void aRuleThatDoesNotCompileIsShownOnThePageAndTheLastRulesStay() throws Exception {
        Path drl = f.rules.resolve("status.drl");
        String good = Files.readString(drl);
        long before = current();
        events.clear();
        Files.writeString(drl, good + "\nrule \"broken\" when then nonsense( end\n");
        long v = nextAfter(before, 60);
        Document d = story();
        assertThat(d.select("#rule-errors li").eachText()).isNotEmpty().allMatch(m -> m.contains("status.drl"));
        // the page still shows the last check
        assertThat(d.select("#findings li.finding")).isNotEmpty();
        Files.writeString(drl, good);
        nextAfter(v, 60);
        assertThat(story().select("#rule-errors")).isEmpty();
    }

    @Test
    void anInputErrorIsShownLocatedAndTheLastCheckStays() throws Exception {
        Path json = f.facts.resolve("nk-soldier-captured.json");
        String text = Files.readString(json);
        long before = current();
        events.clear();
        Files.writeString(json, text.replace("\"value\": \"deceased\"", "\"value\": \"resurrected\""));
        long v = nextAfter(before);
        Document d = story();
        assertThat(d.select("#input-errors li").eachText()).anyMatch(m -> m.matches(".*nk-soldier-captured\\.json:\\d+:\\d+: .*resurrected.*"));
        assertThat(d.select("#input-errors h2").text()).contains("the page shows the last check that ran");
        assertThat(d.select("#findings li.finding")).isNotEmpty();
        Files.writeString(json, text);
        nextAfter(v);
        assertThat(story().select("#input-errors")).isEmpty();
    }
}
