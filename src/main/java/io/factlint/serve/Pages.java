package io.factlint.serve;

import io.factlint.model.Bound;
import io.factlint.model.CheckResult;
import io.factlint.model.ClaimVerdict;
import io.factlint.model.Fact;
import io.factlint.model.FactBase;
import io.factlint.model.Figure;
import io.factlint.model.Finding;
import io.factlint.model.Mention;
import io.factlint.model.Severity;
import io.factlint.model.Source;
import io.factlint.model.Story;
import io.factlint.model.vocab.FigureDefinition;
import io.factlint.report.ReportSupport;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the workbench's pages show, computed from the workbench's state: plain strings (the templates escape them)
 * and numbers; anchors and keys are generated ({@code fact-3}), never taken from a fact file.
 */
public final class Pages {
    private Pages() {
    }

    /** What every page has: the state's version, the problems that stop a check, the last action, undo. */
    public record Frame(long version, List<String> ruleErrors, List<String> inputErrors, boolean stale, String notice,
                 boolean noticeOk, List<String> noticeErrors, String undo, String failOn) {
    }

    public record StoryRow(String id, String headline, String file, boolean passed, long errors, long warnings, long infos,
                    long waived, int drafted, int facts) {
    }

    public record StoriesPage(Frame frame, List<StoryRow> stories) {
    }

    /** A piece of the article: plain text, or a highlight linked to a fact ({@code inner}: highlights inside a quote). */
    public record Seg(String text, String href, String cls, String title, List<Seg> inner) {
        public boolean plain() {
            return cls == null;
        }
    }

    public record FactRow(String anchor, String ref, String id, String subjectName, String attribute, String value,
                   String at, String source, String certainty, String quote, String location, boolean drafted,
                   boolean flagged, String file, String hash, boolean status, String origValue, String origBound,
                   String origAt, String origSource, boolean editable) {
    }

    public record FindingRow(String anchor, String severity, String rule, String message, List<String> factAnchors,
                      List<String> factRefs, boolean waived, String waiver, String fingerprint, boolean failing) {
    }

    public record Option(String value, String label) {
    }

    /** A chart: an entity's one measure over time, every source a series. */
    public record Chart(String title, int width, int height, List<Axis> xTicks, List<Axis> yTicks, List<Series> series) {
    }

    public record Axis(double x, double y, String label) {
    }

    public record Series(String name, String cls, double legendY, List<Mark> marks) {
    }

    /** A fact on a chart: its point ({@code cx, cy}) and conventional interval ({@code y1..y2}). */
    public record Mark(double cx, double cy, double y1, double y2, String label, String href) {
    }

    public record StatusPoint(String at, String statuses, List<String> refs, boolean change) {
    }

    public record Timeline(String entityName, List<StatusPoint> statuses, List<Chart> charts) {
    }

    public record FigureRow(String subjectName, String attribute, String description, String at, String conventional,
                     String strict, String arithmetic, String strictArithmetic, List<String> from) {
    }

    public record ClaimRow(String ref, String text, String verdict, String strictVerdict, String reason, String figure,
                    String strictFigure) {
    }

    public record StoryPage(Frame frame, String id, String headline, String published, String file, boolean passed,
                     List<Seg> article, boolean hasText, String textFile, List<FindingRow> findings,
                     List<FactRow> facts, List<Timeline> timelines, List<FigureRow> figures, List<ClaimRow> claims,
                     List<Option> bounds, List<Option> sources, String today30, String waiversHash,
                     String waiversFile, List<String> mentions) {
    }

    // ---- stories ------------------------------------------------------------------------------------------------

    static StoriesPage stories(Frame frame, CheckResult r, Severity failOn) {
        List<StoryRow> rows = new ArrayList<>();
        if (r != null) {
            FactBase fb = r.facts();
            for (Story s : fb.stories()) {
                List<Finding> fs = findingsOf(r, s.id());
                boolean passed = fs.stream().noneMatch(f -> failing(f, failOn));
                int facts = (int) fb.facts().stream().filter(f -> f.getStoryId().equals(s.id())).count();
                rows.add(new StoryRow(s.id(), s.headline(), s.file(), passed,
                        count(fs, Severity.ERROR), count(fs, Severity.WARNING), count(fs, Severity.INFO),
                        fs.stream().filter(Finding::waived).count(), drafted(Path.of(s.file())), facts));
            }
        }
        return new StoriesPage(frame, rows);
    }

    private static long count(List<Finding> fs, Severity s) {
        return fs.stream().filter(f -> f.severity() == s && !f.waived()).count();
    }

    static boolean failing(Finding f, Severity failOn) {
        return failOn != null && !f.waived() && f.severity().atLeast(failOn);
    }

    static List<Finding> findingsOf(CheckResult r, String storyId) {
        io.factlint.check.CheckOutcome o = io.factlint.check.CheckOutcome.of(r, null, false);
        return r.findings().stream().filter(f -> o.storiesOf(f).contains(storyId)).toList();
    }

    /** How many entries of a fact file say {@code drafted: true} (0 when it cannot be read). */
    static int drafted(Path file) {
        FileSpans s = spans(file);
        if (s == null) return 0;
        int n = 0;
        for (FileSpans.Section sec : s.sections) for (FileSpans.Entry e : sec.entries()) if (e.drafted()) n++;
        return n;
    }

    static FileSpans spans(Path file) {
        try {
            String t = Files.readString(file, StandardCharsets.UTF_8);
            if (t.startsWith("\uFEFF")) t = t.substring(1);
            return FileSpans.of(t, Edits.isYaml(file));
        } catch (IOException | FileSpans.Unplaceable | RuntimeException e) {
            return null;
        }
    }

    // ---- one story ----------------------------------------------------------------------------------------------

    static StoryPage story(Frame frame, CheckResult r, Story s, Severity failOn, List<FigureDefinition> figureDefs,
                           Path waiversFile, String today30) {
        FactBase fb = r.facts();
        List<Fact> facts = fb.facts().stream().filter(f -> f.getStoryId().equals(s.id())).toList();
        Map<String, String> anchors = new HashMap<>();
        for (Fact f : r.facts().facts()) anchors.put(f.getRef(), "fact-" + f.getSeq());
        List<Finding> findings = findingsOf(r, s.id());
        Set<String> flagged = new LinkedHashSet<>();
        for (Finding f : findings) if (!f.waived()) f.facts().forEach(x -> flagged.add(x.getRef()));

        Path file = Path.of(s.file());
        FileSpans spans = spans(file);
        String hash = Edits.hashOf(file);
        List<FactRow> rows = new ArrayList<>();
        for (Fact f : facts) {
            FileSpans.Entry e = spans == null ? null : spans.entry("facts", f.getId());
            boolean drafted = e != null && e.drafted();
            String origValue;
            String origBound;
            boolean editable = e != null;
            FileSpans.Field vf = e == null ? null : e.field("value");
            if (f.isStatusFact()) {
                origValue = f.getStatus();
                origBound = "";
            } else if (f.isUnrecorded()) {
                // {"unrecorded": true}: the form shows the word; a number typed over it replaces the statement
                origValue = Edits.UNRECORDED;
                origBound = "";
            } else if (f.getQuantity().isRange()) {
                origValue = f.getQuantity().rangeMin().toPlainString() + "-" + f.getQuantity().rangeMax().toPlainString();
                origBound = "";
                editable = false;
            } else if (vf != null && vf.scalar() != null) {
                origValue = vf.scalar();
                origBound = "";
            } else {
                origValue = f.getQuantity().amount().toPlainString();
                origBound = f.getQuantity().bound().id();
            }
            String origAt = e == null || e.field("at") == null || e.field("at").scalar() == null ? "" : e.field("at").scalar();
            String origSource = e == null || e.field("source") == null || e.field("source").scalar() == null ? "" : e.field("source").scalar();
            Source src = f.getSource() == null ? null : fb.sources().get(f.getSource());
            rows.add(new FactRow(anchors.get(f.getRef()), f.getRef(), f.getId(), fb.entityName(f.getSubject()),
                    f.getAttribute(), f.valueWords(), f.getAt() == null ? null : f.getAt().display(),
                    src == null ? f.getSource() : src.name(), f.getCertainty() == null ? null : f.getCertainty().name().toLowerCase(Locale.ROOT),
                    f.getQuote(), String.valueOf(f.getLocation()), drafted, flagged.contains(f.getRef()), s.file(), hash,
                    f.isStatusFact(), origValue, origBound, origAt, origSource, editable));
        }

        List<FindingRow> findingRows = new ArrayList<>();
        int n = 0;
        for (Finding f : findings) {
            List<String> refs = f.facts().stream().map(Fact::getRef).toList();
            findingRows.add(new FindingRow("finding-" + n++, f.severity().id(), f.rule(), f.message(),
                    refs.stream().map(x -> anchors.getOrDefault(x, "")).toList(), refs, f.waived(),
                    f.waived() ? ReportSupport.waiverLine(f.review().waiver()) : null, f.fingerprint(), failing(f, failOn)));
        }
        boolean passed = findings.stream().noneMatch(f -> failing(f, failOn));

        List<Option> bounds = new ArrayList<>();
        bounds.add(new Option("", "plain number"));
        for (Bound b : Bound.values()) bounds.add(new Option(b.id(), b.words()));
        List<Option> sources = new ArrayList<>();
        sources.add(new Option("", "(none)"));
        for (Source src : fb.sources().values()) sources.add(new Option(src.id(), src.name()));

        List<String> mentions = new ArrayList<>();
        for (Mention m : fb.mentions()) {
            if (m.storyId().equals(s.id())) {
                mentions.add(m.text() + " = " + m.date() + (m.weekday() == null ? "" : " (" + m.weekday().name().toLowerCase(Locale.ROOT) + ")"));
            }
        }
        return new StoryPage(frame, s.id(), s.headline(), s.published() == null ? null : s.published().display(), s.file(),
                passed, article(s, facts, anchors, flagged, spans, fb), s.text() != null, s.textFile(), findingRows, rows,
                timelines(fb, facts, anchors), figures(r, facts, fb, figureDefs), claims(r, s.id()),
                bounds, sources, today30, Edits.hashOf(waiversFile), waiversFile.toString().replace('\\', '/'), mentions);
    }

    // ---- the article ----------------------------------------------------------------------------------------------

    private static final Pattern NUMBER_OR_DATE = Pattern.compile(
            "\\b(?:January|February|March|April|May|June|July|August|September|October|November|December)(?:\\s+\\d{1,2}(?:st|nd|rd|th)?)?(?:,?\\s+\\d{4})?\\b"
                    + "|\\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\\b"
                    + "|\\b\\d{1,2}(?:st|nd|rd|th)\\b"
                    + "|\\b\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?\\b|\\b\\d+(?:\\.\\d+)?%?");

    /** The story text as segments: quotes linked to their facts, numbers and dates highlighted and linked. */
    static List<Seg> article(Story s, List<Fact> facts, Map<String, String> anchors, Set<String> flagged, FileSpans spans,
                             FactBase fb) {
        String text = s.text();
        if (text == null) return List.of();
        List<Mention> mentions = fb.mentions().stream().filter(m -> m.storyId().equals(s.id())).toList();
        // quote spans, first come first served, no overlaps
        TreeMap<Integer, int[]> quoteAt = new TreeMap<>();
        Map<Integer, Fact> quoteFact = new HashMap<>();
        String lower = text.toLowerCase(Locale.ROOT);
        for (Fact f : facts) {
            if (f.getQuote() == null || f.getQuote().isBlank()) continue;
            int i = text.indexOf(f.getQuote());
            if (i < 0) i = lower.indexOf(f.getQuote().toLowerCase(Locale.ROOT));
            if (i < 0) continue;
            int end = i + f.getQuote().length();
            var before = quoteAt.floorEntry(i);
            var after = quoteAt.ceilingEntry(i);
            if ((before != null && before.getValue()[1] > i) || (after != null && after.getKey() < end)) continue;
            quoteAt.put(i, new int[]{i, end});
            quoteFact.put(i, f);
        }
        List<Seg> out = new ArrayList<>();
        int pos = 0;
        for (var q : quoteAt.entrySet()) {
            int qs = q.getValue()[0];
            int qe = q.getValue()[1];
            if (qs > pos) out.addAll(numbers(text.substring(pos, qs), facts, anchors, mentions, null));
            Fact f = quoteFact.get(qs);
            String cls = "hl hl-quote " + factClass(f, flagged, spans);
            out.add(new Seg(text.substring(qs, qe), "#" + anchors.get(f.getRef()), cls, "quote of " + f.getRef(),
                    numbers(text.substring(qs, qe), facts, anchors, mentions, f)));
            pos = qe;
        }
        if (pos < text.length()) out.addAll(numbers(text.substring(pos), facts, anchors, mentions, null));
        return out;
    }

    private static String factClass(Fact f, Set<String> flagged, FileSpans spans) {
        FileSpans.Entry e = spans == null ? null : spans.entry("facts", f.getId());
        if (flagged.contains(f.getRef())) return "flagged";
        if (e != null && e.drafted()) return "drafted";
        return "backed";
    }

    /** Numbers and dates of {@code text} as highlights; inside a quote ({@code quoteOf}) they point to its fact. */
    private static List<Seg> numbers(String text, List<Fact> facts, Map<String, String> anchors, List<Mention> mentions,
                                     Fact quoteOf) {
        List<Seg> out = new ArrayList<>();
        Matcher m = NUMBER_OR_DATE.matcher(text);
        int pos = 0;
        while (m.find()) {
            if (m.start() > pos) out.add(new Seg(text.substring(pos, m.start()), null, null, null, List.of()));
            String word = m.group();
            Fact backing = quoteOf != null ? quoteOf : backing(word, facts);
            boolean date = Character.isLetter(word.charAt(0)) || word.matches("\\d{1,2}(st|nd|rd|th)");
            String kind = date ? "date" : "number";
            if (quoteOf != null) {
                out.add(new Seg(word, null, "hl " + kind + " in-quote", kind, List.of()));
            } else if (date && mentionOf(word, mentions) != null) {
                Mention mention = mentionOf(word, mentions);
                out.add(new Seg(word, "#mentions", "hl date backed", "date: " + mention.date(), List.of()));
            } else if (backing != null) {
                out.add(new Seg(word, "#" + anchors.get(backing.getRef()), "hl " + kind + " backed", kind + " stated by " + backing.getRef(), List.of()));
            } else {
                out.add(new Seg(word, null, "hl " + kind + " unbacked", kind + ": no fact states it", List.of()));
            }
            pos = m.end();
        }
        if (pos < text.length()) out.add(new Seg(text.substring(pos), null, null, null, List.of()));
        return out;
    }

    private static Mention mentionOf(String word, List<Mention> mentions) {
        for (Mention m : mentions) if (m.text().contains(word)) return m;
        return null;
    }

    private static Fact backing(String word, List<Fact> facts) {
        String digits = word.replace(",", "").replace("%", "");
        if (!digits.matches("\\d+(\\.\\d+)?")) return null;
        BigDecimal v = new BigDecimal(digits);
        for (Fact f : facts) {
            if (f.getQuantity() != null) {
                for (BigDecimal n : f.getQuantity().statedNumbers()) if (n.compareTo(v) == 0) return f;
            }
        }
        return null;
    }

    // ---- timelines ------------------------------------------------------------------------------------------------

    static final int W = 560;
    static final int H = 200;
    static final int LEFT = 70;
    static final int RIGHT = 150;
    static final int TOP = 16;
    static final int BOTTOM = 34;

    static List<Timeline> timelines(FactBase fb, List<Fact> storyFacts, Map<String, String> anchors) {
        Set<String> subjects = new LinkedHashSet<>();
        storyFacts.forEach(f -> subjects.add(f.getSubject()));
        List<Timeline> out = new ArrayList<>();
        for (String subject : subjects) {
            // all facts about the subject, of every story: a later story may contradict an earlier one
            List<Fact> all = fb.facts().stream().filter(f -> f.getSubject().equals(subject))
                    .sorted(Comparator.comparing(Fact::getAt).thenComparing(Fact::getRef)).toList();
            List<StatusPoint> statuses = new ArrayList<>();
            String previous = null;
            Map<String, List<Fact>> byTime = new LinkedHashMap<>();
            for (Fact f : all) if (f.isStatusFact()) byTime.computeIfAbsent(f.getAt().display(), k -> new ArrayList<>()).add(f);
            for (var e : byTime.entrySet()) {
                String words = String.join(", ", e.getValue().stream().map(Fact::getStatus).distinct().sorted().toList());
                statuses.add(new StatusPoint(e.getKey(), words, e.getValue().stream().map(f -> f.getRef() + " (" + sourceName(fb, f) + ")").toList(),
                        previous != null && !previous.equals(words)));
                previous = words;
            }
            Map<String, List<Fact>> measures = new TreeMap<>();
            for (Fact f : all) if (!f.isStatusFact() && f.getQuantity() != null) measures.computeIfAbsent(f.getAttribute(), k -> new ArrayList<>()).add(f);
            List<Chart> charts = new ArrayList<>();
            for (var e : measures.entrySet()) charts.add(chart(fb, e.getKey(), e.getValue(), anchors));
            out.add(new Timeline(fb.entityName(subject), statuses, charts));
        }
        return out;
    }

    private static String sourceName(FactBase fb, Fact f) {
        Source s = f.getSource() == null ? null : fb.sources().get(f.getSource());
        return s == null ? "no source" : s.name();
    }

    /** One measure over time: the times evenly spaced, the values on a linear scale from 0, each source a colour. */
    static Chart chart(FactBase fb, String attribute, List<Fact> facts, Map<String, String> anchors) {
        List<String> times = new ArrayList<>();
        Map<String, io.factlint.model.When> whenOf = new LinkedHashMap<>();
        for (Fact f : facts) whenOf.putIfAbsent(f.getAt().display(), f.getAt());
        whenOf.entrySet().stream().sorted(Map.Entry.comparingByValue()).forEach(e -> times.add(e.getKey()));
        double max = 0;
        for (Fact f : facts) {
            var c = f.getConventional();
            double top = Double.isFinite(c.max()) ? c.max() : c.min();
            max = Math.max(max, top);
        }
        if (max <= 0) max = 1;
        double niceMax = nice(max);
        double plotW = W - LEFT - RIGHT;
        double plotH = H - TOP - BOTTOM;
        List<Axis> xs = new ArrayList<>();
        for (int i = 0; i < times.size(); i++) {
            double x = LEFT + (times.size() == 1 ? plotW / 2 : plotW * i / (times.size() - 1));
            xs.add(new Axis(round(x), H - BOTTOM + 18, times.get(i)));
        }
        List<Axis> ys = new ArrayList<>();
        for (int i = 0; i <= 4; i++) {
            double v = niceMax * i / 4;
            ys.add(new Axis(LEFT - 8, round(TOP + plotH - plotH * i / 4), io.factlint.model.Interval.number(v)));
        }
        Map<String, List<Fact>> bySource = new TreeMap<>();
        for (Fact f : facts) bySource.computeIfAbsent(sourceName(fb, f), k -> new ArrayList<>()).add(f);
        List<Series> series = new ArrayList<>();
        int k = 0;
        for (var e : bySource.entrySet()) {
            List<Mark> marks = new ArrayList<>();
            for (Fact f : e.getValue()) {
                double x = xs.get(times.indexOf(f.getAt().display())).x() + (k - (bySource.size() - 1) / 2.0) * 6;
                var c = f.getConventional();
                double lo = c.min();
                double hi = Double.isFinite(c.max()) ? c.max() : niceMax;
                double mid = f.getQuantity().isRange() ? (lo + hi) / 2 : f.getQuantity().amount().doubleValue();
                marks.add(new Mark(round(x), y(mid, niceMax, plotH), y(hi, niceMax, plotH), y(lo, niceMax, plotH),
                        f.getRef() + ": " + f.valueWords() + " (" + e.getKey() + ", " + f.getAt().display() + ")",
                        "#" + anchors.getOrDefault(f.getRef(), "")));
            }
            series.add(new Series(e.getKey(), "series-" + (k % 6), TOP + 12 + 16 * k, marks));
            k++;
        }
        return new Chart(attribute, W, H, xs, ys, series);
    }

    private static double y(double v, double max, double plotH) {
        return round(TOP + plotH - plotH * Math.max(0, Math.min(v, max)) / max);
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    /** 1, 2 or 5 times a power of ten, at least {@code v}. */
    static double nice(double v) {
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[]{1, 2, 5, 10}) if (m * p >= v) return m * p;
        return 10 * p;
    }

    // ---- figures and claims ----------------------------------------------------------------------------------------

    static List<FigureRow> figures(CheckResult r, List<Fact> storyFacts, FactBase fb, List<FigureDefinition> defs) {
        Set<String> subjects = new LinkedHashSet<>();
        storyFacts.forEach(f -> subjects.add(f.getSubject()));
        Map<String, String> descriptions = new HashMap<>();
        for (FigureDefinition d : defs) if (d.description() != null) descriptions.put(d.name(), d.description());
        List<FigureRow> out = new ArrayList<>();
        for (Figure f : r.figures()) {
            if (!f.derived() || !subjects.contains(f.subject())) continue;
            out.add(new FigureRow(fb.entityName(f.subject()), f.attribute(), descriptions.get(f.attribute()),
                    f.at() == null ? null : f.at().display(), f.display(), f.strictDisplay(), f.arithmetic(),
                    f.strictArithmetic(), f.fromRefs()));
        }
        return out;
    }

    static List<ClaimRow> claims(CheckResult r, String storyId) {
        List<ClaimRow> out = new ArrayList<>();
        for (ClaimVerdict v : r.verdicts()) {
            if (!v.claim().storyId().equals(storyId)) continue;
            Figure f = v.figure();
            out.add(new ClaimRow(v.claim().getRef(), v.claim().text(), v.verdict().id(),
                    v.strictVerdict() == null ? null : v.strictVerdict().id(), v.reason(),
                    f == null ? null : f.display() + (f.arithmetic() == null ? "" : " = " + f.arithmetic()),
                    f == null ? null : f.strictDisplay() + (f.strictArithmetic() == null ? "" : " = " + f.strictArithmetic())));
        }
        return out;
    }
}
