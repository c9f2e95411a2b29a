package io.factlint.engine.functions;

import io.factlint.model.Claim;
import io.factlint.model.Fact;
import io.factlint.model.Finding;
import io.factlint.model.Location;
import io.factlint.model.Mention;
import io.factlint.model.Severity;
import org.kie.api.runtime.rule.RuleContext;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Builds findings in a rule's consequence. The rule id and severity come from the firing rule's {@code @id} and
 * {@code @severity} annotations, so a rule file states them once:
 * <pre>insert(Findings.of(kcontext, $subject, "message", $fact));</pre>
 * The finding's location is the claim's or mention's, if given, else that of the first fact passed.
 */
public final class Findings {
    private Findings() {
    }

    /** A finding about {@code subject} resting on the given facts (or collections of facts), the first being primary. */
    public static Finding of(RuleContext ctx, String subject, String message, Object... facts) {
        List<Fact> all = flatten(facts);
        if (all.isEmpty()) throw new IllegalArgumentException("a finding needs a fact or a claim or a mention");
        return build(ctx, subject, null, message, all, all.get(0).getLocation());
    }

    /** A finding about a claim, resting on the given facts (possibly none). */
    public static Finding ofClaim(RuleContext ctx, Claim claim, String message, Object... facts) {
        return build(ctx, claim.subject(), claim.getRef(), message, flatten(facts), claim.location());
    }

    /** A finding about a date mention of a story's text. */
    public static Finding ofMention(RuleContext ctx, Mention mention, String message) {
        return build(ctx, null, null, message, List.of(), mention.location());
    }

    /** A finding at a place in a story's text file (a number no fact backs). */
    public static Finding ofText(RuleContext ctx, Location location, String message) {
        return build(ctx, null, null, message, List.of(), location);
    }

    private static Finding build(RuleContext ctx, String subject, String claimRef, String message, List<Fact> facts,
                                 Location location) {
        Map<String, Object> meta = ctx.getRule().getMetaData();
        Object id = meta.get("id");
        Object severity = meta.get("severity");
        if (id == null || severity == null) {
            throw new IllegalStateException("rule \"" + ctx.getRule().getName() + "\" reports a finding but has no @id and @severity");
        }
        return new Finding(id.toString(), Severity.parse(severity.toString()), message, subject, claimRef, facts, location);
    }

    private static List<Fact> flatten(Object[] items) {
        List<Fact> out = new ArrayList<>();
        for (Object o : items) {
            if (o instanceof Fact f) {
                out.add(f);
            } else if (o instanceof Collection<?> c) {
                for (Object x : c) out.add((Fact) x);
            } else if (o != null) {
                throw new IllegalArgumentException("not a fact: " + o);
            }
        }
        return out;
    }
}
