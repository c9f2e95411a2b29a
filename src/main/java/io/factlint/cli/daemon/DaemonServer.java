package io.factlint.cli.daemon;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.factlint.engine.CacheOptions;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The warm check process of {@code factlint daemon start}: a JDK {@link HttpServer} on 127.0.0.1 that runs
 * the command line ({@code io.factlint.cli.Main.run}, passed in as a {@link Runner}) for the launcher, one request at a time, in the folder it was started in.
 *
 * <p>Why the JDK's server and not Javalin (which {@code factlint serve} uses): the only client is the launcher's
 * bash, writing one HTTP/1.0 request per check by hand; the daemon needs one endpoint, one thread and no web
 * features (no routing, JSON, WebSockets, static files). {@code com.sun.net.httpserver} is in the JDK (module
 * {@code jdk.httpserver}), takes an executor (a single thread: one check at a time, the rest queue) and starts
 * with a few dozen classes instead of Jetty's hundreds; HTTP parsing is still a maintained library's, not ours.
 *
 * <p>Protocol ({@code POST /check}): headers {@code Host: 127.0.0.1:PORT} and {@code X-Factlint-Token}; no
 * {@code Origin} header (a browser always sends one on a POST: a web page cannot drive the daemon). The body is
 * netstrings ({@code LEN:BYTES,}, LEN in bytes): the client's folder, the client's jar, the number of arguments,
 * the arguments, then {@code NAME=VALUE} for each environment variable factlint reads that the client has set.
 * The answer: {@code 200} with {@code X-Factlint-Exit}, {@code X-Factlint-Stdout} and {@code X-Factlint-Stderr}
 * (byte counts) and the body standard output then standard error; or another status, on which the launcher runs
 * the JVM itself ({@code 403} token, Origin or Host; {@code 409} another folder, another or changed jar, an
 * environment the daemon cannot take over, output the launcher cannot carry).
 */
public final class DaemonServer implements AutoCloseable {
    /** The command line in-process: {@code io.factlint.cli.Main::run}. */
    @FunctionalInterface
    public interface Runner {
        int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env);
    }

    /** Variables a check reads per run: the daemon passes the client's to the {@link Runner}. */
    static final List<String> PER_CHECK = List.of("FACTLINT_TODAY", "SOURCE_DATE_EPOCH");
    /**
     * Variables read from the process's own environment (the ClaimReview newsroom, the cache folder, the time
     * zone that "today" is in): a client whose values differ from the daemon's is sent to the JVM.
     */
    static final List<String> FIXED = List.of("FACTLINT_NEWSROOM", "FACTLINT_NEWSROOM_URL", "FACTLINT_STORY_URL",
            "FACTLINT_CACHE_DIR", "XDG_CACHE_HOME", "TZ");
    /** The largest request body (arguments and environment). */
    static final int MAX_BODY = 4 * 1024 * 1024;

    private final HttpServer server;
    private final ExecutorService executor;
    private final String token;
    private final String dir;
    private final String jar;
    private final String stamp;
    private final Map<String, String> ownEnv;
    private final Runnable onStop;
    private final Runner runner;
    private final AtomicLong lastUsed = new AtomicLong(System.nanoTime());
    private final AtomicLong checks = new AtomicLong();
    /** Requests being answered: the daemon is idle only when none is. */
    private final java.util.concurrent.atomic.AtomicInteger active = new java.util.concurrent.atomic.AtomicInteger();
    /** One check at a time (the checks share the JVM's settings); a second client waits for it. */
    private final Object checkLock = new Object();
    private volatile boolean stopping;

    /**
     * A daemon serving {@code dir} (the current working directory, as the client names it) for the jar at
     * {@code jar}, listening on a free loopback port; {@code onStop} runs (on another thread) when a client asks it
     * to stop or its jar changed.
     */
    public DaemonServer(String dir, String jar, Map<String, String> ownEnv, Runner runner, Runnable onStop) throws IOException {
        this.runner = runner;
        this.dir = dir;
        this.jar = jar;
        this.stamp = DaemonState.stamp(Path.of(jar));
        this.ownEnv = Map.copyOf(ownEnv);
        this.onStop = onStop;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.token = HexFormat.of().formatHex(secret);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        // a few threads, so that /status and /stop answer while a check runs (a status that waited for a long check
        // would say no daemon serves, and "daemon start" would start a second one); checks take checkLock in turn
        this.executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "factlint-daemon");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String token() {
        return token;
    }

    public String stamp() {
        return stamp;
    }

    /** The state file's content for this daemon. */
    DaemonState state() {
        return new DaemonState(port(), token, ProcessHandle.current().pid(), stamp, jar, dir);
    }

    /** Nanoseconds since the last request ended, or 0 while one runs. */
    long idleNanos() {
        return active.get() > 0 ? 0 : System.nanoTime() - lastUsed.get();
    }

    long checks() {
        return checks.get();
    }

    private void handle(HttpExchange x) throws IOException {
        active.incrementAndGet();
        try (x) {
            Headers h = x.getRequestHeaders();
            String given = h.getFirst("X-Factlint-Token");
            if (h.containsKey("Origin")) {
                answer(x, 403, "refused: a request with an Origin header (a web page) runs nothing");
                return;
            }
            if (!("127.0.0.1:" + port()).equals(h.getFirst("Host"))) {
                answer(x, 403, "refused: Host must be 127.0.0.1:" + port());
                return;
            }
            if (given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.ISO_8859_1), token.getBytes(StandardCharsets.ISO_8859_1))) {
                answer(x, 403, "refused: no or wrong token");
                return;
            }
            if (!"POST".equals(x.getRequestMethod())) {
                answer(x, 405, "POST only");
                return;
            }
            switch (x.getRequestURI().getPath()) {
                case "/check" -> {
                    synchronized (checkLock) {
                        check(x);
                    }
                }
                case "/status" -> answer(x, 200, "pid " + ProcessHandle.current().pid() + ", " + checks.get() + " checks served, idle "
                        + (System.nanoTime() - lastUsed.get()) / 1_000_000_000L + " s\n");
                case "/stop" -> {
                    answer(x, 200, "stopping\n");
                    stop();
                }
                default -> answer(x, 404, "no such endpoint");
            }
        } catch (IOException | RuntimeException e) {
            // the client went away or sent nonsense: nothing ran, or the client sees a short answer and says so
        } finally {
            lastUsed.set(System.nanoTime());
            active.decrementAndGet();
        }
    }

    private void check(HttpExchange x) throws IOException {
        byte[] body = x.getRequestBody().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            answer(x, 413, "request too large");
            return;
        }
        List<String> fields;
        try {
            fields = netstrings(body);
        } catch (IllegalArgumentException e) {
            answer(x, 400, "malformed request: " + e.getMessage());
            return;
        }
        if (fields.size() < 3) {
            answer(x, 400, "malformed request: too few fields");
            return;
        }
        if (!dir.equals(fields.get(0))) {
            answer(x, 409, "this daemon serves another folder");
            return;
        }
        if (!jar.equals(fields.get(1))) {
            answer(x, 409, "this daemon runs another jar");
            return;
        }
        if (!stamp.equals(DaemonState.stamp(Path.of(jar)))) {
            answer(x, 409, "the jar changed since this daemon started; it stops");
            stop();
            return;
        }
        int n;
        try {
            n = Integer.parseInt(fields.get(2));
        } catch (NumberFormatException e) {
            answer(x, 400, "malformed request: argument count");
            return;
        }
        if (n < 0 || 3 + n > fields.size()) {
            answer(x, 400, "malformed request: argument count");
            return;
        }
        String[] args = fields.subList(3, 3 + n).toArray(String[]::new);
        if (!served(args)) {
            // a command that never ends (a watch) or is not a check would hold the daemon: the launcher runs it in a JVM
            answer(x, 409, "a command the daemon does not run: " + (args.length == 0 ? "none" : args[0]));
            return;
        }
        Map<String, String> clientEnv = new HashMap<>();
        for (String e : fields.subList(3 + n, fields.size())) {
            int eq = e.indexOf('=');
            if (eq <= 0) {
                answer(x, 400, "malformed request: environment entry");
                return;
            }
            clientEnv.put(e.substring(0, eq), e.substring(eq + 1));
        }
        for (String name : FIXED) {
            if (!Objects.equals(blankToNull(clientEnv.get(name)), blankToNull(ownEnv.get(name)))) {
                answer(x, 409, name + " differs from the daemon's");
                return;
            }
        }
        Map<String, String> env = new HashMap<>(ownEnv);
        for (String name : PER_CHECK) {
            env.remove(name);
            if (clientEnv.containsKey(name)) env.put(name, clientEnv.get(name));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, false, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, false, StandardCharsets.UTF_8)) {
            code = runner.run(args, o, e, env);
            o.flush();
            e.flush();
        }
        checks.incrementAndGet();
        byte[] so = out.toByteArray();
        byte[] se = err.toByteArray();
        if (indexOfNul(so) >= 0 || indexOfNul(se) >= 0) {
            // bash cannot carry a NUL byte: the launcher runs the JVM for this one
            answer(x, 409, "the output holds a NUL byte");
            return;
        }
        x.getResponseHeaders().set("X-Factlint-Exit", Integer.toString(code));
        x.getResponseHeaders().set("X-Factlint-Stdout", Integer.toString(so.length));
        x.getResponseHeaders().set("X-Factlint-Stderr", Integer.toString(se.length));
        x.getResponseHeaders().set("Content-Type", "application/octet-stream");
        x.sendResponseHeaders(200, so.length + (long) se.length);
        try (OutputStream os = x.getResponseBody()) {
            os.write(so);
            os.write(se);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static int indexOfNul(byte[] b) {
        for (int i = 0; i < b.length; i++) if (b[i] == 0) return i;
        return -1;
    }

    /** Parses {@code LEN:BYTES,} fields (LEN decimal, in bytes), each decoded as UTF-8. */
    static List<String> netstrings(byte[] b) {
        List<String> fields = new ArrayList<>();
        int i = 0;
        while (i < b.length) {
            int len = 0;
            int digits = 0;
            while (i < b.length && b[i] >= '0' && b[i] <= '9') {
                if (++digits > 9) throw new IllegalArgumentException("length too long at byte " + i);
                len = len * 10 + (b[i++] - '0');
            }
            if (digits == 0 || i >= b.length || b[i] != ':') throw new IllegalArgumentException("expected LEN: at byte " + i);
            i++;
            if (len > b.length - i - 1 || b[i + len] != ',') throw new IllegalArgumentException("field of " + len + " bytes not closed at byte " + i);
            fields.add(new String(b, i, len, StandardCharsets.UTF_8));
            i += len + 1;
        }
        return fields;
    }

    /** The commands the daemon runs (the launcher sends only these): check, rules, explain, test; never a watch or stdin. */
    static boolean served(String[] args) {
        if (args.length == 0 || !List.of("check", "rules", "explain", "test").contains(args[0])) return false;
        for (String a : args) if (a.equals("-") || a.equals("--watch") || a.startsWith("--watch=")) return false;
        return true;
    }

    private static void answer(HttpExchange x, int status, String text) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        x.sendResponseHeaders(status, b.length);
        try (OutputStream os = x.getResponseBody()) {
            os.write(b);
        }
    }

    private void stop() {
        if (stopping) return;
        stopping = true;
        Thread t = new Thread(onStop, "factlint-daemon-stop");
        t.setDaemon(false);
        t.start();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /**
     * The background JVM ({@code io.factlint.cli.DaemonMain DIR IDLE_SECONDS}, which passes the command line). Serves DIR (which must be the working
     * directory), writes the state file, and stops (removing it) when asked, when its jar changes, on SIGTERM, or
     * after IDLE_SECONDS without a request.
     */
    /** Where this class was loaded from: the jar a daemon runs (a class folder when run from a build). */
    static Path jar() throws java.net.URISyntaxException {
        return Path.of(DaemonServer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    public static void serve(String[] args, Runner runner) throws Exception {
        String dir = args[0];
        long idleSeconds = Long.parseLong(args[1]);
        Path cwd = Path.of("").toAbsolutePath();
        if (!Files.isSameFile(cwd, Path.of(dir))) {
            System.err.println("factlint daemon: started in " + cwd + ", not in " + dir);
            System.exit(3);
        }
        Path jar = jar();
        Path stateFile = DaemonState.file(CacheOptions.defaults().dir(), dir);
        if (stateFile == null) {
            System.err.println("factlint daemon: the folder's path is too long for a state file name");
            System.exit(2);
        }
        Object lock = new Object();
        boolean[] done = {false};
        Runnable finish = () -> {
            synchronized (lock) {
                done[0] = true;
                lock.notifyAll();
            }
        };
        DaemonServer d = new DaemonServer(dir, jar.toString(), System.getenv(), runner, finish);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> removeIfOurs(stateFile, d.token()), "factlint-daemon-cleanup"));
        warmUp(runner);
        d.lastUsed.set(System.nanoTime()); // the idle time counts from when clients can find it
        d.state().write(stateFile);
        System.err.println("factlint daemon: serving " + dir + " on 127.0.0.1:" + d.port() + ", pid " + ProcessHandle.current().pid()
                + ", stops after " + idleSeconds + " s idle");
        long idleNanos = idleSeconds * 1_000_000_000L;
        synchronized (lock) {
            while (!done[0]) {
                long wait = Math.max(1, (idleNanos - d.idleNanos()) / 1_000_000L);
                lock.wait(Math.min(wait, 60_000));
                if (!done[0] && d.idleNanos() >= idleNanos) {
                    System.err.println("factlint daemon: idle for " + idleSeconds + " s; stopping");
                    break;
                }
                if (!done[0] && !d.stamp().equals(DaemonState.stamp(jar))) {
                    System.err.println("factlint daemon: the jar changed; stopping");
                    break;
                }
                if (!done[0] && !stateFile.toFile().exists()) {
                    System.err.println("factlint daemon: the state file was removed; stopping");
                    break;
                }
            }
        }
        removeIfOurs(stateFile, d.token());
        d.close();
        System.err.println("factlint daemon: stopped after " + d.checks() + " checks");
        System.exit(0);
    }

    /** Runs a few checks of the folder, output discarded, so the first real check finds the code compiled. */
    private static void warmUp(Runner runner) {
        long start = System.nanoTime();
        for (int i = 0; i < 3 && System.nanoTime() - start < 10_000_000_000L; i++) {
            PrintStream sink = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
            runner.run(new String[]{"check"}, sink, sink, Map.of());
        }
    }

    private static void removeIfOurs(Path stateFile, String token) {
        DaemonState s = DaemonState.read(stateFile);
        if (s != null && s.token().equals(token)) {
            try {
                Files.deleteIfExists(stateFile);
            } catch (IOException e) {
                // the launcher finds a dead pid and runs the JVM
            }
        }
    }
}
