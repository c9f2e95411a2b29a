package io.factlint.rules;

import io.factlint.model.Fact;
import io.factlint.model.Location;

import java.util.List;

/**
 * A finding as a rule's consequence reports it ({@link Findings}): the rule id and the message's named arguments.
 * The engine turns it into a {@link io.factlint.model.Finding} after the session, with the severity and the
 * rendered message of the id's rule catalogue entry ({@code variant}: the rule's {@code @message}, which of the
 * entry's named wordings it uses; null for an entry with one message).
 */
public record Reported(String rule, String ruleName, String variant, String subject, String claimRef, List<Fact> facts,
                       Location location, Args args) {
    public Reported {
        facts = List.copyOf(facts);
    }
}
