package io.factlint.rules;

import io.factlint.model.Fact;
import io.factlint.model.When;

import java.util.List;
import java.util.Set;

/** A subject's status at a time, with the statements it rests on and the time they speak of. */
public record StatusAt(Set<String> statuses, List<Fact> facts, When at) {

    public boolean is(String status) {
        return statuses.size() == 1 && statuses.contains(status);
    }
}
