package io.factlint.model;

import java.util.List;

/**
 * The fields that make a claim more than "attribute op value at a time" (docs/claims.md): a change since a
 * base time, a total over a period, a comparison with other subjects, a rank, a tolerance, an evidence window.
 * All optional; {@link #NONE} for a plain claim.
 *
 * @param since      change claims: the base time (date, date-time or period)
 * @param change     {@code relative} (X/B − 1, the default with {@code since}), {@code ratio} (X/B) or {@code difference} (X − B)
 * @param from       change claims: the base value the claim states ("from 25 % to 19 %"), or null
 * @param maxAge     ISO-8601 duration ({@code P1Y}, {@code PT12H}): a fact older than this before the time it
 *                   serves is not used; null for no limit
 * @param aggregate  {@code sum}, {@code mean}, {@code count}, {@code min} or {@code max} over the claim's period (with
 *                   {@code since} or {@code versus}: the totals compared, over each period or of each subject), or
 *                   {@code duration}: the total length of the periods within it for which the attribute is stated > 0
 * @param versus     comparison claims: the other subjects (every comparison must hold)
 * @param compare    {@code difference}, {@code ratio}, or null to compare the two values directly
 * @param rankAmong  rank claims: the subjects ranked with the claim's subject (or empty with {@code rankKind})
 * @param rankKind   rank claims: rank among every entity of this kind
 * @param order      {@code desc} (rank 1 = highest, the default) or {@code asc}
 * @param complete   the set of facts (a total) or of subjects (a rank) is complete
 * @param toleranceRelative widens the value of {@code =} and {@code ~} by this share of it, or null
 * @param toleranceAbsolute widens it by this amount, or null
 * @param window     ISO-8601 duration: evidence stated up to this long after the claim's time counts
 * @param rankOver   rank-over-time claims: the period over whose values (the subject's own) the value at the
 *                   claim's time is ranked ("a six-year high"); a point for a period with no start ({@code {"to":
 *                   ...}}: every time at or before that point, a record: "the highest on record"); or null
 * @param trend      trend claims: {@code rising}, {@code falling}, {@code non-decreasing} or {@code non-increasing},
 *                   the way the subject's values move from each time to the next over the claim's period
 *                   ("rising every year since 2010"), or null
 * @param unit       with {@code aggregate} {@code duration} or {@code gap}: {@code days} or {@code years}, the unit
 *                   of the total length of the periods (or of each gap between events) and of the claim's value; else null
 * @param quantifier set claims: {@code all}, {@code most}, {@code some}, {@code none}, {@code only}, or {@code count}
 *                   (the number of members that meet the claim's condition compares by {@link #quantifierOp} with
 *                   {@link #quantifierCount}); the rest of the claim (a plain value, a change since, a total, a
 *                   comparison, a trend: {@link #withoutSet}) is the condition each member meets; or null
 * @param quantifierOp    with {@code count}: the op the number of members compares by; else null
 * @param quantifierCount with {@code count}: the number claimed ("a dozen states"); else null
 * @param among      set claims: the members (entity ids), or empty with {@code amongKind}
 * @param amongKind  set claims: every entity of this kind is a member; or null
 * @param membersComplete set claims: each member's own facts are complete ({@code members_complete}): the
 *                   condition asked of each member is judged as if it carried {@code complete}, while
 *                   {@link #complete} speaks for the set
 * @param accordingTo who said it ({@code according_to}): the claim is judged on this source's statements alone;
 *                   or null
 * @param oneOf      with a rank ({@code rank_among} or {@code rank_over}): the claim is "one of the highest" (or lowest,
 *                   with {@code order} {@code asc}) with no number, judged by the convention of docs/claims.md
 *                   ({@code one_of}); it takes no op and no value
 * @param unchecked  the parts of the claim no rule checks ({@code unchecked}: "the cause: the trade war"); a verdict
 *                   of supported on a reading becomes undetermined ({@code ClaimLogic.finished}); empty for none
 * @param per        with {@code aggregate} {@code sum} or {@code count}: {@code day}, {@code week}, {@code month} or
 *                   {@code year}, the claim's value is the total per that length of time over the claim's period (a
 *                   rate: "1,000 deaths a day"); else null
 * @param unrecorded the claim's value is {@code {"unrecorded": true}}: with {@code =} it claims that no figure of the
 *                   measure is kept for its time ("survival rates remain unknown"), with {@code !=} that one is
 */
public record ClaimOptions(When since, String change, Quantity from, String maxAge, String aggregate,
                           List<String> versus, String compare, List<String> rankAmong, String rankKind,
                           String order, boolean complete, Double toleranceRelative, Double toleranceAbsolute,
                           String window, When rankOver, String trend, String unit, String quantifier,
                           Op quantifierOp, Quantity quantifierCount, List<String> among, String amongKind,
                           boolean membersComplete, String accordingTo, List<String> unchecked, boolean oneOf,
                           String per, boolean unrecorded) {

    public static final ClaimOptions NONE = new ClaimOptions(null, null, null, null, null, List.of(), null,
            List.of(), null, null, false, null, null, null, null, null, null, null, null, null, List.of(), null, false, null,
            List.of(), false, null, false);

    public ClaimOptions {
        versus = versus == null ? List.of() : List.copyOf(versus);
        rankAmong = rankAmong == null ? List.of() : List.copyOf(rankAmong);
        among = among == null ? List.of() : List.copyOf(among);
        unchecked = unchecked == null ? List.of() : List.copyOf(unchecked);
    }

    /**
     * These options without the set ({@code quantifier}, {@code among}): the condition a claim over a set asks of
     * each member (a plain value, a change since, a total, ...). {@code complete} speaks for the set only: each
     * member's own facts are said to be complete only with {@link #membersComplete}.
     */
    public ClaimOptions withoutSet() {
        return new ClaimOptions(since, change, from, maxAge, aggregate, versus, compare, rankAmong, rankKind, order,
                membersComplete, toleranceRelative, toleranceAbsolute, window, rankOver, trend, unit, null, null, null,
                null, null, false, accordingTo, unchecked, oneOf, per, unrecorded);
    }

    /** The kind whose every entity the claim involves ({@code rank_among} or {@code among} {@code {"kind": ...}}), or null. */
    public String memberKind() {
        return rankKind != null ? rankKind : amongKind;
    }

    /**
     * The claim's form: {@code change}, {@code aggregate}, {@code versus}, {@code rank}, {@code rank_over},
     * {@code trend}, {@code set} or {@code value}.
     */
    public String form() {
        if (quantifier != null) return "set";
        if (since != null) return "change";
        if (trend != null) return "trend";
        if (rankOver != null) return "rank_over";
        if (!versus.isEmpty()) return "versus";
        if (aggregate != null) return "aggregate";
        if (!rankAmong.isEmpty() || rankKind != null) return "rank";
        return "value";
    }

    /** The start of {@link #rankOver}, or null when it has none (a record: every time up to its end). */
    public When rankOverFrom() {
        return rankOver == null || !rankOver.isPeriod() ? null : rankOver.from();
    }

    /** The end of {@link #rankOver} (the point itself for a record), or null. */
    public When rankOverTo() {
        return rankOver == null ? null : rankOver.end();
    }

    /** {@link #rankOver} for an editor: {@code over 1 Jan 2013 – 31 Dec 2018}, {@code on record up to 30 Sep 2020}. */
    public String rankOverWords() {
        if (rankOver == null) return null;
        return rankOver.isPeriod() ? "over " + rankOver.display() : "on record up to " + rankOver.display();
    }

    /**
     * {@link #rankOver} in ISO 8601: {@code 2013-01-01/2018-12-31}; with no start, the open start of ISO 8601-2
     * (and EDTF): {@code ../2020-09-30}.
     */
    public String rankOverIso() {
        if (rankOver == null) return null;
        return rankOver.isPeriod() ? rankOver.iso() : "../" + rankOver.iso();
    }

    public boolean hasTolerance() {
        return toleranceRelative != null || toleranceAbsolute != null;
    }

    /**
     * True when no field is set but {@code unchecked} (which only caps the verdict): a plain claim. A claim
     * {@code according_to} a source is no plain claim: its own form judges it on that source's statements.
     */
    public boolean isNone() {
        return unchecked.isEmpty() ? equals(NONE) : new ClaimOptions(since, change, from, maxAge, aggregate, versus,
                compare, rankAmong, rankKind, order, complete, toleranceRelative, toleranceAbsolute, window, rankOver,
                trend, unit, quantifier, quantifierOp, quantifierCount, among, amongKind, membersComplete, accordingTo,
                List.of(), oneOf, per, unrecorded).equals(NONE);
    }

    /** These options for a claim whose value is {@code {"unrecorded": true}} ({@link #unrecorded}). */
    public ClaimOptions withUnrecorded() {
        return new ClaimOptions(since, change, from, maxAge, aggregate, versus, compare, rankAmong, rankKind, order,
                complete, toleranceRelative, toleranceAbsolute, window, rankOver, trend, unit, quantifier, quantifierOp,
                quantifierCount, among, amongKind, membersComplete, accordingTo, unchecked, oneOf, per, true);
    }
}
