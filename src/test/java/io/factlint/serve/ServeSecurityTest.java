package io.factlint.serve;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;

import static org.assertj.core.api.Assertions.assertThat;

/** The local server's guards, against a real server on loopback with the JDK's HTTP client (and a raw socket). */
class ServeSecurityTest {
    @TempDir
    static Path dir;
    static ServeFixture f;

    @BeforeAll
    static void start() throws IOException {
        f = new ServeFixture(dir);
    }

    @AfterAll
    static void stop() throws IOException {
        f.close();
    }

    @Test
    void everyPathNeedsTheToken() throws Exception {
        for (String p : new String[]{"/", "/story?id=nk-soldier-captured", "/static/workbench.js", "/events", "/nothing"}) {
            HttpResponse<String> r = f.send(f.get(p));
            assertThat(r.statusCode()).as(p).isEqualTo(403);
            assertThat(r.body()).doesNotContain("North Korean");
        }
        assertThat(f.send(f.get("/").header("Cookie", "factlint-token-" + f.server.port() + "=wrong")).statusCode()).isEqualTo(403);
        assertThat(f.send(f.get("/?token=wrong")).statusCode()).isEqualTo(403);
        assertThat(f.send(f.get("/").header("Authorization", "Bearer wrong")).statusCode()).isEqualTo(403);
    }

    @Test
    void theTokenOfTheUrlBecomesACookieAndLeavesTheAddress() throws Exception {
        assertThat(f.server.url()).startsWith("http://127.0.0.1:" + f.server.port() + "/?token=");
        HttpResponse<String> r = f.send(HttpRequest.newBuilder(URI.create(f.server.url())).GET());
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).hasValue("/");
        String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).startsWith(f.cookie() + ";").contains("HttpOnly").contains("SameSite=Strict");
        HttpResponse<String> page = f.page("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("North Korean soldier captured by Ukraine dies of his wounds");
        assertThat(f.send(f.get("/").header("Authorization", "Bearer " + f.server.token())).statusCode()).isEqualTo(200);
        // a token link to a story keeps the story's own parameters
        HttpResponse<String> story = f.send(HttpRequest.newBuilder(URI.create(f.base() + "/story?id=nk-soldier-captured&token="
                + f.server.token())).GET());
        assertThat(story.statusCode()).isEqualTo(303);
        assertThat(story.headers().firstValue("Location")).hasValue("/story?id=nk-soldier-captured");
        assertThat(WorkbenchServer.withoutToken("//evil.example/x", "token=t")).isEqualTo("/");
    }

    @Test
    void aForeignOriginIsRefused() throws Exception {
        HttpResponse<String> r = f.send(f.get("/").header("Cookie", f.cookie()).header("Origin", "http://evil.example"));
        assertThat(r.statusCode()).isEqualTo(403);
        // a cross-site POST, with the victim's cookie: refused before anything is done
        HttpResponse<String> post = f.send(HttpRequest.newBuilder(URI.create(f.base() + "/undo"))
                .header("Cookie", f.cookie()).header("Origin", "http://evil.example")
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(post.statusCode()).isEqualTo(403);
        HttpResponse<String> noOrigin = f.send(HttpRequest.newBuilder(URI.create(f.base() + "/undo"))
                .header("Cookie", f.cookie()).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(noOrigin.statusCode()).isEqualTo(403);
        assertThat(f.post("/undo", "").statusCode()).isEqualTo(303);
    }

    /** DNS rebinding: a page of evil.example resolved to 127.0.0.1 sends Host: evil.example; refused. */
    @Test
    void aForeignHostIsRefused() throws Exception {
        assertThat(raw("evil.example:" + f.server.port())).startsWith("HTTP/1.1 403");
        assertThat(raw("127.0.0.1.evil.example:" + f.server.port())).startsWith("HTTP/1.1 403");
        assertThat(raw("127.0.0.1:1")).startsWith("HTTP/1.1 403");
        assertThat(raw("localhost:" + f.server.port())).startsWith("HTTP/1.1 200");
        assertThat(raw("127.0.0.1:" + f.server.port())).startsWith("HTTP/1.1 200");
    }

    private String raw(String host) throws IOException {
        try (Socket s = new Socket("127.0.0.1", f.server.port())) {
            OutputStream o = s.getOutputStream();
            o.write(("GET / HTTP/1.1\r\nHost: " + host + "\r\nCookie: " + f.cookie() + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            o.flush();
            return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1)).readLine();
        }
    }

    @Test
    void everyResponseCarriesAPolicyWithoutInlineScript() throws Exception {
        for (String p : new String[]{"/", "/story?id=nk-soldier-captured", "/static/workbench.js"}) {
            HttpResponse<String> r = f.page(p);
            assertThat(r.statusCode()).as(p).isEqualTo(200);
            String csp = r.headers().firstValue("Content-Security-Policy").orElseThrow();
            assertThat(csp).contains("script-src 'self'").contains("default-src 'none'").doesNotContain("unsafe-inline")
                    .contains("frame-ancestors 'none'");
            assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        }
        assertThat(f.send(f.get("/").header("Origin", "http://evil.example")).headers()
                .firstValue("Content-Security-Policy")).isPresent();
    }

    /** It listens on loopback only: a non-loopback address of this machine is refused. */
    @Test
    void listensOnLoopbackOnly() throws Exception {
        InetAddress other = null;
        for (NetworkInterface n : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress a : Collections.list(n.getInetAddresses())) {
                if (!a.isLoopbackAddress() && a instanceof Inet4Address) other = a;
            }
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(other != null, "this machine has no non-loopback IPv4 address");
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(other, f.server.port()), 2000);
            throw new AssertionError("connected on " + other);
        } catch (ConnectException expected) {
            assertThat(expected).hasMessageContaining("refused");
        }
    }
}
