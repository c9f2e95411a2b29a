package io.factlint.model;

/**
 * What a story asserts and the checker verifies: {@code attribute} (stated or derived) of {@code subject} at time
 * {@code at} compares by {@code op} with a status word ({@code status}) or a number ({@code quantity}).
 */
public record Claim(String storyId, String id, String text, String subject, String attribute, Op op,
                    String status, Quantity quantity, When at, Location location, ClaimOptions options) {

    public Claim {
        if (options == null) options = ClaimOptions.NONE;
    }

    /** A plain claim: attribute op value at a time. */
    public Claim(String storyId, String id, String text, String subject, String attribute, Op op,
                 String status, Quantity quantity, When at, Location location) {
        this(storyId, id, text, subject, attribute, op, status, quantity, at, location, ClaimOptions.NONE);
    }

    /**
     * True for a claim the basic rules judge (one figure at one point in time); false for the forms of
     * docs/claims.md (change, total, comparison, rank, tolerance, window, a period) that {@code ClaimForms} judges.
     */
    public boolean isPlain() {
        return options.isNone() && (isStatusClaim() || at == null || !at.isPeriod());
    }

    /** The subjects the claim involves: its own, those it is compared with, ranked among or quantified over. */
    public java.util.List<String> subjects() {
        java.util.List<String> s = new java.util.ArrayList<>();
        s.add(subject);
        for (String v : options.versus()) if (!s.contains(v)) s.add(v);
        for (String v : options.rankAmong()) if (!s.contains(v)) s.add(v);
        for (String v : options.among()) if (!s.contains(v)) s.add(v);
        return java.util.List.copyOf(s);
    }

    /** The claim's words as the story wrote them, or its reference when the fact file gives no {@code text}. */
    public String wording() {
        return text != null && !text.isBlank() ? text : getRef();
    }

    public String getRef() {
        return storyId + "#" + id;
    }

    public boolean isStatusClaim() {
        return Fact.STATUS.equals(attribute);
    }

    /** The claimed value as written: {@code captured}, {@code 0.25}, {@code over 3,000}, {@code unrecorded (no figure kept)}. */
    public String valueWords() {
        if (options.unrecorded()) return Fact.UNRECORDED_WORDS;
        return status != null ? status : quantity == null ? "" : quantity.words();
    }
}
