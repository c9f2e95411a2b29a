package io.factlint.rules;

import io.factlint.model.Bound;
import io.factlint.model.Claim;
import io.factlint.model.ClaimOptions;
import io.factlint.model.ClaimVerdict;
import io.factlint.model.Fact;
import io.factlint.model.Figure;
import io.factlint.model.Interval;
import io.factlint.model.Op;
import io.factlint.model.Quantity;
import io.factlint.model.Verdict;
import io.factlint.model.When;
import io.factlint.model.vocab.FigureDefinition;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Verdicts of the claim forms of docs/claims.md: change since a time, totals over a period, comparisons
 * between subjects, ranks, and any claim with a tolerance, an evidence window, a maximum age or a period as its
 * time. Each form reads the values it needs from the timelines (a stated attribute or a derived figure of any
 * kind, on both readings), computes the claimed quantity with interval arithmetic and judges the claim on it;
 * every reason names the time each fact was stated for.
 */
public final class ClaimForms {
    private ClaimForms() {
    }

    /**
     * A value of one subject's attribute (stated or derived) at a time, on both readings, or why there is none
     * ({@code missing}); {@code unrecorded}: when the statement the value needs says that no figure is kept
     * ({@code {"unrecorded": true}}), its words (also {@code missing}), with those facts in {@code facts}.
     */
    record Value(Interval conv, Interval strict, List<Fact> facts, String words, String missing, boolean percent,
                 String unrecorded) {
        Value(Interval conv, Interval strict, List<Fact> facts, String words, String missing, boolean percent) {
            this(conv, strict, facts, words, missing, percent, null);
        }

        static Value none(String why) {
            return new Value(null, null, List.of(), null, why, false);
        }

        /** No value: the statement it needs says that no figure is kept ({@link #noFigure}). */
        static Value unrecorded(String words, List<Fact> facts) {
            return new Value(null, null, List.copyOf(facts), null, words, false, words);
        }
    }

    /**
     * The verdict of a plain claim ({@link Claim#isPlain()}, not a status) whose statement, or a derived figure's
     * input, says that no figure is kept ({@code {"unrecorded": true}}): a list of that one verdict, or empty when
     * the claim has a figure (figures.drl then gives it one) or no statement at all.
     */
    public static List<ClaimVerdict> unrecorded(Claim c, Collection<Timeline> timelines, Collection<FigureDefinition> defs) {
        Map<String, Timeline> tls = new HashMap<>();
        for (Timeline t : timelines) tls.put(t.getSubject() + '\u0000' + t.getAttribute(), t);
        Map<String, FigureDefinition> ds = new HashMap<>();
        for (FigureDefinition d : defs) ds.put(d.name(), d);
        Ctx x = new Ctx(c, tls, ds);
        Value v = valueAt(x, c.subject(), c.attribute(), c.at());
        if (v.unrecorded() == null) return List.of();
        return List.of(noFigure(c, c.attribute() + " of " + c.subject() + " on " + c.at().display(), v));
    }

    /**
     * A claim that states a figure the evidence says nobody keeps (a plain value, a derived figure's input, a change's
     * base or current value, a side of a comparison, a total): contradicted on the conventional reading (the burden
     * of proof: a figure no one records cannot be known, so a claim stating one has no source) and undetermined on
     * the strict one (the true value might still match). {@code what}: what the claim needed, the reason's start.
     */
    static ClaimVerdict noFigure(Claim c, String what, Value v) {
        return noFigure(c, what, v, v.facts());
    }

    /** As {@link #noFigure(Claim, String, Value)}, resting on {@code facts} (v's and the other side's figure, in order). */
    private static ClaimVerdict noFigure(Claim c, String what, Value v, List<Fact> facts) {
        return new ClaimVerdict(c, Verdict.CONTRADICTED, Verdict.UNDETERMINED, null, List.copyOf(new LinkedHashSet<>(facts)),
                what + ": " + v.unrecorded() + ": a claimed figure has no source; the claim " + claimedWords(c)
                        + " is " + Verdict.CONTRADICTED.id() + " (strict reading: " + Verdict.UNDETERMINED.id() + ")");
    }

    /**
     * A form that takes a statement that no figure is kept as no figure (a rank, a set's member): undetermined on
     * both readings, the statement named.
     */
    private static ClaimVerdict passedOver(Claim c, String what, Value v) {
        return ClaimLogic.undetermined(c, what + ": " + v.unrecorded() + ": no figure to judge the claim on");
    }

    /** The claim's op and value as a reason shows them: {@code = 1,000}, {@code > that of ohio}. */
    private static String claimedWords(Claim c) {
        if (c.quantity() == null && !c.options().versus().isEmpty()) {
            return c.op().symbol() + " that of " + String.join(", ", c.options().versus());
        }
        return c.op().symbol() + " " + c.valueWords() + tolerance(c.options(), false);
    }

    /**
     * {@code cdc states that no figure of essential_worker_deaths of us is kept (stated for 20 Apr 2020)}: the
     * words of a moment that only says no figure is kept, naming each source once.
     */
    static String noFigureWords(Moment m) {
        Set<String> sources = new LinkedHashSet<>();
        for (Fact f : m.getUnrecordedFacts()) sources.add(f.getSource());
        List<String> s = new ArrayList<>(sources);
        String who = s.size() == 1 ? s.get(0) + " states"
                : String.join(", ", s.subList(0, s.size() - 1)) + " and " + s.get(s.size() - 1) + " state";
        return who + " that no figure of " + m.getAttribute() + " of " + m.getSubject() + " is kept (stated for "
                + m.getAt().display() + ")";
    }

    /**
     * {@code v}, not supported on a reading where it was when {@code unknownTime}: a time within the claim's period
     * has only a statement that no figure is kept (a total, a duration, the gaps, a trend or a rank over time leave
     * it out as no figure, and its value could change the answer); contradicted and undetermined stay.
     */
    private static ClaimVerdict unsure(ClaimVerdict v, boolean unknownTime) {
        if (!unknownTime || v.verdict() != Verdict.SUPPORTED && v.strictVerdict() != Verdict.SUPPORTED) return v;
        Verdict vc = v.verdict() == Verdict.SUPPORTED ? Verdict.UNDETERMINED : v.verdict();
        Verdict vs = v.strictVerdict() == Verdict.SUPPORTED ? Verdict.UNDETERMINED : v.strictVerdict();
        return new ClaimVerdict(v.claim(), vc, vs, v.figure(), v.facts(), v.reason()
                + "; not supported, as a time within the period has no figure: " + vc.id()
                + (vs != vc ? " (strict reading: " + vs.id() + ")" : ""));
    }

    /**
     * {@code v} of "one of the highest" over time ({@code one_of}), undetermined on both readings when
     * {@code unknownTime}: a time within the period with only a statement that no figure is kept is one more value
     * ranked, which may rank ahead (out of the top) or behind (out of the lower half: rank 6 of 10 is the lower half,
     * 6 of 11 the middle), so neither a support nor a contradiction stands.
     */
    private static ClaimVerdict unsureOfN(ClaimVerdict v, boolean unknownTime) {
        if (!unknownTime || v.verdict() == Verdict.UNDETERMINED && v.strictVerdict() == Verdict.UNDETERMINED) return v;
        return new ClaimVerdict(v.claim(), Verdict.UNDETERMINED, Verdict.UNDETERMINED, v.figure(), v.facts(), v.reason()
                + "; neither supported nor contradicted, as a time within the period has no figure (one more value,"
                + " ahead or behind): " + Verdict.UNDETERMINED.id());
    }

    /** "One of the highest" of {@code n}: the verdict on a rank interval (for tests; {@code Ranked.oneOf}). */
    static Verdict oneOfVerdict(Interval rank, int n, boolean complete) {
        return Ranked.oneOf(rank, n, complete);
    }

    /** The ranks that count as "one of the highest" of {@code n} (for tests; {@code Ranked.top}). */
    static int oneOfTop(int n) {
        return Ranked.top(n);
    }

    /**
     * A verdict {@link #noFigure} gave: contradicted, strictly undetermined, no figure, and resting on a statement that
     * no figure is kept (a change may rest on the other side's figure too).
     */
    private static boolean isNoFigure(ClaimVerdict v) {
        if (v.figure() != null || v.verdict() != Verdict.CONTRADICTED || v.strictVerdict() != Verdict.UNDETERMINED) return false;
        for (Fact f : v.facts()) if (f.isUnrecorded()) return true;
        return false;
    }

    /** {@code a} then {@code b} ({@link #noFigure} keeps each fact once). */
    private static List<Fact> concat(List<Fact> a, List<Fact> b) {
        List<Fact> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** The facts of a value with a figure; none for a missing or unrecorded one. */
    private static List<Fact> figureFacts(Value v) {
        return v.missing() == null ? v.facts() : List.of();
    }

    /**
     * The statements that no figure is kept for a time within {@code from}..{@code to} ({@code from} null: no start)
     * or for a period holding it, in time order: for a total over the period with no figure inside; otherwise named
     * as passed over ({@link #passedOverNote}).
     */
    private static List<Moment> unrecordedFor(Timeline t, When from, When to) {
        List<Moment> out = new ArrayList<>();
        if (t == null || !t.isUnrecorded()) return out;
        for (Moment m : t.getMoments()) {
            if (!m.isUnrecorded()) continue;
            When at = m.getAt();
            if (inside(at, from, to) || holds(at, from, to)) out.add(m);
        }
        return out;
    }

    /** {@code "; passed over, no figure kept: cdc states that ..."}, or nothing. */
    private static String passedOverNote(List<Moment> none) {
        if (none.isEmpty()) return "";
        List<String> w = new ArrayList<>();
        for (Moment m : none) w.add(noFigureWords(m));
        return "; passed over, no figure kept: " + String.join("; ", w);
    }

    /** The statements that no figure is kept, of the attributes a stated or derived attribute of the claim reads. */
    private static String passedOverNote(Ctx x, String subject, When from, When to) {
        FigureDefinition def = x.defs().get(x.c().attribute());
        List<Moment> none = new ArrayList<>();
        for (String a : def == null ? List.of(x.c().attribute()) : def.inputs()) {
            none.addAll(unrecordedFor(x.timeline(subject, a), from, to));
        }
        return passedOverNote(none);
    }

    /** A value for a total whose period has no figure inside but a statement that none is kept: {@link #noFigure}. */
    private static Value unrecordedTotal(List<Moment> none) {
        List<String> w = new ArrayList<>();
        List<Fact> facts = new ArrayList<>();
        for (Moment m : none) {
            w.add(noFigureWords(m));
            facts.addAll(m.getUnrecordedFacts());
        }
        return Value.unrecorded(String.join("; ", w) + ", and no figure is stated within it", facts);
    }

    /** The reading the claim is judged on: the looked-up timelines and figure definitions. */
    private record Ctx(Claim c, Map<String, Timeline> timelines, Map<String, FigureDefinition> defs) {
        Timeline timeline(String subject, String attribute) {
            return timelines.get(subject + '\u0000' + attribute);
        }
    }

    /** The verdict of a claim that is not plain ({@link Claim#isPlain()}). */
    public static ClaimVerdict verdict(Claim c, Collection<Timeline> timelines, Collection<FigureDefinition> defs,
                                       Collection<String> kindSubjects) {
        String source = c.options().accordingTo();
        Map<String, Timeline> tls = new HashMap<>();
        for (Timeline t : timelines) {
            // according to one source: its statements alone, as if no other source had spoken
            Timeline own = source == null ? t : t.restrictedTo(f -> source.equals(f.getSource()));
            if (own != null) tls.put(t.getSubject() + '\u0000' + t.getAttribute(), own);
        }
        Map<String, FigureDefinition> ds = new HashMap<>();
        for (FigureDefinition d : defs) ds.put(d.name(), d);
        ClaimVerdict v = byForm(new Ctx(c, tls, ds), kindSubjects);
        if (source == null) return v;
        return new ClaimVerdict(v.claim(), v.verdict(), v.strictVerdict(), v.figure(), v.facts(),
                "according to " + source + " (its statements alone): " + v.reason());
    }

    /** The claim's verdict by its form ({@link ClaimOptions#form()}): the one dispatch, for a claim or a set's member. */
    private static ClaimVerdict byForm(Ctx x, Collection<String> kindSubjects) {
        return switch (x.c().options().form()) {
            case "change" -> change(x);
            case "aggregate" -> aggregate(x);
            case "versus" -> versus(x);
            case "rank" -> rank(x, kindSubjects);
            case "rank_over" -> rankOver(x);
            case "trend" -> trend(x);
            case "set" -> set(x, kindSubjects);
            default -> value(x);
        };
    }

    // ---------------------------------------------------------------- forms

    private static ClaimVerdict value(Ctx x) {
        Claim c = x.c();
        Value v = valueAt(x, c.subject(), c.attribute(), c.at());
        if (c.options().unrecorded()) return noFigureKept(c, v);
        if (v.unrecorded() != null) {
            return noFigure(c, c.attribute() + " of " + c.subject() + " on " + c.at().display() + windowWords(c), v);
        }
        if (v.missing() != null) return ClaimLogic.undetermined(c, v.missing());
        String words = v.words();
        if (v.percent() && c.quantity() != null && !c.quantity().isRange()) {
            // the share with the precision that tells it from the claimed value (51.96 % against 52.00 %)
            words = reprinted(v, v.conv(), Percentages.scale(c.quantity().amount().doubleValue(), v.conv()));
        }
        return judged(c, v.conv(), v.strict(), v.percent(), v.facts(),
                c.attribute() + " of " + c.subject() + " is " + words + " on " + c.at().display(), "");
    }

    /** {@code " (evidence window P7D)"}, the claim's {@code window} as its reason names it, or nothing. */
    private static String windowWords(Claim c) {
        return c.options().window() == null ? "" : " (evidence window " + c.options().window() + ")";
    }

    /**
     * A claim that no figure is kept ({@code "value": {"unrecorded": true}}, op {@code =}; {@code !=}: that one is),
     * on the statement its time takes (the latest at or before it, within {@code window} and {@code max_age}): a
     * source's statement that no figure is kept supports it, a stated figure contradicts it, on both readings (no
     * hedge is read); no statement leaves it undetermined.
     */
    private static ClaimVerdict noFigureKept(Claim c, Value v) {
        if (v.missing() != null && v.unrecorded() == null) return ClaimLogic.undetermined(c, v.missing());
        boolean none = v.unrecorded() != null;
        boolean holds = none == (c.op() == Op.EQ);
        Verdict verdict = holds ? Verdict.SUPPORTED : Verdict.CONTRADICTED;
        String window = windowWords(c);
        String what = c.attribute() + " of " + c.subject() + " on " + c.at().display() + window + ": "
                + (none ? v.unrecorded() : "a figure is stated, " + v.words());
        return new ClaimVerdict(c, verdict, verdict, null, v.facts(), what + "; the claim that "
                + (c.op() == Op.EQ ? "no figure is kept" : "a figure is kept") + " is " + verdict.id());
    }

    private static ClaimVerdict change(Ctx x) {
        Claim c = x.c();
        ClaimOptions o = c.options();
        // a change of a total ("more killed in 2020 than in 2019") compares the totals over the two periods
        Value base = o.aggregate() != null ? total(x, c.subject(), o.since()).value() : valueAt(x, c.subject(), c.attribute(), o.since());
        Value now = o.aggregate() != null ? total(x, c.subject(), c.at()).value() : valueAt(x, c.subject(), c.attribute(), c.at());
        String change = o.change() + " change of " + c.attribute() + " of " + c.subject() + " since " + o.since().display();
        // the verdict rests on the statement that no figure is kept and on the other side's figure, when it has one
        if (base.unrecorded() != null) return noFigure(c, change + ", the base", base, concat(base.facts(), figureFacts(now)));
        if (now.unrecorded() != null) {
            return noFigure(c, change + ", the value on " + c.at().display(), now, concat(figureFacts(base), now.facts()));
        }
        if (base.missing() != null) return ClaimLogic.undetermined(c, "base: " + base.missing());
        if (now.missing() != null) return ClaimLogic.undetermined(c, now.missing());
        if (sameStatements(base, now)) {
            // the latest at the claim's time is the base itself: a change measured on one statement is no measurement
            return ClaimLogic.undetermined(c, "no fact states " + c.attribute() + " of " + c.subject()
                    + " for a time after the base: both times use " + base.words());
        }
        Interval conv, strict;
        String op;
        boolean percent;
        try {
            switch (o.change()) {
                case "ratio" -> {
                    conv = now.conv().divide(base.conv());
                    strict = now.strict().divide(base.strict());
                    op = " / ";
                    percent = false;
                }
                case "difference" -> {
                    conv = now.conv().minus(base.conv());
                    strict = now.strict().minus(base.strict());
                    op = " − ";
                    percent = now.percent();
                }
                default -> {
                    conv = now.conv().divide(base.conv()).minus(Interval.point(1));
                    strict = now.strict().divide(base.strict()).minus(Interval.point(1));
                    op = " / ";
                    percent = true;
                }
            }
        } catch (ArithmeticException e) {
            return ClaimLogic.undetermined(c, "the base " + c.attribute() + " of " + c.subject() + " is 0 (" + base.words() + ")");
        }
        List<Fact> facts = new ArrayList<>(base.facts());
        facts.addAll(now.facts());
        String arithmetic = show(now.conv(), now.percent()) + op + show(base.conv(), base.percent())
                + ("relative".equals(o.change()) ? " − 1" : "");
        String what = o.change() + " change of " + c.attribute() + " of " + c.subject() + " from " + base.words()
                + " to " + now.words() + " is " + show(conv, percent) + " (" + arithmetic + ")";
        ClaimVerdict v = judged(c, conv, strict, percent, facts, what, "");
        if (o.from() == null) return v;
        // "from 25 % to 19 %": the base must be the stated one too
        Verdict bc = judge(Op.EQ, o.from(), base.conv(), true, o);
        Verdict bs = judge(Op.EQ, o.from(), base.strict(), false, o);
        String fromWords = base.percent() ? pct(o.from()) : o.from().words();
        return new ClaimVerdict(c, both(v.verdict(), bc), both(v.strictVerdict(), bs), v.figure(), v.facts(),
                v.reason() + "; the base from " + fromWords + " is " + bc.id()
                        + (bs != bc ? " (strict reading: " + bs.id() + ")" : ""));
    }

    /** Whether two values rest on exactly the same statements (the same facts, whatever their order). */
    private static boolean sameStatements(Value a, Value b) {
        Set<String> x = new HashSet<>(), y = new HashSet<>();
        for (Fact f : a.facts()) x.add(f.getRef());
        for (Fact f : b.facts()) y.add(f.getRef());
        return !x.isEmpty() && x.equals(y);
    }

    private static ClaimVerdict aggregate(Ctx x) {
        Claim c = x.c();
        ClaimOptions o = c.options();
        if (o.aggregate().equals("duration")) return duration(x);
        if (o.aggregate().equals("gap")) return gaps(x);
        Total t = total(x, c.subject(), c.at());
        if (t.value().unrecorded() != null) {
            return noFigure(c, o.aggregate() + " of " + c.attribute() + " of " + c.subject() + " over " + c.at().display(), t.value());
        }
        if (t.value().missing() != null) return ClaimLogic.undetermined(c, t.value().missing());
        Value v = t.value();
        if (o.per() != null) {
            // a rate ("1,000 a day"): the total over the claim's period divided by its length in that unit
            double len = perLength(c.at(), o.per());
            Interval l = Interval.point(len);
            Interval conv = v.conv().divide(l).denoised(), strict = v.strict().divide(l).denoised();
            String what = t.what() + "; per " + o.per() + ", over " + Interval.number(len) + " " + o.per()
                    + (len == 1 ? "" : "s") + ": " + show(conv, v.percent());
            return judged(c, conv, strict, v.percent(), v.facts(), what, t.left(), -1);
        }
        // a time within the period with no figure has already widened the total ({@link #total}), both ways it can move
        return judged(c, v.conv(), v.strict(), v.percent(), v.facts(), t.what(), t.left(), t.scale());
    }

    /**
     * The length of the period {@code p} in {@code per} ({@code day}, {@code week}, {@code month}, {@code year}): whole
     * calendar months and years, and the days left over in months and years of the Gregorian average (2020 is 1 year,
     * not 366 / 365.2425; March 2020 is 1 month), for a rate.
     */
    static double perLength(When p, String per) {
        long a = p.from().startEpochSecond(), b = p.to().endEpochSecond();
        double days = inUnit(b - a, false);
        return switch (per) {
            case "day" -> days;
            case "week" -> days / 7;
            case "year" -> gapIn(a, b, true);
            default -> {
                java.time.LocalDateTime x = java.time.LocalDateTime.ofEpochSecond(a, 0, java.time.ZoneOffset.UTC);
                java.time.LocalDateTime y = java.time.LocalDateTime.ofEpochSecond(b, 0, java.time.ZoneOffset.UTC);
                long whole = java.time.temporal.ChronoUnit.MONTHS.between(x, y);
                yield whole + inUnit(java.time.Duration.between(x.plusMonths(whole), y).getSeconds(), false) / (DAYS_PER_YEAR / 12);
            }
        };
    }

    /**
     * A total over a period: its value (in {@code value}, with its words for a change or a comparison of totals), the
     * sentence an {@code aggregate} claim's reason starts with ({@code what}), what was left out ({@code left}) and
     * the decimals a share prints with ({@code scale}, -1 for the default).
     */
    private record Total(Value value, String what, String left, int scale) {
        static Total none(String why) {
            return new Total(Value.none(why), null, "", -1);
        }
    }

    /** {@code aggregate} (sum, mean, count, min, max) of {@code subject}'s attribute over the period {@code p}. */
    private static Total total(Ctx x, String subject, When p) {
        Claim c = x.c();
        ClaimOptions o = c.options();
        Timeline t = x.timeline(subject, c.attribute());
        if (t == null) return Total.none("no fact states " + c.attribute() + " of " + subject);
        List<Moment> inside = new ArrayList<>();
        List<String> straddling = new ArrayList<>();
        split(t, p.from(), p.to(), inside::add, straddling);
        Moment around = o.aggregate().equals("sum") && t.isNonNegative() ? around(t, p) : null;
        if (around != null) {
            for (Fact f : around.getFacts()) straddling.remove(f.getRef() + " (stated for " + around.getAt().display() + ")");
        }
        List<Moment> none = unrecordedFor(t, p.from(), p.to());
        if (inside.isEmpty() && !none.isEmpty()) return new Total(unrecordedTotal(none), null, "", -1);
        String left = leftOut(straddling) + passedOverNote(none);
        if (o.aggregate().equals("sum") || o.aggregate().equals("count")) {
            // a statement for a sub-period of another one inside the period is already counted by it ("4 attacks
            // between 1814 and 2021" holds the one of 1983): adding both would count it twice
            List<String> nested = new ArrayList<>();
            List<Moment> kept = new ArrayList<>();
            for (Moment m : inside) {
                Moment outer = null;
                for (Moment n : inside) {
                    if (n != m && within(m, n)) {
                        outer = n;
                        break;
                    }
                }
                if (outer == null) {
                    kept.add(m);
                } else {
                    for (Fact f : m.getFacts()) {
                        nested.add(f.getRef() + " (stated for " + m.getAt().display() + ", within " + outer.getAt().display() + ")");
                    }
                }
            }
            inside = kept;
            if (!nested.isEmpty()) left += "; left out, counted by a statement for a longer time: " + String.join(", ", nested);
        }
        String bounded = around == null ? "" : ", at most " + show(around.getHull(), false) + ", the total stated for "
                + around.getAt().display() + " (" + refs(around) + "), a longer time that holds the period, as "
                + c.attribute() + " cannot be negative";
        if (inside.isEmpty() && around != null) {
            // no statement within the period: the total is between 0 and the longer period's
            Interval conv = Interval.of(0, false, around.getHull().max(), around.getHull().maxOpen());
            Interval strict = Interval.of(0, false, around.getStrictHull().max(), around.getStrictHull().maxOpen());
            String what = "sum of " + c.attribute() + " of " + subject + " over " + p.display()
                    + " (no statement within it) is " + show(conv, false) + bounded;
            return new Total(new Value(conv, strict, around.getFacts(), show(conv, false) + " (sum over " + p.display()
                    + ", no statement within it" + bounded + left + ")", null, false), what, left, -1);
        }
        if (inside.isEmpty()) {
            return Total.none("no fact states " + c.attribute() + " of " + subject + " for a time within "
                    + p.display() + left);
        }
        Interval conv = null, strict = null;
        List<Fact> facts = new ArrayList<>();
        for (Moment m : inside) facts.addAll(m.getFacts());
        // shares written as percentages print as percentages (min 58 %, not 0.58); a count is a number of times
        boolean pct = !o.aggregate().equals("count") && Percentages.writtenAsPercent(facts);
        List<Interval> shown = new ArrayList<>();
        boolean nonNegative = true;
        for (Moment m : inside) {
            shown.add(m.getHull());
            nonNegative &= m.getHull().min() >= 0;
            conv = conv == null ? m.getHull() : combine(o.aggregate(), conv, m.getHull());
            strict = strict == null ? m.getStrictHull() : combine(o.aggregate(), strict, m.getStrictHull());
        }
        int n = inside.size();
        switch (o.aggregate()) {
            case "count" -> {
                conv = Interval.point(n);
                strict = Interval.point(n);
            }
            case "mean" -> {
                conv = conv.divide(Interval.point(n));
                strict = strict.divide(Interval.point(n));
            }
            default -> { }
        }
        if (o.aggregate().equals("sum") || o.aggregate().equals("count")) {
            // statements that overlap (share time, neither within the other) both hold what happened in the overlap
            long[][] spans = new long[n][];
            for (int k = 0; k < n; k++) spans[k] = span(inside.get(k).getAt());
            List<String> pairs = overlapping(inside, spans);
            if (!pairs.isEmpty()) {
                boolean count = o.aggregate().equals("count");
                String total = o.aggregate() + " of " + c.attribute() + " of " + subject + " over " + p.display();
                // a measure that can be negative: the overlap's amount may be anything, so no sum of them bounds it
                if (!count && !nonNegative && !t.isNonNegative()) return overlapUnknown(total, pairs, left);
                String note = "; overlapping, so not " + (count ? "counted" : "added") + " twice: " + String.join(", ", pairs);
                Interval[] lowConv = new Interval[n], lowStrict = new Interval[n];
                for (int k = 0; k < n; k++) {
                    Moment m = inside.get(k);
                    lowConv[k] = count ? Interval.point(1) : m.getHull();
                    lowStrict[k] = count ? Interval.point(1) : m.getStrictHull();
                }
                // at least the heaviest set of statements that do not overlap, at most all of them (upper ends)
                Interval lc = heaviestDisjoint(spans, lowConv), ls = heaviestDisjoint(spans, lowStrict);
                // only a value below 0 makes a part weigh more than the whole (the loader refuses one on a measure
                // that cannot be negative): what the overlap holds is then anything
                if (lc.min() > conv.max() || ls.min() > strict.max()) return overlapUnknown(total, pairs, left);
                conv = Interval.of(lc.min(), lc.minOpen(), conv.max(), conv.maxOpen());
                strict = Interval.of(ls.min(), ls.minOpen(), strict.max(), strict.maxOpen());
                left += note + (count ? ": between the most statements that do not overlap and all of them"
                        : ": between the largest sum of statements that do not overlap and the sum of all");
            }
        }
        String open = "";
        if (unknownTime(t, p.from(), p.to())) {
            // a time within the period has no figure (a source says none is kept): what it holds is unknown, on both
            // readings, so the total is open the ways that time can move it
            boolean signless = nonNegative || t.isNonNegative();
            boolean up = o.aggregate().equals("count") || o.aggregate().equals("sum") && signless;
            Interval[] w = unknownWidened(o.aggregate(), up, signless, conv, strict);
            conv = w[0];
            strict = w[1];
            if (around != null && up && around.getHull().max() >= conv.min() && around.getHull().max() < conv.max()) {
                conv = Interval.of(conv.min(), conv.minOpen(), around.getHull().max(), around.getHull().maxOpen());
            }
            open = up || o.aggregate().equals("max") ? " (at least that: a time within the period has no figure)"
                    : o.aggregate().equals("min") ? " (at most that: a time within the period has no figure)"
                    : " (not known: a time within the period has no figure, and its value may be anything)";
        } else if (!o.complete() && (o.aggregate().equals("count") || o.aggregate().equals("sum") && nonNegative)) {
            // facts missing from the file would only add: the strict reading is open upwards
            strict = Interval.of(strict.min(), strict.minOpen(), Double.POSITIVE_INFINITY, true);
            open = " (strict reading open upwards: the facts may be incomplete)";
        }
        if (around != null && around.getStrictHull().max() >= strict.min()) {
            // ... but never above the total of a longer period that holds it (a longer total below the sum is a
            // disagreement of the facts, not a bound: then it is not used)
            Interval cap = around.getStrictHull();
            if (cap.max() < strict.max()) {
                strict = Interval.of(strict.min(), strict.minOpen(), cap.max(), cap.maxOpen());
                if (!open.isEmpty()) open = " (strict reading open upwards to the longer time's total: the facts may be incomplete)";
            }
            facts.addAll(around.getFacts());
        } else if (around != null) {
            bounded = "";
            left += "; left out, a total for a longer time below the sum of the statements inside (the facts disagree): "
                    + refs(around) + " (stated for " + around.getAt().display() + ")";
        }
        // a share prints with the decimals that tell the values and the claimed one apart (6.96 % against 7.00 %)
        Interval total = conv.denoised();
        shown.add(total);
        int scale = pct && c.quantity() != null && !c.quantity().isRange()
                ? Percentages.scale(c.quantity().amount().doubleValue(), shown.toArray(Interval[]::new)) : -1;
        List<String> parts = new ArrayList<>();
        for (int k = 0; k < n; k++) parts.add(shownAt(shown.get(k), pct, scale) + " (" + inside.get(k).getAt().display() + ")");
        String times = n + (n == 1 ? " time" : " times") + ": " + String.join(", ", parts);
        String what = o.aggregate() + " of " + c.attribute() + " of " + subject + " over " + p.display() + " ("
                + times + ") is " + shownAt(total, pct, scale) + open + bounded;
        String words = shownAt(total, pct, scale) + " (" + o.aggregate() + " over " + p.display() + " of " + times + open
                + bounded + left + ")";
        return new Total(new Value(conv.denoised(), strict.denoised(), facts, words, null, pct), what, left, scale);
    }

    /** A total of overlapping statements with a value below 0 among them: what their overlap holds may be anything. */
    private static Total overlapUnknown(String what, List<String> pairs, String left) {
        return Total.none(what + " is not known: " + String.join(", ", pairs) + " overlap, and with a value below 0 stated,"
                + " what their overlap holds (counted in both) may be anything, so no sum of them bounds the total" + left);
    }

    /**
     * A total's two readings when a time within its period has no figure: a count, or a sum of a measure that cannot
     * be negative ({@code up}), and a max, are at least what is stated; a min at most; a mean, or a sum that may take
     * a value below 0, anything (from 0, for a measure that cannot be negative).
     */
    static Interval[] unknownWidened(String aggregate, boolean up, boolean nonNegative, Interval conv, Interval strict) {
        double floor = nonNegative ? 0 : Double.NEGATIVE_INFINITY;
        boolean floorOpen = !nonNegative;
        return switch (aggregate) {
            case "max" -> new Interval[] {atLeast(conv), atLeast(strict)};
            case "min" -> new Interval[] {Interval.of(floor, floorOpen, conv.max(), conv.maxOpen()),
                    Interval.of(floor, floorOpen, strict.max(), strict.maxOpen())};
            default -> up ? new Interval[] {atLeast(conv), atLeast(strict)}
                    : new Interval[] {Interval.of(floor, floorOpen, Double.POSITIVE_INFINITY, true),
                    Interval.of(floor, floorOpen, Double.POSITIVE_INFINITY, true)};
        };
    }

    private static Interval atLeast(Interval v) {
        return Interval.of(v.min(), v.minOpen(), Double.POSITIVE_INFINITY, true);
    }

    /**
     * The statement for the period strictly around {@code p} (starting no later, ending no earlier, and longer)
     * with the smallest total, or null: for a measure that cannot be negative, the total over {@code p} is at
     * most it.
     */
    private static Moment around(Timeline t, When p) {
        Moment best = null;
        for (Moment m : t.getMoments()) {
            When a = m.getAt();
            if (m.getHull() == null || !a.isPeriod() || a.start().after(p.from()) || a.end().before(p.to())) continue;
            if (!a.start().before(p.from()) && !a.end().after(p.to())) continue; // the same period: inside, not around
            if (m.getHull().min() < 0) continue;
            if (best == null || m.getHull().max() < best.getHull().max()) best = m;
        }
        return best;
    }

    /**
     * The pairs of {@code inside} (a total's statements, none within another; {@code spans[k]} the {@link #span} of
     * the k-th) whose times overlap, as "ref (stated for ...) and ref (stated for ...)", each pair in the order of
     * {@code inside}; empty when none do.
     */
    private static List<String> overlapping(List<Moment> inside, long[][] spans) {
        int n = inside.size();
        Integer[] byStart = new Integer[n];
        for (int k = 0; k < n; k++) byStart[k] = k;
        java.util.Arrays.sort(byStart, java.util.Comparator.comparingLong(k -> spans[k][0]));
        // a sweep by start: each statement against those begun before it that have not yet ended
        java.util.TreeSet<Long> found = new java.util.TreeSet<>();
        List<Integer> open = new ArrayList<>();
        for (int k : byStart) {
            open.removeIf(i -> spans[i][1] <= spans[k][0]);
            for (int i : open) {
                if (spans[k][0] < spans[i][1] && spans[i][0] < spans[k][1]) found.add((long) Math.min(i, k) * n + Math.max(i, k));
            }
            open.add(k);
        }
        List<String> pairs = new ArrayList<>();
        for (long f : found) {
            Moment a = inside.get((int) (f / n)), b = inside.get((int) (f % n));
            pairs.add(refs(a) + " (stated for " + a.getAt().display() + ") and " + refs(b) + " (stated for " + b.getAt().display() + ")");
        }
        return pairs;
    }

    /**
     * A time as a half-open span of epoch seconds {start, end}: a day runs to the start of the next (so a period
     * ending on 31 Dec 1977 ends where one from 1 Jan 1978 starts, and the two do not overlap), an instant is a
     * point (two periods meeting at one instant do not overlap).
     */
    private static long[] span(When w) {
        return new long[]{w.start().startEpochSecond(), w.end().endEpochSecond()};
    }

    /**
     * The heaviest set of pairwise disjoint spans (weighted interval scheduling): {@code spans[k]} is {start, end},
     * half-open (a span ending where another starts does not overlap it), {@code weights[k]} its value; returns the
     * sum of the chosen values, the set chosen by the largest lower end (of two equal, an open end is the larger
     * bound). For a non-negative measure the total over all the spans is at least it. The empty set weighs 0.
     */
    static Interval heaviestDisjoint(long[][] spans, Interval[] weights) {
        int n = spans.length;
        Integer[] byEnd = new Integer[n];
        for (int k = 0; k < n; k++) byEnd[k] = k;
        java.util.Arrays.sort(byEnd, java.util.Comparator.<Integer>comparingLong(k -> spans[k][1]).thenComparingLong(k -> spans[k][0]));
        long[] ends = new long[n];
        for (int j = 0; j < n; j++) ends[j] = spans[byEnd[j]][1];
        // best[j]: the heaviest disjoint set among the first j spans by end
        Interval[] best = new Interval[n + 1];
        best[0] = Interval.point(0);
        for (int j = 1; j <= n; j++) {
            int k = byEnd[j - 1];
            // the spans ending at or before this one starts: a prefix of the order
            int lo = 0, hi = j - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (ends[mid] <= spans[k][0]) lo = mid + 1;
                else hi = mid;
            }
            Interval with = best[lo].plus(weights[k]), without = best[j - 1];
            best[j] = with.min() > without.min() || with.min() == without.min() && with.minOpen() && !without.minOpen()
                    ? with : without;
        }
        return best[n];
    }

    private static String refs(Moment m) {
        return String.join(", ", m.getFacts().stream().map(Fact::getRef).toList());
    }

    /** Days in a year on average in the Gregorian calendar (146,097 days in 400 years): a duration in years. */
    static final double DAYS_PER_YEAR = 365.2425;

    /**
     * {@code aggregate: duration}: the total length of the periods lying wholly inside the claim's period for which
     * the attribute is stated with a value above 0 on both readings ("29 of our 60 years under military rule": the
     * rule a fact of value 1 for each period), overlapping periods counted once (their union). A day period counts
     * its days, both ends included (1 Jan – 31 Dec is 365 days); a period of instants counts its exact length;
     * a point counts no time. Statements straddling an end are left out and named, as for every total.
     */
    private static ClaimVerdict duration(Ctx x) {
        Claim c = x.c();
        ClaimOptions o = c.options();
        When p = c.at();
        boolean years = "years".equals(o.unit());
        Timeline t = x.timeline(c.subject(), c.attribute());
        if (t == null) return ClaimLogic.undetermined(c, "no fact states " + c.attribute() + " of " + c.subject());
        List<long[]> spans = new ArrayList<>(); // [start, end) in epoch seconds
        List<Fact> facts = new ArrayList<>();
        List<String> parts = new ArrayList<>(), straddling = new ArrayList<>(), points = new ArrayList<>(),
                unsure = new ArrayList<>();
        List<Moment> inside = new ArrayList<>();
        split(t, p.from(), p.to(), inside::add, straddling);
        boolean stated = !inside.isEmpty();
        for (Moment m : inside) {
            When a = m.getAt();
            boolean positive = above0(m.getHull()) && above0(m.getStrictHull());
            boolean zero = m.getHull().max() <= 0 && m.getStrictHull().max() <= 0;
            if (!positive) {
                // a stated 0 ("no military rule") adds no time; a value that may be 0 or more is not counted either
                if (!zero) for (Fact f : m.getFacts()) unsure.add(f.getRef() + " (" + m.getHull().format() + ", " + a.display() + ")");
                continue;
            }
            if (!a.isPeriod()) {
                for (Fact f : m.getFacts()) points.add(f.getRef() + " (" + a.display() + ")");
                continue;
            }
            long[] span = {a.from().startEpochSecond(), a.to().endEpochSecond(), parts.size()};
            spans.add(span);
            facts.addAll(m.getFacts());
            parts.add(length(span[1] - span[0], years) + " (" + a.display() + ")");
        }
        // the union: sorted by start (then end), a span overlapping or touching the one before extends it
        spans.sort(java.util.Comparator.<long[]>comparingLong(s -> s[0]).thenComparingLong(s -> s[1]));
        List<String> listed = new ArrayList<>();
        for (long[] s : spans) listed.add(parts.get((int) s[2]));
        String left = leftOut(straddling) + passedOverNote(unrecordedFor(t, p.from(), p.to()));
        if (!points.isEmpty()) left += "; a point in time counts no time: " + String.join(", ", points);
        if (!unsure.isEmpty()) left += "; left out, a value that may be 0: " + String.join(", ", unsure);
        if (!stated) {
            return ClaimLogic.undetermined(c, "no fact states " + c.attribute() + " of " + c.subject() + " for a time within "
                    + p.display() + left);
        }
        long total = 0, runStart = 0, runEnd = Long.MIN_VALUE;
        for (long[] s : spans) {
            if (s[0] > runEnd) {
                if (runEnd != Long.MIN_VALUE) total += runEnd - runStart;
                runStart = s[0];
                runEnd = s[1];
            } else {
                runEnd = Math.max(runEnd, s[1]);
            }
        }
        if (runEnd != Long.MIN_VALUE) total += runEnd - runStart;
        long sum = 0;
        for (long[] s : spans) sum += s[1] - s[0];
        double v = inUnit(total, years);
        Interval conv = Interval.point(v), strict = conv;
        String open = "";
        boolean unknown = unknownTime(t, p.from(), p.to());
        if (unknown) {
            // a time within the period with no figure may add time, on both readings
            conv = Interval.of(v, false, Double.POSITIVE_INFINITY, true);
            strict = conv;
            open = " (at least that: a time within the period has no figure)";
        } else if (!o.complete()) {
            // a period the facts do not hold would only add time
            strict = Interval.of(v, false, Double.POSITIVE_INFINITY, true);
            open = " (strict reading open upwards: the facts may be incomplete)";
        }
        int n = spans.size();
        String what = "duration of " + c.attribute() + " of " + c.subject() + " over " + p.display() + " in " + o.unit()
                + " (" + n + (n == 1 ? " period" : " periods") + (listed.isEmpty() ? "" : ": " + String.join(", ", listed))
                + (sum != total ? "; overlaps counted once" : "") + ") is " + length(total, years) + open;
        return judged(c, conv, strict, false, facts, what, left);
    }

    /**
     * {@code aggregate: gap} ("pandemics occur every 100 years"): the claim's op and value, in {@code unit}, must hold
     * for the time between every two successive events within the period {@code at}. Each reading takes its own
     * values, as whole numbers of events: a statement of exactly one event is an event at its time's start (a
     * statement within the period of another such one is the same event), and when every statement is one, the gaps
     * are measured from start to start. The conventional reading takes the events as stated; on the strict one,
     * unless the claim says {@code complete}, an event the facts do not hold may fall inside any gap (each gap is
     * then (0, its length]) or before the first or after the last (a new gap, which can only unsettle a claim that
     * every gap is at most some length). A statement that may be 0 events, or holds or may hold several (with no
     * time for each), or two events whose periods overlap, leave the gaps unmeasured on that reading: the claim
     * is then contradicted only when a statement of 2 or more is shorter than every length the claim allows,
     * else undetermined.
     */
    private static ClaimVerdict gaps(Ctx x) {
        Claim c = x.c();
        ClaimOptions o = c.options();
        When p = c.at();
        Timeline t = x.timeline(c.subject(), c.attribute());
        if (t == null) return ClaimLogic.undetermined(c, "no fact states " + c.attribute() + " of " + c.subject());
        List<Moment> inside = new ArrayList<>();
        List<String> straddling = new ArrayList<>();
        split(t, p.from(), p.to(), inside::add, straddling);
        // a time within the period with no figure may hold an event inside any gap, on both readings
        boolean unknown = unknownTime(t, p.from(), p.to());
        Gaps conv = Gaps.of(inside, true, c, o, unknown), strict = Gaps.of(inside, false, c, o, unknown);
        String left = leftOut(straddling) + conv.notes() + passedOverNote(unrecordedFor(t, p.from(), p.to()));
        if (conv.verdict() == null) {
            return ClaimLogic.undetermined(c, "a gap needs two events: " + conv.events() + " of " + c.attribute() + " of "
                    + c.subject() + " within " + p.display() + left);
        }
        Verdict vs = strict.verdict() == null ? Verdict.UNDETERMINED : strict.verdict();
        Interval any = Interval.of(0, false, Double.POSITIVE_INFINITY, true);
        Interval fc = conv.range() == null ? any : conv.range();
        Interval fs = strict.range() == null ? any : strict.range();
        String reason = (conv.range() == null ? "gaps between the events of " : "gaps between the " + conv.events() + " events of ")
                + c.attribute() + " of " + c.subject() + " within " + p.display() + " in " + o.unit()
                + (conv.parts().isEmpty() ? "" : " (" + String.join("; ", conv.parts()) + ")")
                + (strict.notes().equals(conv.notes()) ? "" : " (strict reading" + strict.notes() + ")")
                + (unknown ? " (a time within the period has no figure: an event the facts do not hold may shorten any gap)"
                        : o.complete() ? "" : " (strict reading: not said to be complete, an event the facts do not hold may shorten any gap)")
                + "; the claim: every gap " + c.op().symbol() + " " + c.valueWords() + tolerance(o, false) + " is " + conv.verdict().id()
                + (vs != conv.verdict() ? " (strict reading: " + vs.id() + ")" : "") + left;
        List<Fact> facts = new ArrayList<>();
        for (Moment m : inside) facts.addAll(m.getFacts());
        return formVerdict(c, conv.verdict(), vs, fc, fs, show(fc, false), show(fs, false), facts, reason, "gap");
    }

    /**
     * The gaps on one reading: the verdict (null with fewer than two events), the shortest to the longest gap (null
     * when not measured), each gap in words, the number of events, and what the reason must add.
     */
    private record Gaps(Verdict verdict, Interval range, List<String> parts, int events, String notes) {
        static Gaps of(List<Moment> moments, boolean conventional, Claim c, ClaimOptions o, boolean unknown) {
            boolean years = "years".equals(o.unit());
            List<Moment> events = new ArrayList<>();
            List<String> several = new ArrayList<>(), nested = new ArrayList<>(), parts = new ArrayList<>();
            for (Moment m : moments) {
                long[] n = events(conventional ? m.getHull() : m.getStrictHull());
                if (n[1] <= 0) continue; // no event
                if (n[0] != 1 || n[1] != 1) {
                    for (Fact f : m.getFacts()) several.add(f.getRef() + " (" + m.getAt().display() + ": "
                            + (n[0] == n[1] ? n[0] + " events" : n[0] + " to " + (n[1] == Long.MAX_VALUE ? "any number of" : n[1]) + " events") + ")");
                }
                events.add(m);
            }
            // a statement of one event within another's period is that event
            List<Moment> kept = new ArrayList<>();
            for (Moment m : events) {
                Moment outer = null;
                for (Moment e : events) {
                    long[] n = events(conventional ? e.getHull() : e.getStrictHull());
                    if (e != m && n[0] == 1 && n[1] == 1 && within(m, e)) outer = e;
                }
                if (outer == null) kept.add(m);
                else for (Fact f : m.getFacts()) nested.add(f.getRef() + " (" + m.getAt().display() + ", within " + outer.getAt().display() + ")");
            }
            String notes = nested.isEmpty() ? "" : "; the same event as a statement for a longer time: " + String.join(", ", nested);
            for (int i = 0; i < kept.size(); i++) {
                for (int j = i + 1; j < kept.size(); j++) {
                    if (overlap(kept.get(i).getAt(), kept.get(j).getAt())) {
                        several.add(refs(kept.get(i)) + " and " + refs(kept.get(j)) + " (overlapping times: maybe one event)");
                    }
                }
            }
            if (!several.isEmpty()) {
                // no time for each event: only a statement of 2 or more, shorter than any gap the claim allows, settles it
                notes += "; not measured from start to start, as no time is known for each event: " + String.join(", ", several);
                Verdict v = Verdict.UNDETERMINED;
                for (Moment m : kept) {
                    long[] n = events(conventional ? m.getHull() : m.getStrictHull());
                    if (n[0] < 2) continue;
                    double len = m.getAt().isPeriod() ? gapIn(m.getAt().from().startEpochSecond(), m.getAt().to().endEpochSecond(), years) : 0;
                    if (judge(c.op(), c.quantity(), Interval.closed(0, len), conventional, o) == Verdict.CONTRADICTED) {
                        v = Verdict.CONTRADICTED;
                        parts.add("within " + m.getAt().display() + " (" + n[0] + (n[1] > n[0] ? " events or more" : " events")
                                + "): at most " + Interval.number(len) + " " + o.unit());
                    }
                }
                return new Gaps(kept.size() < 2 && v != Verdict.CONTRADICTED ? null : v, null, parts, kept.size(), notes);
            }
            java.util.TreeMap<Long, Moment> starts = new java.util.TreeMap<>();
            for (Moment m : kept) starts.putIfAbsent(m.getAt().start().startEpochSecond(), m);
            if (starts.size() < 2) return new Gaps(null, null, parts, starts.size(), notes);
            // the conventional reading takes the events as stated, unless a time within the period has no figure
            boolean open = unknown || !conventional && !o.complete();
            Verdict v = Verdict.SUPPORTED;
            double lo = Double.POSITIVE_INFINITY, hi = 0;
            Map.Entry<Long, Moment> prev = null;
            for (Map.Entry<Long, Moment> e : starts.entrySet()) {
                if (prev != null) {
                    Interval gap = Interval.point(gapIn(prev.getKey(), e.getKey(), years)).denoised();
                    v = both(v, judge(c.op(), c.quantity(), open ? Interval.of(0, true, gap.max(), false) : gap, conventional, o));
                    Verdict sure = judge(c.op(), c.quantity(), gap, conventional, o);
                    lo = Math.min(lo, gap.min());
                    hi = Math.max(hi, gap.max());
                    parts.add(prev.getValue().getAt().display() + " to " + e.getValue().getAt().display() + ": "
                            + Interval.number(gap.min()) + " " + o.unit() + (sure == Verdict.SUPPORTED ? "" : " (" + sure.id() + ")"));
                }
                prev = e;
            }
            if (open && v == Verdict.SUPPORTED) {
                // an event the facts do not hold, before the first or after the last, would make a gap of its own
                When p = c.at();
                Interval before = Interval.of(0, true, gapIn(p.from().startEpochSecond(), starts.firstKey(), years), false);
                Interval after = Interval.of(0, true, gapIn(starts.lastKey(), p.to().startEpochSecond(), years), false);
                if (judge(c.op(), c.quantity(), before, false, o) != Verdict.SUPPORTED
                        || judge(c.op(), c.quantity(), after, false, o) != Verdict.SUPPORTED) {
                    v = Verdict.UNDETERMINED;
                }
            }
            Interval range = open ? Interval.of(0, true, hi, false) : Interval.closed(lo, hi);
            return new Gaps(v, range, parts, starts.size(), notes);
        }

        /** The whole numbers of events a value allows: {least, most} (most {@code Long.MAX_VALUE} when unbounded). */
        private static long[] events(Interval h) {
            double lo = h.min() == Math.floor(h.min()) && h.minOpen() ? h.min() + 1 : Math.ceil(h.min());
            double hi = Double.isInfinite(h.max()) ? Long.MAX_VALUE
                    : h.max() == Math.floor(h.max()) && h.maxOpen() ? h.max() - 1 : Math.floor(h.max());
            if (lo > hi) { // no whole number: between the two around it
                lo = Math.floor(h.min());
                hi = Math.ceil(h.max());
            }
            return new long[]{(long) Math.max(0, lo), (long) Math.max(0, Math.min(hi, Long.MAX_VALUE))};
        }


        private static boolean overlap(When a, When b) {
            if (!a.isPeriod() && !b.isPeriod()) return false;
            return !a.end().before(b.start()) && !b.end().before(a.start()) && !a.start().sameTime(b.start());
        }
    }

    /** Whether {@code m}'s time lies within the period of {@code outer}, another time: a statement it already holds. */
    private static boolean within(Moment m, Moment outer) {
        When a = m.getAt(), b = outer.getAt();
        if (!b.isPeriod() || a.sameTime(b)) return false;
        // to the second, as the overlap check counts (a day is not within a period from its noon to the next)
        long[] x = span(a), y = span(b);
        return x[0] >= y[0] && x[1] <= y[1];
    }

    /**
     * The time from {@code a} to {@code b} (epoch seconds) in days, or in years: whole calendar years, and the days
     * left over in years of 365.2425 days (1 Jan 1918 to 1 Jan 1950 is 32 years).
     */
    private static double gapIn(long a, long b, boolean years) {
        if (!years) return inUnit(b - a, false);
        java.time.LocalDateTime x = java.time.LocalDateTime.ofEpochSecond(a, 0, java.time.ZoneOffset.UTC);
        java.time.LocalDateTime y = java.time.LocalDateTime.ofEpochSecond(b, 0, java.time.ZoneOffset.UTC);
        long whole = java.time.temporal.ChronoUnit.YEARS.between(x, y);
        return whole + inUnit(java.time.Duration.between(x.plusYears(whole), y).getSeconds(), true);
    }

    /**
     * A claim over a set ("the only state whose ...", "most countries are above 60 per 100,000", "a dozen states"):
     * the claim's op and value are a condition that each member's value at the claim's time meets or not, on each
     * reading; the quantifier says for how many members it must hold. A member with no value is unknown; unless
     * the claim says {@code complete}, more members than the facts name may exist, so "all", "none", "most" and
     * "only" can be contradicted but not supported (and "most" neither), and a count is open upwards. Each member's
     * condition is judged with {@code complete} only when the claim says {@code members_complete}.
     */
    private static ClaimVerdict set(Ctx x, Collection<String> kindSubjects) {
        Claim c = x.c();
        ClaimOptions o = c.options();
        ClaimOptions inner = o.withoutSet();
        Set<String> members = new LinkedHashSet<>(o.among());
        if (o.amongKind() != null && kindSubjects != null) members.addAll(new java.util.TreeSet<>(kindSubjects));
        boolean only = o.quantifier().equals("only");
        if (only) members.remove(c.subject());
        members.removeAll(inner.versus()); // "every state had fewer than California": not California itself
        String setWords = o.amongKind() != null ? "every " + o.amongKind() : String.join(", ", members);
        if (members.isEmpty() && !only) return ClaimLogic.undetermined(c, "the set (" + setWords + ") has no member");
        List<Fact> facts = new ArrayList<>();
        Tally conv = new Tally(), strict = new Tally();
        String subjectWords = "";
        Verdict subjectC = null, subjectS = null;
        if (only) {
            // unknown for the subject, "only" is still contradicted when another member meets it
            ClaimVerdict mine = member(x, inner, c.subject());
            if (mine == null) {
                subjectC = subjectS = Verdict.UNDETERMINED;
                subjectWords = c.subject() + " unknown (" + missing(x, c.subject(), c.attribute(), c.at()) + "); ";
            } else {
                facts.addAll(mine.facts());
                subjectC = mine.verdict();
                subjectS = mine.strictVerdict();
                subjectWords = memberWords(x, inner, c.subject(), mine) + ": " + subjectC.id()
                        + (subjectS != subjectC ? " (strict reading: " + subjectS.id() + ")" : "") + "; ";
            }
        }
        for (String m : members) {
            ClaimVerdict v = member(x, inner, m);
            if (v == null) {
                conv.add(Verdict.UNDETERMINED, m + " unknown");
                strict.add(Verdict.UNDETERMINED, m + " unknown");
                continue;
            }
            facts.addAll(v.facts());
            String w = memberWords(x, inner, m, v);
            conv.add(v.verdict(), w);
            strict.add(v.strictVerdict(), w);
        }
        Verdict vc = conv.verdict(o, true, subjectC), vs = strict.verdict(o, false, subjectS);
        int n = members.size();
        String claimed = switch (o.quantifier()) {
            case "all" -> "all";
            case "most" -> "most (more than half)";
            case "some" -> "some (at least one)";
            case "none" -> "none";
            case "only" -> "only " + c.subject() + ", none of the others";
            default -> "the number of members that meet it " + o.quantifierOp().symbol() + " " + o.quantifierCount().words();
        };
        String reason = condition(c, inner) + ": " + subjectWords + (only ? "of the " + n + " other" + (n == 1 ? "" : "s")
                : "of the " + n + " member" + (n == 1 ? "" : "s")) + " (" + setWords
                + (o.complete() ? ", complete" : "; not said to be complete: more may exist")
                + (o.membersComplete() ? "; members' own facts complete" : "")
                + ") it holds for " + conv.words() + "; the claim " + claimed + " is " + vc.id()
                + (vs != vc ? " (strict reading: it holds for " + strict.words() + "; " + vs.id() + ")" : "");
        Interval fc = conv.held(o.complete()), fs = strict.held(o.complete());
        return formVerdict(c, vc, vs, fc, fs, show(fc, false), show(fs, false), facts, reason, "set");
    }

    /**
     * The claim's condition asked of one member: the claim with that member as its subject and the options without
     * the set, judged by its own form; null when the member has no value at all (a plain value with no fact).
     */
    private static ClaimVerdict member(Ctx x, ClaimOptions inner, String m) {
        Claim c = x.c();
        Claim mc = new Claim(c.storyId(), c.id(), c.text(), m, c.attribute(), c.op(), c.status(), c.quantity(), c.at(),
                c.location(), inner);
        Ctx mx = new Ctx(mc, x.timelines(), x.defs());
        if (inner.form().equals("value")) {
            Value v = valueAt(mx, m, c.attribute(), c.at());
            // a member whose statement says no figure is kept is unknown, and named
            if (v.unrecorded() != null) {
                return new ClaimVerdict(mc, Verdict.UNDETERMINED, Verdict.UNDETERMINED, null, v.facts(),
                        "unknown (" + v.unrecorded() + ")");
            }
            if (v.missing() != null) return null;
            Verdict vc = judge(c.op(), c.quantity(), v.conv().denoised(), true, inner);
            Verdict vs = judge(c.op(), c.quantity(), v.strict().denoised(), false, inner);
            return new ClaimVerdict(mc, vc, vs, null, v.facts(), v.words());
        }
        ClaimVerdict v = byForm(mx, null); // a rank among subjects is refused with a quantifier (ClaimFormFields)
        // in a set, a member whose figure nobody records is unknown, not a member that fails the condition
        return isNoFigure(v) ? new ClaimVerdict(mc, Verdict.UNDETERMINED, Verdict.UNDETERMINED, null, v.facts(), v.reason()) : v;
    }

    /** A member as a set claim's reason lists it: {@code be 80 (stated for 1 May 2020)}, or its own form's reason. */
    private static String memberWords(Ctx x, ClaimOptions inner, String m, ClaimVerdict v) {
        return m + (inner.form().equals("value") ? " " + v.reason() : " (" + v.reason() + ")");
    }

    /** What each member of a set claim must meet: {@code deaths_per_100k >= 60 on 1 May 2020}. */
    private static String condition(Claim c, ClaimOptions inner) {
        if (inner.trend() != null) return c.attribute() + " " + inner.trend() + " over " + c.at().display();
        String when = (c.at().isPeriod() ? " over " : " on ") + c.at().display();
        String total = inner.aggregate() == null ? "" : inner.aggregate() + " of ";
        if (inner.form().equals("versus") && inner.compare() == null) {
            return total + c.attribute() + " " + c.op().symbol() + " that of " + String.join(", ", inner.versus()) + when;
        }
        String form = switch (inner.form()) {
            case "change" -> inner.change() + " change since " + inner.since().display() + " ";
            case "aggregate" -> inner.aggregate() + " ";
            case "versus" -> inner.compare() + " with " + String.join(", ", inner.versus()) + " ";
            case "rank_over" -> "rank " + inner.rankOverWords() + " ";
            default -> "";
        };
        return (form.isEmpty() ? "" : form + "of ") + (inner.form().equals("aggregate") ? "" : total) + c.attribute()
                + " " + c.op().symbol() + (c.quantity() == null ? "" : " " + c.valueWords())
                + tolerance(inner, false) + when;
    }

    /** The members of a set claim that meet its condition, that do not, and whose value is unknown, on one reading. */
    private static final class Tally {
        final List<String> holds = new ArrayList<>(), fails = new ArrayList<>(), unknown = new ArrayList<>();

        void add(Verdict v, String words) {
            (v == Verdict.SUPPORTED ? holds : v == Verdict.CONTRADICTED ? fails : unknown).add(words);
        }

        /** How many members meet the condition: [holds, holds + unknown], open upwards when more may exist. */
        Interval held(boolean complete) {
            int s = holds.size();
            return complete ? Interval.closed(s, s + unknown.size()) : Interval.of(s, false, Double.POSITIVE_INFINITY, true);
        }

        /** The claim's verdict on this reading; {@code subject}: with {@code only}, the subject's own verdict. */
        Verdict verdict(ClaimOptions o, boolean conventional, Verdict subject) {
            int s = holds.size(), k = fails.size(), u = unknown.size(), n = s + k + u;
            boolean all = o.complete() && u == 0; // every member is known
            return switch (o.quantifier()) {
                case "all" -> k > 0 ? Verdict.CONTRADICTED : all ? Verdict.SUPPORTED : Verdict.UNDETERMINED;
                case "none" -> s > 0 ? Verdict.CONTRADICTED : all ? Verdict.SUPPORTED : Verdict.UNDETERMINED;
                case "some" -> s > 0 ? Verdict.SUPPORTED : all ? Verdict.CONTRADICTED : Verdict.UNDETERMINED;
                case "most" -> !o.complete() ? Verdict.UNDETERMINED
                        : 2 * s > n ? Verdict.SUPPORTED : 2 * (s + u) <= n ? Verdict.CONTRADICTED : Verdict.UNDETERMINED;
                case "only" -> subject == Verdict.CONTRADICTED || s > 0 ? Verdict.CONTRADICTED
                        : subject == Verdict.SUPPORTED && all ? Verdict.SUPPORTED : Verdict.UNDETERMINED;
                default -> ClaimLogic.evaluate(o.quantifierOp(), o.quantifierCount(), held(o.complete()), conventional);
            };
        }

        /** {@code 2 (a 6.0 % (stated for ...), b ...), not for 1 (c ...), unknown for 1 (d unknown)}. */
        String words() {
            StringBuilder b = new StringBuilder(list(holds)).append(", not for ").append(list(fails));
            if (!unknown.isEmpty()) b.append(", unknown for ").append(list(unknown));
            return b.toString();
        }

        private static String list(List<String> l) {
            return l.size() + (l.isEmpty() ? "" : " (" + String.join(", ", l) + ")");
        }
    }

    private static boolean above0(Interval i) {
        return i.min() > 0 || i.min() == 0 && i.minOpen();
    }

    private static double inUnit(long seconds, boolean years) {
        double days = seconds / 86_400.0;
        return years ? days / DAYS_PER_YEAR : days;
    }

    private static String length(long seconds, boolean years) {
        double v = inUnit(seconds, years);
        return Interval.number(v) + (years ? (v == 1 ? " year" : " years") : (v == 1 ? " day" : " days"));
    }

    private static Interval combine(String agg, Interval a, Interval b) {
        return switch (agg) {
            case "min" -> lesser(a, b);
            case "max" -> lesser(a.negate(), b.negate()).negate();
            default -> a.plus(b); // sum, mean (divided later), count (replaced)
        };
    }

    /** The interval of min(x, y) for x in a, y in b. */
    private static Interval lesser(Interval a, Interval b) {
        boolean loA = a.min() < b.min() || a.min() == b.min() && !a.minOpen();
        boolean hiA = a.max() < b.max() || a.max() == b.max() && !a.maxOpen();
        return Interval.of(loA ? a.min() : b.min(), loA ? a.minOpen() : b.minOpen(),
                hiA ? a.max() : b.max(), hiA ? a.maxOpen() : b.maxOpen());
    }

    private static ClaimVerdict versus(Ctx x) {
        Claim c = x.c();
        ClaimOptions o = c.options();
        // a comparison of totals ("more cases than Ohio this year") compares each side's total over the period
        Function<String, Value> side = who -> o.aggregate() != null ? total(x, who, c.at()).value()
                : valueAt(x, who, c.attribute(), c.at());
        Function<String, String> sideWords = who -> (o.aggregate() != null ? o.aggregate() + " of " : "") + c.attribute()
                + " of " + who + (c.at().isPeriod() ? " over " : " on ") + c.at().display();
        Value mine = side.apply(c.subject());
        if (mine.unrecorded() != null) return noFigure(c, sideWords.apply(c.subject()), mine);
        for (String other : o.versus()) {
            Value theirs = side.apply(other);
            if (theirs.unrecorded() != null) return noFigure(c, sideWords.apply(other), theirs);
        }
        if (mine.missing() != null) return ClaimLogic.undetermined(c, mine.missing());
        Verdict conv = Verdict.SUPPORTED, strict = Verdict.SUPPORTED;
        List<Fact> facts = new ArrayList<>(mine.facts());
        List<String> reasons = new ArrayList<>();
        Figure figure = null;
        for (String other : o.versus()) {
            Value theirs = side.apply(other);
            if (theirs.missing() != null) return ClaimLogic.undetermined(c, theirs.missing());
            facts.addAll(theirs.facts());
            Interval dc, ds;
            Verdict vc, vs;
            String how;
            if (o.compare() == null) {
                // x op y  <=>  x − y op 0
                dc = mine.conv().minus(theirs.conv()).denoised();
                ds = mine.strict().minus(theirs.strict()).denoised();
                vc = ClaimLogic.evaluate(c.op(), Quantity.exactly(BigDecimal.ZERO), dc, true);
                vs = ClaimLogic.evaluate(c.op(), Quantity.exactly(BigDecimal.ZERO), ds, false);
                how = c.subject() + " " + mine.words() + " " + c.op().symbol() + " " + other + " " + theirs.words();
            } else {
                try {
                    boolean ratio = o.compare().equals("ratio");
                    // judged and printed on the decimal result, as every claim
                    dc = (ratio ? mine.conv().divide(theirs.conv()) : mine.conv().minus(theirs.conv())).denoised();
                    ds = (ratio ? mine.strict().divide(theirs.strict()) : mine.strict().minus(theirs.strict())).denoised();
                } catch (ArithmeticException e) {
                    return ClaimLogic.undetermined(c, c.attribute() + " of " + other + " is 0 (" + theirs.words() + ")");
                }
                vc = judge(c.op(), c.quantity(), dc, true, o);
                vs = judge(c.op(), c.quantity(), ds, false, o);
                boolean pct = mine.percent() && o.compare().equals("difference");
                how = o.compare() + " of " + c.subject() + " " + mine.words() + " and " + other + " " + theirs.words()
                        + " is " + show(dc, pct) + "; the claim " + c.op().symbol() + " " + valueText(c.quantity(), pct, dc);
            }
            reasons.add(how + " is " + vc.id() + (vs != vc ? " (strict reading " + show(ds, false) + ": " + vs.id() + ")" : ""));
            conv = both(conv, vc);
            strict = both(strict, vs);
            if (figure == null) figure = new Figure(c.subject(), c.attribute(), c.at(), dc, ds, List.copyOf(facts), true,
                    show(dc, false), show(ds, false), false, "versus");
        }
        return new ClaimVerdict(c, conv, strict, figure, List.copyOf(new LinkedHashSet<>(facts)),
                c.attribute() + " on " + c.at().display() + ": " + String.join("; ", reasons));
    }

    private static ClaimVerdict rank(Ctx x, Collection<String> kindSubjects) {
        Claim c = x.c();
        ClaimOptions o = c.options();
        Set<String> among = new LinkedHashSet<>(o.rankAmong());
        if (o.rankKind() != null && kindSubjects != null) among.addAll(new java.util.TreeSet<>(kindSubjects));
        among.remove(c.subject());
        Value mine = valueAt(x, c.subject(), c.attribute(), c.at());
        if (mine.unrecorded() != null) {
            return passedOver(c, "rank of " + c.subject() + " by " + c.attribute() + " on " + c.at().display(), mine);
        }
        if (mine.missing() != null) return ClaimLogic.undetermined(c, mine.missing());
        boolean desc = !"asc".equals(o.order());
        int[] conv = {1, 1}, strict = {1, 1}; // ranks: fewest and most others ahead
        List<Fact> facts = new ArrayList<>(mine.facts());
        List<String> shown = new ArrayList<>();
        for (String other : among) {
            Value theirs = valueAt(x, other, c.attribute(), c.at());
            if (theirs.missing() != null) {
                shown.add(other + " unknown" + (theirs.unrecorded() == null ? "" : " (" + theirs.unrecorded() + ")"));
                facts.addAll(theirs.facts());
                conv[1]++;
                strict[1]++;
                continue;
            }
            facts.addAll(theirs.facts());
            shown.add(other + " " + theirs.words());
            ahead(desc ? theirs.conv() : mine.conv(), desc ? mine.conv() : theirs.conv(), conv);
            ahead(desc ? theirs.strict() : mine.strict(), desc ? mine.strict() : theirs.strict(), strict);
        }
        Ranked r = Ranked.of(c, conv, strict, among.size() + 1);
        Interval rc = r.conv(), rs = r.strict();
        Verdict vc = r.vc(), vs = r.vs();
        String reason = "rank of " + c.subject() + " by " + c.attribute() + " (" + (desc ? "1 = highest" : "1 = lowest")
                + ") on " + c.at().display() + " among " + among.size() + " other" + (among.size() == 1 ? "" : "s")
                + (o.complete() ? "" : " (not said to be complete: more may rank ahead)")
                + " is " + rank(rc) + ": " + c.subject() + " " + mine.words() + (shown.isEmpty() ? "" : ", " + String.join(", ", shown))
                + "; the claim " + r.claimed(c) + " is " + vc.id()
                + (vs != vc ? " (strict reading " + rank(rs) + ": " + vs.id() + ")" : "");
        return r.verdict(c, facts, reason, "rank");
    }

    /**
     * A rank's intervals on both readings (exact when the claim says the list is complete, else open downwards: more
     * may rank ahead) and the claim's verdict on each.
     */
    private record Ranked(Interval conv, Interval strict, Verdict vc, Verdict vs, int n) {
        /** {@code n}: the members ranked (or times), the subject's own included, as the facts show them. */
        static Ranked of(Claim c, int[] conv, int[] strict, int n) {
            ClaimOptions o = c.options();
            double inf = Double.POSITIVE_INFINITY;
            Interval rc = o.complete() ? Interval.closed(conv[0], conv[1]) : Interval.of(conv[0], false, inf, true);
            Interval rs = o.complete() ? Interval.closed(strict[0], strict[1]) : Interval.of(strict[0], false, inf, true);
            if (o.oneOf()) return new Ranked(rc, rs, oneOf(rc, n, o.complete()), oneOf(rs, n, o.complete()), n);
            return new Ranked(rc, rs, judge(c.op(), c.quantity(), rc, true, o), judge(c.op(), c.quantity(), rs, false, o), n);
        }

        /**
         * "One of the highest" of {@code n} (docs/claims.md, the convention): supported when every possible rank is
         * within the top {@link #top}, contradicted when every one is in the lower half (rank above ceil(n / 2)),
         * else undetermined. Without {@code complete} more members may exist, on either side: ahead, they push the
         * rank out of the top; behind, they lift a middling rank into it. So neither can be told: undetermined.
         */
        static Verdict oneOf(Interval rank, int n, boolean complete) {
            if (!complete) return Verdict.UNDETERMINED;
            if (rank.max() <= top(n)) return Verdict.SUPPORTED;
            if (rank.min() > Math.ceil(n / 2.0)) return Verdict.CONTRADICTED;
            return Verdict.UNDETERMINED;
        }

        /** The ranks that count as "one of the N-est" of {@code n}: the top 3, the top tenth of a large set, never more than half. */
        static int top(int n) {
            return Math.min(Math.max(3, (int) Math.ceil(n / 10.0)), Math.max(1, n / 2));
        }

        /** What the claim says, for the reason: "<= 2", or "one of the highest (the top 3 of 27; the lower half: 15 or lower)". */
        String claimed(Claim c) {
            if (!c.options().oneOf()) return c.op().symbol() + " " + c.valueWords();
            int half = (int) Math.ceil(n / 2.0);
            return "one of the " + ("asc".equals(c.options().order()) ? "lowest" : "highest") + " (the top " + top(n)
                    + " of " + n + (half < n ? "; the lower half: " + (half + 1) + " or lower" : "") + ")";
        }

        /** The verdict, with the rank as a figure of {@code kind} drawn from {@code facts}. */
        ClaimVerdict verdict(Claim c, List<Fact> facts, String reason, String kind) {
            return formVerdict(c, vc, vs, conv, strict, rank(conv), rank(strict), facts, reason, kind);
        }
    }

    /**
     * A form's verdict on both readings with its own figure of {@code kind} (a rank, a trend's steps): the intervals
     * {@code fc} / {@code fs} in words {@code words} / {@code strictWords}, drawn from {@code facts}.
     */
    private static ClaimVerdict formVerdict(Claim c, Verdict vc, Verdict vs, Interval fc, Interval fs, String words,
                                            String strictWords, List<Fact> facts, String reason, String kind) {
        Figure f = new Figure(c.subject(), c.attribute(), c.at(), fc, fs, List.copyOf(facts), true, words, strictWords,
                false, kind);
        return new ClaimVerdict(c, vc, vs, f, List.copyOf(new LinkedHashSet<>(facts)), reason);
    }

    /**
     * A rank over time ("a six-year high", "the lowest since 2014"): the subject's value at the claim's time ranked
     * among its own values at the other times lying wholly inside the period {@code rank_over} (a period with no
     * start, a record: at or before its end; the times the attribute, or a derived figure's inputs, are stated
     * for), on each reading. As for a rank among subjects, the
     * rank is an interval, and without {@code complete} it is open downwards (a time with no fact may rank ahead),
     * so rank 1 can be contradicted but never supported.
     */
    private static ClaimVerdict rankOver(Ctx x) {
        Claim c = x.c();
        ClaimOptions o = c.options();
        When from = o.rankOverFrom(), to = o.rankOverTo(); // no start: every time up to the end (a record)
        Value mine = valueAt(x, c.subject(), c.attribute(), c.at());
        if (mine.unrecorded() != null) {
            return passedOver(c, "rank of " + c.attribute() + " of " + c.subject() + " on " + c.at().display(), mine);
        }
        if (mine.missing() != null) return ClaimLogic.undetermined(c, mine.missing());
        boolean desc = !"asc".equals(o.order());
        int[] conv = {1, 1}, strict = {1, 1};
        List<Fact> facts = new ArrayList<>(mine.facts());
        List<String> shown = new ArrayList<>();
        Set<List<Fact>> seen = new java.util.HashSet<>();
        seen.add(mine.facts());
        for (Value theirs : valuesInside(x, from, to, seen, null)) {
            facts.addAll(theirs.facts());
            shown.add(theirs.words());
            ahead(desc ? theirs.conv() : mine.conv(), desc ? mine.conv() : theirs.conv(), conv);
            ahead(desc ? theirs.strict() : mine.strict(), desc ? mine.strict() : theirs.strict(), strict);
        }
        int n = shown.size();
        Ranked r = Ranked.of(c, conv, strict, n + 1);
        Interval rc = r.conv(), rs = r.strict();
        Verdict vc = r.vc(), vs = r.vs();
        String word = desc ? "higher" : "lower";
        String reason = "rank of " + c.attribute() + " of " + c.subject() + " on " + c.at().display() + " ("
                + (desc ? "1 = highest" : "1 = lowest") + ") among its " + n + " other value" + (n == 1 ? "" : "s")
                + " " + o.rankOverWords() + (o.complete() ? "" : " (not said to be complete: a time with no fact may rank ahead)")
                + " is " + rank(rc) + " (" + (conv[0] - 1) + " " + word + (conv[1] > conv[0] ? ", " + (conv[1] - conv[0])
                + " possibly " + word : "") + "): " + mine.words() + (shown.isEmpty() ? "" : " against " + String.join(", ", shown))
                + "; the claim " + r.claimed(c) + " is " + vc.id()
                + (vs != vc ? " (strict reading " + rank(rs) + ": " + vs.id() + ")" : "")
                + passedOverNote(x, c.subject(), from, to);
        boolean unknownTime = !passedOverNote(x, c.subject(), from, to).isEmpty();
        if (o.oneOf()) return unsureOfN(r.verdict(c, facts, reason, "rank_over"), unknownTime);
        return unsure(r.verdict(c, facts, reason, "rank_over"), unknownTime);
    }

    /**
     * A timeline's moments with a value against the period {@code from}..{@code to} ({@code from} null: no start): each
     * lying wholly inside goes to {@code inside}, in time order; each reaching into it across an end goes to
     * {@code straddling} as "ref (stated for ...)" when that is not null. One test for totals, durations, ranks over
     * time and trends.
     */
    private static void split(Timeline t, When from, When to, java.util.function.Consumer<Moment> inside,
                              Collection<String> straddling) {
        for (Moment m : t.getMoments()) {
            if (m.getHull() == null && !m.isUnrecorded()) continue;
            When at = m.getAt();
            if (inside(at, from, to)) {
                // a statement that no figure is kept inside the period has no value: unrecordedFor names it
                if (m.getHull() != null) inside.accept(m);
            } else if (straddling != null && isStraddling(at, from, to) && (m.getHull() != null || !holds(at, from, to))) {
                for (Fact f : m.getFacts()) straddling.add(f.getRef() + " (stated for " + at.display() + ")");
            }
        }
    }

    /** True when {@code at} reaches into {@code from}..{@code to} ({@code from} null: no start) without lying wholly inside it. */
    private static boolean isStraddling(When at, When from, When to) {
        return !inside(at, from, to) && (from == null || !at.end().before(from)) && !at.start().after(to);
    }

    /** True when {@code at} lies wholly inside {@code from}..{@code to} ({@code from} null: no start). */
    private static boolean inside(When at, When from, When to) {
        return (from == null || !at.start().before(from)) && at.end().atOrBefore(to);
    }

    /** True when the period {@code at} holds all of {@code from}..{@code to} (which has a start). */
    private static boolean holds(When at, When from, When to) {
        return at.isPeriod() && from != null && !at.start().after(from) && !at.end().before(to);
    }

    /**
     * True when a time within {@code from}..{@code to} has only a statement that no figure is kept: one inside the
     * period or holding it ({@link #unrecordedFor}), or one straddling an end (its part inside has no figure either;
     * {@link #split} names it as left out).
     */
    private static boolean unknownTime(Timeline t, When from, When to) {
        if (!unrecordedFor(t, from, to).isEmpty()) return true;
        if (t == null || !t.isUnrecorded()) return false;
        for (Moment m : t.getMoments()) {
            if (m.isUnrecorded() && isStraddling(m.getAt(), from, to)) return true;
        }
        return false;
    }

    /** {@link #unknownTime(Timeline, When, When)} for the attributes a stated or derived attribute of the claim reads. */
    private static boolean unknownTime(Ctx x, String subject, When from, When to) {
        FigureDefinition def = x.defs().get(x.c().attribute());
        for (String a : def == null ? List.of(x.c().attribute()) : def.inputs()) {
            if (unknownTime(x.timeline(subject, a), from, to)) return true;
        }
        return false;
    }

    /** The reason's note on the statements {@link #split} left out, or nothing. */
    private static String leftOut(Collection<String> straddling) {
        return straddling.isEmpty() ? "" : "; left out, not wholly inside the period: " + String.join(", ", straddling);
    }

    /**
     * The subject's values at the times lying wholly inside {@code from}..{@code to} ({@code from} null: every time
     * up to {@code to}), in time order, each once (a value whose facts {@code seen} holds is skipped, and each kept
     * one is added to it): for a stated attribute its own statement inside the period (several sources at one time
     * joined into their hull; never a statement straddling an end, which a level's timeline would choose for a time
     * it contains), for a derived figure its value at each time its inputs are stated for inside the period.
     * Statements straddling an end go to {@code straddling} as "ref (stated for ...)" when it is not null. Ranks over
     * time and trends select their values here.
     */
    private static List<Value> valuesInside(Ctx x, When from, When to, Set<List<Fact>> seen, Collection<String> straddling) {
        Claim c = x.c();
        FigureDefinition def = x.defs().get(c.attribute());
        List<String> attributes = def == null ? List.of(c.attribute()) : def.inputs();
        // the times inside, in time order; for a stated attribute, its moment at each (the last to end there)
        java.util.TreeMap<When, Moment> inside = new java.util.TreeMap<>(When::compareTime);
        for (String a : attributes) {
            Timeline t = x.timeline(c.subject(), a);
            if (t != null) split(t, from, to, m -> inside.put(m.getAt().end(), m), straddling);
        }
        List<Value> values = new ArrayList<>();
        for (Map.Entry<When, Moment> e : inside.entrySet()) {
            Value v = def == null ? stated(e.getValue()) : valueAt(x, c.subject(), c.attribute(), e.getKey());
            if (v.missing() == null && seen.add(v.facts())) values.add(v);
        }
        return values;
    }

    /**
     * A trend ("rising every year since 2010"): the subject's values at the times lying wholly inside the claim's
     * period (the times the attribute, or a derived figure's inputs, are stated for; several sources at one time join
     * into their hull), in time order, move the claimed way from each time to the next. On each reading a pair of
     * consecutive values surely moves the claimed way, surely does not, or may do either; the claim is contradicted
     * when some pair surely does not (for rising and falling, a pair surely equal does not), supported when every
     * pair surely does and the claim says {@code complete} (without it a time with no fact may break the trend, so
     * it is never supported), else undetermined. Statements straddling an end of the period are left out and named.
     */
    private static ClaimVerdict trend(Ctx x) {
        Claim c = x.c();
        ClaimOptions o = c.options();
        When p = c.at();
        String dir = o.trend();
        Set<String> straddling = new LinkedHashSet<>();
        List<Value> values = valuesInside(x, p.from(), p.to(), new java.util.HashSet<>(), straddling);
        String left = leftOut(straddling) + passedOverNote(x, c.subject(), p.from(), p.to());
        String what = c.attribute() + " of " + c.subject() + " over " + p.display();
        int scale = trendScale(values);
        if (values.size() < 2) {
            return ClaimLogic.undetermined(c, (values.isEmpty() ? "no value of " + what + " is stated for a time wholly within it"
                    : "only one value of " + what + " is stated for a time wholly within it ("
                    + Trend.words(values.get(0), true, scale) + ")")
                    + ": a trend needs two" + left);
        }
        List<Fact> facts = new ArrayList<>();
        for (Value v : values) facts.addAll(v.facts());
        Trend conv = Trend.of(dir, values, true, o.complete(), scale);
        Trend strict = Trend.of(dir, values, false, o.complete(), scale);
        int n = values.size();
        String reason = "trend of " + what + " (" + n + " times" + (o.complete() ? ""
                : ", not said to be complete: a time with no fact may break the trend") + "): " + conv.words()
                + "; the claim " + dir + " is " + conv.verdict().id()
                + (strict.verdict() != conv.verdict() ? " (strict reading: " + strict.words() + ": " + strict.verdict().id() + ")" : "")
                + left;
        // the figure: how many of the n − 1 steps surely move the claimed way, and how many may
        Interval fc = Interval.closed(conv.sure(), conv.sure() + conv.open());
        Interval fs = Interval.closed(strict.sure(), strict.sure() + strict.open());
        return unsure(formVerdict(c, conv.verdict(), strict.verdict(), fc, fs, steps(conv, n), steps(strict, n), facts, reason,
                "trend"), unknownTime(x, c.subject(), p.from(), p.to()));
    }

    /**
     * The decimals shares of a trend print with: enough to print each stated percentage as written (5.25 %, not
     * 5.3 %; a derived share has no written decimals) and to tell every two different values apart, up to
     * {@link Interval#MAX_PERCENT_SCALE}; -1 when the values are not shares.
     */
    private static int trendScale(List<Value> values) {
        List<Interval> ends = new ArrayList<>();
        int s = 1;
        for (Value v : values) {
            if (!v.percent()) return -1;
            ends.add(v.conv());
            ends.add(v.strict());
            for (Fact f : v.facts()) {
                Quantity q = f.getQuantity();
                if (q == null || !q.isPercent()) continue;
                for (BigDecimal n : q.statedNumbers()) {
                    s = Math.max(s, Math.min(Interval.MAX_PERCENT_SCALE, n.movePointRight(2).stripTrailingZeros().scale()));
                }
            }
        }
        return Math.max(s, Percentages.scale(Double.NaN, ends.toArray(new Interval[0])));
    }

    private static String steps(Trend t, int n) {
        return t.sure() + (t.open() > 0 ? " to " + (t.sure() + t.open()) : "") + " of " + (n - 1) + (n == 2 ? " step " : " steps ")
                + t.dir();
    }

    /**
     * A trend on one reading: the steps (consecutive pairs) that surely move the claimed way ({@code sure}), that
     * may ({@code open}), the words for the pairs that decide the verdict, and the verdict.
     */
    private record Trend(String dir, int sure, int open, String words, Verdict verdict) {
        static Trend of(String dir, List<Value> values, boolean conventional, boolean complete, int scale) {
            boolean up = dir.equals("rising") || dir.equals("non-decreasing");
            boolean strictly = dir.equals("rising") || dir.equals("falling");
            List<String> against = new ArrayList<>(), unsure = new ArrayList<>(), all = new ArrayList<>();
            int sure = 0, open = 0;
            for (int i = 1; i < values.size(); i++) {
                Value va = values.get(i - 1), vb = values.get(i);
                // read a falling claim as a rising one of the negated values
                Interval a = conventional ? va.conv() : va.strict(), b = conventional ? vb.conv() : vb.strict();
                if (!up) {
                    a = a.negate();
                    b = b.negate();
                }
                if (i == 1) all.add(words(va, conventional, scale));
                all.add(words(vb, conventional, scale));
                String pair = "from " + all.get(i - 1) + " to " + all.get(i);
                // rising: surely when b lies wholly above a, surely not when b's top is at or below a's bottom;
                // non-decreasing: surely when b's bottom is at or above a's top, surely not when b lies wholly below a
                boolean holds = strictly ? b.whollyAbove(a) : b.min() >= a.max();
                boolean fails = strictly ? b.max() <= a.min() : b.whollyBelow(a);
                if (holds) {
                    sure++;
                } else if (fails) {
                    boolean reverse = b.whollyBelow(a);
                    against.add((reverse ? (up ? "fell " : "rose ") : up ? "did not rise " : "did not fall ") + pair);
                } else {
                    open++;
                    unsure.add((strictly ? (up ? "may not have risen " : "may not have fallen ")
                            : up ? "may have fallen " : "may have risen ") + pair);
                }
            }
            String moved = strictly ? (up ? "rose" : "fell") : up ? "never fell" : "never rose";
            if (!against.isEmpty()) return new Trend(dir, sure, open, String.join("; ", against), Verdict.CONTRADICTED);
            if (!unsure.isEmpty()) return new Trend(dir, sure, open, String.join("; ", unsure), Verdict.UNDETERMINED);
            String steps = sure == 1 ? " step: " : " steps: ";
            String words = (strictly ? moved + " at each of its " + sure + steps : moved + " over its " + sure + steps)
                    + String.join(", ", all);
            return new Trend(dir, sure, open, words, complete ? Verdict.SUPPORTED : Verdict.UNDETERMINED);
        }

        /** A value with its time, on one reading; shares at {@code scale} decimals ({@link #trendScale}). */
        private static String words(Value v, boolean conventional, int scale) {
            Interval i = conventional ? v.conv() : v.strict();
            return scale < 0 ? (conventional ? v.words() : reprinted(v, i, -1)) : reprinted(v, i, scale);
        }
    }

    /**
     * A value's words with its number printed again: {@code i} (its conventional interval or its strict one) in place
     * of the conventional interval the words start with, as a share at {@code scale} decimals ({@code -1}: as a
     * plain number); the words unchanged when they do not start with it.
     */
    private static String reprinted(Value v, Interval i, int scale) {
        String plain = show(v.conv(), v.percent());
        if (!v.words().startsWith(plain)) return v.words();
        return (scale < 0 ? show(i, false) : i.formatPercent(scale)) + v.words().substring(plain.length());
    }

    /** Counts {@code other} ahead of {@code mine} (ahead = larger): surely (both ends) or possibly (the upper end). */
    private static void ahead(Interval other, Interval mine, int[] rank) {
        if (other.whollyAbove(mine)) {
            rank[0]++;
            rank[1]++;
        } else if (other.overlaps(mine)) {
            rank[1]++;
        }
    }

    private static String rank(Interval r) {
        if (r.isPoint()) return Interval.number(r.min());
        if (Double.isInfinite(r.max())) return Interval.number(r.min()) + " or lower";
        return Interval.number(r.min()) + " to " + Interval.number(r.max());
    }

    // ---------------------------------------------------------------- values at a time

    /** The value of a stated attribute or a derived figure of {@code subject} for time {@code t}. */
    static Value valueAt(Ctx x, String subject, String attribute, When t) {
        FigureDefinition def = x.defs().get(attribute);
        if (def == null) {
            Moment m = momentFor(x, subject, attribute, t);
            if (m == null || m.getHull() == null && !m.isUnrecorded()) return Value.none(missing(x, subject, attribute, t));
            String old = tooOld(x.c(), m, t);
            if (old != null) return Value.none(old);
            if (m.isUnrecorded()) return Value.unrecorded(noFigureWords(m), m.getFacts());
            return stated(m);
        }
        Map<String, Moment> used = new HashMap<>();
        String[] why = {null};
        Moment[] none = {null};
        Function<String, Moment> momentOf = a -> {
            Moment m = momentFor(x, subject, a, t);
            if (m == null) {
                if (why[0] == null) why[0] = missing(x, subject, a, t);
                return null;
            }
            String old = tooOld(x.c(), m, t);
            if (old != null) {
                if (why[0] == null) why[0] = old;
                return null;
            }
            if (m.isUnrecorded()) {
                // an input nobody records: the figure has no source
                if (none[0] == null) none[0] = m;
                return null;
            }
            used.put(a, m);
            return m;
        };
        Figure f = FigureKinds.of(def.kind()).compute(def, t, momentOf);
        if (f == null && none[0] != null) {
            return Value.unrecorded(noFigureWords(none[0]) + ", an input of " + attribute, none[0].getFacts());
        }
        if (f == null) {
            return Value.none(why[0] != null ? why[0] : attribute + " of " + subject + " cannot be computed for "
                    + t.display() + " from its inputs");
        }
        List<String> inputs = new ArrayList<>();
        for (String a : def.inputs()) {
            Moment m = used.get(a);
            if (m != null) inputs.add(a + " " + stated(m, m.getHull()));
        }
        // the decimal result, before a change or a comparison subtracts or divides it (0.15 + 0.15 against 0.1 + 0.2)
        Interval conv = f.conventional().denoised(), strict = f.strict().denoised();
        return new Value(conv, strict, f.from(), show(conv, f.percent()) + " (" + String.join(", ", inputs) + ")", null,
                f.percent());
    }

    /** The value of a stated attribute at one moment: its hull on each reading, with the time it was stated for. */
    private static Value stated(Moment m) {
        boolean pct = Percentages.writtenAsPercent(m.getFacts());
        return new Value(m.getHull(), m.getStrictHull(), m.getFigureFacts(),
                show(m.getHull(), pct) + " (stated for " + m.getAt().display() + ")", null, pct);
    }

    /** {@code 132,310 (stated for 1 Mar 2003)}; a share written as a percentage as one ({@code 10.0 %}). */
    private static String stated(Moment m, Interval hull) {
        return show(hull, Percentages.writtenAsPercent(m.getFacts())) + " (stated for " + m.getAt().display() + ")";
    }

    private static String missing(Ctx x, String subject, String attribute, When t) {
        Timeline tl = x.timeline(subject, attribute);
        String w = x.c().options().window();
        if (tl == null) return "no fact states " + attribute + " of " + subject;
        return "no fact states " + attribute + " of " + subject + (t.isPeriod() ? " within or before " : " at or before ")
                + t.display() + (w == null ? "" : " or within " + w + " after it")
                + " (the first is stated for " + tl.getMoments().get(0).getAt().display() + ")";
    }

    /**
     * The moment a claim uses for time {@code t} ({@link Timeline#statedFor}, the one choice): for a point, the
     * latest that counts at or before {@code t} (a period: its end, so a cumulative total for 12–14 March counts
     * on the 14th) or within the claim's window after it, and of a level (a measure not cumulative) also one
     * whose period contains {@code t}, the latest start winning when a period contains it; for a period, the latest stated within it, else
     * the latest before its end. A moment with no value and no status is passed over, unless it says that no
     * figure is kept ({@link Moment#isUnrecorded()}): that is a statement like any other, which the claim then needs.
     */
    static Moment momentFor(Ctx x, String subject, String attribute, When t) {
        Timeline tl = x.timeline(subject, attribute);
        if (tl == null) return null;
        return tl.statedFor(t, latestCounted(x.c(), t),
                m -> m.getHull() != null || !m.getStatuses().isEmpty() || m.isUnrecorded());
    }

    /**
     * The claim's max_age: a reason when the moment is older than that before {@code t}, else null. Of a period
     * ("in 2019"), a statement reaching into it is never too old, and one before it is counted back from its end: a
     * figure for 2018 is a year older than the end of 2019 it must speak for, not a day older than its start.
     */
    private static String tooOld(Claim c, Moment m, When t) {
        String age = c.options().maxAge();
        if (age == null) return null;
        if (t.isPeriod() && !m.getAt().end().before(t.start())) return null;
        When oldest = shift(t.end(), age, -1);
        if (!m.getAt().end().before(oldest)) return null;
        return "the latest " + m.getAttribute() + " of " + m.getSubject() + " is stated for " + m.getAt().display()
                + ", more than " + age + " before " + (t.isPeriod() ? "the end of " : "") + t.display() + " (max_age)";
    }

    /**
     * True when the claim's {@code window} lets {@code f} in as evidence: a fact of the claim's attribute and one of
     * its subjects, stated after the claim's time and no later than the window after it (as {@link #momentFor}
     * counts). {@code date.after_publication} leaves such a fact alone: the claim says a later statement counts.
     */
    public static boolean windowLetsIn(Claim c, Fact f) {
        String w = c.options().window();
        if (w == null || c.at() == null || !f.getAttribute().equals(c.attribute()) || !c.subjects().contains(f.getSubject())) {
            return false;
        }
        return f.getAt().after(c.at().end()) && f.getAt().atOrBefore(latestCounted(c, c.at()));
    }

    /** The latest time a statement counts for time {@code t} of claim {@code c}: its end, or its window after it. */
    private static When latestCounted(Claim c, When t) {
        String w = c.options().window();
        return w == null ? t.end() : shift(t.end(), w, 1);
    }

    /** A point moved by an ISO-8601 duration, forward ({@code sign} 1) or back (-1). */
    static When shift(When w, String iso, int sign) {
        When p = sign > 0 ? w.end() : w.start();
        if (iso.contains("T")) {
            Duration d = Duration.parse(iso);
            if (sign < 0) d = d.negated();
            if (p.isInstant()) return When.instant(instantOf(p).plus(d));
            long days = d.toDays();
            return When.day(p.startDay().plusDays(days == 0 ? (sign > 0 ? 0 : 0) : days));
        }
        Period per = Period.parse(iso);
        if (sign < 0) per = per.negated();
        if (p.isInstant()) return When.instant(instantOf(p).plus(per));
        return When.day(p.startDay().plus(per));
    }

    private static java.time.OffsetDateTime instantOf(When w) {
        // When keeps its instant private; its ISO text is the instant as written
        return java.time.OffsetDateTime.parse(w.iso());
    }

    // ---------------------------------------------------------------- judging

    /** The verdict of {@code x op value} on both readings, with the reason. */
    private static ClaimVerdict judged(Claim c, Interval conv0, Interval strict0, boolean percent, List<Fact> facts,
                                       String what, String suffix) {
        return judged(c, conv0, strict0, percent, facts, what, suffix, -1);
    }

    /** As above, a claimed share printed with {@code scale} decimals when one is given (not -1): as its reason's values. */
    private static ClaimVerdict judged(Claim c, Interval conv0, Interval strict0, boolean percent, List<Fact> facts,
                                       String what, String suffix, int scale) {
        Interval conv = conv0.denoised(), strict = strict0.denoised(); // as ClaimLogic.evaluate judges them
        Verdict vc = judge(c.op(), c.quantity(), conv, true, c.options());
        Verdict vs = judge(c.op(), c.quantity(), strict, false, c.options());
        String window = windowWords(c);
        String value = valueText(c.quantity(), percent, conv, scale);
        String reason = what + window + "; the claim " + c.op().symbol() + " "
                + value + tolerance(c.options(), percent) + " is " + vc.id()
                + (vs != vc ? " (strict reading " + show(strict, percent) + ": " + vs.id() + ")" : "")
                + ClaimLogic.roundedHint(c, vc, conv, percent) + suffix;
        Figure f = new Figure(c.subject(), c.attribute(), c.at(), conv, strict, List.copyOf(facts), true,
                show(conv, percent), show(strict, percent), percent, c.options().form());
        return new ClaimVerdict(c, vc, vs, f, List.copyOf(new LinkedHashSet<>(facts)), reason);
    }

    /** {@link ClaimLogic#evaluate}, with the claim's tolerance widening the value of {@code =} and {@code ~}. */
    static Verdict judge(Op op, Quantity value, Interval x0, boolean conventional, ClaimOptions o) {
        if (!o.hasTolerance() || (op != Op.EQ && op != Op.ABOUT)) return ClaimLogic.evaluate(op, value, x0, conventional);
        Interval x = x0.denoised();
        Interval target = op == Op.ABOUT
                ? (value.isRange() ? value.conventional() : Quantity.of(value.amount(), Bound.ABOUT, value.step()).conventional())
                : conventional ? value.conventional() : value.strict();
        double v = value.isRange() ? Math.max(Math.abs(value.rangeMin().doubleValue()), Math.abs(value.rangeMax().doubleValue()))
                : Math.abs(value.amount().doubleValue());
        double w = Math.max(o.toleranceRelative() == null ? 0 : o.toleranceRelative() * v,
                o.toleranceAbsolute() == null ? 0 : o.toleranceAbsolute());
        Interval widened = Interval.of(target.min() - w, target.minOpen(), target.max() + w, target.maxOpen());
        if (widened.encloses(x)) return Verdict.SUPPORTED;
        return widened.overlaps(x) ? Verdict.UNDETERMINED : Verdict.CONTRADICTED;
    }

    /** Supported when both are, contradicted when either is, else undetermined. */
    private static Verdict both(Verdict a, Verdict b) {
        if (a == Verdict.CONTRADICTED || b == Verdict.CONTRADICTED) return Verdict.CONTRADICTED;
        return a == Verdict.SUPPORTED && b == Verdict.SUPPORTED ? Verdict.SUPPORTED : Verdict.UNDETERMINED;
    }

    private static String tolerance(ClaimOptions o, boolean percent) {
        if (!o.hasTolerance()) return "";
        List<String> t = new ArrayList<>();
        if (o.toleranceAbsolute() != null) {
            t.add(percent ? Interval.number(o.toleranceAbsolute() * 100) + " point" + (o.toleranceAbsolute() == 0.01 ? "" : "s")
                    : Interval.number(o.toleranceAbsolute()));
        }
        if (o.toleranceRelative() != null) t.add(Interval.number(o.toleranceRelative() * 100) + " % of it");
        return " ± " + String.join(" or ", t);
    }

    /** The claimed value as the reason shows it: a percentage, with the precision that tells it from the figure. */
    private static String valueText(Quantity q, boolean percent, Interval figure) {
        return valueText(q, percent, figure, -1);
    }

    /** As above, with {@code scale} decimals when one is given (not -1), else those that tell it from {@code figure}. */
    private static String valueText(Quantity q, boolean percent, Interval figure, int scale) {
        if (q == null) return "";
        if (!percent || q.isRange()) return q.words();
        String prefix = q.bound() == Bound.EXACTLY ? "" : q.bound().id().replace('_', ' ') + " ";
        double v = q.amount().doubleValue();
        return prefix + (scale >= 0 ? Interval.percent(v, scale) : percent(v, figure));
    }

    private static String pct(Quantity q) {
        return q.isRange() ? q.words() : percent(q.amount().doubleValue(), null);
    }

    /** An interval as the reason shows it; percentages with the precision that tells its ends apart ({@link Interval#formatPercent()}). */
    static String show(Interval i, boolean percent) {
        return percent ? i.formatPercent() : i.format();
    }

    /** {@link #show}, a share with {@code scale} decimals when one is given (not -1). */
    private static String shownAt(Interval i, boolean percent, int scale) {
        return percent && scale >= 0 ? i.formatPercent(scale) : show(i, percent);
    }

    /**
     * A share as a percentage with one decimal, or more (up to four) when one decimal would print it equal to an
     * end of {@code against} it differs from: 0.52 beside 0.5196 prints 52.00 %; a non-zero share that would print
     * as 0 gets two significant digits (0.004 %).
     */
    static String percent(double v, Interval against) {
        return Interval.percent(v, Percentages.scale(v, against));
    }
}
