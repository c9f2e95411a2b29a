package io.factlint.review;

import io.factlint.model.RuleInfo;
import io.factlint.model.Severity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The built-in rules of the review step: they are about the waivers file, not about facts. */
public final class ReviewRules {
    public static final String EXPIRED = "waiver.expired";
    public static final String UNUSED = "waiver.unused";

    private ReviewRules() {
    }

    /** The built-in rules with the same metadata keys as DRL rules ({@code description}, {@code fires}, ...). */
    public static List<RuleInfo> all() {
        return List.of(
                info(EXPIRED, "A waiver's expiry date has passed: it no longer applies, and the findings it covered count again.",
                        "today (FACTLINT_TODAY, SOURCE_DATE_EPOCH or the system clock) is after the waiver's 'expires' date",
                        "expires: 2024-12-31, checked on 2025-01-02: the waived status.changed finding fails the check again",
                        "Fix what the finding points at, or renew the waiver with a later date and a current reason."),
                info(UNUSED, "A waiver matches no finding: what it covers was fixed, or it names the wrong subject, facts or fingerprint.",
                        "no finding of the waiver's rule has its subject, exactly its facts and its fingerprint (those it gives)",
                        "a waiver for status.changed with subject soldier-2 when only soldier-1 changed status",
                        "Remove the waiver, or correct it from the JSON report (subject, facts[].ref, fingerprint)."));
    }

    private static RuleInfo info(String id, String description, String fires, String example, String fix) {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("description", description);
        meta.put("example", example);
        meta.put("fires", fires);
        meta.put("fix", fix);
        meta.put("id", id);
        meta.put("severity", Severity.WARNING.id());
        return new RuleInfo(id, Severity.WARNING, description, null, id, java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(meta)));
    }
}
