package io.factlint.engine;

/**
 * A check that did not complete: a rule threw, looped past the firing limit, or the check ran past its time
 * limit. Names the rule that was firing and the facts it matched.
 */
public class RuleFailure extends Exception {
    private final String rule;

    public RuleFailure(String message, String rule, Throwable cause) {
        super(message, cause);
        this.rule = rule;
    }

    /** The rule that was firing, or null when none was. */
    public String rule() {
        return rule;
    }
}
