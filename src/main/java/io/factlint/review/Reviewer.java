package io.factlint.review;

import io.factlint.model.BaselineComparison;
import io.factlint.model.BaselineState;
import io.factlint.model.CheckResult;
import io.factlint.model.Finding;
import io.factlint.model.FixedFinding;
import io.factlint.model.Review;
import io.factlint.model.RuleInfo;
import io.factlint.model.Severity;
import io.factlint.model.Waiver;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The editorial review of a check result: applies the waivers that have not expired (the first matching waiver, in
 * file order, marks a finding waived), reports expired waivers ({@code waiver.expired}) and waivers that match
 * nothing ({@code waiver.unused}), and compares the findings with a baseline report by fingerprint.
 */
public final class Reviewer {
    private Reviewer() {
    }

    /**
     * Reviews {@code result}.
     *
     * @param waivers      the waivers, in file order (empty: none)
     * @param baseline     the baseline report's findings, or null without a baseline
     * @param baselineFile the baseline file as shown in reports (ignored without a baseline)
     * @param clock        what "today" is for expiry
     */
    public static CheckResult review(CheckResult result, List<Waiver> waivers, List<FixedFinding> baseline,
                                     String baselineFile, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        List<Waiver> active = waivers.stream().filter(w -> !w.expiredOn(today)).toList();
        Map<Waiver, Integer> uses = new IdentityHashMap<>();
        List<Finding> out = new ArrayList<>();
        for (Finding f : result.findings()) {
            Waiver applied = null;
            for (Waiver w : active) {
                if (w.covers(f)) {
                    uses.merge(w, 1, Integer::sum);
                    if (applied == null) applied = w;
                }
            }
            out.add(applied == null ? f : f.withReview(f.review().withWaiver(applied)));
        }
        for (Waiver w : waivers) {
            if (w.expiredOn(today)) {
                long matches = result.findings().stream().filter(w::covers).count();
                out.add(new Finding(ReviewRules.EXPIRED, Severity.WARNING, "waiver for " + w.rule() + " (" + w.scope()
                        + ") expired on " + w.expires() + " (" + w.author() + ": " + oneLine(w.reason()) + "); "
                        + (matches == 0 ? "it matches no finding any more: remove it"
                        : plural(matches, "finding it covers counts", "findings it covers count") + " again: fix, or renew it with a new date"),
                        w.subject(), null, List.of(), w.location()));
            } else if (!uses.containsKey(w)) {
                out.add(new Finding(ReviewRules.UNUSED, Severity.WARNING, "waiver for " + w.rule() + " (" + w.scope()
                        + ") matches no finding: remove it, or correct what it covers (" + w.author() + ": "
                        + oneLine(w.reason()) + ")", w.subject(), null, List.of(), w.location()));
            }
        }
        out.sort(Finding.ORDER);
        List<RuleInfo> rules = result.rules();
        if (!waivers.isEmpty()) {
            Map<String, RuleInfo> all = new LinkedHashMap<>();
            rules.forEach(r -> all.put(r.id(), r));
            ReviewRules.all().forEach(r -> all.putIfAbsent(r.id(), r));
            rules = all.values().stream().sorted(Comparator.comparing(RuleInfo::id)).toList();
        }
        BaselineComparison comparison = null;
        if (baseline != null) {
            Map<String, Integer> left = new HashMap<>();
            baseline.forEach(b -> left.merge(b.fingerprint(), 1, Integer::sum));
            Map<String, Integer> matched = new HashMap<>();
            for (int i = 0; i < out.size(); i++) {
                Finding f = out.get(i);
                String fp = f.fingerprint();
                boolean had = left.getOrDefault(fp, 0) > 0;
                if (had) {
                    left.merge(fp, -1, Integer::sum);
                    matched.merge(fp, 1, Integer::sum);
                }
                out.set(i, f.withReview(f.review().withBaseline(had ? BaselineState.UNCHANGED : BaselineState.NEW)));
            }
            List<FixedFinding> fixed = new ArrayList<>();
            for (FixedFinding b : baseline) {
                int m = matched.getOrDefault(b.fingerprint(), 0);
                if (m > 0) matched.put(b.fingerprint(), m - 1);
                else fixed.add(b);
            }
            comparison = new BaselineComparison(baselineFile, fixed);
        }
        return result.withFindings(List.copyOf(out), rules, comparison);
    }

    private static String plural(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").trim();
    }
}
