package io.factlint.report.html;

import io.factlint.check.CheckOutcome;
import io.factlint.check.Gate;
import io.factlint.model.BaselineComparison;
import io.factlint.model.BaselineState;
import io.factlint.model.CheckResult;
import io.factlint.model.Claim;
import io.factlint.model.ClaimVerdict;
import io.factlint.model.Entity;
import io.factlint.model.Fact;
import io.factlint.model.FactBase;
import io.factlint.model.Figure;
import io.factlint.model.Series;
import io.factlint.model.Finding;
import io.factlint.model.FixedFinding;
import io.factlint.model.text.NumberReader;
import io.factlint.model.text.ReadNumber;
import io.factlint.model.Location;
import io.factlint.model.RuleInfo;
import io.factlint.model.Severity;
import io.factlint.model.Source;
import io.factlint.model.Story;
import io.factlint.model.Verdict;
import io.factlint.model.Waiver;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What the HTML template shows, computed from a check result: every text is a plain string (the template escapes
 * it), every order deterministic. Filter values are replaced by generated keys ({@code s0}, {@code e1},
 * {@code r2}) so that no text from a fact file ever ends up in a {@code data-*} value that a script reads.
 */
public record HtmlView(
        String title,
        boolean passed,
        String failOn,
        boolean failOnNew,
        long errors,
        long warnings,
        long infos,
        long waived,
        String baselineFile,
        long added,
        long unchanged,
        int storiesChecked,
        int factsChecked,
        int claimsChecked,
        int filesChecked,
        String toolVersion,
        String generated,
        String verdictLine,
        List<StoryView> stories,
        List<SeverityGroup> groups,
        List<FixedView> fixed,
        List<TimelineView> timelines,
        List<FigureView> figures,
        List<FigureView> statedFigures,
        List<CountChartView> countCharts,
        List<ClaimView> claims,
        List<RuleView> rules,
        List<FilterOption> severityFilters,
        List<FilterOption> ruleFilters,
        List<FilterOption> entityFilters,
        List<FilterOption> storyFilters,
        List<FilterOption> reviewFilters,
        List<FilterOption> baselineFilters,
        String css,
        String script) {

    /** A story checked. {@code key} is its filter key. */
    public record StoryView(String key, String id, String headline, String published, String file,
                            int facts, int findings) {
    }

    /** The findings of one severity, in report order. */
    public record SeverityGroup(String severity, String label, List<FindingView> findings) {
    }

    /**
     * A finding. {@code waiver} is null unless a waiver applies; {@code baseline} is {@code new}, {@code unchanged}
     * or null without a baseline; {@code notCounted} says why a finding at or above the gate does not fail it.
     * {@code reviewKey} ({@code waived}, {@code open}) and {@code baselineKey} are filter keys.
     */
    public record FindingView(String anchor, String severity, String rule, String ruleAnchor, String message,
                              String subject, String subjectName, String location, String claimRef,
                              String claimText, List<FactView> facts, boolean failing, String notCounted,
                              WaiverView waiver, String baseline,
                              String severityKey, String ruleKey, String entityKey, String storyKeys,
                              String reviewKey, String baselineKey, TextExcerpt excerpt) {
        public boolean waived() {
            return waiver != null;
        }
    }

    /**
     * The story text around a finding located in it ({@code text.unbacked_number}): the located line, or, for a line
     * longer than two windows, a window of it around the column, with the number found there as {@code marked}
     * ({@code before} + {@code marked} + {@code after} is the excerpt; {@code marked} is empty when no number starts
     * at the column). {@code cutBefore} / {@code cutAfter} say the line goes on beyond the window. Plain text: the
     * template escapes it.
     */
    public record TextExcerpt(String location, String before, String marked, String after, boolean cutBefore,
                              boolean cutAfter) {
        /** At most this many characters of the line on each side of the number. */
        static final int WINDOW = 80;

        /**
         * The excerpt of a story text at 1-based {@code line} and {@code column} (UTF-16 units, as the finding's
         * location counts them), the number being the figure the number reader found at that offset; null if the
         * location is not in the text.
         */
        static TextExcerpt of(StoryText t, String location, int line, int column) {
            String text = t.text();
            if (line < 1 || line > t.lineStarts().length || column < 1) return null;
            int lineStart = t.lineStarts()[line - 1];
            int lineEnd = line < t.lineStarts().length ? t.lineStarts()[line] - 1 : text.length();
            if (lineEnd > lineStart && text.charAt(lineEnd - 1) == '\r') lineEnd--;
            int at = lineStart + column - 1;
            if (at > lineEnd) return null;
            int end = Math.min(t.figureEnds().getOrDefault(at, at), lineEnd);
            // a line of at most two windows shows whole; a longer one a window either side of the number
            boolean whole = lineEnd - lineStart <= 2 * WINDOW;
            int from = whole ? lineStart : Math.max(lineStart, at - WINDOW);
            int to = whole ? lineEnd : Math.min(lineEnd, end + WINDOW);
            // cut at a space inside the window, never through a word or a surrogate pair
            if (from > lineStart) {
                int sp = text.indexOf(' ', from);
                from = sp >= 0 && sp < at ? sp + 1 : from;
                if (Character.isLowSurrogate(text.charAt(from))) from++;
            }
            if (to < lineEnd) {
                int sp = text.lastIndexOf(' ', to);
                to = sp >= end ? sp : to;
                if (to > 0 && Character.isHighSurrogate(text.charAt(to - 1))) to--;
            }
            return new TextExcerpt(location, text.substring(from, at), text.substring(at, end), text.substring(end, to),
                    from > lineStart, to < lineEnd);
        }
    }

    /**
     * A story text read once for its excerpts: where each line starts, and where each figure
     * {@link NumberReader#figures} reads (the reader {@code text.unbacked_number} uses) ends, by its start offset.
     */
    record StoryText(String text, int[] lineStarts, Map<Integer, Integer> figureEnds) {
        static StoryText of(String text) {
            List<Integer> starts = new ArrayList<>();
            starts.add(0);
            for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.add(i + 1);
            Map<Integer, Integer> ends = new java.util.HashMap<>();
            for (ReadNumber n : NumberReader.figures(text)) ends.putIfAbsent(n.start(), n.end());
            return new StoryText(text, starts.stream().mapToInt(Integer::intValue).toArray(), ends);
        }
    }

    /** The waiver that applies to a finding, and where it is written. */
    public record WaiverView(String reason, String author, String expires, String location) {
    }

    /** A finding of the baseline that the check no longer finds, as the baseline gave it. */
    public record FixedView(String severity, String rule, String ruleAnchor, String message, String subject,
                            String subjectName, String location, String claimRef, List<String> facts) {
    }

    /** A rule help text of the DRL annotations ({@code @fires}, ...) under its heading. */
    public record HelpText(String key, String heading, String text) {
    }

    /** One fact as an editor reads it; {@code sourceUrl} is set only for http(s) addresses. */
    public record FactView(String ref, String location, String subject, String subjectName, String attribute,
                           String value, String at, String atIso, String source, String sourceName,
                           String sourceKind, String sourceUrl, String certainty, String quote) {
    }

    /** The statuses of one entity over time. */
    public record TimelineView(String entityId, String entityName, String entityKind, String entityKey,
                               String storyKeys, List<TimePoint> points) {
    }

    /**
     * The status facts at one time. {@code change} marks a change point: the statuses differ from those at the
     * previous time ({@code changeFrom}); {@code conflict} marks two statuses at the same time.
     */
    public record TimePoint(String at, String atIso, String statuses, List<FactView> facts, boolean change,
                            String changeFrom, boolean conflict) {
    }

    /**
     * A figure; {@code strictWords} says an unbounded or one-sided strict interval in words ("more than 25.0 %");
     * {@code description} is the figures.yaml description of a derived figure (null when it has none).
     */
    public record FigureView(String subject, String subjectName, String attribute, String at, String conventional,
                             String strict, boolean readingsDiffer, String arithmetic, String strictArithmetic,
                             List<FactView> from, String entityKey, String storyKeys, String strictWords, String kind,
                             String description) {
    }

    /**
     * One measured attribute of one entity over time, every source on one inline SVG chart ({@code svg} is built
     * with every text escaped); {@code rows} lists the values as text beside it.
     */
    public record CountChartView(String entityId, String entityName, String attribute, String entityKey,
                                 String storyKeys, String svg, List<String> rows) {
    }

    public record ClaimView(String ref, String text, String subjectName, String statement, String at,
                            String location, String verdict, String strictVerdict, boolean readingsDiffer,
                            String reason, String figure, String strictFigure, List<FactView> facts,
                            String entityKey, String storyKeys) {
    }

    /**
     * A rule's help: {@code help} holds the texts of {@code @fires}, {@code @example} and {@code @fix} (in that
     * order, those it has), {@code metadata} every other annotation; {@code fixed} counts its fixed findings.
     */
    public record RuleView(String id, String anchor, String severity, String description, String file,
                           String ruleName, List<HelpText> help, List<Map.Entry<String, String>> metadata,
                           int findings, int fixed) {
    }

    /** A filter button: the key elements carry in their {@code data-*} attribute, and the label shown. */
    public record FilterOption(String key, String label, int count) {
    }

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ISO_INSTANT;

    public static HtmlView of(CheckOutcome outcome, String toolVersion, java.time.Instant timestamp, String css, String script) {
        return new Builder(outcome, toolVersion, timestamp).build(css, script);
    }

    /** Builds the view; holds the key tables while it does. */
    private static final class Builder {
        private final CheckOutcome outcome;
        private final CheckResult result;
        private final Gate gate;
        private final String toolVersion;
        private final java.time.Instant timestamp;
        private final FactBase fb;
        private final Map<String, String> storyKeys = new LinkedHashMap<>();
        private final Map<String, String> entityKeys = new LinkedHashMap<>();
        private final Map<String, String> ruleKeys = new LinkedHashMap<>();
        private final Map<String, String> ruleAnchors = new LinkedHashMap<>();
        /** Story texts by text file, read once for the excerpts of the findings located in them. */
        private final Map<String, StoryText> storyTexts = new java.util.HashMap<>();
        private Map<String, String> textsByFile;

        Builder(CheckOutcome outcome, String toolVersion, java.time.Instant timestamp) {
            this.outcome = outcome;
            this.result = outcome.result();
            this.gate = outcome.gate();
            this.toolVersion = toolVersion;
            this.timestamp = timestamp;
            this.fb = result.facts();
        }

        HtmlView build(String css, String script) {
            List<RuleInfo> rules = outcome.rulesWithFixed();
            for (RuleInfo r : rules) {
                ruleAnchors.put(r.id(), "rule-" + ruleAnchors.size());
            }
            // stories: every story of the fact base, then any a finding names that the fact base lacks
            for (Story s : fb.stories()) storyKey(s.id());
            for (Finding f : result.findings()) outcome.storiesOf(f).forEach(this::storyKey);
            // entities: sorted by id, so keys do not depend on map order
            new TreeSet<>(fb.entities().keySet()).forEach(this::entityKey);

            List<SeverityGroup> groups = new ArrayList<>();
            int n = 0;
            for (Severity sev : Severity.values()) {
                List<FindingView> views = new ArrayList<>();
                for (Finding f : result.findings()) {
                    if (f.severity() == sev) views.add(finding(f, "finding-" + n++));
                }
                groups.add(new SeverityGroup(sev.id(), label(sev), views));
            }

            boolean passed = gate.passed();
            String failOn = gate.failOnLabel();
            long errors = result.count(Severity.ERROR);
            long warnings = result.count(Severity.WARNING);
            long infos = result.count(Severity.INFO);

            List<StoryView> stories = new ArrayList<>();
            for (Story s : fb.stories()) {
                int facts = (int) fb.facts().stream().filter(f -> f.getStoryId().equals(s.id())).count();
                int findings = (int) result.findings().stream()
                        .filter(f -> outcome.storiesOf(f).contains(s.id())).count();
                stories.add(new StoryView(storyKey(s.id()), s.id(), s.headline(),
                        s.published() == null ? null : s.published().display(), s.file(), facts, findings));
            }

            String verdictLine = verdictLine(passed, failOn);
            BaselineComparison baseline = result.baseline();

            return new HtmlView(
                    "factlint report: " + (passed ? "PASS" : "FAIL"),
                    passed, failOn, gate.failOnNew(), errors, warnings, infos, result.countWaived(),
                    baseline == null ? null : baseline.file(),
                    result.count(BaselineState.NEW), result.count(BaselineState.UNCHANGED),
                    (int) outcome.stories(), fb.facts().size(), fb.claims().size(), fb.files().size(),
                    toolVersion,
                    timestamp == null ? null : STAMP.format(timestamp),
                    verdictLine,
                    stories, groups, fixed(), timelines(), figures(true), statedFigures(), CountCharts.of(result, fb, this::entityKey, this::storyKeysOf), claims(),
                    ruleViews(rules),
                    severityFilters(), ruleFilters(), entityFilters(), storyFilters(), reviewFilters(),
                    baselineFilters(),
                    css, script);
        }

        /**
         * Why the check passed or failed: {@code Failed: 1 finding at or above error.}; with {@code --fail-on-new}
         * {@code new finding}; findings at or above the level that do not count are named in brackets
         * ({@code (not counted: 1 waived, 2 unchanged since the baseline)}).
         */
        private String verdictLine(boolean passed, String failOn) {
            if (gate.failOn() == null) return "Passed: --fail-on never fails a check.";
            String finding = gate.failOnNew() ? "new finding" : "finding";
            long failing = gate.failing();
            long waivedAtLevel = result.findings().stream()
                    .filter(f -> "waived".equals(gate.notCountedBecause(f))).count();
            long unchangedAtLevel = result.findings().stream().filter(f -> gate.notCountedBecause(f) != null)
                    .count() - waivedAtLevel;
            List<String> notCounted = new ArrayList<>();
            if (waivedAtLevel > 0) notCounted.add(waivedAtLevel + " waived");
            if (unchangedAtLevel > 0) notCounted.add(unchangedAtLevel + " unchanged since the baseline");
            String extra = notCounted.isEmpty() ? "" : " (not counted: " + String.join(", ", notCounted) + ")";
            return passed ? "Passed: no " + finding + " at or above " + failOn + extra + "."
                    : "Failed: " + plural(failing, finding) + " at or above " + failOn + extra + ".";
        }

        private static String plural(long n, String noun) {
            return n + " " + noun + (n == 1 ? "" : "s");
        }

        private static String label(Severity s) {
            return switch (s) {
                case ERROR -> "Errors";
                case WARNING -> "Warnings";
                case INFO -> "Information";
            };
        }

        private String storyKey(String id) {
            return storyKeys.computeIfAbsent(id, k -> "s" + storyKeys.size());
        }

        private String entityKey(String id) {
            return id == null ? null : entityKeys.computeIfAbsent(id, k -> "e" + entityKeys.size());
        }

        private String ruleKey(String id) {
            return ruleKeys.computeIfAbsent(id, k -> "r" + ruleKeys.size());
        }

        private String storyKeysOf(Set<String> storyIds) {
            return storyIds.stream().sorted().map(this::storyKey).collect(Collectors.joining(" "));
        }

        private FindingView finding(Finding f, String anchor) {
            String claimText = null;
            if (f.claimRef() != null) {
                // a claim's text is optional: map after findFirst, which cannot hold a null
                claimText = fb.claims().stream().filter(c -> c.getRef().equals(f.claimRef()))
                        .findFirst().map(Claim::text).orElse(null);
            }
            Waiver w = f.review().waiver();
            BaselineState b = f.review().baseline();
            return new FindingView(anchor, f.severity().id(), f.rule(), ruleAnchors.get(f.rule()), f.message(),
                    f.subject(), f.subject() == null ? null : fb.entityName(f.subject()),
                    location(f.location()), f.claimRef(), claimText,
                    f.facts().stream().map(this::fact).toList(), gate.counts(f),
                    gate.notCountedBecause(f),
                    w == null ? null : new WaiverView(w.reason(), w.author(), w.expires().toString(), location(w.location())),
                    b == null ? null : b.id(),
                    f.severity().id(), ruleKey(f.rule()), f.subject() == null ? "-" : entityKey(f.subject()),
                    storyKeysOf(new TreeSet<>(outcome.storiesOf(f))),
                    f.waived() ? "waived" : "open", b == null ? null : b.id(), excerpt(f.location()));
        }

        /** The story text around a location in a story's text file (the finding is in the text, not a fact file). */
        private TextExcerpt excerpt(Location l) {
            if (l == null || l.line() < 1) return null;
            if (textsByFile == null) {
                textsByFile = new java.util.HashMap<>();
                for (Story s : fb.stories()) {
                    if (s.text() != null && s.textFile() != null) textsByFile.putIfAbsent(s.textFile(), s.text());
                }
            }
            String text = textsByFile.get(l.file());
            if (text == null) return null;
            StoryText t = storyTexts.computeIfAbsent(l.file(), k -> StoryText.of(text));
            return TextExcerpt.of(t, location(l), l.line(), l.column());
        }

        private List<FixedView> fixed() {
            if (result.baseline() == null) return List.of();
            return result.baseline().fixed().stream().map(f -> new FixedView(f.severity().id(), f.rule(),
                    ruleAnchors.get(f.rule()), f.message(), f.subject(),
                    f.subject() == null ? null : fb.entityName(f.subject()),
                    f.location() == null || f.location().file().isEmpty() ? null : location(f.location()),
                    f.claimRef(), f.factRefs())).toList();
        }

        private static String location(Location l) {
            return l == null ? null : l.toString();
        }

        private FactView fact(Fact f) {
            Source src = fb.sources().get(f.getSource());
            String url = src == null ? null : src.url();
            if (url != null) {
                String lower = url.trim().toLowerCase(Locale.ROOT);
                if (!(lower.startsWith("https://") || lower.startsWith("http://"))) url = null;
            }
            return new FactView(f.getRef(), location(f.getLocation()), f.getSubject(), fb.entityName(f.getSubject()),
                    f.getAttribute(), f.valueWords(), f.getAt() == null ? null : f.getAt().display(),
                    f.getAt() == null ? null : f.getAt().iso(), f.getSource(), fb.sourceName(f.getSource()),
                    src == null || src.kind() == null ? null : src.kind().id(), url,
                    f.getCertainty() == null ? null : f.getCertainty().id(), f.getQuote());
        }

        private List<TimelineView> timelines() {
            // the engine's series, computed once per check; subjects in id order, facts of a time in load order
            Map<String, Series> bySubject = new TreeMap<>();
            for (Series sr : result.series()) {
                if (sr.isStatus()) bySubject.put(sr.subject(), sr);
            }
            List<TimelineView> out = new ArrayList<>();
            for (Map.Entry<String, Series> e : bySubject.entrySet()) {
                List<List<Fact>> times = new ArrayList<>();
                List<Fact> facts = new ArrayList<>();
                for (Series.Point p : e.getValue().points()) {
                    List<Fact> at = new ArrayList<>(p.facts());
                    at.sort(Comparator.comparingInt(Fact::getSeq));
                    times.add(at);
                    facts.addAll(at);
                }
                List<TimePoint> points = new ArrayList<>();
                Set<String> previous = null;
                for (List<Fact> at : times) {
                    Set<String> statuses = at.stream().map(Fact::getStatus)
                            .collect(Collectors.toCollection(LinkedHashSet::new));
                    boolean change = previous != null && !previous.equals(statuses);
                    points.add(new TimePoint(at.get(0).getAt().display(), at.get(0).getAt().iso(),
                            String.join(" / ", statuses), at.stream().map(this::fact).toList(), change,
                            change ? String.join(" / ", previous) : null, statuses.size() > 1));
                    previous = statuses;
                }
                Entity entity = fb.entities().get(e.getKey());
                Set<String> stories = facts.stream().map(Fact::getStoryId).collect(Collectors.toSet());
                out.add(new TimelineView(e.getKey(), fb.entityName(e.getKey()), entity == null ? null : entity.kind(),
                        entityKey(e.getKey()), storyKeysOf(stories), points));
            }
            return out;
        }

        private List<FigureView> figures(boolean derived) {
            List<FigureView> out = new ArrayList<>();
            for (Figure f : result.figures()) {
                if (f.derived() != derived) continue;
                Set<String> stories = f.from().stream().map(Fact::getStoryId).collect(Collectors.toSet());
                out.add(figureView(f));
            }
            return out;
        }

        private FigureView figureView(Figure f) {
            Set<String> stories = f.from().stream().map(Fact::getStoryId).collect(Collectors.toSet());
            return new FigureView(f.subject(), fb.entityName(f.subject()), f.attribute(),
                    f.at() == null ? null : f.at().display(), f.display(), f.strictDisplay(),
                    !f.display().equals(f.strictDisplay()), f.arithmetic(), f.strictArithmetic(),
                    f.from().stream().sorted(Comparator.comparing(Fact::getRef)).map(this::fact).toList(),
                    entityKey(f.subject()), storyKeysOf(stories), words(f.strict(), f.percent()), f.kind(),
                    f.description());
        }

        /**
         * The stated values the claims were judged on (the engine keeps derived figures only; a claim on a stated
         * attribute carries its figure in its verdict), once each, in claim order.
         */
        private List<FigureView> statedFigures() {
            Map<String, FigureView> out = new java.util.LinkedHashMap<>();
            List<Figure> all = new ArrayList<>(result.figures());
            for (ClaimVerdict v : result.verdicts()) all.add(v.figure());
            for (Figure f : all) {
                if (f == null || f.derived()) continue;
                out.putIfAbsent(f.subject() + "\u0000" + f.attribute() + "\u0000" + f.fromRefs(), figureView(f));
            }
            return List.copyOf(out.values());
        }

        /** "more than 25.0 %" for (25.0 %, ∞); null for a bounded interval, which its brackets say well enough. */
        static String words(io.factlint.model.Interval i, boolean percent) {
            java.util.function.DoubleFunction<String> n = x -> percent ? io.factlint.model.Interval.percent(x)
                    : io.factlint.model.Interval.number(x);
            if (Double.isInfinite(i.max()) && Double.isFinite(i.min())) {
                return (i.minOpen() ? "more than " : "at least ") + n.apply(i.min());
            }
            if (Double.isFinite(i.max()) && i.min() == 0 && !i.isPoint()) {
                return (i.maxOpen() ? "less than " : "at most ") + n.apply(i.max());
            }
            return null;
        }

        private List<ClaimView> claims() {
            List<ClaimView> out = new ArrayList<>();
            for (ClaimVerdict v : result.verdicts()) {
                Claim c = v.claim();
                String statement = c.options().trend() != null
                        ? c.attribute() + " " + c.options().trend() + formWords(c)
                        : c.options().oneOf() ? c.attribute() + " one of the " + ("asc".equals(c.options().order()) ? "lowest" : "highest") + formWords(c)
                        : c.attribute() + " " + (c.op() == null ? "?" : c.op().symbol()) + " " + c.valueWords() + formWords(c);
                Figure fig = v.figure();
                out.add(new ClaimView(c.getRef(), c.text(), fb.entityName(c.subject()), statement,
                        c.at() == null ? null : c.at().display(), location(c.location()),
                        id(v.verdict()), id(v.strictVerdict()),
                        v.verdict() != v.strictVerdict(), v.reason(),
                        fig == null ? null : fig.display(), fig == null ? null : fig.strictDisplay(),
                        v.facts() == null ? List.of() : v.facts().stream()
                                .sorted(Comparator.comparing(Fact::getRef)).map(this::fact).toList(),
                        entityKey(c.subject()), storyKeysOf(Set.of(c.storyId()))));
            }
            return out;
        }

        /** The claim form in words: " (relative change since 2003)", " (sum over ...)", " (versus nc)", ... */
        private static String formWords(Claim c) {
            io.factlint.model.ClaimOptions o = c.options();
            List<String> w = new ArrayList<>();
            boolean membersComplete = false;
            if (o.form().equals("set")) {
                // the set, then the condition asked of each member in its own form
                w.add(("count".equals(o.quantifier()) ? "the number that meet it " + o.quantifierOp().symbol()
                        + " " + o.quantifierCount().words() : o.quantifier()) + " of "
                        + (o.amongKind() != null ? "every " + o.amongKind() : String.join(", ", o.among()))
                        + (o.complete() ? ", complete" : "") + (o.membersComplete() ? ", members' own facts complete" : ""));
                membersComplete = o.membersComplete();
                o = o.withoutSet();
            }
            // the condition's "complete" comes from members_complete, already said with the set
            String complete = o.complete() && !membersComplete ? ", complete" : "";
            switch (o.form()) {
                case "change" -> w.add(o.change() + " change since " + o.since().display()
                        + (o.from() == null ? "" : ", from " + o.from().words())
                        + (o.aggregate() == null ? "" : ", of the " + o.aggregate() + " over each period"));
                case "aggregate" -> w.add(("duration".equals(o.aggregate()) ? "duration in " + o.unit()
                        : "gap".equals(o.aggregate()) ? "every gap between events, in " + o.unit() : o.aggregate())
                        + " over the period" + (o.per() == null ? "" : ", per " + o.per()) + complete);
                case "versus" -> w.add((o.compare() == null ? "compared with " : o.compare() + " with ")
                        + String.join(", ", o.versus())
                        + (o.aggregate() == null ? "" : ", the " + o.aggregate() + " of each over the period"));
                case "rank" -> w.add("rank (" + ("asc".equals(o.order()) ? "1 = lowest" : "1 = highest") + ") among "
                        + (o.rankKind() != null ? "every " + o.rankKind() : String.join(", ", o.rankAmong()))
                        + complete);
                case "rank_over" -> w.add("rank (" + ("asc".equals(o.order()) ? "1 = lowest" : "1 = highest")
                        + ") among its own values " + o.rankOverWords() + complete);
                case "trend" -> w.add("from each time to the next" + complete);
                default -> { }
            }
            if (o.toleranceAbsolute() != null) w.add("tolerance ± " + io.factlint.model.Interval.number(o.toleranceAbsolute()));
            if (o.toleranceRelative() != null) w.add("tolerance ± " + io.factlint.model.Interval.number(o.toleranceRelative() * 100) + " %");
            if (o.window() != null) w.add("evidence window " + o.window());
            if (o.maxAge() != null) w.add("max age " + o.maxAge());
            if (o.accordingTo() != null) w.add("according to " + o.accordingTo() + ", its statements alone");
            if (!o.unchecked().isEmpty()) w.add("not checked: " + String.join("; ", o.unchecked()));
            return w.isEmpty() ? "" : " (" + String.join("; ", w) + ")";
        }

        private static String id(Verdict v) {
            return v == null ? "undetermined" : v.id();
        }

        private List<RuleView> ruleViews(List<RuleInfo> rules) {
            Map<String, Long> counts = result.findings().stream()
                    .collect(Collectors.groupingBy(Finding::rule, Collectors.counting()));
            Map<String, Long> fixedCounts = result.baseline() == null ? Map.of() : result.baseline().fixed().stream()
                    .collect(Collectors.groupingBy(FixedFinding::rule, Collectors.counting()));
            Set<String> helpKeys = RuleInfo.HELP_KEYS.stream().map(Map.Entry::getKey).collect(Collectors.toSet());
            List<RuleView> out = new ArrayList<>();
            for (RuleInfo r : rules) {
                // help only for the rules that appear: in a finding, or in a fixed finding of the baseline
                if (!counts.containsKey(r.id()) && !fixedCounts.containsKey(r.id())) continue;
                Map<String, String> all = r.metadata() == null ? Map.of() : r.metadata();
                List<HelpText> help = new ArrayList<>();
                for (Map.Entry<String, String> k : RuleInfo.HELP_KEYS) {
                    String text = all.get(k.getKey());
                    if (text != null && !text.isBlank()) help.add(new HelpText(k.getKey(), k.getValue(), text));
                }
                List<Map.Entry<String, String>> meta = new TreeMap<>(all).entrySet().stream()
                        .filter(e -> !RuleInfo.SHOWN_KEYS.contains(e.getKey()) && !helpKeys.contains(e.getKey()))
                        .map(e -> Map.entry(e.getKey(), String.valueOf(e.getValue()))).toList();
                out.add(new RuleView(r.id(), ruleAnchors.get(r.id()), r.severity() == null ? null : r.severity().id(),
                        r.description(), r.file(), r.ruleName(), help, meta,
                        counts.getOrDefault(r.id(), 0L).intValue(), fixedCounts.getOrDefault(r.id(), 0L).intValue()));
            }
            return out;
        }

        private List<FilterOption> severityFilters() {
            List<FilterOption> out = new ArrayList<>();
            for (Severity s : Severity.values()) {
                int c = (int) result.count(s);
                if (c > 0) out.add(new FilterOption(s.id(), s.id(), c));
            }
            return out;
        }

        private List<FilterOption> ruleFilters() {
            Map<String, Integer> counts = new TreeMap<>();
            for (Finding f : result.findings()) counts.merge(f.rule(), 1, Integer::sum);
            return counts.entrySet().stream()
                    .map(e -> new FilterOption(ruleKey(e.getKey()), e.getKey(), e.getValue())).toList();
        }

        private List<FilterOption> entityFilters() {
            Map<String, Integer> counts = new TreeMap<>();
            for (Finding f : result.findings()) {
                if (f.subject() != null) counts.merge(f.subject(), 1, Integer::sum);
            }
            // entities with a timeline, figure or claim are filterable too, even without findings
            for (Fact f : fb.facts()) counts.putIfAbsent(f.getSubject(), 0);
            for (Claim c : fb.claims()) counts.putIfAbsent(c.subject(), 0);
            return counts.entrySet().stream()
                    .map(e -> new FilterOption(entityKey(e.getKey()), fb.entityName(e.getKey()), e.getValue())).toList();
        }

        /** "waived" and "not waived", when any finding is waived (else no such filter). */
        private List<FilterOption> reviewFilters() {
            long waived = result.countWaived();
            if (waived == 0) return List.of();
            return List.of(new FilterOption("waived", "waived", (int) waived),
                    new FilterOption("open", "not waived", result.findings().size() - (int) waived));
        }

        /** "new" and "unchanged", with a baseline. */
        private List<FilterOption> baselineFilters() {
            if (result.baseline() == null) return List.of();
            return List.of(new FilterOption("new", "new", (int) result.count(BaselineState.NEW)),
                    new FilterOption("unchanged", "unchanged", (int) result.count(BaselineState.UNCHANGED)));
        }

        private List<FilterOption> storyFilters() {
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (String id : storyKeys.keySet()) counts.put(id, 0);
            for (Finding f : result.findings()) {
                for (String s : outcome.storiesOf(f)) counts.merge(s, 1, Integer::sum);
            }
            return counts.entrySet().stream()
                    .map(e -> new FilterOption(storyKey(e.getKey()), e.getKey(), e.getValue())).toList();
        }
    }

    /**
     * The page's Content-Security-Policy: nothing may load; inline styles may apply; the one inline script runs
     * only because its SHA-256 hash is listed, so a script element injected through a fact file could never run.
     */
    public String csp() {
        return "default-src 'none'; style-src 'unsafe-inline'; script-src '" + scriptHash()
                + "'; img-src data:; base-uri 'none'; form-action 'none'";
    }

    /** {@code sha256-<base64>} of the inline script, exactly as it stands between its tags (UTF-8). */
    public String scriptHash() {
        return hashOf(script);
    }

    /** {@code sha256-<base64>} of a text's UTF-8 bytes, a CSP hash source. */
    public static String hashOf(String script) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(script.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "sha256-" + java.util.Base64.getEncoder().encodeToString(d);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean hasBaseline() {
        return baselineFile != null;
    }

    /** The gate as the verdict box names it: {@code error}, or {@code error (new findings only)}. */
    public String gate() {
        return failOn + (failOnNew ? " (new findings only)" : "");
    }

    public int findingCount() {
        return groups.stream().mapToInt(g -> g.findings().size()).sum();
    }
}
