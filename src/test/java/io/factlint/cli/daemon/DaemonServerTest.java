package io.factlint.cli.daemon;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daemon's server in this JVM, on a real loopback socket, with a runner of the test's own (the launcher and a
 * daemon JVM: DaemonLauncherTest): it answers {@code /status} while a check runs, and runs only the commands the
 * launcher sends it.
 */
class DaemonServerTest {
    @TempDir
    Path dir;

    private static String netstring(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length + ":" + s + ",";
    }

    /** A {@code /check} body as the launcher writes it: folder, jar, the argument count, the arguments. */
    private static byte[] checkBody(String folder, String jar, String... args) {
        StringBuilder b = new StringBuilder(netstring(folder) + netstring(jar) + netstring(String.valueOf(args.length)));
        for (String a : args) b.append(netstring(a));
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static HttpURLConnection post(DaemonServer d, String path, byte[] body) throws Exception {
        HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + d.port() + path).toURL().openConnection();
        c.setRequestMethod("POST");
        c.setRequestProperty("X-Factlint-Token", d.token());
        c.setConnectTimeout(5_000);
        c.setReadTimeout(5_000);
        c.setDoOutput(true);
        try (OutputStream os = c.getOutputStream()) {
            os.write(body);
        }
        return c;
    }

    @Test
    void statusAnswersWhileACheckRuns() throws Exception {
        Path jar = Files.writeString(dir.resolve("factlint.jar"), "a jar");
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        DaemonServer.Runner slow = (args, out, err, env) -> {
            started.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            out.print("checked\n");
            return 0;
        };
        try (DaemonServer d = new DaemonServer(dir.toString(), jar.toString(), Map.of(), slow, () -> { })) {
            CompletableFuture<Integer> check = CompletableFuture.supplyAsync(() -> {
                try {
                    return post(d, "/check", checkBody(dir.toString(), jar.toString(), "check")).getResponseCode();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(started.await(10, TimeUnit.SECONDS)).as("the check started").isTrue();
            // the check holds the daemon; a status must not wait for it (it would be taken for no daemon at all)
            HttpURLConnection status = post(d, "/status", new byte[0]);
            assertThat(status.getResponseCode()).isEqualTo(200);
            assertThat(new String(status.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).contains("checks served");
            assertThat(d.idleNanos()).as("busy while the check runs").isZero();
            release.countDown();
            assertThat(check.get(10, TimeUnit.SECONDS)).isEqualTo(200);
        }
    }

    @Test
    void aWatchOrACommandTheLauncherNeverSendsIsNotRun() throws Exception {
        Path jar = Files.writeString(dir.resolve("factlint.jar"), "a jar");
        AtomicInteger ran = new AtomicInteger();
        DaemonServer.Runner counting = (args, out, err, env) -> ran.incrementAndGet();
        try (DaemonServer d = new DaemonServer(dir.toString(), jar.toString(), Map.of(), counting, () -> { })) {
            for (List<String> args : List.of(List.of("check", "facts", "--watch=true"), List.of("check", "--watch"),
                    List.of("check", "-"), List.of("serve"), List.of("draft", "a.txt"), List.of("daemon", "start"))) {
                HttpURLConnection c = post(d, "/check", checkBody(dir.toString(), jar.toString(), args.toArray(String[]::new)));
                assertThat(c.getResponseCode()).as(args.toString()).isEqualTo(409);
            }
            assertThat(ran).hasValue(0);
            assertThat(post(d, "/check", checkBody(dir.toString(), jar.toString(), "rules")).getResponseCode()).isEqualTo(200);
            assertThat(ran).hasValue(1);
        }
    }
}
