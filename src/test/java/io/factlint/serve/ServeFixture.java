package io.factlint.serve;

import io.factlint.engine.CacheOptions;
import io.factlint.model.Severity;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

/**
 * A real workbench on loopback for the tests: the seed story (and the rule pack) copied into a temporary folder, a
 * real Javalin server on an ephemeral port, a JDK HttpClient that authenticates with the token's cookie.
 */
final class ServeFixture implements AutoCloseable {
    /** The day the tests run on (waiver expiry). */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-10T12:00:00Z"), ZoneOffset.UTC);

    /** One compiled-rule cache for the test run (a copied rule folder compiles once). */
    static final Path CACHE = Path.of("target", "serve-test-rule-cache").toAbsolutePath();

    final Path root;
    final Path facts;
    final Path rules;
    final Workbench bench;
    final WorkbenchServer server;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    ServeFixture(Path root) throws IOException {
        this(root, null);
    }

    /** With {@code setup} run on the copied facts folder before the server starts. */
    ServeFixture(Path root, IOConsumer setup) throws IOException {
        this.root = root;
        this.facts = root.resolve("facts");
        this.rules = root.resolve("rules");
        copy(Path.of("rules"), rules);
        Files.createDirectories(facts);
        Files.copy(Path.of("facts/nk-soldier-captured.json"), facts.resolve("nk-soldier-captured.json"));
        Files.copy(Path.of("facts/nk-soldier-captured.txt"), facts.resolve("nk-soldier-captured.txt"));
        if (setup != null) setup.accept(facts);
        bench = new Workbench(new Workbench.Config(List.of(facts), rules, null, Severity.ERROR, CacheOptions.in(CACHE),
                Duration.ofSeconds(60), CLOCK, Drafter.NONE));
        bench.start();
        bench.watch();
        server = new WorkbenchServer(bench, null, 0);
    }

    interface IOConsumer {
        void accept(Path p) throws IOException;
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    String base() {
        return "http://127.0.0.1:" + server.port();
    }

    String cookie() {
        return "factlint-token-" + server.port() + "=" + server.token();
    }

    HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(10)).GET();
    }

    HttpResponse<String> send(HttpRequest.Builder b) throws IOException, InterruptedException {
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GET with the token's cookie. */
    HttpResponse<String> page(String path) throws IOException, InterruptedException {
        return send(get(path).header("Cookie", cookie()));
    }

    /** A same-origin form POST with the token's cookie. */
    HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(10))
                .header("Cookie", cookie()).header("Origin", base())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    @Override
    public void close() throws IOException {
        server.close();
        bench.close();
    }
}
