package io.factlint.draft;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Precision and recall of drafting on the annotated corpus (src/test/resources/draft-corpus): each article's
 * {@code gold.yaml}, written by hand, against what {@link Drafter} proposes. Run by bench/draft-quality.sh.
 *
 * <ul>
 *   <li>numbers: a gold number is found when a drafted fact or claim states its value (a percentage as its
 *       fraction) with its bound (a claim's op read as a bound: {@code >} over, {@code >=} at_least, ...) and its
 *       quote holds the gold words; a drafted number is right when it matches a gold one;</li>
 *   <li>dates: every date expression read, as (words, ISO date); the words match when one contains the other;</li>
 *   <li>statuses: distinct (person, status, date) of status facts, the person matched by name containment, a
 *       date null meaning the publication;</li>
 *   <li>sources: distinct names of the sources attributed, matched by containment either way (case-insensitive).</li>
 * </ul>
 */
public final class DraftQuality {
    private static final YAMLMapper YAML = new YAMLMapper();

    /** Found and expected counts of one category. */
    public static final class Score {
        public int truePositives;
        public int drafted;
        public int gold;
        public final List<String> misses = new ArrayList<>();
        public final List<String> extras = new ArrayList<>();

        public double precision() {
            return drafted == 0 ? 1 : (double) (drafted - extras.size()) / drafted;
        }

        public double recall() {
            return gold == 0 ? 1 : (double) truePositives / gold;
        }
    }

    public static Map<String, Score> measure(Path corpus, Path rules) throws IOException {
        DraftVocabulary vocab = DraftVocabulary.load(rules);
        Map<String, Score> scores = new LinkedHashMap<>();
        for (String k : List.of("numbers", "dates", "statuses", "sources")) scores.put(k, new Score());
        List<Path> dirs;
        try (Stream<Path> s = Files.list(corpus)) {
            dirs = s.filter(Files::isDirectory).sorted().toList();
        }
        for (Path dir : dirs) {
            JsonNode gold = YAML.readTree(dir.resolve("gold.yaml").toFile());
            String text = Files.readString(dir.resolve("article.txt"));
            Draft d = Drafter.draft(text, Drafter.parsePublished(gold.path("published").asText()), dir.getFileName().toString(), vocab);
            String name = dir.getFileName().toString();
            numbers(name, gold, d, scores.get("numbers"));
            dates(name, gold, d, scores.get("dates"));
            statuses(name, gold, d, scores.get("statuses"));
            sources(name, gold, d, scores.get("sources"));
        }
        return scores;
    }

    private record Num(String words, BigDecimal value, BigDecimal max, String bound) {
        boolean same(Num o) {
            boolean w = words.toLowerCase(Locale.ROOT).contains(o.words.toLowerCase(Locale.ROOT))
                    || o.words.toLowerCase(Locale.ROOT).contains(words.toLowerCase(Locale.ROOT));
            return w && value.compareTo(o.value) == 0 && (max == null ? o.max == null : o.max != null && max.compareTo(o.max) == 0)
                    && bound.equals(o.bound);
        }
    }

    private static void numbers(String article, JsonNode gold, Draft d, Score s) {
        List<Num> want = new ArrayList<>();
        for (JsonNode n : gold.path("numbers")) {
            if (n.has("min")) want.add(new Num(n.path("text").asText(), new BigDecimal(n.path("min").asText()), new BigDecimal(n.path("max").asText()), "exactly"));
            else want.add(new Num(n.path("text").asText(), new BigDecimal(n.path("value").asText()), null, n.path("bound").asText()));
        }
        List<Num> got = new ArrayList<>();
        for (Draft.Fact f : d.facts()) {
            if (f.isStatus()) continue;
            if (f.amount() == null) got.add(new Num(f.quote(), f.min(), f.max(), "exactly"));
            else got.add(new Num(f.quote(), f.amount(), null, f.bound().id()));
        }
        for (Draft.Claim c : d.claims()) {
            if (c.value() == null || !c.valid()) continue;
            String bound = switch (c.op()) {
                case ">" -> "over"; case ">=" -> "at_least"; case "<" -> "under"; case "<=" -> "at_most"; case "~" -> "about"; default -> "exactly";
            };
            got.add(new Num(c.text(), c.value(), null, bound));
        }
        score(article, want, got, Num::same, s);
    }

    private static void dates(String article, JsonNode gold, Draft d, Score s) {
        List<String[]> want = new ArrayList<>();
        for (JsonNode n : gold.path("dates")) want.add(new String[]{n.path("text").asText(), n.path("date").asText()});
        Set<String> seen = new LinkedHashSet<>();
        List<String[]> got = new ArrayList<>();
        for (Draft.Mention m : d.dates()) {
            if (seen.add(m.text().toLowerCase(Locale.ROOT) + "|" + m.date())) got.add(new String[]{m.text(), m.date().toString()});
        }
        score(article, want, got, (a, b) -> contains(a[0], b[0]) && a[1].equals(b[1]), s);
    }

    private static void statuses(String article, JsonNode gold, Draft d, Score s) {
        LocalDate day = LocalDate.parse(gold.path("published").asText().substring(0, 10));
        List<String[]> want = new ArrayList<>();
        for (JsonNode n : gold.path("statuses")) {
            want.add(new String[]{n.path("who").asText(), n.path("status").asText(), n.path("date").isNull() ? day.toString() : n.path("date").asText()});
        }
        Map<String, String> names = new LinkedHashMap<>();
        d.entities().forEach(e -> names.put(e.id(), e.name()));
        Set<String> seen = new LinkedHashSet<>();
        List<String[]> got = new ArrayList<>();
        for (Draft.Fact f : d.facts()) {
            if (!f.isStatus()) continue;
            String date = (f.at() == null ? day : f.at()).toString();
            if (seen.add(f.subject() + "|" + f.status() + "|" + date)) got.add(new String[]{names.get(f.subject()), f.status(), date});
        }
        score(article, want, got, (a, b) -> contains(a[0], b[0]) && a[1].equals(b[1]) && a[2].equals(b[2]), s);
    }

    private static void sources(String article, JsonNode gold, Draft d, Score s) {
        List<String[]> want = new ArrayList<>();
        for (JsonNode n : gold.path("sources")) want.add(new String[]{n.asText()});
        List<String[]> got = new ArrayList<>();
        for (Draft.Source src : d.sources()) if (!src.id().equals("unattributed")) got.add(new String[]{src.name()});
        // a known source is written under its catalogue name: match its aliases too
        score(article, want, got, (a, b) -> contains(a[0], b[0]) || aliasOf(a[0], b[0]), s);
    }

    private static boolean aliasOf(String a, String b) {
        return b.startsWith("National Intelligence Service") && a.toLowerCase(Locale.ROOT).contains("intelligence agency")
                || b.startsWith("Ukrainian military intelligence") && a.equals("GUR");
    }

    private static boolean contains(String a, String b) {
        String x = a.toLowerCase(Locale.ROOT), y = b.toLowerCase(Locale.ROOT);
        return x.contains(y) || y.contains(x);
    }

    private interface Same<T> {
        boolean same(T gold, T drafted);
    }

    private static <T> void score(String article, List<T> want, List<T> got, Same<T> same, Score s) {
        s.gold += want.size();
        s.drafted += got.size();
        for (T w : want) {
            if (got.stream().anyMatch(g -> same.same(w, g))) s.truePositives++;
            else s.misses.add(article + ": " + show(w));
        }
        for (T g : got) {
            if (want.stream().noneMatch(w -> same.same(w, g))) s.extras.add(article + ": " + show(g));
        }
    }

    private static String show(Object o) {
        return o instanceof String[] a ? String.join(" / ", a) : o.toString();
    }

    public static void main(String[] args) throws IOException {
        Path corpus = Path.of(args.length > 0 ? args[0] : "src/test/resources/draft-corpus");
        Path rules = Path.of(args.length > 1 ? args[1] : "rules");
        long t0 = System.nanoTime();
        Map<String, Score> scores = measure(corpus, rules);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("%-9s %9s %9s %7s %7s%n", "category", "precision", "recall", "gold", "drafted");
        scores.forEach((k, s) -> System.out.printf(Locale.ROOT, "%-9s %8.1f %% %7.1f %% %7d %7d%n", k, 100 * s.precision(), 100 * s.recall(), s.gold, s.drafted));
        scores.forEach((k, s) -> {
            s.misses.forEach(m -> System.out.println("  missed " + k + ": " + m));
            s.extras.forEach(m -> System.out.println("  extra  " + k + ": " + m));
        });
        System.out.println("(" + ms + " ms for the corpus, including the first-use JIT)");
    }
}
