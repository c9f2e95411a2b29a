package io.factlint.report;

import io.factlint.model.BaselineComparison;
import io.factlint.model.BaselineState;
import io.factlint.model.Bound;
import io.factlint.model.Certainty;
import io.factlint.model.CheckResult;
import io.factlint.model.Claim;
import io.factlint.model.ClaimVerdict;
import io.factlint.model.Entity;
import io.factlint.model.Fact;
import io.factlint.model.FactBase;
import io.factlint.model.Figure;
import io.factlint.model.Finding;
import io.factlint.model.FixedFinding;
import io.factlint.model.Interval;
import io.factlint.model.Location;
import io.factlint.model.Op;
import io.factlint.model.Quantity;
import io.factlint.model.Review;
import io.factlint.model.RuleInfo;
import io.factlint.model.Severity;
import io.factlint.model.Source;
import io.factlint.model.SourceKind;
import io.factlint.model.Story;
import io.factlint.model.Verdict;
import io.factlint.model.Waiver;
import io.factlint.model.When;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Check results built by hand, as the engine would produce them: {@link #seed()} for the seed story, and
 * {@link #hostile()} whose every text from a "fact file" carries markup and control characters.
 */
public final class Fixtures {
    public static final String SEED_FILE = "facts/nk-soldier-captured.json";
    public static final String SEED = "nk-soldier-captured";

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

    private Fixtures() {
    }

    /** The rules of the default pack, as `factlint rules` lists them. */
    public static List<RuleInfo> defaultRules() {
        String file = "rules/default.drl";
        Object[][] rules = {
                {"status.changed", Severity.WARNING, "A subject's status changed between two times; text presenting the earlier status as current is out of date."},
                {"status.impossible", Severity.ERROR, "A status change the lifecycle does not allow."},
                {"status.conflict", Severity.ERROR, "Two different statuses for one subject at the same time."},
                {"status.stale", Severity.ERROR, "A status claim asserts a status the subject no longer had at the claim's time."},
                {"value.disagreement", Severity.ERROR, "Two facts give one attribute at the same time with intervals that do not overlap."},
                {"count.decreased", Severity.ERROR, "A cumulative count drops over time."},
                {"count.part_exceeds_whole", Severity.ERROR, "A part exceeds its whole at the same time."},
                {"claim.contradicted", Severity.ERROR, "A claim is false on the whole conventional interval of its figure."},
                {"claim.undetermined", Severity.WARNING, "A claim is true for some values of its figure and false for others, or cannot be checked."},
                {"date.weekday_mismatch", Severity.ERROR, "A mention's weekday is not the weekday of its date."},
                {"date.after_publication", Severity.ERROR, "A fact's time or a mention's date lies after the story's publication."},
                {"quote.not_in_text", Severity.ERROR, "A fact's quote does not occur in the story text."},
                {"quote.number_mismatch", Severity.ERROR, "A fact's quote contains numbers and none equals the fact's amount."},
                {"source.single", Severity.INFO, "A death or casualty figure rests on one source only."},
                {"certainty.unconfirmed", Severity.WARNING, "A claim rests on an unconfirmed fact that no other source states."},
        };
        List<RuleInfo> out = new ArrayList<>();
        int line = 10;
        for (Object[] r : rules) {
            Map<String, String> meta = new LinkedHashMap<>();
            meta.put("id", (String) r[0]);
            meta.put("severity", ((Severity) r[1]).id());
            meta.put("description", (String) r[2]);
            meta.put("since", "0.1.0");
            if (r[0].equals("status.changed")) {
                meta.put("fires", "Facts at two consecutive times give a subject two different statuses.");
                meta.put("example", "f1: captured on the 26th; f2: deceased on the 27th -> warning.");
                meta.put("fix", "Make sure the headline and text give the latest status.");
            }
            if (r[0].equals("source.single")) meta.put("fires", "A death or casualty figure has one source.");
            out.add(new RuleInfo((String) r[0], (Severity) r[1], (String) r[2], file + ":" + line,
                    "rule " + r[0], meta));
            line += 20;
        }
        return out;
    }

    static When day(String iso) {
        return When.day(LocalDate.parse(iso));
    }

    static Location at(String file, int line, int column) {
        return new Location(file, line, column);
    }

    /** The seed story: captured on the 26th, deceased on the 27th; casualties over a quarter. */
    public static CheckResult seed() {
        return new Builder(SEED, SEED_FILE, "North Korean soldier captured by Ukrainian forces", t -> t).build();
    }

    /** The seed story with every editor-visible text made hostile. */
    public static CheckResult hostile() {
        return new Builder("evil-story", "facts/evil story #1.json", "Headline " + ALL, t -> t + " " + ALL).build();
    }

    public static final String WAIVERS_FILE = "facts/waivers.yaml";
    public static final String WAIVER_REASON = "The headline is corrected before publication.";
    public static final String BASELINE_FILE = "factlint-baseline.json";

    /**
     * The seed story reviewed: the status.stale error waived (K. Chief, until 2025-03-31, at facts/waivers.yaml:2:5),
     * and compared with a baseline: status.stale and the soldier's source.single unchanged, status.changed and the
     * troops' source.single new; a quote.not_in_text error and a warning of a rule no longer loaded are fixed.
     */
    public static CheckResult reviewed() {
        return reviewed(seed(), t -> t, SEED, SEED_FILE);
    }

    /** {@link #hostile()} reviewed the same way, with hostile waiver texts and fixed findings. */
    /** The hostile shape with {@code payload} appended to every text. */
    public static CheckResult tainted(String payload) {
        return new Builder("evil-story", "facts/evil story #1.json", "Headline " + payload, t -> t + " " + payload).build();
    }

    public static CheckResult hostileReviewed() {
        return reviewed(hostile(), t -> t + " " + ALL, "evil-story", "facts/evil story #1.json");
    }

    /** The seed story with a waiver only (no baseline). */
    public static CheckResult waivedOnly() {
        CheckResult r = reviewed();
        List<Finding> findings = r.findings().stream()
                .map(f -> f.withReview(new Review(f.review().waiver(), null))).toList();
        return new CheckResult(r.facts(), r.rules(), findings, r.figures(), r.verdicts(), null);
    }

    private static CheckResult reviewed(CheckResult base, java.util.function.UnaryOperator<String> taint, String story,
                                        String file) {
        Waiver waiver = new Waiver("status.stale", "soldier-1", null, null, taint.apply(WAIVER_REASON),
                taint.apply("K. Chief"), LocalDate.parse("2025-03-31"), new Location(WAIVERS_FILE, 2, 5));
        List<Finding> findings = new ArrayList<>();
        for (Finding f : base.findings()) {
            boolean old = f.rule().equals("status.stale") || (f.rule().equals("source.single") && "soldier-1".equals(f.subject()));
            Review review = new Review(f.rule().equals("status.stale") ? waiver : null,
                    old ? BaselineState.UNCHANGED : BaselineState.NEW);
            findings.add(f.withReview(review));
        }
        List<FixedFinding> fixed = List.of(
                new FixedFinding("quote.not_in_text", Severity.ERROR,
                        taint.apply("The quote of " + story + "#f5 does not occur in the story text."), "dprk-troops",
                        null, "0f3c9a51b2d4e6f8a0b1c2d3e4f5a6b7", new Location(file, 52, 7), List.of(story + "#f5")),
                new FixedFinding("old.rule", Severity.WARNING, taint.apply("A rule that is gone now."), null, null,
                        "00112233445566778899aabbccddeeff", Location.of(file), List.of()));
        return new CheckResult(base.facts(), base.rules(), findings, base.figures(), base.verdicts(),
                new BaselineComparison(BASELINE_FILE, fixed));
    }

    /** Builds the seed-like result; {@code taint} decorates every text a fact file (or a rule) supplies. */
    private static final class Builder {
        final String story;
        final String file;
        final String headline;
        final java.util.function.UnaryOperator<String> taint;
        final boolean hostile;

        Builder(String story, String file, String headline, java.util.function.UnaryOperator<String> taint) {
            this.story = story;
            this.file = file;
            this.headline = headline;
            this.taint = taint;
            this.hostile = !taint.apply("").isEmpty();
        }

        CheckResult build() {
            When published = day("2024-12-27");
            Story s = new Story(story, headline, published, story + ".txt", null, file, at(file, 2, 3));

            Map<String, Source> sources = new LinkedHashMap<>();
            sources.put("militarnyi", new Source("militarnyi", taint.apply("Militarnyi"), SourceKind.MEDIA,
                    "https://mil.in.ua/en/", at(file, 9, 5)));
            sources.put("nis", new Source("nis", taint.apply("National Intelligence Service (South Korea)"),
                    SourceKind.AGENCY, hostile ? "javascript:document.title='pwned'" : "https://www.nis.go.kr/", at(file, 10, 5)));
            sources.put("zelenskyy", new Source("zelenskyy", taint.apply("Volodymyr Zelenskyy on X"),
                    SourceKind.SOCIAL, null, at(file, 11, 5)));
            sources.put("guardian", new Source("guardian", taint.apply("The Guardian"), SourceKind.MEDIA, null,
                    at(file, 12, 5)));

            Map<String, Entity> entities = new LinkedHashMap<>();
            entities.put("soldier-1", new Entity("soldier-1", "person", taint.apply("wounded North Korean soldier"),
                    at(file, 15, 5)));
            entities.put("dprk-troops", new Entity("dprk-troops", "group", taint.apply("North Korean troops in Kursk"),
                    at(file, 16, 5)));

            Fact f1 = new Fact(0, story, "f1", "soldier-1", "status", "captured", null, day("2024-12-26"),
                    "militarnyi", Certainty.UNCONFIRMED,
                    taint.apply("the Ukrainian Special Operations Forces (SOF) captured a North Korean soldier"),
                    at(file, 20, 7));
            Fact f2 = new Fact(1, story, "f2", "soldier-1", "status", "captured", null, day("2024-12-26"),
                    "nis", Certainty.CONFIRMED,
                    taint.apply("it has been confirmed that a wounded North Korean soldier has been captured"),
                    at(file, 28, 7));
            Fact f3 = new Fact(2, story, "f3", "soldier-1", "status", "deceased", null, day("2024-12-27"),
                    "nis", Certainty.REPORTED,
                    taint.apply("the North Korean soldier captured on the 26th died earlier on Friday due to severe injuries"),
                    at(file, 36, 7));
            Fact f4 = new Fact(3, story, "f4", "dprk-troops", "killed_or_injured", null,
                    Quantity.of(new BigDecimal("3000"), Bound.OVER, null), day("2024-12-23"), "zelenskyy",
                    Certainty.REPORTED, taint.apply("over 3000 North Korean soldiers have been killed or injured"),
                    at(file, 44, 7));
            Fact f5 = new Fact(4, story, "f5", "dprk-troops", "deployed", null,
                    Quantity.of(new BigDecimal("11000"), Bound.OVER, null), day("2024-12-27"), "guardian",
                    Certainty.REPORTED, taint.apply("North Korea has deployed over 11,000 soldiers to Russia"),
                    at(file, 52, 7));
            for (Fact f : List.of(f1, f2, f3, f4, f5)) f.setTimeIndex(0);
            f3.setTimeIndex(1);

            Claim c1 = new Claim(story, "c1",
                    taint.apply("the scale of casualties among North Korean soldiers has exceeded a quarter"),
                    "dprk-troops", "casualty_share", Op.GT, null, Quantity.exactly(new BigDecimal("0.25")), published,
                    at(file, 62, 7));
            Claim h1 = new Claim(story, "h1", headline, "soldier-1", "status", Op.EQ, "captured", null, published,
                    at(file, 68, 7));

            FactBase fb = new FactBase(List.of(file), List.of(s), sources, entities, List.of(f1, f2, f3, f4, f5),
                    List.of(c1, h1), List.of());

            Interval kiConv = f4.getConventional();
            Interval depConv = f5.getConventional();
            Interval share = kiConv.divide(depConv);
            Interval strictShare = f4.getStrict().divide(f5.getStrict());
            Figure casualtyShare = new Figure("dprk-troops", "casualty_share", published, share, strictShare,
                    List.of(f4, f5), true,
                    "killed_or_injured / deployed = " + kiConv.format() + " / " + depConv.format() + " = "
                            + share.formatPercent(),
                    "killed_or_injured / deployed = " + f4.getStrict().format() + " / " + f5.getStrict().format()
                            + " = " + strictShare.formatPercent(), true);
            Figure kiStated = new Figure("dprk-troops", "killed_or_injured", published, kiConv, f4.getStrict(),
                    List.of(f4), false, null, null, false);

            List<ClaimVerdict> verdicts = List.of(
                    new ClaimVerdict(c1, Verdict.SUPPORTED, Verdict.UNDETERMINED, casualtyShare, List.of(f4, f5),
                            taint.apply("casualty_share is (25.0 %, 36.4 %) on the conventional reading, all of it above 25 %; "
                                    + "the strict reading (0.0 %, ∞) also allows values at or below 25 %.")),
                    new ClaimVerdict(h1, Verdict.CONTRADICTED, Verdict.CONTRADICTED, null, List.of(f2, f3),
                            taint.apply("On 27 Dec 2024 the wounded North Korean soldier was deceased (NIS), no longer captured.")));

            String soldier = entities.get("soldier-1").name();
            List<Finding> findings = new ArrayList<>(List.of(
                    new Finding("status.stale", Severity.ERROR,
                            "The headline says the " + soldier + " is captured on 27 Dec 2024, but "
                                    + sources.get("nis").name() + " reported the soldier deceased on 27 Dec 2024.",
                            "soldier-1", story + "#h1", List.of(f2, f3), h1.location()),
                    new Finding("status.changed", Severity.WARNING,
                            soldier + " changed from captured (26 Dec 2024: " + sources.get("militarnyi").name()
                                    + ", " + sources.get("nis").name() + ") to deceased (27 Dec 2024: "
                                    + sources.get("nis").name() + "); text presenting captured as current is out of date.",
                            "soldier-1", null, List.of(f1, f2, f3), f1.getLocation()),
                    new Finding("source.single", Severity.INFO,
                            "The deceased status of the " + soldier + " rests on one source only: "
                                    + sources.get("nis").name() + ".",
                            "soldier-1", null, List.of(f3), f3.getLocation()),
                    new Finding("source.single", Severity.INFO,
                            "killed_or_injured over 3,000 of " + entities.get("dprk-troops").name()
                                    + " rests on one source only: " + sources.get("zelenskyy").name() + ".",
                            "dprk-troops", null, List.of(f4), f4.getLocation())));
            findings.sort(Finding.ORDER);

            List<RuleInfo> rules = defaultRules();
            if (hostile) {
                rules = rules.stream().map(r -> new RuleInfo(r.id(), r.severity(), taint.apply(r.description()),
                        r.file(), r.ruleName(), Map.of("description", taint.apply(r.description()),
                        "note" + SCRIPT, taint.apply("metadata"), "fires", taint.apply("fires"),
                        "fix", taint.apply("fix")))).toList();
            }
            return new CheckResult(fb, rules, findings, List.of(casualtyShare, kiStated), verdicts);
        }
    }
}
