package io.factlint.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * What a rule found. {@code location} is where an editor should look first: the claim, the mention, or the
 * earliest fact it names. {@code facts} are ordered by reference. {@code review} is what the editorial workflow
 * adds after the rules ran: the waiver that applies and the comparison with a baseline ({@link Review#NONE} if none).
 */
public record Finding(String rule, Severity severity, String message, String subject, String claimRef,
                      List<Fact> facts, Location location, Review review) {

    /**
     * Deterministic report order: severity, file, line, column, rule id, then message and facts. The review does not
     * change a finding's place: a waived finding stays where it was.
     */
    public static final Comparator<Finding> ORDER = Comparator
            .comparing(Finding::severity)
            .thenComparing(Finding::location)
            .thenComparing(Finding::rule)
            .thenComparing(Finding::message)
            .thenComparing(f -> String.join(",", f.factRefs()));

    /** The most facts a finding names; the rest are counted in its message ({@link #decisive}). */
    public static final int MAX_FACTS = 20;

    /**
     * The facts that decide a finding, from all the facts it rests on: the first (primary) fact, then the latest
     * fact (by file position) of each attribute, time, source and value, at most {@link #MAX_FACTS} in all. Facts
     * that only repeat what a named fact says (same attribute, time, source and value) are left out, so a finding's
     * size no longer grows with the number of corroborating facts and every report stays linear in the input.
     */
    public static List<Fact> decisive(List<Fact> facts) {
        if (facts.size() <= 1) return facts;
        java.util.Map<String, Fact> latest = new java.util.LinkedHashMap<>();
        for (Fact f : facts) {
            String key = f.getAttribute() + "\u0000" + f.getAt() + "\u0000" + f.getSource() + "\u0000" + f.valueWords();
            latest.merge(key, f, (a, b) -> b.getSeq() >= a.getSeq() ? b : a);
        }
        List<Fact> out = new java.util.ArrayList<>();
        Fact primary = facts.get(0);
        out.add(primary);
        latest.values().stream().filter(f -> f != primary).sorted(Comparator.comparing(Fact::getAt)
                        .thenComparing(Fact.REF_ORDER)).limit(MAX_FACTS - 1).forEach(out::add);
        return out;
    }

    public Finding {
        facts = facts.stream().sorted(Fact.REF_ORDER).distinct().toList();
        review = review == null ? Review.NONE : review;
    }

    /** A finding as a rule reports it, not yet reviewed. */
    public Finding(String rule, Severity severity, String message, String subject, String claimRef,
                   List<Fact> facts, Location location) {
        this(rule, severity, message, subject, claimRef, facts, location, Review.NONE);
    }

    public Finding withReview(Review r) {
        return new Finding(rule, severity, message, subject, claimRef, facts, location, r);
    }

    /** True when a waiver applies: the finding is shown, marked waived, and does not fail a check. */
    public boolean waived() {
        return review.waived();
    }

    public List<String> factRefs() {
        return facts.stream().map(Fact::getRef).toList();
    }

    /**
     * A stable identity of the problem, not of its evidence: rule id, subject, claim, and the attributes and times
     * of the facts it rests on (or, where no fact is named, the location's file and the message). A fact from a
     * corroborating source, a fact moved within its file or a reworded message leave it unchanged; a problem at
     * another time or about another attribute changes it. (Before 0.2 the fact references were part of it: a
     * baseline written then marks every finding new once.)
     */
    public String fingerprint() {
        if (facts.isEmpty()) return fingerprint(rule, subject, claimRef, List.of(), location.file(), message);
        // distinct and sorted, as a stream's distinct().sorted() gives them
        java.util.TreeSet<String> attributeSet = new java.util.TreeSet<>();
        java.util.TreeSet<String> timeSet = new java.util.TreeSet<>();
        for (Fact f : facts) {
            attributeSet.add(f.getAttribute());
            timeSet.add(String.valueOf(f.getAt()));
        }
        String attributes = String.join(",", attributeSet);
        String times = String.join(",", timeSet);
        return digest(rule + "\u0000" + Objects.toString(subject, "") + "\u0000" + Objects.toString(claimRef, "")
                + "\u0000v2\u0000" + attributes + "\u0000" + times);
    }

    /**
     * The fingerprint of a finding given by its parts, for a report of an older version without a
     * {@code fingerprint} field (the older formula, by fact references).
     */
    public static String fingerprint(String rule, String subject, String claimRef, List<String> factRefs, String file,
                                     String message) {
        String key = rule + "\u0000" + Objects.toString(subject, "") + "\u0000" + Objects.toString(claimRef, "")
                + "\u0000" + (factRefs.isEmpty() ? Objects.toString(file, "") + "\u0000" + message
                : String.join(",", factRefs.stream().sorted().toList()));
        return digest(key);
    }

    /** One SHA-256 engine per thread (looking one up costs more than hashing a key); reset by each digest. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });
    private static final HexFormat HEX = HexFormat.of();

    private static String digest(String key) {
        byte[] d = SHA_256.get().digest(key.getBytes(StandardCharsets.UTF_8));
        return HEX.formatHex(d, 0, 16);
    }
}
