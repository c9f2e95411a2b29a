package io.factlint.model;

import java.util.List;

/**
 * A finding of the baseline report that the current check no longer finds, as the baseline report gave it
 * (only references of its facts, since those facts may be gone).
 */
public record FixedFinding(String rule, Severity severity, String message, String subject, String claimRef,
                           String fingerprint, Location location, List<String> factRefs) {

    public FixedFinding {
        factRefs = List.copyOf(factRefs);
    }
}
