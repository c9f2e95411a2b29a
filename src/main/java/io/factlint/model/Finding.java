package io.factlint.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a rule found. {@code location} is where an editor should look first: the claim, the mention, or the
 * earliest fact it names. {@code facts} are ordered by reference.
 */
public record Finding(String rule, Severity severity, String message, String subject, String claimRef,
                      List<Fact> facts, Location location) {

    /** Deterministic report order: severity, file, line, column, rule id, then message and facts. */
    public static final Comparator<Finding> ORDER = Comparator
            .comparing(Finding::severity)
            .thenComparing(Finding::location)
            .thenComparing(Finding::rule)
            .thenComparing(Finding::message)
            .thenComparing(f -> String.join(",", f.factRefs()));

    public Finding {
        facts = facts.stream().sorted(Comparator.comparing(Fact::getRef)).distinct().toList();
    }

    public List<String> factRefs() {
        return facts.stream().map(Fact::getRef).toList();
    }

    /**
     * A stable identity that survives moving facts within their files: rule id, subject, claim and the facts'
     * references (or, where no fact is named, the location's file and the message).
     */
    public String fingerprint() {
        String key = rule + "\u0000" + (subject == null ? "" : subject) + "\u0000" + (claimRef == null ? "" : claimRef)
                + "\u0000" + (facts.isEmpty() ? location.file() + "\u0000" + message
                : facts.stream().map(Fact::getRef).collect(Collectors.joining(",")));
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
