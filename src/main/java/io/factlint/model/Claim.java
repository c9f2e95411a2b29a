package io.factlint.model;

/**
 * What a story asserts and the checker verifies: {@code attribute} (stated or derived) of {@code subject} at time
 * {@code at} compares by {@code op} with a status word ({@code status}) or a number ({@code quantity}).
 */
public record Claim(String storyId, String id, String text, String subject, String attribute, Op op,
                    String status, Quantity quantity, When at, Location location) {

    public String getRef() {
        return storyId + "#" + id;
    }

    public boolean isStatusClaim() {
        return Fact.STATUS.equals(attribute);
    }

    /** The claimed value as written: {@code captured}, {@code 0.25}, {@code over 3,000}. */
    public String valueWords() {
        return status != null ? status : quantity.words();
    }
}
