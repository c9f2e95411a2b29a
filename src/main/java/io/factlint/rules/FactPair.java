package io.factlint.rules;

import io.factlint.model.Fact;

import java.util.ArrayList;
import java.util.List;

/**
 * Two facts to compare, for rules that compare facts of one moment, of two consecutive moments or of one day:
 * {@code from $m.pairs} or {@code from FactPair.cross($earlier.facts, $later.facts)} yields each candidate pair
 * once, and the rule's own constraints on {@code first} and {@code second} decide. One {@code from} of pairs
 * keeps far less in Drools' memory than two nested {@code from}s of facts (one entry per pair, instead of one
 * per fact, per fact pair and a map per fact).
 */
public record FactPair(Fact first, Fact second) {

    /**
     * Every fact of {@code a} with every fact of {@code b}. A statement that no figure is kept
     * ({@link Fact#isUnrecorded()}) has no value to compare: it is in no pair, here nor in {@link #within}.
     */
    public static List<FactPair> cross(List<Fact> a, List<Fact> b) {
        List<FactPair> out = new ArrayList<>(a.size() * b.size());
        for (Fact x : a) {
            if (x.isUnrecorded()) continue;
            for (Fact y : b) if (!y.isUnrecorded()) out.add(new FactPair(x, y));
        }
        return out;
    }

    /**
     * Every two facts of {@code facts}, each pair once; {@code first} is the one first in reference order
     * ({@code story#id}), not in load order, so that moving a fact within its file changes no finding.
     */
    public static List<FactPair> within(List<Fact> facts) {
        int n = facts.size();
        List<FactPair> out = new ArrayList<>(n * (n - 1) / 2);
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                Fact a = facts.get(i);
                Fact b = facts.get(j);
                if (a.isUnrecorded() || b.isUnrecorded()) continue;
                int c = Fact.REF_ORDER.compare(a, b);
                out.add(c < 0 || (c == 0 && a.getSeq() < b.getSeq()) ? new FactPair(a, b) : new FactPair(b, a));
            }
        }
        return out;
    }
}
