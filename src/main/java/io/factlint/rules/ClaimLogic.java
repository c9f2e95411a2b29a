package io.factlint.rules;

import io.factlint.model.Bound;
import io.factlint.model.Claim;
import io.factlint.model.ClaimVerdict;
import io.factlint.model.Figure;
import io.factlint.model.Interval;
import io.factlint.model.Op;
import io.factlint.model.Quantity;
import io.factlint.model.Verdict;

import io.factlint.model.Fact;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Three-valued truth of a claim over an interval: supported when the claim holds for every value the interval
 * allows, contradicted when it holds for none, undetermined otherwise.
 */
public final class ClaimLogic {
    private ClaimLogic() {
    }

    /** The verdict of "x op value" for every x in {@code x}; {@code conventional} picks the reading of a hedged value. */
    public static Verdict evaluate(Op op, Quantity value, Interval x0, boolean conventional) {
        Interval x = x0.denoised(); // 0.073 − 0.067 is judged as 0.006, as the claim writes it
        double v = value.isRange() ? Double.NaN : value.amount().doubleValue();
        return switch (op) {
            case EQ -> within(target(value, conventional), x);
            case NE -> negate(within(target(value, conventional), x));
            case ABOUT -> within(value.isRange() ? value.conventional()
                    : Quantity.of(value.amount(), Bound.ABOUT, value.step()).conventional(), x);
            case GT -> verdict(x.min() > v || (x.min() == v && x.minOpen()), x.max() <= v);
            case GE -> verdict(x.min() >= v, x.max() < v || (x.max() == v && x.maxOpen()));
            case LT -> verdict(x.max() < v || (x.max() == v && x.maxOpen()), x.min() >= v);
            case LE -> verdict(x.max() <= v, x.min() > v || (x.min() == v && x.minOpen()));
        };
    }

    private static Interval target(Quantity value, boolean conventional) {
        return conventional ? value.conventional() : value.strict();
    }

    private static Verdict within(Interval target, Interval x) {
        return verdict(target.encloses(x), !target.overlaps(x));
    }

    private static Verdict negate(Verdict v) {
        return switch (v) {
            case SUPPORTED -> Verdict.CONTRADICTED;
            case CONTRADICTED -> Verdict.SUPPORTED;
            case UNDETERMINED -> Verdict.UNDETERMINED;
        };
    }

    private static Verdict verdict(boolean allTrue, boolean allFalse) {
        return allTrue ? Verdict.SUPPORTED : allFalse ? Verdict.CONTRADICTED : Verdict.UNDETERMINED;
    }

    /**
     * The verdict of a claim on a figure, on both readings, with the reason in words. A share prints with the
     * precision that tells the claimed value from the figure's ends ({@link Percentages}), and when a fact the
     * figure rests on is stated for another time than the claim's, the reason names each fact's time (a figure
     * from last season is never used silently).
     */
    public static ClaimVerdict figureVerdict(Claim c, Figure f) {
        Interval fc = f.conventional().denoised(), fs = f.strict().denoised();
        Verdict conv = evaluate(c.op(), c.quantity(), fc, true);
        Verdict strict = evaluate(c.op(), c.quantity(), fs, false);
        // a share: a derived figure with percent: true, or a stated attribute whose facts are written as percentages
        boolean share = f.percent() || !f.derived() && Percentages.writtenAsPercent(f.from());
        boolean claimedShare = share && c.quantity() != null && !c.quantity().isRange();
        double claimed = claimedShare ? c.quantity().amount().doubleValue() : Double.NaN;
        String shown = f.display(), strictShown = f.strictDisplay(), value = c.valueWords();
        if (c.quantity() != null && c.quantity().isYesNo()) {
            // a yes/no state: the fact says yes or no (both, when sources at one time differ), as the claim does
            shown = Quantity.yesNoWords(fc);
            strictShown = Quantity.yesNoWords(fs);
        } else if (share) {
            int s = Percentages.scale(claimed, fc);
            shown = fc.formatPercent(s);
            strictShown = fs.formatPercent(Percentages.scale(claimed, fs));
            if (claimedShare) {
                value = (c.quantity().bound() == Bound.EXACTLY ? "" : c.quantity().bound().id().replace('_', ' ') + " ")
                        + Interval.percent(claimed, s);
            }
        }
        String reason = c.attribute() + " of " + c.subject() + " is " + shown + statedFor(c, f) + " on " + f.at().display()
                + "; the claim " + c.op().symbol() + " " + value + " is " + conv.id()
                + (strict != conv ? " (strict reading " + strictShown + ": " + strict.id() + ")" : "")
                + roundedHint(c, conv, fc, share);
        // the figure as judged: its decimal result (JSON and HTML show what the reason says)
        Figure judged = fc == f.conventional() && fs == f.strict() ? f
                : new Figure(f.subject(), f.attribute(), f.at(), fc, fs, f.from(), f.derived(), f.arithmetic(),
                        f.strictArithmetic(), f.percent(), f.kind(), f.description());
        return new ClaimVerdict(c, conv, strict, judged, f.from(), reason);
    }

    /**
     * The times the figure's facts were stated for, when one differs from the claim's time: {@code " (stated for
     * 1 Mar 2025)"} for a stated value; for a derived figure each input with its value, {@code " (killed_or_injured
     * (3,000, 4,000) (stated for 23 Dec 2024), deployed (11,000, 12,000) (stated for 27 Dec 2024))"}; empty when
     * every fact is stated for the claim's time.
     */
    static String statedFor(Claim c, Figure f) {
        String claimTime = f.at().display();
        boolean differs = false;
        Map<String, List<Fact>> byAttribute = new LinkedHashMap<>();
        for (Fact x : f.from()) {
            if (x.getAt() != null && !x.getAt().display().equals(claimTime)) differs = true;
            byAttribute.computeIfAbsent(x.getAttribute(), k -> new ArrayList<>()).add(x);
        }
        if (!differs) return "";
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, List<Fact>> e : byAttribute.entrySet()) {
            Set<String> times = new LinkedHashSet<>();
            for (Fact x : e.getValue()) if (x.getAt() != null) times.add(x.getAt().display());
            String when = "stated for " + String.join(" and ", times);
            if (!f.derived()) {
                parts.add(when);
            } else {
                Interval hull = Moment.hull(e.getValue(), true);
                parts.add(e.getKey() + " " + (hull == null ? "" : hull.format() + " ") + "(" + when + ")");
            }
        }
        return " (" + String.join(", ", parts) + ")";
    }

    /** The verdict of a status claim ({@code =} or {@code !=}) given the status at its time (null: none stated). */
    public static ClaimVerdict statusVerdict(Claim c, StatusAt now) {
        if (now == null) {
            return undetermined(c, "no status of " + c.subject() + " is stated at or before " + c.at().display());
        }
        boolean only = now.is(c.status());
        boolean none = !now.statuses().contains(c.status());
        Verdict v = only ? Verdict.SUPPORTED : none ? Verdict.CONTRADICTED : Verdict.UNDETERMINED;
        if (c.op() == Op.NE) v = negate(v);
        else if (c.op() != Op.EQ) v = Verdict.UNDETERMINED;
        String reason = "status of " + c.subject() + " on " + c.at().display() + " is " + String.join(" or ", now.statuses())
                + " (stated for " + now.at().display() + "); the claim says " + c.op().symbol() + " " + c.status();
        return new ClaimVerdict(c, v, v, null, now.facts(), reason);
    }

    /** The distinct statuses of a status verdict's facts, sorted. */
    public static java.util.Set<String> statuses(ClaimVerdict v) {
        java.util.Set<String> s = new java.util.TreeSet<>();
        v.facts().forEach(f -> { if (f.getStatus() != null) s.add(f.getStatus()); });
        return s;
    }

    /** The time a status verdict's facts speak of. */
    public static io.factlint.model.When statusTime(ClaimVerdict v) {
        return v.facts().isEmpty() ? v.claim().at() : v.facts().get(0).getAt();
    }

    /**
     * {@code "; read as rounded (~ 52 %), it is supported"} when an exact claim on a bare value ({@code =}, a number
     * with no hedge, no range, no tolerance and no {@code from}; an exact bound written out, {@code "bound": "exactly"},
     * is the writer's word that it is exact, and gets none; a yes/no state has no rounding) is not supported on the conventional reading but the same
     * number read as rounded ({@code ~}: half its last non-zero digit either way) is; else empty. Fact-checkers read a
     * round number as rounded far more often than not (docs/claims.md, "Measured on real claims"): the verdict stays
     * the exact one, as {@code =} promises, and the reason tells the editor.
     */
    static String roundedHint(Claim c, Verdict conventional, Interval x, boolean percent) {
        Quantity q = c.quantity();
        if (c.op() != Op.EQ || conventional == Verdict.SUPPORTED || q == null || q.isRange() || q.bound() != Bound.EXACTLY
                || q.isBoundWritten() || q.isYesNo()
                || c.options() != null && (c.options().hasTolerance() || c.options().from() != null)) {
            return "";
        }
        // the claim's own words ("52 %"): its step is the one "~" takes (half its last non-zero digit either way)
        if (evaluate(Op.ABOUT, q, x, true) != Verdict.SUPPORTED) return "";
        String words = c.valueWords();
        if (percent && !q.isPercent()) {
            // a fraction the reason prints as a percentage ("= 40.0 %" for 0.4): the words' own step, in the reason's scale
            words += ", that is " + Quantity.of(q.amount(), Bound.ABOUT, q.step()).conventional().formatPercent();
        }
        return "; read as rounded (~ " + words + "), it is supported";
    }

    /** A claim that nothing can settle. */
    public static ClaimVerdict undetermined(Claim c, String reason) {
        return new ClaimVerdict(c, Verdict.UNDETERMINED, Verdict.UNDETERMINED, null, List.of(), reason);
    }

    /** A verdict resting on projections says so: which facts, and whose forecasts they are. */
    private static ClaimVerdict projected(ClaimVerdict v) {
        java.util.List<String> p = new java.util.ArrayList<>();
        for (io.factlint.model.Fact f : v.facts()) {
            if (f.isProjection()) p.add(f.getRef() + " (" + f.getSource() + ", for " + f.getAt().display() + ")");
        }
        if (p.isEmpty()) return v;
        return new ClaimVerdict(v.claim(), v.verdict(), v.strictVerdict(), v.figure(), v.facts(),
                v.reason() + "; a prediction judged on projections, not observations: " + String.join(", ", p));
    }

    /**
     * The verdict as inserted (every claim rule inserts through it): one resting on projections names them
     * ({@link #projected}); a claim that names parts no rule checks ({@code unchecked}: "the cause: the trade
     * war") is never supported, on either reading, as what it also says is unknown; contradicted stays (a claim with a
     * false part is false) and undetermined stays. The reason names the parts.
     */
    public static ClaimVerdict finished(ClaimVerdict v) {
        v = projected(v);
        java.util.List<String> parts = v.claim().options().unchecked();
        if (parts.isEmpty()) return v;
        Verdict c = v.verdict() == Verdict.SUPPORTED ? Verdict.UNDETERMINED : v.verdict();
        Verdict s = v.strictVerdict() == Verdict.SUPPORTED ? Verdict.UNDETERMINED : v.strictVerdict();
        String said = parts.stream().map(p -> "\"" + p + "\"").collect(java.util.stream.Collectors.joining(" and "));
        String tail = "; the claim also says " + said + ", which no rule checks";
        if (c != v.verdict() || s != v.strictVerdict()) {
            tail += ": " + c.id() + (s != c ? " (strict reading: " + s.id() + ")" : "");
        }
        return new ClaimVerdict(v.claim(), c, s, v.figure(), v.facts(), v.reason() + tail);
    }
}
