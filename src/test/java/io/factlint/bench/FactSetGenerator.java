package io.factlint.bench;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A deterministic (seeded) generator of fact sets in the fact file format, at any size, with a realistic mix and
 * known findings, for the benchmark and its smoke test:
 * <ul>
 *   <li>data sets ({@code data/units-NNN.json}, no story): daily cumulative {@code killed}, {@code injured},
 *       {@code killed_or_injured} and the {@code deployed} strength of military units, from two sources (one exact,
 *       one rounded "about"), over {@code sqrt(facts)} days (30 to 730); a quarter of the units carry a drop of a count or a
 *       part larger than its whole;</li>
 *   <li>status registers ({@code data/people-NNN.json}): people whose status changes along the lifecycle, stated
 *       by one or two sources per day, some with conflicts or impossible changes;</li>
 *   <li>stories ({@code stories/NNNNN.json} with a text file): status and count facts with quotes, a headline
 *       status claim and a derived-figure claim, a date mention; one in ten stories of each kind carries a
 *       problem (stale headline, wrong weekday, quote not in the text, quote with another number, unconfirmed
 *       fact, contradicted or undetermined claim, date after publication).</li>
 * </ul>
 * About 75 % of the facts are daily counts, 15 % statuses, 10 % stories. The generator knows which findings the
 * default rule pack must report ({@link Result#expected()}: rule id to count), so a benchmark run doubles as a
 * correctness check at every size.
 *
 * <pre>java ... io.factlint.bench.FactSetGenerator --facts 100000 --seed 1 --out /tmp/facts-100k</pre>
 */
public final class FactSetGenerator {
    private static final LocalDate START = LocalDate.of(2022, 1, 1);
    private static final List<String> SOURCES = List.of("mod-ua", "mod-ru", "nis", "isw", "reuters", "ap", "yonhap",
            "kyiv-independent", "militarnyi", "zelenskyy-x", "gur", "un-ohchr");
    private static final Map<String, Set<String>> LIFECYCLE = Map.of(
            "active", Set.of("missing", "captured", "defected", "deceased"),
            "missing", Set.of("active", "captured", "deceased"),
            "captured", Set.of("released", "defected", "deceased"),
            "released", Set.of("active", "captured", "deceased"),
            "defected", Set.of("deceased"),
            "deceased", Set.of());
    private static final List<List<String>> PATHS = List.of(
            List.of("active", "missing", "captured", "released"),
            List.of("active", "captured", "deceased"),
            List.of("active", "defected"),
            List.of("active", "missing", "active", "missing", "deceased"),
            List.of("active", "captured", "released", "active"));
    private static final int FACTS_PER_FILE = 20_000;
    /** Changes whenever the same seed and size would give other files. */
    public static final int VERSION = 1;

    /** What was generated: the number of facts, files, stories, and the findings expected per rule id. */
    public record Result(int facts, int files, int stories, Map<String, Integer> expected) {
        public int expectedTotal() {
            return expected.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private final Path out;
    private final SplittableRandom rnd;
    private final JsonFactory json = new JsonFactory();
    private final Map<String, Integer> expected = new TreeMap<>();
    private int facts;
    private int files;
    private int stories;

    private FactSetGenerator(Path out, long seed) {
        this.out = out;
        this.rnd = new SplittableRandom(seed);
    }

    /** Writes about {@code targetFacts} facts under {@code out} (which must be empty or absent). */
    public static Result generate(Path out, int targetFacts, long seed) throws IOException {
        FactSetGenerator g = new FactSetGenerator(out, seed);
        g.run(Math.max(targetFacts, 100));
        return new Result(g.facts, g.files, g.stories, new TreeMap<>(g.expected));
    }

    /**
     * The shape of a data desk's daily table (issue 14's "h4" data): daily cumulative {@code killed} counts of a
     * dozen subjects from two sources, exact numbers, about {@code targetFacts} facts in one file per subject. On
     * about 3 % of the days the second source states five more than the first (a disagreement, and often a drop
     * the next day). The expected findings are not planted counts: the benchmark checks them against DuckDB's two
     * SQL queries on the same files.
     */
    public static Result generateDaily(Path out, int targetFacts, long seed) throws IOException {
        FactSetGenerator g = new FactSetGenerator(out, seed);
        Files.createDirectories(out.resolve("data"));
        int subjects = 12;
        int days = Math.max(2, targetFacts / (subjects * 2));
        List<String[]> entities = new ArrayList<>();
        for (int u = 0; u < subjects; u++) {
            String id = String.format("region-%02d", u);
            entities.add(new String[]{id, "region", "region " + u});
            try (JsonGenerator j = g.open(out.resolve("data").resolve(id + ".json"))) {
                j.writeStartObject();
                j.writeArrayFieldStart("facts");
                long v = g.rnd.nextInt(50);
                for (int d = 0; d < days; d++) {
                    v += g.rnd.nextInt(8);
                    String at = START.plusDays(d).toString();
                    g.fact(j, "r" + u + "d" + d + "a", id, "killed", BigDecimal.valueOf(v), at, "mod-ua", null);
                    long w = g.rnd.nextInt(100) < 3 ? v + 5 : v;
                    g.fact(j, "r" + u + "d" + d + "b", id, "killed", BigDecimal.valueOf(w), at, "un-ohchr", null);
                }
                j.writeEndArray();
                j.writeEndObject();
            }
        }
        g.writeRegistry(entities);
        return new Result(g.facts, g.files, 0, new TreeMap<>());
    }

    public static void main(String[] args) throws IOException {
        int n = 10_000;
        long seed = 1;
        Path dir = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--facts" -> n = Integer.parseInt(args[++i].replace("_", ""));
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--out" -> dir = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("usage: --facts N --seed S --out DIR");
            }
        }
        if (dir == null) throw new IllegalArgumentException("--out DIR is required");
        Result r = generate(dir, n, seed);
        StringBuilder b = new StringBuilder("{\"facts\": " + r.facts() + ", \"files\": " + r.files() + ", \"stories\": "
                + r.stories() + ", \"expected\": {");
        String sep = "";
        for (Map.Entry<String, Integer> e : r.expected().entrySet()) {
            b.append(sep).append('"').append(e.getKey()).append("\": ").append(e.getValue());
            sep = ", ";
        }
        b.append("}}");
        System.out.println(b);
    }

    private void expect(String rule, int n) {
        if (n > 0) expected.merge(rule, n, Integer::sum);
    }

    private void run(int target) throws IOException {
        Files.createDirectories(out.resolve("data"));
        Files.createDirectories(out.resolve("stories"));
        int days = Math.max(30, Math.min(730, (int) Math.sqrt(target)));
        int unitFacts = days * 8;
        int units = Math.max(1, (int) Math.round(target * 0.75 / unitFacts));
        int peopleBudget = (int) (target * 0.15);
        int storyBudget = Math.max(10, target - units * unitFacts - peopleBudget);
        int storyCount = Math.max(10, storyBudget / 5);

        List<String[]> registryEntities = new ArrayList<>();
        writeUnits(units, days, registryEntities);
        writePeople(peopleBudget, registryEntities);
        writeRegistry(registryEntities);
        for (int i = 0; i < storyCount; i++) writeStory(i);
    }

    // ---- data sets: daily cumulative counts of units, from two sources --------------------------------------

    private void writeUnits(int units, int days, List<String[]> entities) throws IOException {
        int perFile = Math.max(1, FACTS_PER_FILE / (days * 8));
        for (int first = 0; first < units; first += perFile) {
            int last = Math.min(units, first + perFile);
            try (JsonGenerator g = open(out.resolve("data").resolve(String.format("units-%04d.json", first / perFile)))) {
                g.writeStartObject();
                g.writeArrayFieldStart("facts");
                for (int u = first; u < last; u++) {
                    entities.add(new String[]{"unit-" + u, "unit", "military unit " + u});
                    writeUnit(g, u, days);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
        }
    }

    private void writeUnit(JsonGenerator g, int u, int days) throws IOException {
        String id = "unit-" + u;
        String a = SOURCES.get(u % SOURCES.size());
        String b = SOURCES.get((u + 5) % SOURCES.size());
        long deployed = 5_000 + rnd.nextInt(45_000);
        long cap = deployed / 10;
        long killed = rnd.nextInt(20);
        int anomaly = u % 4 == 1 ? 1 : u % 4 == 2 ? 2 : 0; // 1: a count drops, 2: a part exceeds its whole
        int anomalyDay = days / 2 + rnd.nextInt(Math.max(1, days / 2 - 4));
        long prevKilled = -1;
        long injured = 0;
        for (int d = 0; d < days; d++) {
            String at = START.plusDays(d).toString();
            killed = Math.min(cap, killed + rnd.nextInt(1 + (int) Math.max(1, cap / days * 2)));
            // injured stays between 2 and 2.25 times killed, and never drops (a cumulative count)
            injured = Math.max(injured, 2 * killed + (killed > 0 ? rnd.nextInt((int) Math.max(1, killed / 4)) : 0));
            long koi = killed + injured;
            String p = "u" + u + "d" + d;
            fact(g, p + "kla", id, "killed", exact(killed), at, a, null);
            if (anomaly == 1 && d == anomalyDay && prevKilled >= 100) {
                // source b's count falls to half of yesterday's: wholly below both of yesterday's facts, and
                // disagreeing with source a today
                fact(g, p + "klb", id, "killed", exact(prevKilled / 2), at, b, null);
                expect("count.decreased", 2);
                expect("value.disagreement", 1);
            } else {
                fact(g, p + "klb", id, "killed", about(killed), at, b, null);
            }
            fact(g, p + "ia", id, "injured", exact(injured), at, a, null);
            fact(g, p + "ib", id, "injured", about(injured), at, b, null);
            fact(g, p + "koa", id, "killed_or_injured", exact(koi), at, a, null);
            fact(g, p + "kob", id, "killed_or_injured", about(koi), at, b, null);
            if (anomaly == 2 && d == anomalyDay && koi >= 100) {
                // source a's strength is half the casualties: both casualty facts exceed it, and b disagrees with a
                fact(g, p + "da", id, "deployed", exact(koi / 2), at, a, null);
                expect("count.part_exceeds_whole", 2);
                expect("value.disagreement", 1);
            } else {
                fact(g, p + "da", id, "deployed", exact(deployed), at, a, null);
            }
            fact(g, p + "db", id, "deployed", about(deployed), at, b, null);
            prevKilled = killed;
        }
    }

    // ---- status registers ------------------------------------------------------------------------------------

    private void writePeople(int budget, List<String[]> entities) throws IOException {
        int person = 0;
        int file = 0;
        int written = 0;
        while (written < budget) {
            int inFile = 0;
            try (JsonGenerator g = open(out.resolve("data").resolve(String.format("people-%04d.json", file++)))) {
                g.writeStartObject();
                g.writeArrayFieldStart("facts");
                while (written < budget && inFile < FACTS_PER_FILE) {
                    String id = "person-" + person;
                    entities.add(new String[]{id, "person", "person " + person});
                    int n = writePerson(g, person++, id);
                    written += n;
                    inFile += n;
                }
                g.writeEndArray();
                g.writeEndObject();
            }
        }
    }

    /** One person's status history; returns the number of facts. */
    private int writePerson(JsonGenerator g, int p, String id) throws IOException {
        List<String> path = new ArrayList<>(PATHS.get(rnd.nextInt(PATHS.size())));
        boolean impossible = p % 7 == 3;
        boolean conflict = p % 7 == 5;
        if (impossible) {
            path = new ArrayList<>(PATHS.get(1));
            path.add("captured"); // deceased, then captured: the lifecycle allows no such change
        }
        LocalDate day = START.plusDays(rnd.nextInt(600));
        List<Set<String>> moments = new ArrayList<>();
        Map<String, Set<String>> sourcesOf = new TreeMap<>();
        int n = 0;
        for (int i = 0; i < path.size(); i++) {
            int repeat = 1 + rnd.nextInt(2);
            for (int r = 0; r < repeat; r++) {
                Set<String> statuses = new TreeSet<>();
                int sources = 1 + rnd.nextInt(2);
                for (int s = 0; s < sources; s++) {
                    String src = SOURCES.get((p + 3 * s) % SOURCES.size());
                    fact(g, "p" + p + "m" + moments.size() + "s" + s, id, "status", path.get(i), day.toString(), src, null);
                    statuses.add(path.get(i));
                    sourcesOf.computeIfAbsent(path.get(i), k -> new TreeSet<>()).add(src);
                    n++;
                }
                if (conflict && i == 1 && r == 0) {
                    String other = path.get(i).equals("missing") ? "captured" : "missing";
                    String src = SOURCES.get((p + 7) % SOURCES.size());
                    fact(g, "p" + p + "m" + moments.size() + "x", id, "status", other, day.toString(), src, null);
                    statuses.add(other);
                    sourcesOf.computeIfAbsent(other, k -> new TreeSet<>()).add(src);
                    n++;
                }
                moments.add(statuses);
                day = day.plusDays(1 + rnd.nextInt(10));
            }
        }
        expectStatuses(moments, sourcesOf);
        return n;
    }

    /** The status findings of one subject's moments, as the default status and source rules define them. */
    private void expectStatuses(List<Set<String>> moments, Map<String, Set<String>> sourcesOf) {
        for (int i = 0; i < moments.size(); i++) {
            if (moments.get(i).size() > 1) expect("status.conflict", 1);
            if (i == 0) continue;
            for (String from : moments.get(i - 1)) {
                for (String to : moments.get(i)) {
                    if (from.equals(to)) continue;
                    expect(LIFECYCLE.get(from).contains(to) ? "status.changed" : "status.impossible", 1);
                }
            }
        }
        Set<String> deceased = sourcesOf.get("deceased");
        if (deceased != null && deceased.size() == 1) expect("source.single", 1);
    }

    private void writeRegistry(List<String[]> entities) throws IOException {
        try (JsonGenerator g = open(out.resolve("registry.json"))) {
            g.writeStartObject();
            g.writeArrayFieldStart("sources");
            for (String s : SOURCES) {
                g.writeStartObject();
                g.writeStringField("id", s);
                g.writeStringField("name", "Source " + s);
                g.writeStringField("kind", "media");
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("entities");
            for (String[] e : entities) {
                g.writeStartObject();
                g.writeStringField("id", e[0]);
                g.writeStringField("kind", e[1]);
                g.writeStringField("name", e[2]);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    // ---- stories ----------------------------------------------------------------------------------------------

    private void writeStory(int i) throws IOException {
        stories++;
        int kind = i % 10; // 0, 9: clean; 1..8: one problem each
        String id = String.format("story-%05d", i);
        String soldier = "s" + i + "-soldier";
        String troops = "s" + i + "-troops";
        LocalDate day = START.plusDays(30 + rnd.nextInt(700));
        String published = day + "T21:00:00+09:00";
        String s1 = SOURCES.get(i % SOURCES.size());
        String s2 = SOURCES.get((i + 1) % SOURCES.size());
        String s3 = SOURCES.get((i + 2) % SOURCES.size());
        long koi = 1_000L * (1 + rnd.nextInt(9));
        long deployed = koi * 3 + 1_000L * (1 + rnd.nextInt(5));

        String captureQuote = "special forces captured the wounded soldier " + i + " near the border";
        String countQuote = kind == 4 ? "more than " + String.format(Locale.ROOT, "%,d", koi - 500)
                + " soldiers have been killed or injured"
                : "more than " + String.format(Locale.ROOT, "%,d", koi) + " soldiers have been killed or injured";
        StringBuilder text = new StringBuilder();
        text.append("Seoul, ").append(day).append(".\n\nA report says ");
        if (kind != 3) text.append(captureQuote).append(" the day before.\n");
        text.append("Officials added that ").append(countQuote).append(" so far.\n");
        Path textFile = out.resolve("stories").resolve(id + ".txt");
        Files.writeString(textFile, text.toString(), StandardCharsets.UTF_8);
        files++;

        // the figure claim: casualty_share = (koi, koi + 1000) / (deployed, deployed + step)
        double lo = (double) koi / (deployed + BigDecimal.valueOf(deployed).stripTrailingZeros().ulp().longValue());
        double hi = (double) (koi + 1000) / deployed;
        BigDecimal claimValue = switch (kind) {
            case 6 -> BigDecimal.valueOf(hi * 1.1).setScale(2, RoundingMode.CEILING);   // contradicted
            case 7 -> BigDecimal.valueOf((lo + hi) / 2).setScale(3, RoundingMode.HALF_UP); // undetermined
            default -> BigDecimal.valueOf(lo * 0.9).setScale(2, RoundingMode.FLOOR);   // supported
        };

        try (JsonGenerator g = open(out.resolve("stories").resolve(id + ".json"))) {
            g.writeStartObject();
            g.writeObjectFieldStart("story");
            g.writeStringField("id", id);
            g.writeStringField("headline", "Soldier " + i + " captured in the east dies of his wounds");
            g.writeStringField("published", published);
            g.writeStringField("text", id + ".txt");
            g.writeEndObject();
            g.writeArrayFieldStart("entities");
            entity(g, soldier, "person", "wounded soldier " + i);
            entity(g, troops, "group", "troops of story " + i);
            g.writeEndArray();
            g.writeArrayFieldStart("facts");
            String before = day.minusDays(1).toString();
            fact(g, "f1", soldier, "status", "captured", before, s1, null, null, captureQuote);
            fact(g, "f2", soldier, "status", "captured", before, s2, null, null, null);
            fact(g, "f3", soldier, "status", "deceased", null, s1, null, null, null);
            fact(g, "f4", troops, "killed_or_injured", over(koi), null, s3, null, kind == 5 ? "unconfirmed" : null, countQuote);
            fact(g, "f5", troops, "deployed", over(deployed), null, s1, null, null, null);
            g.writeEndArray();
            g.writeArrayFieldStart("claims");
            g.writeStartObject();
            g.writeStringField("id", "headline");
            g.writeStringField("text", "Soldier " + i + (kind == 1 ? " remains in captivity" : " dies of his wounds"));
            g.writeStringField("subject", soldier);
            g.writeStringField("attribute", "status");
            g.writeStringField("op", "=");
            g.writeStringField("value", kind == 1 ? "captured" : "deceased");
            g.writeEndObject();
            g.writeStartObject();
            g.writeStringField("id", "c1");
            g.writeStringField("text", "casualties have exceeded " + claimValue.toPlainString());
            g.writeStringField("subject", troops);
            g.writeStringField("attribute", "casualty_share");
            g.writeStringField("op", ">");
            g.writeFieldName("value");
            g.writeNumber(claimValue);
            g.writeEndObject();
            g.writeEndArray();
            g.writeArrayFieldStart("mentions");
            LocalDate mentioned = kind == 8 ? day.plusDays(2) : day.minusDays(1);
            String weekday = (kind == 2 ? mentioned.plusDays(1) : mentioned).getDayOfWeek()
                    .getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT);
            g.writeStartObject();
            g.writeStringField("text", weekday + " (" + mentioned + ")");
            g.writeStringField("date", mentioned.toString());
            g.writeStringField("weekday", weekday);
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        }
        // every story: captured -> deceased is a change; the death and the casualty count rest on one source each
        expect("status.changed", 1);
        expect("source.single", 2);
        switch (kind) {
            case 1 -> expect("status.stale", 1);
            case 2 -> expect("date.weekday_mismatch", 1);
            case 3 -> expect("quote.not_in_text", 1);
            case 4 -> expect("quote.number_mismatch", 1);
            case 5 -> expect("certainty.unconfirmed", 1);
            case 6 -> expect("claim.contradicted", 1);
            case 7 -> expect("claim.undetermined", 1);
            case 8 -> expect("date.after_publication", 1);
            default -> {
            }
        }
    }

    // ---- JSON ---------------------------------------------------------------------------------------------------

    private JsonGenerator open(Path file) throws IOException {
        files++;
        OutputStream os = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        JsonGenerator g = json.createGenerator(os, JsonEncoding.UTF8);
        g.useDefaultPrettyPrinter();
        return g;
    }

    private static void entity(JsonGenerator g, String id, String kind, String name) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", id);
        g.writeStringField("kind", kind);
        g.writeStringField("name", name);
        g.writeEndObject();
    }

    /** A value: a status word (String), a plain number (BigDecimal) or a quantity object (Object[] pairs). */
    private void fact(JsonGenerator g, String id, String subject, String attribute, Object value, String at,
                      String source, String quote) throws IOException {
        fact(g, id, subject, attribute, value, at, source, null, null, quote);
    }

    private void fact(JsonGenerator g, String id, String subject, String attribute, Object value, String at,
                      String source, String unused, String certainty, String quote) throws IOException {
        facts++;
        g.writeStartObject();
        g.writeStringField("id", id);
        g.writeStringField("subject", subject);
        g.writeStringField("attribute", attribute);
        g.writeFieldName("value");
        if (value instanceof String s) {
            g.writeString(s);
        } else if (value instanceof BigDecimal n) {
            g.writeNumber(n);
        } else {
            Object[] kv = (Object[]) value;
            g.writeStartObject();
            for (int i = 0; i < kv.length; i += 2) {
                g.writeFieldName((String) kv[i]);
                if (kv[i + 1] instanceof BigDecimal n) g.writeNumber(n);
                else g.writeString((String) kv[i + 1]);
            }
            g.writeEndObject();
        }
        if (at != null) g.writeStringField("at", at);
        g.writeStringField("source", source);
        if (certainty != null) g.writeStringField("certainty", certainty);
        if (quote != null) g.writeStringField("quote", quote);
        g.writeEndObject();
    }

    private static BigDecimal exact(long v) {
        return BigDecimal.valueOf(v);
    }

    /** {@code v} rounded to two significant digits, "about", with its step stated: an interval that holds v. */
    private static Object about(long v) {
        if (v < 100) return exact(v);
        long step = 1;
        while (v / step >= 100) step *= 10;
        long r = Math.round((double) v / step) * step;
        return new Object[]{"amount", BigDecimal.valueOf(r), "bound", "about", "step", BigDecimal.valueOf(step)};
    }

    private static Object over(long v) {
        return new Object[]{"amount", BigDecimal.valueOf(v), "bound", "over"};
    }
}
