package io.factlint.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * An editor's acknowledgement of a finding: the rule it is about, what it covers (a subject, the exact set of facts
 * a finding names, or a finding's fingerprint; every one given must match), why, who decided and until when.
 * A waiver applies up to and including its {@code expires} day. {@code location} is the entry in the waivers file.
 */
public record Waiver(String rule, String subject, List<String> facts, String fingerprint, String reason, String author,
                     LocalDate expires, Location location) {

    public Waiver {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(expires, "expires");
        Objects.requireNonNull(location, "location");
        facts = facts == null ? null : List.copyOf(new TreeSet<>(facts));
    }

    /** True when this waiver's rule and every selector it states match the finding (expiry is not considered). */
    public boolean covers(Finding f) {
        if (!rule.equals(f.rule())) return false;
        if (subject != null && !subject.equals(f.subject())) return false;
        // the finding names every fact the waiver lists: a fact from a corroborating source does not undo a waiver
        if (facts != null && !f.factRefs().containsAll(facts)) return false;
        return fingerprint == null || fingerprint.equalsIgnoreCase(f.fingerprint());
    }

    /** True when {@code today} is after the expiry day. */
    public boolean expiredOn(LocalDate today) {
        return today.isAfter(expires);
    }

    /** What it covers, for messages: {@code subject soldier-1, facts [s#f1, s#f2]}. */
    public String scope() {
        StringBuilder b = new StringBuilder();
        if (subject != null) b.append("subject ").append(subject);
        if (facts != null) b.append(b.isEmpty() ? "" : ", ").append("facts ").append(facts);
        if (fingerprint != null) b.append(b.isEmpty() ? "" : ", ").append("fingerprint ").append(fingerprint);
        return b.toString();
    }
}
