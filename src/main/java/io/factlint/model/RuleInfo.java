package io.factlint.model;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** A check rule of the loaded rule pack, with its metadata from the DRL annotations. */
public record RuleInfo(String id, Severity severity, String description, String file, String ruleName,
                       Map<String, String> metadata) {
    /** Metadata keys that reports show in their own place, not again in a rule's list of metadata. */
    public static final Set<String> SHOWN_KEYS = Set.of("id", "severity", "description");
    /** The rule help keys of the DRL annotations ({@code @fires}, {@code @example}, {@code @fix}) with their headings. */
    public static final List<Map.Entry<String, String>> HELP_KEYS = List.of(
            Map.entry("fires", "What makes it fire"), Map.entry("example", "Example"), Map.entry("fix", "What to do"));
}
