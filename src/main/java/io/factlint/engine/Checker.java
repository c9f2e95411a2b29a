package io.factlint.engine;

import io.factlint.ingest.FactLoader;
import io.factlint.ingest.InputException;
import io.factlint.model.CheckResult;
import io.factlint.model.FactBase;

import java.nio.file.Path;
import java.util.List;

/** The whole pipeline without a console: fact files → model → rule session → result. */
public final class Checker {
    private Checker() {
    }

    /** Loads the fact files under {@code paths} with the pack's vocabulary and checks them. */
    public static CheckResult check(RulePack pack, List<Path> paths, EngineLimits limits) throws InputException, RuleFailure {
        return check(pack, paths, limits, Phases.NONE);
    }

    /** As {@link #check(RulePack, List, EngineLimits)}, recording the time of each phase in {@code phases}. */
    public static CheckResult check(RulePack pack, List<Path> paths, EngineLimits limits, Phases phases)
            throws InputException, RuleFailure {
        long t = System.nanoTime();
        FactBase base = new FactLoader(pack.vocabulary().statusWords())
                .checkingClaimAttributes(pack.vocabulary().knownAttributes()).load(paths);
        phases.since("load", t);
        phases.note("facts", String.valueOf(base.facts().size()));
        return Engine.check(pack, base, limits, phases);
    }
}
