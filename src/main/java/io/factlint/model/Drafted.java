package io.factlint.model;

/**
 * A fact or claim that {@code factlint draft} proposed and no editor has confirmed yet ({@code drafted: true} in
 * the fact file). Exactly one of {@code fact} and {@code claim} is set. {@code draft.unreviewed} names each.
 */
public record Drafted(Fact fact, Claim claim) {

    public String storyId() {
        return fact != null ? fact.getStoryId() : claim.storyId();
    }

    public String ref() {
        return fact != null ? fact.getRef() : claim.getRef();
    }

    public String subject() {
        return fact != null ? fact.getSubject() : claim.subject();
    }

    public boolean isClaim() {
        return claim != null;
    }

    public Location location() {
        return fact != null ? fact.getLocation() : claim.location();
    }
}
