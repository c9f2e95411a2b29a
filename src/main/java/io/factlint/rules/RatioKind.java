package io.factlint.rules;

import io.factlint.model.Figure;
import io.factlint.model.When;
import io.factlint.model.vocab.FigureDefinition;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code kind: ratio} (the default): {@code numerator / denominator} of one subject, for counts: both inputs
 * non-negative and the denominator not 0 ({@link Figures#ratio}). Rules: figures.drl "derived figure ...".
 */
public final class RatioKind implements FigureKind {
    public static final RatioKind INSTANCE = new RatioKind();

    private RatioKind() {
    }

    @Override
    public String name() {
        return FigureDefinition.RATIO;
    }

    @Override
    public List<String> inputs(String figure, Map<String, String> params) throws Invalid {
        String num = params.get("numerator");
        String den = params.get("denominator");
        if (num == null || den == null) {
            throw new Invalid(num == null ? "numerator" : "denominator", -1,
                    "figure \"" + figure + "\" needs a numerator and a denominator");
        }
        for (String k : params.keySet()) {
            if (!k.equals("numerator") && !k.equals("denominator")) {
                throw new Invalid(k, -1, "figure \"" + figure + "\" of kind ratio has no setting \"" + k + "\"");
            }
        }
        return List.of(num, den);
    }

    @Override
    public Figure compute(FigureDefinition def, When at, Function<String, Moment> momentOf) {
        Moment n = momentOf.apply(def.numerator());
        Moment d = momentOf.apply(def.denominator());
        if (n == null || d == null || n.getHull() == null || d.getHull() == null) return null;
        if (n.getHull().min() < 0 || d.getHull().min() < 0 || !(d.getHull().max() > 0)) return null;
        return Figures.ratio(def, at, n, d);
    }
}
