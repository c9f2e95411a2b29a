package io.factlint.serve;

import io.factlint.check.CheckOutcome;
import io.factlint.check.CheckPipeline;
import io.factlint.check.CheckRequest;
import io.factlint.engine.EngineLimits;
import io.factlint.engine.RuleFailure;
import io.factlint.engine.RulePack;
import io.factlint.engine.RulePackException;
import io.factlint.ingest.FactLoader;
import io.factlint.ingest.InputError;
import io.factlint.ingest.InputException;
import io.factlint.model.CheckResult;
import io.factlint.model.FactBase;
import io.factlint.model.Severity;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The one place the workbench runs a check, through the shared check pipeline ({@link CheckPipeline}: load, waivers,
 * rule session, review, gate), with the workbench's compiled rule pack; the outcome or the located input errors
 * that stopped it, for the page.
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

    /** Checks {@code inputs}; {@code waivers}: the waivers file, or null for those found in the folders. */
    static Outcome run(RulePack pack, List<Path> inputs, Path waivers, Severity failOn, Duration timeout, Clock clock) {
        CheckRequest request = CheckRequest.of(inputs).withWaivers(waivers).withFailOn(failOn)
                .withEngineLimits(new EngineLimits(null, timeout)).withClock(clock);
        try {
            CheckOutcome o = new CheckPipeline(pack).run(request);
            return new Outcome(o.result(), o.result().facts(), List.of());
        } catch (InputException e) {
            return new Outcome(null, null, e.errors().stream().sorted().distinct().map(InputError::toString).toList());
        } catch (RulePackException e) {
            return new Outcome(null, null, e.problems());
        } catch (RuleFailure e) {
            return new Outcome(null, null, List.of("the check did not complete: " + e.getMessage()));
        }
    }

    /** Loads fact files only (the edit forms' validation: the same loader, the same located messages). */
    static List<String> validate(RulePack pack, List<Path> files) {
        try {
            new FactLoader(pack.vocabulary().statusWords())
                    .checkingAgainst(pack.vocabulary()).load(files);
            return List.of();
        } catch (InputException e) {
            return e.errors().stream().sorted().distinct().map(InputError::toString).toList();
        }
    }
}
