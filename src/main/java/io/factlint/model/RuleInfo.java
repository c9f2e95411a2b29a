package io.factlint.model;

import java.util.Map;

/** A check rule of the loaded rule pack, with its metadata from the DRL annotations. */
public record RuleInfo(String id, Severity severity, String description, String file, String ruleName,
                       Map<String, String> metadata) {
}
