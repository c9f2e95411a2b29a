package io.factlint.report;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.factlint.check.CheckPipeline;
import io.factlint.check.CheckRequest;
import io.factlint.engine.RulePack;
import io.factlint.model.CheckResult;
import io.factlint.testing.DefaultPack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Check results for the report tests, each produced by the real pipeline ({@link CheckPipeline}, real Drools
 * sessions) from real fact files, once per test JVM:
 * <ul>
 *   <li>{@link #seed()}: {@value #STORY_FILE}, the seed story's facts as a first draft had them, with the headline
 *       "North Korean soldier captured by Ukrainian forces" still claiming the soldier is captured: a
 *       {@code status.stale} error (the headline contradicted), a {@code status.changed} warning, two
 *       {@code source.single} infos, {@code c1} supported (strict reading: undetermined), and the casualty share;</li>
 *   <li>{@link #reviewed()}: the same with the waivers file {@value #WAIVERS_FILE} (the stale headline waived) and a
 *       baseline, the JSON report of the story's earlier version ({@value #EARLIER_FILE}: the casualties had a second
 *       source, a mention had the wrong weekday) checked with the desk rule of {@code examples/rules} beside the
 *       default pack: the troops' {@code source.single} is new, the other three unchanged; the weekday error and
 *       the desk rule's finding (a rule no longer loaded) are fixed;</li>
 *   <li>{@link #hostile()} / {@link #hostileReviewed()}: the same story, written to {@value #HOSTILE_FILE}, with
 *       {@link #ALL} appended to every text an editor sees (headline, source and entity names, quotes, claim texts,
 *       mentions; a {@code javascript:} source address), checked with a newsroom's pack: the default pack and the
 *       desk rule (one more info finding, {@code desk.deployment_unsourced}), every catalogue text (description,
 *       fires, example, fix) ending in {@link #MARKUP}; reviewed, its waiver's reason and author are hostile too and
 *       only the weekday error is fixed;</li>
 *   <li>{@link #tainted(String)}: the story with any payload appended to the same texts, checked with the default
 *       pack.</li>
 * </ul>
 * Generated files go under {@code target/report-fixtures}. Besides the shared default pack one more pack is
 * compiled, once per test JVM ({@code newsroomPack}).
 */
public final class Fixtures {
    /** The payloads a hostile fact file carries; none may run or survive as an element. */
    public static final String SCRIPT = "<script>document.title='pwned'</script>";
    public static final String IMG = "<img src=x onerror=\"document.title='pwned'\">";
    public static final String SVG = "<svg onload=\"document.title='pwned'\">";
    public static final String CLOSE_SCRIPT = "</script><script>document.title='pwned'</script>";
    public static final String IFRAME = "<iframe srcdoc=\"<script>parent.document.title='pwned'</script>\"></iframe>";
    public static final String QUOTES = "\"double\" 'single' & ampersand &amp; entity";
    public static final String SEPARATORS = "line\u2028separator\u2029paragraph";
    public static final String CONTROLS = "nul\u0000 bell\u0007 esc\u001b[31m del\u007f c1\u0085 tab\t cr\r lf\n end";
    /** A lone surrogate, which JSON input may carry as an escape ({@code \\uD800}) but no UTF-8 can encode. */
    public static final String LONE_SURROGATE = "lone\uD800surrogate";
    public static final String MARKDOWN = "| pipe ` tick *star* _under_ [link](javascript:x) ~strike~ $math$ \\ back";
    public static final String GITHUB = "100% done: a, b\r\n::error::injected";
    public static final String ALL = SCRIPT + IMG + SVG + CLOSE_SCRIPT + IFRAME + QUOTES + SEPARATORS + CONTROLS
            + LONE_SURROGATE + MARKDOWN + GITHUB;
    /** What the hostile rule catalogue adds to its texts: markup (a YAML file carries no lone surrogate). */
    public static final String MARKUP = SCRIPT + IMG + SVG + CLOSE_SCRIPT + IFRAME + QUOTES;

    public static final String SEED = "nk-soldier-captured";
    public static final String STORY_FILE = "src/test/resources/report-fixtures/story/nk-soldier-captured.json";
    public static final String EARLIER_FILE = "src/test/resources/report-fixtures/earlier/nk-soldier-captured.json";
    public static final String WAIVERS_FILE = "src/test/resources/report-fixtures/waivers.yaml";
    public static final String WAIVER_REASON = "The headline is corrected before publication.";
    public static final String BASELINE_FILE = "target/report-fixtures/baseline.json";

    public static final String HOSTILE = "evil-story";
    public static final String HOSTILE_FILE = "target/report-fixtures/hostile/evil story #1.json";
    static final String HOSTILE_EARLIER_FILE = "target/report-fixtures/hostile-earlier/evil story #1.json";
    static final String HOSTILE_WAIVERS_FILE = "target/report-fixtures/hostile-waivers.json";
    static final String HOSTILE_BASELINE_FILE = "target/report-fixtures/hostile-baseline.json";

    private static final Path WORK = Path.of("target/report-fixtures");
    /** "Today" for the waivers' expiry (2025-03-31): the day after publication. */
    private static final Clock TODAY = Clock.fixed(Instant.parse("2024-12-28T09:30:00Z"), ZoneOffset.UTC);
    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private static final Map<String, CheckResult> RESULTS = new HashMap<>();
    private static RulePack newsroomPack;

    private Fixtures() {
    }

    /** The first-draft seed story (stale headline), checked with the default pack. */
    public static CheckResult seed() {
        return once("seed", () -> check(DefaultPack.pipeline(), request(STORY_FILE)));
    }

    /** {@link #seed()} with its waiver and compared with the baseline of its earlier version. */
    public static CheckResult reviewed() {
        return once("reviewed", () -> {
            Path baseline = baseline(EARLIER_FILE, BASELINE_FILE);
            return check(DefaultPack.pipeline(), request(STORY_FILE).withWaivers(Path.of(WAIVERS_FILE))
                    .withBaseline(baseline, false));
        });
    }

    /** {@link #seed()} with its waiver only (no baseline). */
    public static CheckResult waivedOnly() {
        return once("waivedOnly", () -> check(DefaultPack.pipeline(),
                request(STORY_FILE).withWaivers(Path.of(WAIVERS_FILE))));
    }

    /** {@link #seed()}'s story checked with another waivers file (not cached). */
    public static CheckResult withWaivers(Path waivers) throws Exception {
        return check(DefaultPack.pipeline(), request(STORY_FILE).withWaivers(waivers));
    }

    /** The story with every editor-visible text (and the rule catalogue's texts) made hostile. */
    public static CheckResult hostile() {
        return once("hostile", () -> {
            write(HOSTILE_FILE, taint(STORY_FILE, t -> t + " " + ALL, true));
            return check(new CheckPipeline(newsroomPack()), request(HOSTILE_FILE));
        });
    }

    /** {@link #hostile()} reviewed like {@link #reviewed()}, with a hostile waiver reason and author. */
    public static CheckResult hostileReviewed() {
        return once("hostileReviewed", () -> {
            hostile();
            write(HOSTILE_EARLIER_FILE, taint(EARLIER_FILE, t -> t + " " + ALL, true));
            Path baseline = baseline(HOSTILE_EARLIER_FILE, HOSTILE_BASELINE_FILE);
            ObjectNode waiver = JSON.createObjectNode().put("rule", "status.stale").put("subject", "soldier-1")
                    .put("reason", WAIVER_REASON + " " + ALL).put("author", "K. Chief " + ALL).put("expires", "2025-03-31");
            ObjectNode waivers = JSON.createObjectNode();
            waivers.putArray("waivers").add(waiver);
            write(HOSTILE_WAIVERS_FILE, waivers);
            return check(new CheckPipeline(newsroomPack()), request(HOSTILE_FILE)
                    .withWaivers(Path.of(HOSTILE_WAIVERS_FILE)).withBaseline(baseline, false));
        });
    }

    /** The story with {@code payload} appended to every editor-visible text, checked with the default pack. */
    public static CheckResult tainted(String payload) {
        return once("tainted " + payload, () -> {
            String file = "target/report-fixtures/tainted-" + Integer.toHexString(payload.hashCode()) + "/evil story #1.json";
            write(file, taint(STORY_FILE, t -> t + " " + payload, false));
            return check(DefaultPack.pipeline(), request(file));
        });
    }

    private interface Build {
        CheckResult get() throws Exception;
    }

    private static synchronized CheckResult once(String key, Build build) {
        CheckResult r = RESULTS.get(key);
        if (r == null) {
            try {
                r = build.get();
            } catch (Exception e) {
                throw new IllegalStateException("could not build the report fixture " + key, e);
            }
            RESULTS.put(key, r);
        }
        return r;
    }

    private static CheckRequest request(String file) {
        return CheckRequest.of(List.of(Path.of(file))).withClock(TODAY);
    }

    private static CheckResult check(CheckPipeline pipeline, CheckRequest request) throws Exception {
        return pipeline.run(request).result();
    }

    /** Checks the earlier version with the newsroom's pack (the desk rule too), and writes its JSON report. */
    private static Path baseline(String earlier, String report) throws Exception {
        CheckResult r = check(new CheckPipeline(newsroomPack()), request(earlier));
        Path out = Path.of(report);
        Files.createDirectories(out.getParent());
        Files.write(out, Render.bytes(new JsonReportWriter(), r, Render.FAIL_ON_ERROR));
        return out;
    }

    /** The fact file with {@code taint} applied to every text an editor reads; story id {@value #HOSTILE}. */
    private static JsonNode taint(String file, UnaryOperator<String> taint, boolean javascriptUrl) throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(Path.of(file).toFile());
        root.remove("$schema");
        ObjectNode story = (ObjectNode) root.get("story");
        story.put("id", HOSTILE);
        story.put("headline", taint.apply(story.get("headline").asText()));
        for (String[] field : new String[][]{{"sources", "name"}, {"entities", "name"}, {"facts", "quote"},
                {"claims", "text"}, {"mentions", "text"}}) {
            for (JsonNode n : root.get(field[0])) {
                ObjectNode o = (ObjectNode) n;
                if (o.has(field[1])) o.put(field[1], taint.apply(o.get(field[1]).asText()));
                if (javascriptUrl && field[0].equals("sources") && o.get("id").asText().equals("nis")) {
                    o.put("url", "javascript:document.title='pwned'");
                }
            }
        }
        return root;
    }

    private static void write(String file, JsonNode json) throws IOException {
        Path p = Path.of(file);
        Files.createDirectories(p.getParent());
        Files.writeString(p, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n");
    }

    /**
     * A newsroom's pack: the default pack with the desk rule of examples/rules ({@code desk.deployment_unsourced})
     * beside it, and the description, fires, example and fix of every catalogue entry (both catalogues) ending in
     * {@link #MARKUP}. One pack, compiled once per test JVM, serves the hostile check and the baselines (whose
     * catalogue texts no report shows): a compile costs seconds, and the compiled-rule cache is keyed by the build,
     * so it would not carry over from one {@code mvn} run to the next.
     */
    private static synchronized RulePack newsroomPack() throws Exception {
        if (newsroomPack == null) {
            Path dir = copyOfRules("newsroom-rules");
            Files.copy(Path.of("examples/rules/desk.drl"), dir.resolve("desk.drl"));
            Files.copy(Path.of("examples/rules/desk.catalogue.yaml"), dir.resolve("desk.catalogue.yaml"));
            YAMLMapper yaml = new YAMLMapper();
            for (String name : List.of("catalogue.yaml", "desk.catalogue.yaml")) {
                Path catalogue = dir.resolve(name);
                ObjectNode root = (ObjectNode) yaml.readTree(catalogue.toFile());
                for (JsonNode entry : root.get("rules")) {
                    for (String key : List.of("description", "fires", "example", "fix")) {
                        if (entry.has(key)) ((ObjectNode) entry).put(key, entry.get(key).asText() + " " + MARKUP);
                    }
                }
                yaml.writeValue(catalogue.toFile(), root);
            }
            newsroomPack = RulePack.load(dir);
        }
        return newsroomPack;
    }

    /** A fresh copy of rules/ under target/report-fixtures/NAME. */
    private static Path copyOfRules(String name) throws IOException {
        Path dir = WORK.resolve(name);
        if (Files.exists(dir)) {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
            }
        }
        Path rules = Path.of("rules");
        try (Stream<Path> s = Files.walk(rules)) {
            for (Path p : s.toList()) {
                Path to = dir.resolve(rules.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(to);
                else Files.copy(p, to);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return dir;
    }
}
