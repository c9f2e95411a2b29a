package io.factlint.rules;

import io.factlint.model.Fact;
import io.factlint.model.FactBase;
import io.factlint.model.When;

import java.util.Collection;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Words for messages, available to rules as the global {@code names}: entities and sources by name, times as an
 * editor reads them.
 */
public final class Names {
    private final FactBase base;

    public Names(FactBase base) {
        this.base = base;
    }

    /** {@code soldier-1 (wounded North Korean soldier)}. */
    public String entity(String id) {
        String name = base.entityName(id);
        return name.equals(id) ? id : id + " (" + name + ")";
    }

    public String source(String id) {
        return base.sourceName(id);
    }

    /** The distinct source names of the facts, sorted: {@code Militarnyi, NIS}. */
    public String sources(Collection<Fact> facts) {
        return facts.stream().map(f -> source(f.getSource())).collect(Collectors.toCollection(TreeSet::new)).stream()
                .collect(Collectors.joining(", "));
    }

    public String time(When w) {
        return w.display();
    }

    /** The facts' values with their sources: {@code over 3,000 (Zelenskyy)}. */
    public String values(Collection<Fact> facts) {
        return facts.stream().map(f -> f.valueWords() + " (" + source(f.getSource()) + ")").collect(Collectors.joining(", "));
    }
}
