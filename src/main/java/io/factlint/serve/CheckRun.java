package io.factlint.serve;

import io.factlint.engine.Engine;
import io.factlint.engine.EngineLimits;
import io.factlint.engine.Phases;
import io.factlint.engine.RuleFailure;
import io.factlint.engine.RulePack;
import io.factlint.ingest.FactLoader;
import io.factlint.ingest.InputError;
import io.factlint.ingest.InputException;
import io.factlint.model.CheckResult;
import io.factlint.model.FactBase;
import io.factlint.model.RuleInfo;
import io.factlint.model.Waiver;
import io.factlint.review.Reviewer;
import io.factlint.review.WaiverFile;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one place the workbench runs a check: load the fact files, run the compiled rules, read the waivers and review.
 * It assembles the same steps as {@code factlint check}; when the shared check pipeline lands this class is the one
 * to switch over to it.
 */
final class CheckRun {
    private CheckRun() {
    }

    /** What a check gave: a reviewed result, or the input errors (located) that stopped it. */
    record Outcome(CheckResult result, FactBase base, List<String> errors) {
        boolean ok() {
            return result != null;
        }
    }

    static Outcome run(RulePack pack, List<Path> inputs, List<Path> waiverFiles, Duration timeout, Clock clock) {
        List<InputError> errors = new ArrayList<>();
        FactBase base = null;
        try {
            base = new FactLoader(pack.vocabulary().statusWords()).load(inputs);
        } catch (InputException e) {
            errors.addAll(e.errors());
        }
        Set<String> ids = pack.rules().stream().map(RuleInfo::id).collect(Collectors.toSet());
        List<Waiver> waivers = new ArrayList<>();
        for (Path f : waiverFiles) waivers.addAll(WaiverFile.read(f, ids, errors));
        if (!errors.isEmpty()) {
            return new Outcome(null, base, errors.stream().sorted().distinct().map(InputError::toString).toList());
        }
        CheckResult result;
        try {
            result = Engine.check(pack, base, new EngineLimits(null, timeout), Phases.NONE);
        } catch (RuleFailure e) {
            return new Outcome(null, base, List.of("the check did not complete: " + e.getMessage()));
        }
        return new Outcome(Reviewer.review(result, waivers, null, null, clock), base, List.of());
    }

    /** Loads fact files only (the edit forms' validation: the same loader, the same located messages). */
    static List<String> validate(RulePack pack, List<Path> files) {
        try {
            new FactLoader(pack.vocabulary().statusWords()).load(files);
            return List.of();
        } catch (InputException e) {
            return e.errors().stream().sorted().distinct().map(InputError::toString).toList();
        }
    }
}
