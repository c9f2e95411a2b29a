package io.factlint.rules;

import io.factlint.model.Claim;
import io.factlint.model.Fact;
import io.factlint.model.Location;
import io.factlint.model.Mention;
import org.kie.api.runtime.rule.RuleContext;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Reports findings from a rule's consequence. The rule names its id with {@code @id("...")}; severity, description
 * and the message's wording are that id's entry in the rule catalogue (a {@code rules:} key in a YAML file of the
 * rules folder). The consequence passes the message's named arguments:
 * <pre>
 * insert(Findings.of(kcontext, $s, args("subject", names.entity($s), "from", $from, "to", $to), $b, $a));
 * </pre>
 * ({@code import function io.factlint.rules.Args.args;} in the DRL.) The finding's location is the
 * claim's or mention's, if given, else that of the first fact passed.
 */
public final class Findings {
    private Findings() {
    }

    /** A finding about {@code subject} resting on the given facts (or collections of facts), the first being primary. */
    public static Reported of(RuleContext ctx, String subject, Args args, Object... facts) {
        List<Fact> all = flatten(facts);
        if (all.isEmpty()) throw new IllegalArgumentException("a finding needs a fact or a claim or a mention");
        return build(ctx, subject, null, args, all, all.get(0).getLocation());
    }

    /** A finding about a claim, resting on the given facts (possibly none). */
    public static Reported ofClaim(RuleContext ctx, Claim claim, Args args, Object... facts) {
        return build(ctx, claim.subject(), claim.getRef(), args, flatten(facts), claim.location());
    }

    /** A finding about a date mention of a story's text. */
    public static Reported ofMention(RuleContext ctx, Mention mention, Args args) {
        return build(ctx, null, null, args, List.of(), mention.location());
    }

    /** A finding at a place in a story's text file (a number no fact backs). */
    public static Reported ofText(RuleContext ctx, Location location, Args args) {
        return build(ctx, null, null, args, List.of(), location);
    }

    private static Reported build(RuleContext ctx, String subject, String claimRef, Args args, List<Fact> facts,
                                  Location location) {
        Map<String, Object> meta = ctx.getRule().getMetaData();
        Object id = meta.get("id");
        Object variant = meta.get("message");
        if (id == null) {
            throw new IllegalStateException("rule \"" + ctx.getRule().getName() + "\" reports a finding but has no @id");
        }
        return new Reported(id.toString(), ctx.getRule().getName(), variant == null ? null : variant.toString(), subject, claimRef, facts, location,
                args == null ? Args.args() : args);
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
