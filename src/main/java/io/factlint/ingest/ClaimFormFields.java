package io.factlint.ingest;

import com.fasterxml.jackson.core.JsonToken;
import io.factlint.model.Fact;
import io.factlint.model.Location;
import io.factlint.model.Quantity;
import io.factlint.model.When;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static io.factlint.ingest.Messages.q;

/**
 * The claim fields of docs/claims.md beyond "attribute op value at a time" (since, change, from, max_age,
 * aggregate, unit, versus, compare, rank_among, rank_over, trend, quantifier, among, order, complete,
 * members_complete, tolerance, window), read into {@link Draft.Form}, and
 * the checks of the combinations they allow. One unit: the claim's field table adds them with {@link #addTo}.
 */
final class ClaimFormFields {
    private ClaimFormFields() {
    }

    /** {@code rank_among: {"kind": ...}}. */
    static final Fields<String[]> RANK_KIND = Fields.<String[]>named("rank_among")
            .required("kind", (g, k, f, pos) -> k[0] = g.string(f))
            .build();

    /** {@code among: {"kind": ...}}. */
    static final Fields<String[]> AMONG_KIND = Fields.<String[]>named("among")
            .required("kind", (g, k, f, pos) -> k[0] = g.string(f))
            .build();

    /** {@code quantifier: {"op": ">=", "value": 12}}: how many members meet the claim's condition. */
    static final Fields<Draft.Form> QUANTIFIER_COUNT = Fields.<Draft.Form>named("quantifier")
            .required("op", (g, fm, f, pos) -> fm.quantifierOp = g.op(f))
            .required("value", (g, fm, f, pos) -> {
                Object v = g.value(f);
                if (v instanceof BigDecimal n) v = Quantity.exactly(n);
                if (v instanceof Quantity qv && (qv.isPercent() || (qv.isRange() ? qv.rangeMin() : qv.amount()).signum() < 0)) {
                    // a number of members: 50 % would be read as half a member
                    g.cursor().error(pos, "the count of \"quantifier\" is a number of members, not "
                            + (qv.isPercent() ? "a percentage" : "negative"));
                } else if (v instanceof Quantity qv) {
                    fm.quantifierCount = qv;
                } else if (v != null) {
                    g.cursor().error(pos, "expected a number or a quantity for the count of \"quantifier\"");
                }
            })
            .build();

    /** The words of {@code quantifier}, as the schema lists them. */
    static final String[] QUANTIFIERS = {"all", "most", "some", "none", "only"};

    /** {@code tolerance: {"relative": 0.1}} or {@code {"absolute": 5}}. */
    static final Fields<BigDecimal[]> TOLERANCE = Fields.<BigDecimal[]>named("tolerance")
            .optional("relative", (g, t, f, pos) -> t[0] = tolerance(g, f, pos, t))
            .optional("absolute", (g, t, f, pos) -> t[1] = tolerance(g, f, pos, t))
            .build();

    private static BigDecimal tolerance(ValueGrammar g, String field, long pos, BigDecimal[] t) throws IOException {
        BigDecimal n = g.number(field);
        if (n != null && n.signum() < 0) {
            g.cursor().error(pos, "a tolerance is not negative");
            n = null;
        }
        if (n == null) t[2] = BigDecimal.ONE; // slot 2 marks an invalid tolerance
        return n;
    }

    private static Draft.Form form(Draft d) {
        return d.form == null ? (d.form = new Draft.Form()) : d.form;
    }

    /** The claim form fields, added to the claim's table. */
    static Fields.Builder<Draft> addTo(Fields.Builder<Draft> claim) {
        return claim
                .optional("since", (g, d, f, pos) -> {
                    When w = yearMonthOrWhen(g, f, pos);
                    form(d).since = w;
                    if (w == null) d.complete = false;
                })
                .optional("change", (g, d, f, pos) -> form(d).change = choice(g, f, d, "relative", "ratio", "difference"))
                .optional("from", (g, d, f, pos) -> {
                    Object v = g.value(f);
                    if (v instanceof BigDecimal n) v = Quantity.exactly(n);
                    if (v instanceof Quantity qv) {
                        form(d).from = qv;
                    } else {
                        if (v != null) g.cursor().error(pos, "expected a number or a quantity for \"from\"");
                        form(d);
                        d.complete = false;
                    }
                })
                .optional("max_age", (g, d, f, pos) -> {
                    form(d).maxAgePos = pos;
                    form(d).maxAge = duration(g, f, d);
                })
                .optional("aggregate", (g, d, f, pos) -> {
                    form(d).aggregateGiven = true;
                    form(d).aggregate = choice(g, f, d, "sum", "mean", "count", "min", "max", "duration", "gap");
                })
                .optional("unit", (g, d, f, pos) -> {
                    Draft.Form fm = form(d);
                    fm.unitPos = pos;
                    fm.unit = choice(g, f, d, "days", "years");
                })
                .optional("per", (g, d, f, pos) -> {
                    Draft.Form fm = form(d);
                    fm.perPos = pos;
                    fm.per = choice(g, f, d, "day", "week", "month", "year");
                })
                .optional("versus", (g, d, f, pos) -> form(d).versus = idList(g, f, d, form(d).versusPos))
                .optional("compare", (g, d, f, pos) -> form(d).compare = choice(g, f, d, "difference", "ratio"))
                .optional("rank_among", (g, d, f, pos) -> {
                    Draft.Form fm = form(d);
                    String[] kind = new String[1];
                    fm.rankAmong = idsOrKind(g, f, d, RANK_KIND, fm.rankPos, kind);
                    fm.rankKind = kind[0];
                })
                .optional("rank_over", (g, d, f, pos) -> {
                    // an object is a period, {"to": ...} alone a record (read as its end point: ClaimOptions.rankOver)
                    boolean object = g.cursor().current() == JsonToken.START_OBJECT;
                    When w = object ? g.when(f, true) : yearMonthOrWhen(g, f, pos);
                    if (w != null && !object && !w.isPeriod()) {
                        g.cursor().error(pos, "\"rank_over\" is a period: a year \"2014\", a month \"2014-03\", {\"from\": ..., \"to\": ...}"
                                + " or {\"to\": ...} (every time up to then: a record)");
                        w = null;
                    }
                    form(d).rankOver = w;
                    form(d).rankOverGiven = true;
                    if (w == null) d.complete = false;
                })
                .optional("trend", (g, d, f, pos) -> {
                    Draft.Form fm = form(d);
                    fm.trendGiven = true;
                    fm.trend = choice(g, f, d, TRENDS);
                })
                .optional("quantifier", (g, d, f, pos) -> {
                    Draft.Form fm = form(d);
                    fm.quantifierGiven = true;
                    if (g.cursor().current() == JsonToken.START_OBJECT) {
                        Location at = g.cursor().here();
                        int seen = g.object(QUANTIFIER_COUNT, fm);
                        boolean missing = g.cursor().missing(QUANTIFIER_COUNT, seen, at, null);
                        fm.quantifier = missing || fm.quantifierOp == null || fm.quantifierCount == null ? null : "count";
                    } else {
                        // the words, or the object of a count: an unknown word names both
                        List<String> w = List.of(QUANTIFIERS);
                        fm.quantifier = g.parsed(f, x -> {
                            if (w.contains(x)) return x;
                            throw new BadValue("unknown quantifier " + q(x) + " " + Messages.expected(w)
                                    + ", or a count {\"op\": ..., \"value\": ...} (\"a dozen states\")");
                        });
                    }
                    if (fm.quantifier == null) d.complete = false;
                })
                .optional("among", (g, d, f, pos) -> {
                    Draft.Form fm = form(d);
                    fm.amongFieldPos = pos;
                    String[] kind = new String[1];
                    fm.among = idsOrKind(g, f, d, AMONG_KIND, fm.amongPos, kind);
                    fm.amongKind = kind[0];
                })
                .optional("order", (g, d, f, pos) -> form(d).order = choice(g, f, d, "desc", "asc"))
                .optional("complete", (g, d, f, pos) -> {
                    form(d).completePos = pos;
                    JsonToken t = g.cursor().current();
                    if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
                        form(d).complete = t == JsonToken.VALUE_TRUE;
                    } else {
                        g.cursor().typeError(f, "true or false", t);
                        form(d);
                        d.complete = false;
                    }
                })
                .optional("members_complete", (g, d, f, pos) -> {
                    // each member's own facts are complete (a trend, a rank over time asked of each member)
                    Draft.Form fm = form(d);
                    fm.membersCompletePos = pos;
                    JsonToken t = g.cursor().current();
                    if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
                        fm.membersComplete = t == JsonToken.VALUE_TRUE;
                        fm.membersCompleteRead = true;
                    } else {
                        g.cursor().typeError(f, "true or false", t);
                        d.complete = false;
                    }
                })
                .optional("tolerance", (g, d, f, pos) -> {
                    Draft.Form fm = form(d);
                    fm.tolerancePos = pos;
                    BigDecimal[] tol = new BigDecimal[3];
                    if (!g.cursor().expect(JsonToken.START_OBJECT, f, "an object")) {
                        d.complete = false;
                        return;
                    }
                    g.object(TOLERANCE, tol);
                    if (tol[2] != null) {
                        d.complete = false;
                    } else if (tol[0] == null && tol[1] == null) {
                        g.cursor().error(pos, "a tolerance needs \"relative\" (a share of the value) or \"absolute\" (an amount)");
                        d.complete = false;
                    }
                    fm.toleranceRelative = tol[0] == null ? null : tol[0].doubleValue();
                    fm.toleranceAbsolute = tol[1] == null ? null : tol[1].doubleValue();
                })
                .optional("window", (g, d, f, pos) -> {
                    form(d).windowPos = pos;
                    form(d).window = duration(g, f, d);
                })
                .optional("according_to", (g, d, f, pos) -> {
                    // who said it: the source's id, resolved with the other references (an undeclared one is located here)
                    Draft.Form fm = form(d);
                    long at = g.cursor().valuePos;
                    String s = g.internedString(f);
                    if (s == null) {
                        d.complete = false;
                    } else {
                        fm.accordingTo = s;
                        fm.accordingToPos = at;
                    }
                })
                .optional("unchecked", (g, d, f, pos) -> form(d).unchecked = texts(g, f, d))
                .optional("one_of", (g, d, f, pos) -> {
                    // "one of the highest": a rank with no number (docs/claims.md, the convention)
                    Draft.Form fm = form(d);
                    JsonToken t = g.cursor().current();
                    if (t == JsonToken.VALUE_TRUE) {
                        fm.oneOf = true;
                        fm.oneOfPos = pos;
                    } else if (t == JsonToken.VALUE_FALSE) {
                        g.cursor().error(g.cursor().valuePos, q(f) + " is true or left out (false says nothing)");
                        d.complete = false;
                    } else {
                        g.cursor().typeError(f, "true", t);
                        d.complete = false;
                    }
                });
    }

    /** The directions of {@code trend}, as the schema lists them. */
    static final String[] TRENDS = {"rising", "falling", "non-decreasing", "non-increasing"};

    /** A trend claim ("rising every year since 2010") states a direction, neither an op nor a value. */
    static boolean trendClaim(Draft d) {
        return d.claim && d.form != null && d.form.trendGiven;
    }

    /** A vague rank ("one of the highest", {@code one_of}) states no number: neither an op nor a value. */
    static boolean oneOfClaim(Draft d) {
        return d.claim && d.form != null && d.form.oneOf;
    }

    /** A comparison claim with no value compares the two subjects' values directly: "value" is not required. */
    static boolean valueOptional(Draft d) {
        return d.claim && d.form != null && !d.form.versus.isEmpty();
    }

    /** A comparison claim without a value and without {@code compare} ("more than North Carolina"). */
    static boolean directComparison(Draft d) {
        return d.claim && d.value == null && d.attribute != null && d.form != null && !d.form.versus.isEmpty()
                && d.form.compare == null;
    }

    /** The claim fields that only make sense together (docs/claims.md), located at the claim. */
    static void check(Draft d, TokenCursor c) {
        Draft.Form f = d.form;
        List<String> wrong = new ArrayList<>();
        if (Fact.STATUS.equals(d.attribute) && !f.options().form().equals("value")) {
            wrong.add("a status claim takes none of since, aggregate, versus, rank_among, rank_over, trend, quantifier");
        }
        if (Fact.STATUS.equals(d.attribute) && f.accordingTo != null) {
            wrong.add("a status claim takes no \"according_to\": a status is judged on every source's statements");
        }
        if ((f.change != null || f.from != null) && f.since == null) wrong.add("\"change\" and \"from\" need \"since\"");
        if (f.aggregate != null && d.at != null && !d.at.isPeriod()) {
            wrong.add("\"aggregate\" needs \"at\" to be a period {\"from\": ..., \"to\": ...}");
        }
        if (("duration".equals(f.aggregate) || "gap".equals(f.aggregate)) && f.unitPos == 0) {
            wrong.add("\"aggregate\": " + q(f.aggregate) + " needs \"unit\": \"days\" or \"years\"");
        }
        if (f.quantifierGiven && f.amongFieldPos == 0) {
            wrong.add("\"quantifier\" needs \"among\": the members, a list of entity ids or {\"kind\": ...}");
        }
        if (f.amongFieldPos != 0 && !f.quantifierGiven) {
            wrong.add("\"among\" needs \"quantifier\": all, most, some, none, only, or {\"op\": ..., \"value\": ...}");
        }
        if (f.compare != null && f.versus.isEmpty()) wrong.add("\"compare\" needs \"versus\"");
        if (f.order != null && f.rankAmong.isEmpty() && f.rankKind == null && f.rankOver == null) {
            wrong.add("\"order\" needs \"rank_among\" or \"rank_over\"");
        }
        if (f.rankOver != null && d.at != null && d.at.isPeriod()) {
            wrong.add("\"rank_over\" ranks the value at one time: \"at\" is a date or date-time, not a period");
        }
        if (f.trendGiven) {
            if (d.at != null && !d.at.isPeriod()) {
                wrong.add("\"trend\" needs \"at\" to be a period {\"from\": ..., \"to\": ...}");
            }
        }
        // a change or a comparison may be of totals ("more killed in 2020 than in 2019"): then aggregate is no form of its own
        boolean ofTotals = f.aggregate != null && (f.since != null || !f.versus.isEmpty());
        if (ofTotals && (f.aggregate.equals("duration") || f.aggregate.equals("gap"))) {
            wrong.add("a change or a comparison is of totals (sum, mean, count, min, max), not of " + q(f.aggregate));
        }
        if (ofTotals && f.since != null && !f.since.isPeriod()) {
            wrong.add("a change of a total needs \"since\" to be a period (a year \"2019\", a month \"2019-03\" or {\"from\": ..., \"to\": ...}): the total it is compared with");
        }
        int forms = (f.since != null ? 1 : 0) + (f.aggregate != null && !ofTotals ? 1 : 0) + (f.versus.isEmpty() ? 0 : 1)
                + (f.rankAmong.isEmpty() && f.rankKind == null ? 0 : 1) + (f.rankOver != null ? 1 : 0)
                + (f.trendGiven ? 1 : 0);
        if (forms > 1) {
            wrong.add("a claim is one of: a change (since), a total (aggregate), a comparison (versus), a rank (rank_among),"
                    + " a rank over time (rank_over), a trend (trend); a change or a comparison may be of totals (aggregate),"
                    + " and a claim over a set (quantifier) may ask one of them of each member");
        }
        if (f.quantifierGiven && (!f.rankAmong.isEmpty() || f.rankKind != null)) {
            wrong.add("\"quantifier\" takes no \"rank_among\": a claim over a set asks its condition of each member of \"among\"");
        }
        String who = "claim" + (d.id == null ? "" : " " + q(d.id));
        for (String w : wrong) c.error(TokenCursor.pos(d.location), who + ": " + w);
        // fields a form would print and never use, each refused where it is written
        if (Fact.STATUS.equals(d.attribute)) {
            unused(d, c, who, f.tolerancePos, "tolerance", "a status claim", STATUS_WHY);
            unused(d, c, who, f.windowPos, "window", "a status claim", STATUS_WHY);
            unused(d, c, who, f.maxAgePos, "max_age", "a status claim", STATUS_WHY);
            unused(d, c, who, f.completePos, "complete", "a status claim", STATUS_WHY);
        } else if (f.trendGiven) {
            String why = "it compares the statements within the period with each other";
            unused(d, c, who, f.tolerancePos, "tolerance", "\"trend\"", why);
            unused(d, c, who, f.windowPos, "window", "\"trend\"", why);
            unused(d, c, who, f.maxAgePos, "max_age", "\"trend\"", why);
        } else if (f.aggregate != null) {
            String why = "a total counts the statements within its period (widen the period to count later ones)";
            unused(d, c, who, f.windowPos, "window", "\"aggregate\"", why);
            unused(d, c, who, f.maxAgePos, "max_age", "\"aggregate\"", why);
        }
        if (f.tolerancePos != 0 && !Fact.STATUS.equals(d.attribute) && !f.trendGiven && !f.oneOf && d.op != null
                && d.op != io.factlint.model.Op.EQ && d.op != io.factlint.model.Op.ABOUT && f.from == null) {
            // a bound is no value to widen: "> 1,250 ± 100" would print a tolerance that no reading applies
            unused(d, c, who, f.tolerancePos, "tolerance", "a claim with \"op\": " + q(d.op.symbol()),
                    "a tolerance widens the value of \"=\" or \"~\" (and a claimed base, \"from\")");
        }
        if (!wrong.isEmpty()) d.complete = false;
        if (f.membersCompletePos != 0 && !f.quantifierGiven) {
            // a claim with no set has no members: its own facts are said complete by "complete"
            c.error(f.membersCompletePos, who + ": \"members_complete\" needs \"quantifier\": it says the facts of each member"
                    + " of a set are complete (\"complete\" says it of the claim's own facts)");
            d.complete = false;
        } else if (f.membersCompleteRead && !needsMembersComplete(f)) {
            // each member's plain value (a change of values, a mean, a minimum, a maximum) reads no completeness
            c.error(f.membersCompletePos, who + ": \"members_complete\" is only for a condition that needs each member's"
                    + " facts complete: a trend (\"trend\"), a rank over time (\"rank_over\") or a total (\"aggregate\": \"sum\","
                    + " \"count\", \"duration\" or \"gap\"); " + asked(f) + " asked of each member does not depend on it");
            d.complete = false;
        }
        if (f.unitPos != 0 && !"duration".equals(f.aggregate) && !"gap".equals(f.aggregate)) {
            // the unit of a length of time: any other claim's value is in the attribute's own unit
            c.error(f.unitPos, who + ": \"unit\" is only for \"aggregate\": \"duration\" or \"gap\" (the unit of a length of time)");
            d.complete = false;
        }
        if (f.perPos != 0 && (!("sum".equals(f.aggregate) || "count".equals(f.aggregate)) || ofTotals)) {
            // a rate is a total over the claim's own period divided by its length
            c.error(f.perPos, who + ": \"per\" is only for \"aggregate\": \"sum\" or \"count\" over the claim's period"
                    + " (a rate: \"1,000 a day\"), not with \"since\" or \"versus\"");
            d.complete = false;
        } else if (f.perPos != 0 && d.at != null && d.at.isPeriod() && d.at.endEpochSecond() <= d.at.startEpochSecond()) {
            // a period of no length (an instant to the same instant, a day to its midnight) has none to divide by
            c.error(f.perPos, who + ": \"per\" divides the total by the length of \"at\", and "
                    + d.at.display() + " has none: give a period of some length (the days of it, or two different instants)");
            d.complete = false;
        }
        if (f.oneOf) {
            String hint = ": \"one of the highest\" states no rank; for a number write \"op\": \"<=\" and the rank as \"value\"";
            if (f.rankAmong.isEmpty() && f.rankKind == null && f.rankOver == null) {
                c.error(f.oneOfPos, who + ": \"one_of\" needs \"rank_among\" or \"rank_over\": the members or times it ranks among");
                d.complete = false;
            }
            if (d.opPos != 0) c.error(d.opPos, who + ": \"one_of\" takes no \"op\"" + hint);
            if (d.valuePos != 0) c.error(d.valuePos, who + ": \"one_of\" takes no \"value\"" + hint);
            if (d.opPos != 0 || d.valuePos != 0) d.complete = false;
            // no value to widen; a claim over a set asks an op and a value of each member (its condition's words)
            if (f.toleranceRelative != null || f.toleranceAbsolute != null) {
                c.error(f.oneOfPos, who + ": \"one_of\" takes no \"tolerance\": it has no value to widen");
                d.complete = false;
            }
            if (f.quantifierGiven) {
                c.error(f.oneOfPos, who + ": \"one_of\" takes no \"quantifier\": a claim over a set asks an op and a value of each member");
                d.complete = false;
            }
        }
        if (f.trendGiven) {
            // the direction is the claim: an op or a value would say something the trend does not check
            String hint = ": a trend claim states its direction (" + String.join(", ", TRENDS) + ") in \"trend\"";
            if (d.opPos != 0) c.error(d.opPos, who + ": \"trend\" takes no \"op\"" + hint);
            if (d.valuePos != 0) c.error(d.valuePos, who + ": \"trend\" takes no \"value\"" + hint);
            if (d.opPos != 0 || d.valuePos != 0) d.complete = false;
        }
    }

    private static final String STATUS_WHY = "a status is the latest one stated at or before the claim's time, on every"
            + " source's statements";

    /** A field given ({@code pos} not 0) that {@code form} never uses: an error at the field. */
    private static void unused(Draft d, TokenCursor c, String who, long pos, String field, String form, String why) {
        if (pos == 0) return;
        c.error(pos, who + ": " + form + " takes no " + q(field) + ": " + why);
        d.complete = false;
    }

    /** {@code "2002"} or {@code "2002-03"}: the year or month as a period of days. */
    private static final java.util.regex.Pattern YEAR_OR_MONTH = java.util.regex.Pattern.compile("\\d{4}(-\\d{2})?");

    /**
     * A time field that may also be a year ({@code "2002"}) or a month ({@code "2002-03"}), read as that period;
     * anything else as {@link ValueGrammar#when}. A month that does not exist is a located error (null). Every time
     * field of facts and claims reads so: {@code at}, {@code since}, {@code rank_over}.
     */
    static When yearMonthOrWhen(ValueGrammar g, String field, long pos) throws IOException {
        if (g.cursor().current() == JsonToken.VALUE_NUMBER_INT && YEAR_OR_MONTH.matcher(g.cursor().parser().getText()).matches()) {
            // at: 2020 unquoted (YAML) or a JSON number: the year the writer meant, as text
            String year = g.cursor().parser().getText();
            g.cursor().error(pos, "expected a date, a date-time, a year, a month or {\"from\": ..., \"to\": ...} for " + q(field)
                    + ", found the number " + year + ": write a year as text, \"" + year + "\"");
            g.cursor().skip();
            return null;
        }
        String s = g.cursor().current() == JsonToken.VALUE_STRING ? g.cursor().parser().getText() : null;
        if (s == null || !YEAR_OR_MONTH.matcher(s).matches()) return g.when(field);
        if (s.length() > 4 && (Integer.parseInt(s.substring(5)) < 1 || Integer.parseInt(s.substring(5)) > 12)) {
            g.cursor().error(pos, "invalid month \"" + s + "\": there is no month " + Integer.parseInt(s.substring(5)));
            return null;
        }
        return yearOrMonth(s);
    }

    private static When yearOrMonth(String s) {
        java.time.LocalDate start = s.length() == 4 ? java.time.LocalDate.of(Integer.parseInt(s), 1, 1)
                : java.time.YearMonth.parse(s).atDay(1);
        java.time.LocalDate end = s.length() == 4 ? start.plusYears(1).minusDays(1) : start.plusMonths(1).minusDays(1);
        return When.period(When.day(start), When.day(end));
    }

    /** The totals whose strict reading depends on "complete" (a sum or count open upwards, a duration, a gap). */
    private static final java.util.Set<String> TOTALS_OF_COMPLETE_FACTS = java.util.Set.of("sum", "count", "duration", "gap");

    /**
     * Whether the condition a claim over a set asks of each member reads {@code complete} (so that
     * {@code members_complete} changes its verdict): a trend, a rank over time, a sum, count, duration or gap, also
     * as a change or comparison of totals. A field given with an invalid value counts as given (its own error is
     * enough).
     */
    private static boolean needsMembersComplete(Draft.Form f) {
        return f.trendGiven || f.rankOverGiven
                || f.aggregateGiven && (f.aggregate == null || TOTALS_OF_COMPLETE_FACTS.contains(f.aggregate));
    }

    /** What a claim over a set asks of each member, in words, when it is none of {@link #needsMembersComplete}. */
    private static String asked(Draft.Form f) {
        if (f.aggregate != null) {
            String what = switch (f.aggregate) {
                case "min" -> "a minimum";
                case "max" -> "a maximum";
                default -> "a " + f.aggregate;
            };
            return what + " (\"aggregate\": " + q(f.aggregate) + ")";
        }
        if (f.since != null) return "a change of a value (\"since\")";
        if (!f.versus.isEmpty()) return "a comparison of values (\"versus\")";
        return "a plain value";
    }

    /** One of {@code words}, or null (and the draft unusable) with a located error. */
    private static String choice(ValueGrammar g, String field, Draft d, String... words) throws IOException {
        List<String> w = List.of(words);
        String s = g.parsed(field, x -> ValueGrammar.word(x, field, w, words));
        if (s == null) d.complete = false;
        return s;
    }

    /** An ISO-8601 duration ({@code P14D}, {@code P1Y}, {@code PT12H}), kept as written. */
    private static String duration(ValueGrammar g, String field, Draft d) throws IOException {
        String s = g.parsed(field, x -> {
            try {
                if (x.contains("T")) java.time.Duration.parse(x);
                else java.time.Period.parse(x);
                return x;
            } catch (java.time.format.DateTimeParseException e) {
                throw new BadValue("expected an ISO-8601 duration for " + q(field) + " (P14D, P1Y, PT12H), found " + q(x));
            }
        });
        if (s == null) d.complete = false;
        return s;
    }

    /**
     * An entity id, a list of them (returned), or {@code {"kind": ...}} (its kind in {@code kind[0]}, and an empty list):
     * the subjects of {@code rank_among} or {@code among}.
     */
    private static List<String> idsOrKind(ValueGrammar g, String field, Draft d, Fields<String[]> kindFields,
                                          List<Long> positions, String[] kind) throws IOException {
        if (g.cursor().current() != JsonToken.START_OBJECT) return idList(g, field, d, positions);
        Location at = g.cursor().here();
        int seen = g.object(kindFields, kind);
        if (g.cursor().missing(kindFields, seen, at, null) || kind[0] == null) d.complete = false;
        return List.of();
    }

    /** {@code unchecked}: a part of the claim in words, or a list of them; none empty, and at least one. */
    private static List<String> texts(ValueGrammar g, String field, Draft d) throws IOException {
        TokenCursor c = g.cursor();
        long start = c.valuePos;
        List<String> out = oneOrList(g, field, d, at -> {
            String s = g.string(field);
            if (s != null && s.isBlank()) {
                c.error(at, q(field) + " names a part of the claim in words: this one is empty");
                return null;
            }
            return s;
        });
        if (out.isEmpty() && d.complete) {
            c.error(start, q(field) + " names no part of the claim: give the parts no rule checks, in words");
            d.complete = false;
        }
        return out;
    }

    /** An entity id or a list of them; their positions go to {@code positions} for reference errors. */
    private static List<String> idList(ValueGrammar g, String field, Draft d, List<Long> positions) throws IOException {
        TokenCursor c = g.cursor();
        long start = c.valuePos;
        List<String> out = oneOrList(g, field, d, at -> {
            String s = g.internedString(field);
            if (s != null) positions.add(at);
            return s;
        });
        if (out.isEmpty()) {
            c.error(start, q(field) + " names no entity");
            d.complete = false;
        }
        return out;
    }

    /** Reads one string of a field at its position; null when refused (the error already given). */
    private interface One {
        String read(long at) throws IOException;
    }

    /** A string or a list of them, each read by {@code one}; a refused one leaves the draft incomplete. */
    private static List<String> oneOrList(ValueGrammar g, String field, Draft d, One one) throws IOException {
        List<String> out = new ArrayList<>();
        TokenCursor c = g.cursor();
        if (c.current() == JsonToken.START_ARRAY) {
            c.array(field, () -> {
                long at = c.tokenPos();
                c.valuePos = at;
                String s = one.read(at);
                if (s == null) d.complete = false;
                else out.add(s);
            });
        } else {
            String s = one.read(c.valuePos);
            if (s == null) d.complete = false;
            else out.add(s);
        }
        return out;
    }
}
