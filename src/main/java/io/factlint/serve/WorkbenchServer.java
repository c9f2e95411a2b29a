package io.factlint.serve;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.factlint.model.CheckResult;
import io.factlint.model.Severity;
import io.factlint.model.Story;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.sse.SseClient;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The workbench's web server (Javalin on Jetty): server-rendered pages (jte templates in {@code src/main/jte-serve}),
 * one script and one style sheet served as files, server-sent events for live updates, and form posts for the
 * editor's actions.
 *
 * <p>Security of a local server: it listens on the loopback addresses only unless a host is given; every request
 * needs the random token of the printed URL (as {@code ?token=}, which sets an HttpOnly SameSite=Strict cookie and
 * is then stripped from the address, or as {@code Authorization: Bearer}); the Host header must name this server (no
 * DNS rebinding) and an Origin header, required on every POST, must be this server's (no cross-site POST); every
 * page carries a Content-Security-Policy that allows scripts only from the server itself ({@code 'self'}, no
 * {@code unsafe-inline}); no file is served from disk, and writes go only to the fact and waivers files of the
 * workbench's paths ({@link Workbench#writable}).
 */
public final class WorkbenchServer implements AutoCloseable {
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(null, ContentType.Html,
            WorkbenchServer.class.getClassLoader(), "io.factlint.serve.jte");
    private static final String SCRIPT = resource("workbench.js");
    private static final String CSS = resource("workbench.css");

    private final Workbench bench;
    private final String token;
    private final String host;
    private final Javalin app;
    private final List<SseClient> clients = new CopyOnWriteArrayList<>();
    private final Set<String> hosts = new LinkedHashSet<>();
    private final Set<String> origins = new LinkedHashSet<>();
    private final String cookie;
    private final int port;
    private volatile Edits.Result notice;

    /**
     * Starts serving {@code bench} on {@code host} (null: 127.0.0.1 and ::1) and {@code port} (0: a free one).
     */
    public WorkbenchServer(Workbench bench, String host, int port) throws IOException {
        this.bench = bench;
        this.host = host;
        this.token = newToken();
        boolean loopback = host == null;
        String first = loopback ? "127.0.0.1" : host;
        int chosen = port != 0 ? port : freePort(first);
        this.port = chosen;
        this.cookie = "factlint-token-" + chosen;
        for (String h : loopback ? List.of("127.0.0.1", "localhost", "[::1]") : List.of(bracket(host), "127.0.0.1", "localhost")) {
            hosts.add((h + ":" + chosen).toLowerCase(Locale.ROOT));
            origins.add(("http://" + h + ":" + chosen).toLowerCase(Locale.ROOT));
        }
        Javalin a;
        try {
            try {
                a = create(first, chosen, loopback && ipv6Loopback()).start();
            } catch (RuntimeException e) {
                if (!loopback) throw e;
                a = create(first, chosen, false).start(); // no IPv6 loopback here
            }
        } catch (io.javalin.util.JavalinBindException e) {
            // the editor's problem, not the program's: another workbench (or program) has the port
            java.net.BindException b = new java.net.BindException("port " + chosen + " on " + first + " is in use");
            b.initCause(e);
            throw b;
        }
        this.app = a;
        bench.onChange(this::broadcast);
    }

    /**
     * The address a token link leads to once its token is a cookie: the same path and its other parameters
     * ({@code /story?id=x&token=T} → {@code /story?id=x}); a path starting {@code //} (another host, read as a
     * scheme-relative address) becomes {@code /}.
     */
    static String withoutToken(String path, String query) {
        String p = path == null || path.isEmpty() || path.startsWith("//") ? "/" : path;
        if (query == null || query.isEmpty()) return p;
        String rest = java.util.Arrays.stream(query.split("&")).filter(x -> !x.isEmpty() && !x.startsWith("token="))
                .collect(java.util.stream.Collectors.joining("&"));
        return rest.isEmpty() ? p : p + "?" + rest;
    }

    private Javalin create(String first, int port, boolean alsoIpv6) {
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.maxRequestSize = 1 << 20;
            // every address its own connector (Javalin then adds no default one)
            List<String> addresses = alsoIpv6 ? List.of(first, "::1") : List.of(first);
            for (String address : addresses) {
                config.jetty.addConnector((server, http) -> {
                    ServerConnector c = new ServerConnector(server, new HttpConnectionFactory(http));
                    c.setHost(address);
                    c.setPort(port);
                    return c;
                });
            }
            config.routes.before(this::guard);
            config.routes.before("/events", WorkbenchServer::eventStreamOnly);
            config.routes.get("/", ctx -> page(ctx, renderStories()));
            config.routes.get("/story", this::story);
            config.routes.get("/favicon.ico", ctx -> ctx.status(204));
            config.routes.get("/static/workbench.js", ctx -> asset(ctx, SCRIPT, "text/javascript; charset=utf-8"));
            config.routes.get("/static/workbench.css", ctx -> asset(ctx, CSS, "text/css; charset=utf-8"));
            config.routes.sse("/events", client -> {
                client.keepAlive();
                clients.add(client);
                client.onClose(() -> clients.remove(client));
                Workbench.State s = bench.state();
                client.sendEvent("checked", String.valueOf(s == null ? 0 : s.version()));
            });
            config.routes.post("/edit", ctx -> act(ctx, bench.edits.editFact(ctx.formParam("ref"), ctx.formParam("hash"), form(ctx))));
            config.routes.post("/review", ctx -> act(ctx, bench.edits.markReviewed(ctx.formParam("file"), "facts",
                    ctx.formParam("id"), ctx.formParam("hash"))));
            config.routes.post("/waive", ctx -> act(ctx, bench.edits.waive(ctx.formParam("fingerprint"), ctx.formParam("hash"),
                    ctx.formParam("reason"), ctx.formParam("author"), ctx.formParam("expires"))));
            config.routes.post("/draft", ctx -> act(ctx, bench.edits.draft(ctx.formParam("story"))));
            config.routes.post("/undo", ctx -> act(ctx, bench.edits.undo()));
            config.routes.exception(Exception.class, (e, ctx) -> {
                ctx.status(500).contentType("text/plain; charset=utf-8").result("internal error: " + e.getClass().getSimpleName());
            });
        });
    }

    /** The address to open, with the token. */
    public String url() {
        String h = host == null ? "127.0.0.1" : bracket(host);
        return "http://" + h + ":" + port + "/?token=" + token;
    }

    public int port() {
        return port;
    }

    String token() {
        return token;
    }

    // ---- security --------------------------------------------------------------------------------------------

    private void guard(Context ctx) {
        security(ctx);
        String hostHeader = ctx.header("Host");
        if (hostHeader == null || !hosts.contains(hostHeader.toLowerCase(Locale.ROOT))) {
            deny(ctx, "unknown Host");
            return;
        }
        String origin = ctx.header("Origin");
        boolean post = !"GET".equals(ctx.method().name()) && !"HEAD".equals(ctx.method().name());
        if (origin != null && !origins.contains(origin.toLowerCase(Locale.ROOT)) || post && origin == null) {
            deny(ctx, "foreign or missing Origin");
            return;
        }
        String given = ctx.queryParam("token");
        if (given != null && same(given, token)) {
            ctx.header("Set-Cookie", cookie + "=" + token + "; Path=/; HttpOnly; SameSite=Strict");
            if (!post) {
                ctx.redirect(withoutToken(ctx.path(), ctx.queryString()), HttpStatus.SEE_OTHER);
                ctx.skipRemainingHandlers();
            }
            return;
        }
        String auth = ctx.header("Authorization");
        if (auth != null && auth.startsWith("Bearer ") && same(auth.substring(7), token)) return;
        String c = ctx.cookie(cookie);
        if (c != null && same(c, token)) return;
        deny(ctx, "missing or wrong token: open the address factlint serve printed");
    }

    private static void deny(Context ctx, String why) {
        ctx.status(403).contentType("text/plain; charset=utf-8").result("403 forbidden: " + why);
        ctx.skipRemainingHandlers();
    }

    private static void security(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        // same-origin, not no-referrer: with no-referrer a browser sends "Origin: null" on form posts
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("X-Frame-Options", "DENY");
        // the event stream sets its own (no-cache): a second Cache-Control would be sent beside it
        if (!"/events".equals(ctx.path())) ctx.header("Cache-Control", "no-store");
    }

    /** {@code /events} is an event stream only: a request that does not accept one gets 406, not an empty page. */
    private static void eventStreamOnly(Context ctx) {
        String accept = ctx.header("Accept");
        if (accept != null && accept.contains("text/event-stream")) return;
        ctx.status(406).contentType("text/plain; charset=utf-8")
                .result("406 not acceptable: /events is an event stream (Accept: text/event-stream)");
        ctx.skipRemainingHandlers();
    }

    private static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static String newToken() {
        byte[] b = new byte[24];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static String bracket(String h) {
        return h.contains(":") && !h.startsWith("[") ? "[" + h + "]" : h;
    }

    private static int freePort(String host) throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(host, 0));
            return s.getLocalPort();
        }
    }

    private static boolean ipv6Loopback() {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress("::1", 0));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    // ---- pages -----------------------------------------------------------------------------------------------

    private static void asset(Context ctx, String body, String type) {
        ctx.contentType(type).result(body);
    }

    private static void page(Context ctx, String html) {
        ctx.html(html);
    }

    private Pages.Frame frame() {
        Workbench.State s = bench.state();
        CheckRun.Outcome o = s.outcome();
        Edits.Result n = notice;
        Severity failOn = bench.config.failOn();
        return new Pages.Frame(s.version(), s.ruleErrors(), o.errors(), !o.ok() && s.lastGood() != null,
                n == null ? null : n.message(), n != null && n.ok(), n == null ? List.of() : n.errors(),
                bench.edits.undoable(), failOn == null ? "never" : failOn.id());
    }

    private CheckResult shown() {
        Workbench.State s = bench.state();
        return s.lastGood() == null ? null : s.lastGood().result();
    }

    String renderStories() {
        Pages.StoriesPage p = Pages.stories(frame(), shown(), bench.config.failOn());
        return render("stories.jte", p);
    }

    private void story(Context ctx) {
        String id = ctx.queryParam("id");
        CheckResult r = shown();
        Story s = r == null || id == null ? null : r.facts().story(id);
        if (s == null) {
            ctx.status(404);
            page(ctx, renderStories());
            return;
        }
        page(ctx, renderStory(r, s));
    }

    String renderStory(CheckResult r, Story s) {
        Path waivers = bench.waiverTarget();
        String today30 = LocalDate.now(bench.config.clock()).plusDays(30).toString();
        Pages.StoryPage p = Pages.story(frame(), r, s, bench.config.failOn(), bench.pack().vocabulary().figures(),
                waivers, today30);
        return render("story.jte", p);
    }

    private static String render(String template, Object view) {
        StringOutput out = new StringOutput();
        TEMPLATES.render(template, view, out);
        return textOnly(out.toString());
    }

    /**
     * Replaces what an HTML document may not contain (controls other than tab, LF, CR; lone surrogates;
     * noncharacters) with U+FFFD, after escaping, as the HTML report does.
     */
    static String textOnly(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean bad;
            int width = 1;
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(i + 1));
                bad = (cp & 0xFFFE) == 0xFFFE;
                width = 2;
            } else {
                bad = Character.isSurrogate(c) || (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F)
                        || (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
            }
            if (bad && b == null) b = new StringBuilder(s.length()).append(s, 0, i);
            if (b != null) {
                if (bad) b.append('\uFFFD');
                else b.append(s, i, i + width);
            }
            i += width - 1;
        }
        return b == null ? s : b.toString();
    }

    // ---- actions ---------------------------------------------------------------------------------------------

    private static Map<String, String> form(Context ctx) {
        Map<String, String> m = new HashMap<>();
        ctx.formParamMap().forEach((k, v) -> m.put(k, v.isEmpty() ? "" : v.get(0)));
        return m;
    }

    private void act(Context ctx, Edits.Result result) {
        notice = result;
        String story = ctx.formParam("story");
        String back = story == null || story.isEmpty() ? "/" : "/story?id=" + URLEncoder.encode(story, StandardCharsets.UTF_8);
        ctx.redirect(back, HttpStatus.SEE_OTHER);
    }

    // ---- live ------------------------------------------------------------------------------------------------

    private void broadcast(Workbench.State s) {
        String v = String.valueOf(s.version());
        List<SseClient> gone = new ArrayList<>();
        for (SseClient c : clients) {
            try {
                if (c.terminated()) gone.add(c);
                else c.sendEvent("checked", v);
            } catch (RuntimeException e) {
                gone.add(c);
            }
        }
        clients.removeAll(gone);
    }

    @Override
    public void close() {
        for (SseClient c : clients) {
            try {
                c.close();
            } catch (RuntimeException ignored) {
                // already gone
            }
        }
        app.stop();
    }

    private static String resource(String name) {
        try (InputStream in = WorkbenchServer.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
