package io.factlint.cli.daemon;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real launcher ({@code ./factlint}, bash) as the client of a real daemon JVM ({@code ./factlint daemon
 * start}), one daemon for the class, in a folder holding copies of the seed story and the rules: the same bytes,
 * exit codes and reports through the daemon as through the JVM ({@code FACTLINT_DAEMON=0}), the daemon's refusals,
 * and the silent fallback to the JVM.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DaemonLauncherTest {
    static final Path LAUNCHER = Path.of("factlint").toAbsolutePath();
    static Path root;
    static Path work;
    static Path cache;
    static Path stateFile;
    static DaemonState state;
    /** A second daemon, started with {@code --idle 2} beside the first, whose stop the idle test sees later. */
    static Path idleStateFile;
    static DaemonState idleState;
    /** The JVM's check of the seed story in a folder beside the daemon's (each holds the same copies), run once. */
    static Run jvmBeside;

    @BeforeAll
    static void startDaemon() throws Exception {
        root = Files.createTempDirectory("factlint-daemon-test").toRealPath();
        work = Files.createDirectories(root.resolve("newsroom"));
        cache = Files.createDirectories(root.resolve("cache"));
        copyTree(Path.of("facts"), work.resolve("facts"));
        copyTree(Path.of("rules"), work.resolve("rules"));
        copyTree(Path.of("rules"), work.resolve("rules2"));
        Files.createDirectories(work.resolve("bad"));
        Files.writeString(work.resolve("bad/story.json"), "{\"facts\": [\n  {\"id\": \"f1\", \"subject\": }\n]}\n");
        Run start = run(work, Map.of(), "daemon", "start", "--idle", "900");
        assertThat(start.code).as(start.toString()).isZero();
        stateFile = DaemonState.file(cache, work.toString());
        state = DaemonState.read(stateFile);
        assertThat(state).as(start.toString()).isNotNull();
        // started now, so that its two idle seconds pass while the other tests run (aDaemonStopsAfterItsIdleTime...)
        Path idle = Files.createDirectories(root.resolve("idle"));
        copyTree(work.resolve("facts"), idle.resolve("facts"));
        copyTree(Path.of("rules"), idle.resolve("rules"));
        Run idleStart = run(idle, Map.of(), "daemon", "start", "--idle", "2");
        assertThat(idleStart.code).as(idleStart.toString()).isZero();
        idleStateFile = DaemonState.file(cache, idle.toString());
        idleState = DaemonState.read(idleStateFile);
        assertThat(idleState).as(idleStart.toString()).isNotNull();
    }

    @AfterAll
    static void stopDaemon() throws Exception {
        for (Path f : new Path[]{stateFile, idleStateFile}) {
            DaemonState s = f == null ? null : DaemonState.read(f);
            if (s != null) ProcessHandle.of(s.pid()).ifPresent(ProcessHandle::destroy);
        }
        try (Stream<Path> w = Files.walk(root)) {
            w.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    record Run(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    static Run run(Path dir, Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(LAUNCHER.toString()));
        cmd.addAll(List.of(args));
        Path o = Files.createTempFile(root, "out", ".txt");
        Path e = Files.createTempFile(root, "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(o.toFile()).redirectError(e.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().put("FACTLINT_CACHE_DIR", cache.toString());
        pb.environment().put("PWD", dir.toString());
        pb.environment().remove("SOURCE_DATE_EPOCH");
        pb.environment().remove("FACTLINT_TODAY");
        pb.environment().putAll(env);
        Process p = pb.start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return new Run(p.exitValue(), Files.readString(o), Files.readString(e));
    }

    static Run jvm(Path dir, String... args) throws Exception {
        return run(dir, Map.of("FACTLINT_DAEMON", "0"), args);
    }

    /** The number of checks the daemon has served (asked with its token). */
    static long served() throws IOException {
        HttpURLConnection c = post("/status", Map.of("X-Factlint-Token", state.token()));
        assertThat(c.getResponseCode()).isEqualTo(200);
        String s = new String(c.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("(\\d+) checks served").matcher(s);
        assertThat(m.find()).as(s).isTrue();
        return Long.parseLong(m.group(1));
    }

    static HttpURLConnection post(String path, Map<String, String> headers) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + state.port() + path).toURL().openConnection();
        c.setRequestMethod("POST");
        headers.forEach(c::setRequestProperty);
        c.setDoOutput(true);
        try (OutputStream os = c.getOutputStream()) {
            os.write(checkBody());
        }
        return c;
    }

    /** A check of the seed story as the launcher would ask it, with the cache folder the daemon has. */
    static byte[] checkBody() {
        String dir = work.toString();
        String jar = state.jar();
        String cacheEnv = "FACTLINT_CACHE_DIR=" + cache;
        return (len(dir) + ":" + dir + "," + len(jar) + ":" + jar + ",1:1,5:check," + len(cacheEnv) + ":" + cacheEnv + ",")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The status line of a hand-written request (HttpURLConnection drops an Origin header), with the check's body. */
    static String raw(String path, String... headers) throws IOException {
        try (Socket s = new Socket(java.net.InetAddress.getLoopbackAddress(), state.port())) {
            byte[] body = checkBody();
            StringBuilder req = new StringBuilder("POST " + path + " HTTP/1.0\r\nHost: 127.0.0.1:" + state.port() + "\r\n");
            for (String h : headers) req.append(h).append("\r\n");
            req.append("Content-Length: ").append(body.length).append("\r\n\r\n");
            OutputStream os = s.getOutputStream();
            os.write(req.toString().getBytes(StandardCharsets.ISO_8859_1));
            os.write(body);
            os.flush();
            String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            return answer.lines().findFirst().orElse("");
        }
    }

    static int len(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** Runs {@code args} through the daemon and through the JVM: both the same, the first served by the daemon. */
    static Run same(String... args) throws Exception {
        long before = served();
        Run d = run(work, Map.of(), args);
        assertThat(served()).as("served by the daemon: " + d).isEqualTo(before + 1);
        Run j = jvm(work, args);
        assertThat(served()).as("the JVM run did not go to the daemon").isEqualTo(before + 1);
        assertThat(d).isEqualTo(j);
        return d;
    }

    @Test
    @Order(1)
    void theStateFileIsTheOwnersOnly() throws Exception {
        assertThat(Files.getPosixFilePermissions(stateFile)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(Files.getPosixFilePermissions(stateFile.getParent())).doesNotContain(PosixFilePermission.GROUP_READ,
                PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_EXECUTE);
        assertThat(state.dir()).isEqualTo(work.toString());
        assertThat(state.stamp()).isEqualTo(DaemonState.stamp(Path.of(state.jar())));
        Run status = run(work, Map.of(), "daemon", "status");
        assertThat(status.code).isZero();
        assertThat(status.out).contains("daemon serving " + work + " on 127.0.0.1:" + state.port());
    }

    @Test
    @Order(2)
    void theSeedStoryGivesTheSameOutputAndExitCode() throws Exception {
        Run r = same("check", "facts");
        assertThat(r.code).isZero();
        assertThat(r.out).contains("facts/nk-soldier-captured.json:31:5: warning [status.changed]").contains("passed (--fail-on error)");
        Run failing = same("check", "facts", "--fail-on", "warning");
        assertThat(failing.code).isEqualTo(1);
    }

    @Test
    @Order(3)
    void aBadInputGivesTheSameLocatedErrorAndExit2() throws Exception {
        Run r = same("check", "bad");
        assertThat(r.code).isEqualTo(2);
        assertThat(r.err).containsPattern("bad/story.json:2:\\d+: ").contains("nothing checked, no report written");
        assertThat(r.out).isEmpty();
    }

    @Test
    @Order(4)
    void jsonAndTheEnvironmentTheCheckReads() throws Exception {
        Run plain = same("check", "facts", "--format", "json");
        assertThat(plain.out).startsWith("{").contains("\"findings\"");
        long before = served();
        Map<String, String> epoch = Map.of("SOURCE_DATE_EPOCH", "1700000000", "FACTLINT_TODAY", "2025-01-02");
        Run d = run(work, epoch, "check", "facts", "--format", "json");
        assertThat(served()).isEqualTo(before + 1);
        Map<String, String> jvmEnv = new HashMap<>(epoch);
        jvmEnv.put("FACTLINT_DAEMON", "0");
        Run j = run(work, jvmEnv, "check", "facts", "--format", "json");
        assertThat(d).isEqualTo(j);
        assertThat(d.out).isNotEqualTo(plain.out).contains("2023-11-14");
    }

    @Test
    @Order(5)
    void reportsWrittenWithOAreByteIdentical() throws Exception {
        Path out = work.resolve("out");
        long before = served();
        Run d = run(work, Map.of(), "check", "facts", "--format", "text", "--format", "html", "--format", "json", "--format", "sarif", "-o", "out/");
        assertThat(served()).isEqualTo(before + 1);
        Map<String, byte[]> viaDaemon = files(out);
        assertThat(viaDaemon).containsKeys("factlint.html", "factlint.json", "factlint.sarif");
        try (Stream<Path> s = Files.list(out)) {
            s.forEach(p -> p.toFile().delete());
        }
        Run j = jvm(work, "check", "facts", "--format", "text", "--format", "html", "--format", "json", "--format", "sarif", "-o", "out/");
        assertThat(d).isEqualTo(j);
        assertThat(d.err).contains("factlint: wrote out/factlint.html");
        Map<String, byte[]> viaJvm = files(out);
        assertThat(viaJvm.keySet()).isEqualTo(viaDaemon.keySet());
        viaJvm.forEach((name, bytes) -> assertThat(viaDaemon.get(name)).as(name).isEqualTo(bytes));
    }

    static Map<String, byte[]> files(Path dir) throws IOException {
        Map<String, byte[]> m = new HashMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) m.put(p.getFileName().toString(), Files.readAllBytes(p));
        }
        return m;
    }

    @Test
    @Order(6)
    void otherCommandsToo() throws Exception {
        assertThat(same("rules", "--format", "json").code).isZero();
        Run explain = same("explain", "status.stale");
        assertThat(explain.out).contains("status.stale");
        assertThat(same("explain", "no.such_rule").code).isEqualTo(2);
    }

    @Test
    @Order(6)
    void aNonAsciiPathAndAnArgumentWithSpaces() throws Exception {
        Files.createDirectories(work.resolve("facts-ü"));
        Files.copy(work.resolve("facts/nk-soldier-captured.json"), work.resolve("facts-ü/münchen story.json"));
        Files.copy(work.resolve("facts/nk-soldier-captured.txt"), work.resolve("facts-ü/nk-soldier-captured.txt"));
        Run r = same("check", "facts-ü/münchen story.json", "--format", "text");
        assertThat(r.out).contains("facts-ü/münchen story.json:31:5: warning [status.changed]");
    }

    @Test
    @Order(7)
    void aWrongOrMissingTokenRunsNothing() throws Exception {
        long before = served();
        HttpURLConnection wrong = post("/check", Map.of("X-Factlint-Token", state.token().replace(state.token().charAt(0), state.token().charAt(0) == 'a' ? 'b' : 'a')));
        assertThat(wrong.getResponseCode()).isEqualTo(403);
        HttpURLConnection none = post("/check", Map.of());
        assertThat(none.getResponseCode()).isEqualTo(403);
        assertThat(served()).isEqualTo(before);
        HttpURLConnection right = post("/check", Map.of("X-Factlint-Token", state.token()));
        assertThat(right.getResponseCode()).isEqualTo(200);
        assertThat(right.getHeaderField("X-Factlint-Exit")).isEqualTo("0");
        assertThat(served()).isEqualTo(before + 1);
    }

    @Test
    @Order(8)
    void aRequestWithAnOriginRunsNothing() throws Exception {
        long before = served();
        assertThat(raw("/check", "X-Factlint-Token: " + state.token())).contains(" 200 ");
        assertThat(served()).isEqualTo(before + 1);
        assertThat(raw("/check", "X-Factlint-Token: " + state.token(), "Origin: http://127.0.0.1:" + state.port())).contains(" 403 ");
        assertThat(raw("/stop", "X-Factlint-Token: " + state.token(), "Origin: https://example.org")).contains(" 403 ");
        assertThat(raw("/check", "X-Factlint-Token: " + state.token(), "Origin: null")).contains(" 403 ");
        assertThat(served()).isEqualTo(before + 1);
        assertThat(state.alive()).isTrue();
    }

    @Test
    @Order(9)
    void aChangedRuleFileIsSeenByTheNextCheck() throws Exception {
        Run before = same("check", "facts", "--rules", "rules2");
        assertThat(before.out).contains("rests on one source only");
        Path catalogue = work.resolve("rules2/catalogue.yaml");
        Files.writeString(catalogue, Files.readString(catalogue).replace("rests on one source only", "rests on a single source"));
        Run after = same("check", "facts", "--rules", "rules2");
        assertThat(after.out).contains("rests on a single source").doesNotContain("rests on one source only");
        // a new rule (DRL and its catalogue entry): another knowledge base, not the one the daemon keeps
        assertThat(after.out).doesNotContain("desk.deployment_unsourced");
        Files.copy(Path.of("examples/rules/desk.drl"), work.resolve("rules2/desk.drl"));
        Files.copy(Path.of("examples/rules/desk.catalogue.yaml"), work.resolve("rules2/desk.catalogue.yaml"));
        Run added = same("check", "facts", "--rules", "rules2");
        assertThat(added.out).contains("[desk.deployment_unsourced]");
        // and the other rules folder, kept in the daemon, is still its own
        assertThat(same("check", "facts").out).contains("rests on one source only");
    }

    /**
     * Reads a whole request, headers then Content-Length bytes, as a fake daemon must before it answers or closes
     * (closing with unread bytes would reset the connection, and the launcher would not even see the status line).
     * False when the client went away first.
     */
    static boolean readRequest(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) return false;
            head.append((char) c);
        }
        Matcher m = Pattern.compile("(?i)Content-Length: (\\d+)").matcher(head);
        in.readNBytes(m.find() ? Integer.parseInt(m.group(1)) : 0);
        return true;
    }

    /** A folder beside the daemon's, with its own copy of the story and rules, and a state file written by the test. */
    static Path otherFolder(String name, DaemonState s, FileTime mtime) throws Exception {
        Path dir = Files.createDirectories(root.resolve(name));
        if (!Files.exists(dir.resolve("facts"))) {
            copyTree(work.resolve("facts"), dir.resolve("facts"));
            copyTree(Path.of("rules"), dir.resolve("rules"));
        }
        Path f = DaemonState.file(cache, dir.toString());
        s.write(f);
        if (mtime != null) Files.setLastModifiedTime(f, mtime);
        return dir;
    }

    /** Checks the seed story in {@code dir}: the JVM's result, and the daemon served nothing. */
    static void fallsBack(Path dir) throws Exception {
        long before = served();
        Run r = run(dir, Map.of(), "check", "facts");
        assertThat(served()).isEqualTo(before);
        if (jvmBeside == null) jvmBeside = jvm(dir, "check", "facts");
        assertThat(r).isEqualTo(jvmBeside);
        assertThat(r.code).isZero();
        assertThat(r.out).contains("passed (--fail-on error)");
    }

    @Test
    @Order(10)
    void aDeadPidARefusedPortAStaleJarAnotherFolderOrABadTokenFallBackToTheJvm() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        long me = ProcessHandle.current().pid();
        int freePort;
        try (ServerSocket s = new ServerSocket(0)) {
            freePort = s.getLocalPort();
        }
        // the daemon's port and token, but a pid that is gone
        fallsBack(otherFolder("dead", new DaemonState(state.port(), state.token(), gone.pid(), state.stamp(), state.jar(), root.resolve("dead").toString()), null));
        // a live pid, nobody listening
        fallsBack(otherFolder("refused", new DaemonState(freePort, state.token(), me, state.stamp(), state.jar(), root.resolve("refused").toString()), null));
        // the jar is newer than the state file (rebuilt since the daemon started)
        fallsBack(otherFolder("stale", new DaemonState(state.port(), state.token(), state.pid(), state.stamp(), state.jar(), root.resolve("stale").toString()),
                FileTime.fromMillis(0)));
        // the daemon's own state, copied to another folder: the daemon serves only its own folder
        fallsBack(otherFolder("other", new DaemonState(state.port(), state.token(), state.pid(), state.stamp(), state.jar(), root.resolve("other").toString()), null));
        // a wrong token
        fallsBack(otherFolder("token", new DaemonState(state.port(), "0".repeat(64), state.pid(), state.stamp(), state.jar(), root.resolve("token").toString()), null));
        assertThat(state.alive()).isTrue();
    }

    @Test
    @Order(11)
    void anAnswerCutShortAfterTheDaemonAcceptedExits3() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Path dir = otherFolder("cut", new DaemonState(server.getLocalPort(), "t", ProcessHandle.current().pid(), state.stamp(), state.jar(),
                    root.resolve("cut").toString()), null);
            Thread t = new Thread(() -> {
                try (Socket s = server.accept()) {
                    InputStream in = s.getInputStream();
                    if (!readRequest(in)) return;
                    s.getOutputStream().write(("HTTP/1.1 200 OK\r\nX-Factlint-Exit: 0\r\nX-Factlint-Stdout: 100\r\nX-Factlint-Stderr: 0\r\n"
                            + "Content-Length: 100\r\n\r\npartial").getBytes(StandardCharsets.US_ASCII));
                    s.getOutputStream().flush();
                    s.shutdownOutput(); // the answer ends 93 bytes short
                    in.readAllBytes(); // until the launcher closes its end
                } catch (IOException e) {
                    // the test fails below
                }
            });
            t.start();
            Run r = run(dir, Map.of(), "check", "facts");
            t.join(10_000);
            assertThat(r.code).isEqualTo(3);
            assertThat(r.out).isEmpty();
            assertThat(r.err).contains("the check did not complete");
        }
    }

    /**
     * A daemon that takes the request and then sends nothing (hung, stopped with SIGSTOP), or stalls in the middle
     * of its answer: the launcher waits FACTLINT_DAEMON_TIMEOUT seconds, then exits 3 (the check did not complete)
     * and does not run the check again in a JVM (the daemon may still write its reports).
     */
    @Test
    @Order(11)
    void aDaemonThatSendsNothingForTheTimeoutExits3() throws Exception {
        // silent: nothing; stalled: headers and part of the body, then nothing; resumed: headers without the blank
        // line that ends them, then (after the timeout) the blank line and a body of the announced length
        for (String name : new String[]{"silent", "stalled", "resumed"}) {
            boolean headersFirst = !name.equals("silent");
            try (ServerSocket server = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                Path dir = otherFolder(name, new DaemonState(server.getLocalPort(), "t", ProcessHandle.current().pid(),
                        state.stamp(), state.jar(), root.resolve(name).toString()), null);
                java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
                Thread t = new Thread(() -> {
                    try (Socket s = server.accept()) {
                        if (!readRequest(s.getInputStream())) return;
                        if (name.equals("stalled")) {
                            s.getOutputStream().write(("HTTP/1.1 200 OK\r\nX-Factlint-Exit: 0\r\nX-Factlint-Stdout: 100\r\n"
                                    + "X-Factlint-Stderr: 0\r\nContent-Length: 100\r\n\r\npartial").getBytes(StandardCharsets.US_ASCII));
                            s.getOutputStream().flush();
                        } else if (name.equals("resumed")) {
                            s.getOutputStream().write(("HTTP/1.1 200 OK\r\nX-Factlint-Exit: 0\r\nX-Factlint-Stdout: 5\r\n"
                                    + "X-Factlint-Stderr: 0\r\nContent-Length: 5\r\n").getBytes(StandardCharsets.US_ASCII));
                            s.getOutputStream().flush();
                            Thread.sleep(1_500); // past the launcher's 1 s
                            s.getOutputStream().write("\r\nHELLO".getBytes(StandardCharsets.US_ASCII));
                            s.getOutputStream().flush();
                        }
                        done.await(); // holds the connection open, answering nothing more, until the launcher is done
                    } catch (IOException | InterruptedException e) {
                        // the test fails below
                    }
                });
                t.start();
                long before = served(), start = System.nanoTime();
                Run r = run(dir, Map.of("FACTLINT_DAEMON_TIMEOUT", "1"), "check", "facts");
                long millis = (System.nanoTime() - start) / 1_000_000;
                done.countDown();
                t.join(10_000);
                assertThat(r.code).as(name).isEqualTo(3);
                assertThat(r.out).as(name).isEmpty();
                assertThat(r.err).as(name).contains("the check did not complete")
                        .contains(headersFirst ? "nothing for 1 s" : "no answer within 1 s")
                        .contains("'factlint daemon stop' ends it, FACTLINT_DAEMON=0 runs without it");
                assertThat(served()).as("the real daemon ran nothing").isEqualTo(before);
                assertThat(millis).as("waited about the timeout, not forever").isBetween(800L, 60_000L);
            }
        }
    }

    @Test
    @Order(12)
    void aDaemonStopsAfterItsIdleTimeAndRemovesItsStateFile() throws Exception {
        // started with --idle 2 in startDaemon
        Path f = idleStateFile;
        DaemonState s = idleState;
        long deadline = System.nanoTime() + 60_000_000_000L;
        while ((Files.exists(f) || s.alive()) && System.nanoTime() < deadline) Thread.sleep(200);
        assertThat(f).doesNotExist();
        assertThat(s.alive()).isFalse();
        assertThat(Files.readString(f.resolveSibling(f.getFileName().toString().replace(".state", ".log"))))
                .contains("idle for 2 s; stopping");
    }

    @Test
    @Order(20)
    void stopEndsTheDaemonAndRemovesTheStateFileAndChecksRunInTheJvm() throws Exception {
        Run stop = run(work, Map.of(), "daemon", "stop");
        assertThat(stop.code).as(stop.toString()).isZero();
        assertThat(stop.out).contains("stopped the daemon for " + work);
        assertThat(stateFile).doesNotExist();
        assertThat(ProcessHandle.of(state.pid()).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        Run status = run(work, Map.of(), "daemon", "status");
        assertThat(status.code).isEqualTo(1);
        assertThat(status.out).contains("no daemon serves " + work);
        Run r = run(work, Map.of(), "check", "facts");
        assertThat(r).isEqualTo(jvm(work, "check", "facts"));
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
    }
}
