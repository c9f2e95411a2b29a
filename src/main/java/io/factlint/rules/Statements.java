package io.factlint.rules;

import io.factlint.model.Fact;

import java.util.Objects;

/** Comparisons between two statements, for rules. */
public final class Statements {
    private Statements() {
    }

    /**
     * True when two facts state the same thing: the same subject, attribute and time, and the same status or
     * overlapping conventional intervals (or both saying that no figure is kept).
     */
    public static boolean same(Fact a, Fact b) {
        if (!a.getSubject().equals(b.getSubject()) || !a.getAttribute().equals(b.getAttribute())
                || !a.getAt().sameTime(b.getAt())) {
            return false;
        }
        if (a.getStatus() != null || b.getStatus() != null) return Objects.equals(a.getStatus(), b.getStatus());
        // a statement that no figure is kept is the same as another such one, never as a figure
        if (a.isUnrecorded() || b.isUnrecorded()) return a.isUnrecorded() && b.isUnrecorded();
        return a.getConventional().overlaps(b.getConventional());
    }
}
