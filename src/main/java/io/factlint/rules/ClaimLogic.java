package io.factlint.rules;

import io.factlint.model.Bound;
import io.factlint.model.Claim;
import io.factlint.model.ClaimVerdict;
import io.factlint.model.Figure;
import io.factlint.model.Interval;
import io.factlint.model.Op;
import io.factlint.model.Quantity;
import io.factlint.model.Verdict;

import java.util.List;

/**
 * Three-valued truth of a claim over an interval: supported when the claim holds for every value the interval
 * allows, contradicted when it holds for none, undetermined otherwise.
 */
public final class ClaimLogic {
    private ClaimLogic() {
    }

    /** The verdict of "x op value" for every x in {@code x}; {@code conventional} picks the reading of a hedged value. */
    public static Verdict evaluate(Op op, Quantity value, Interval x, boolean conventional) {
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

    /** The verdict of a claim on a figure, on both readings, with the reason in words. */
    public static ClaimVerdict figureVerdict(Claim c, Figure f) {
        Verdict conv = evaluate(c.op(), c.quantity(), f.conventional(), true);
        Verdict strict = evaluate(c.op(), c.quantity(), f.strict(), false);
        // a percentage with the precision that tells it from the figure's ends (0.0004 is 0.04 %, not 0.0 %)
        String value = f.percent() && c.quantity() != null && !c.quantity().isRange()
                ? (c.quantity().bound() == Bound.EXACTLY ? "" : c.quantity().bound().id().replace('_', ' ') + " ")
                        + ClaimForms.percent(c.quantity().amount().doubleValue(), f.conventional()) : c.valueWords();
        String reason = c.attribute() + " of " + c.subject() + " is " + f.display() + " on " + f.at().display()
                + "; the claim " + c.op().symbol() + " " + value + " is " + conv.id()
                + (strict != conv ? " (strict reading " + f.strictDisplay() + ": " + strict.id() + ")" : "");
        return new ClaimVerdict(c, conv, strict, f, f.from(), reason);
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

    /** A claim that nothing can settle. */
    public static ClaimVerdict undetermined(Claim c, String reason) {
        return new ClaimVerdict(c, Verdict.UNDETERMINED, Verdict.UNDETERMINED, null, List.of(), reason);
    }
}
