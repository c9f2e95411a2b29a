package io.factlint.model;

import java.util.Objects;

/**
 * One statement: at time {@code at}, source {@code source} said that attribute {@code attribute} of entity
 * {@code subject} had value {@code status} (for the attribute {@code status}) or {@code quantity}; or, for a
 * measure, that no figure of it is kept or published for that time ({@link #isUnrecorded()}: the fact value
 * {@code {"unrecorded": true}}, with neither a status nor a quantity).
 */
public final class Fact {
    public static final String STATUS = "status";

    private final int seq;
    private final String storyId;
    private final String id;
    private final String subject;
    private final String attribute;
    private final String status;
    private final Quantity quantity;
    private final When at;
    private final String source;
    private final Certainty certainty;
    private final String quote;
    private final Location location;
    private final boolean unrecorded;
    private final boolean projection;

    public Fact(int seq, String storyId, String id, String subject, String attribute, String status,
                Quantity quantity, When at, String source, Certainty certainty, String quote, Location location) {
        this(seq, storyId, id, subject, attribute, status, quantity, at, source, certainty, quote, location, false);
    }

    /**
     * As above; {@code unrecorded}: the source states that no figure of the measure is kept for the time (then
     * {@code status} and {@code quantity} are null).
     */
    public Fact(int seq, String storyId, String id, String subject, String attribute, String status,
                Quantity quantity, When at, String source, Certainty certainty, String quote, Location location,
                boolean unrecorded) {
        this(seq, storyId, id, subject, attribute, status, quantity, at, source, certainty, quote, location, unrecorded, false);
    }

    /** As above; {@code projection}: the source projects the figure for the fact's time ({@link #isProjection()}). */
    public Fact(int seq, String storyId, String id, String subject, String attribute, String status,
                Quantity quantity, When at, String source, Certainty certainty, String quote, Location location,
                boolean unrecorded, boolean projection) {
        this.projection = projection;
        if (unrecorded && (status != null || quantity != null)) {
            throw new IllegalArgumentException("an unrecorded fact has neither a status nor a quantity");
        }
        this.unrecorded = unrecorded;
        this.seq = seq;
        this.storyId = storyId;
        this.id = id;
        this.subject = subject;
        this.attribute = attribute;
        this.status = status;
        this.quantity = quantity;
        this.at = at;
        this.source = source;
        this.certainty = certainty;
        this.quote = quote;
        this.location = location;
    }

    /** A builder: the fields by name, for code that would otherwise pass twelve arguments in a row. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link Fact}; {@code certainty} defaults to {@link Certainty#REPORTED}. */
    public static final class Builder {
        private int seq;
        private String storyId;
        private String id;
        private String subject;
        private String attribute;
        private String status;
        private Quantity quantity;
        private When at;
        private String source;
        private Certainty certainty = Certainty.REPORTED;
        private String quote;
        private Location location;
        private boolean unrecorded;
        private boolean projection;

        private Builder() {
        }

        public Builder seq(int seq) { this.seq = seq; return this; }
        public Builder storyId(String storyId) { this.storyId = storyId; return this; }
        public Builder id(String id) { this.id = id; return this; }
        public Builder subject(String subject) { this.subject = subject; return this; }
        public Builder attribute(String attribute) { this.attribute = attribute; return this; }
        /** The status word, for a status fact. */
        public Builder status(String status) { this.status = status; return this; }
        /** The quantity, for a measure. */
        public Builder quantity(Quantity quantity) { this.quantity = quantity; return this; }
        public Builder at(When at) { this.at = at; return this; }
        public Builder source(String source) { this.source = source; return this; }
        public Builder certainty(Certainty certainty) { this.certainty = certainty; return this; }
        public Builder quote(String quote) { this.quote = quote; return this; }
        public Builder location(Location location) { this.location = location; return this; }
        /** The source states that no figure of the measure is kept ({@code {"unrecorded": true}}). */
        public Builder unrecorded(boolean unrecorded) { this.unrecorded = unrecorded; return this; }
        /** The source projects or forecasts the figure for the fact's time ({@code "projection": true}). */
        public Builder projection(boolean projection) { this.projection = projection; return this; }

        public Fact build() {
            return new Fact(seq, storyId, id, subject, attribute, status, quantity, at, source, certainty, quote, location,
                    unrecorded, projection);
        }
    }

    /** Position in the whole body of facts (files sorted by path, then order within the file). */
    public int getSeq() { return seq; }
    public String getStoryId() { return storyId; }
    public String getId() { return id; }
    /** {@code story#fact}, the fact's name in reports. */
    public String getRef() { return storyId + "#" + id; }

    /**
     * Orders facts as {@code Comparator.comparing(Fact::getRef)} does, without building the two references: the
     * sorts of large inputs (series, findings) compare facts millions of times.
     */
    public static final java.util.Comparator<Fact> REF_ORDER = Fact::compareRefs;

    private static int compareRefs(Fact a, Fact b) {
        int la = a.refLength(), lb = b.refLength();
        for (int i = 0, n = Math.min(la, lb); i < n; i++) {
            char x = a.refChar(i), y = b.refChar(i);
            if (x != y) return x - y;
        }
        return la - lb;
    }

    private int refLength() {
        return String.valueOf(storyId).length() + 1 + String.valueOf(id).length();
    }

    /** The {@code i}th character of {@link #getRef()} (a null part reads "null", as in the concatenation). */
    private char refChar(int i) {
        String st = String.valueOf(storyId);
        int s = st.length();
        return i < s ? st.charAt(i) : i == s ? '#' : String.valueOf(id).charAt(i - s - 1);
    }
    public String getSubject() { return subject; }
    public String getAttribute() { return attribute; }
    public boolean isStatusFact() { return STATUS.equals(attribute); }
    /** The status word, for a status fact; otherwise null. */
    public String getStatus() { return status; }
    /** The quantity, for a measure; otherwise null. */
    public Quantity getQuantity() { return quantity; }
    /**
     * True when the source states that no figure of this measure (of this subject) is kept or published for the
     * fact's time ({@code {"unrecorded": true}}): a statement with no value, neither a status nor a quantity.
     */
    public boolean isUnrecorded() { return unrecorded; }
    /**
     * True when the source projects or forecasts the figure for the fact's time rather than reporting it
     * ({@code "projection": true}): evidence for a prediction, beaten by an observation for the same time, and left
     * out of the rules that compare observations (docs/claims.md, "Predictions").
     */
    public boolean isProjection() { return projection; }

    /** The conventional interval of the quantity, or null for a status fact or an unrecorded one. */
    public Interval getConventional() { return quantity == null ? null : quantity.conventional(); }
    public Interval getStrict() { return quantity == null ? null : quantity.strict(); }
    public When getAt() { return at; }
    /** The calendar day the fact's time starts on, for rules that join facts of the same day. */
    public java.time.LocalDate getDay() { return at.startDay(); }
    public String getSource() { return source; }
    public Certainty getCertainty() { return certainty; }
    public boolean isUnconfirmed() { return certainty == Certainty.UNCONFIRMED; }
    public String getQuote() { return quote; }
    public Location getLocation() { return location; }

    /** True for a state of a yes/no measure ({@code yesNo:}; {@link Quantity#isYesNo()}): its value is yes or no. */
    public boolean isYesNo() { return quantity != null && quantity.isYesNo(); }

    /** The words of an unrecorded fact's value ({@link #valueWords()}). */
    public static final String UNRECORDED_WORDS = "unrecorded (no figure kept)";

    /** The value as written: a status word or a quantity's words; {@link #UNRECORDED_WORDS} for an unrecorded fact. */
    public String valueWords() {
        return status != null ? status : quantity != null ? quantity.words() : UNRECORDED_WORDS;
    }

    @Override
    public boolean equals(Object o) {
        // the same as comparing getRef(), without building both: facts are hash keys in the rules' joins
        return o instanceof Fact f && seq == f.seq && compareRefs(this, f) == 0;
    }

    @Override
    public int hashCode() {
        // Objects.hash(seq, storyId, id), without its array
        return 31 * (31 * (31 + seq) + Objects.hashCode(storyId)) + Objects.hashCode(id);
    }

    @Override
    public String toString() {
        return getRef();
    }
}
