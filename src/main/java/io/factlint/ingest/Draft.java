package io.factlint.ingest;

import io.factlint.model.Certainty;
import io.factlint.model.Location;
import io.factlint.model.Op;
import io.factlint.model.When;

/**
 * A fact or claim as read from its object, before the file is finished: the story's id and publication (which
 * supply defaults) may come later in the file, and fact numbers are assigned only when all files are merged.
 * Positions are packed as {@code line << 32 | column} (see {@link TokenCursor#pack}) to keep large files light.
 */
final class Draft {
    final boolean claim;
    final Location location;
    String id;
    long idPos;
    String subject;
    long subjectPos;
    String attribute;
    /** The value as written: a String (status word), a BigDecimal, or a Quantity; null if absent or invalid. */
    Object value;
    long valuePos;
    When at;
    /** {@code at} was given (possibly invalid), so no default applies. */
    boolean atGiven;
    String source;
    long sourcePos;
    Certainty certainty = Certainty.REPORTED;
    String quote;
    /** {@code drafted: true}: proposed by factlint draft, not yet confirmed by an editor. */
    boolean drafted;
    /** A fact's {@code projection}: the source projects the figure for its time. */
    boolean projection;
    String text;
    Op op;
    long opPos;
    /** A claim's fields of docs/claims.md (since, aggregate, versus, ...), or null for none. */
    Form form;
    /** False when an error makes this draft unusable. */
    boolean complete = true;

    Draft(boolean claim, Location location) {
        this.claim = claim;
        this.location = location;
    }

    /** The claim fields beyond "attribute op value at a time", as read (FileParser#claimField). */
    static final class Form {
        When since;
        String change;
        io.factlint.model.Quantity from;
        String maxAge;
        String aggregate;
        /** {@code unit} of a duration ({@code days}, {@code years}), null when absent or invalid. */
        String unit;
        /** Where {@code unit} was given (0 when absent): a unit on another aggregate is an error there. */
        long unitPos;
        /** {@code per} of a rate ({@code day}, {@code week}, {@code month}, {@code year}), null when absent or invalid. */
        String per;
        /** Where {@code per} was given (0 when absent). */
        long perPos;
        java.util.List<String> versus = java.util.List.of();
        final java.util.List<Long> versusPos = new java.util.ArrayList<>();
        String compare;
        java.util.List<String> rankAmong = java.util.List.of();
        final java.util.List<Long> rankPos = new java.util.ArrayList<>();
        String rankKind;
        String order;
        boolean complete;
        Double toleranceRelative;
        Double toleranceAbsolute;
        String window;
        /** Where {@code window}, {@code max_age}, {@code tolerance} and {@code complete} were given (0 when absent). */
        long windowPos, maxAgePos, tolerancePos, completePos;
        When rankOver;
        /** The trend's direction as read (null when absent or invalid). */
        String trend;
        /** {@code trend} was given, valid or not: the claim then takes no {@code op} and no {@code value}. */
        boolean trendGiven;
        /** {@code aggregate} was given, valid or not. */
        boolean aggregateGiven;
        /** {@code rank_over} was given, valid or not. */
        boolean rankOverGiven;
        /** {@code quantifier} as read ({@code all}, {@code most}, ..., {@code count}), null when absent or invalid. */
        String quantifier;
        /** {@code quantifier} was given, valid or not. */
        boolean quantifierGiven;
        /** With {@code quantifier {"op": ..., "value": ...}}: the count's op and number. */
        io.factlint.model.Op quantifierOp;
        io.factlint.model.Quantity quantifierCount;
        java.util.List<String> among = java.util.List.of();
        final java.util.List<Long> amongPos = new java.util.ArrayList<>();
        String amongKind;
        /** Where {@code among} was given (0 when absent). */
        long amongFieldPos;
        /** {@code members_complete} as read (false when absent or invalid). */
        boolean membersComplete;
        /** Where {@code members_complete} was given (0 when absent): without {@code quantifier} it is an error there. */
        long membersCompletePos;
        /** {@code members_complete} was read as true or false (not a wrong type). */
        boolean membersCompleteRead;
        /** {@code according_to}: the source whose statements alone judge the claim, and where it was written. */
        String accordingTo;
        long accordingToPos;
        /** {@code unchecked}: the parts of the claim no rule checks. */
        java.util.List<String> unchecked = java.util.List.of();
        /** {@code one_of}: "one of the highest", a rank with no number; where it was given (0 when absent). */
        boolean oneOf;
        long oneOfPos;

        io.factlint.model.ClaimOptions options() {
            return new io.factlint.model.ClaimOptions(since, since != null && change == null ? "relative" : change,
                    from, maxAge, aggregate, versus, compare, rankAmong, rankKind,
                    order == null && (!rankAmong.isEmpty() || rankKind != null || rankOver != null) ? "desc" : order,
                    complete, toleranceRelative, toleranceAbsolute, window, rankOver, trend, unit, quantifier,
                    quantifierOp, quantifierCount, among, amongKind, membersComplete, accordingTo, unchecked, oneOf, per, false);
        }
    }

    String what() {
        return claim ? "claim" : "fact";
    }
}
