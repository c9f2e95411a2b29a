package io.factlint.model;

/**
 * What the editorial workflow says about a finding: the waiver that applies to it (null: none), and how it compares
 * with the baseline (null: the check had no baseline). Reports show a waived finding like any other, marked waived
 * with the waiver's reason; a waived finding does not count toward {@code --fail-on}.
 */
public record Review(Waiver waiver, BaselineState baseline) {
    public static final Review NONE = new Review(null, null);

    public boolean waived() {
        return waiver != null;
    }

    public Review withWaiver(Waiver w) {
        return new Review(w, baseline);
    }

    public Review withBaseline(BaselineState b) {
        return new Review(waiver, b);
    }
}
