package io.factlint.model;

import java.util.List;

/**
 * The outcome of checking one claim: the verdict on the conventional reading and on the strict one, the figure it
 * was checked against (null for status claims and claims with nothing to check), the facts it rests on, and why.
 */
public record ClaimVerdict(Claim claim, Verdict verdict, Verdict strictVerdict, Figure figure, List<Fact> facts,
                           String reason) {
    /** The facts that decide the verdict ({@link Finding#decisive}): a verdict stays small however many facts agree. */
    public ClaimVerdict {
        facts = facts == null ? List.of() : Finding.decisive(facts.stream().distinct().toList());
    }
}
