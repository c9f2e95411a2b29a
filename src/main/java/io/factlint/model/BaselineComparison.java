package io.factlint.model;

import java.util.List;

/**
 * The comparison of a check with a baseline report ({@code --baseline}): the baseline file as given, and the
 * baseline's findings that are gone now, in the baseline's order. Each current finding carries its own
 * {@link BaselineState} in its {@link Review}.
 */
public record BaselineComparison(String file, List<FixedFinding> fixed) {

    public BaselineComparison {
        fixed = List.copyOf(fixed);
    }
}
