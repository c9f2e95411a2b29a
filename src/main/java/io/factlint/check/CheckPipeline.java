package io.factlint.check;

import io.factlint.engine.Engine;
import io.factlint.engine.Phases;
import io.factlint.engine.RuleFailure;
import io.factlint.engine.RulePack;
import io.factlint.engine.RulePackException;
import io.factlint.ingest.FactLoader;
import io.factlint.ingest.InputError;
import io.factlint.ingest.InputException;
import io.factlint.model.CheckResult;
import io.factlint.model.FactBase;
import io.factlint.model.FixedFinding;
import io.factlint.model.RuleInfo;
import io.factlint.model.Waiver;
import io.factlint.model.vocab.Vocabulary;
import io.factlint.review.BaselineReport;
import io.factlint.review.Reviewer;
import io.factlint.review.WaiverFile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one check pipeline: fact files → model (with the rule pack's vocabulary) → waivers and baseline → rule
 * session → review → {@link Gate} → {@link ExitCode}. {@code factlint check} (once and in {@code --watch}),
 * {@code factlint test}, the benchmarks and any embedder (a server, a batch runner) call {@link #run}; nothing
 * else assembles these steps.
 *
 * <p>A pipeline keeps one compiled rule pack and may run any number of requests with it, also from several
 * threads at once (each run has its own rule session; the pack is immutable). It does no console output and never
 * exits: a check that cannot start or complete ends in an exception, whose exit code is that of the exception's
 * kind ({@link RulePackException} and {@link InputException}: {@link ExitCode#INPUT_ERROR}; {@link RuleFailure}:
 * {@link ExitCode#INTERNAL_ERROR}). A check that completed gives a {@link CheckOutcome} whose exit code is
 * {@link ExitCode#OK} or {@link ExitCode#FINDINGS}.
 */
public final class CheckPipeline {
    private final Phases phases;
    private final Runnable whileRulesLoad;
    private RulePack.Pending pending;
    private RulePack pack;

    /** A pipeline with a compiled rule pack. */
    public CheckPipeline(RulePack pack) {
        this(pack, Phases.NONE);
    }

    /** A pipeline with a compiled rule pack that records the time of each phase in {@code phases}. */
    public CheckPipeline(RulePack pack, Phases phases) {
        this.pack = java.util.Objects.requireNonNull(pack, "pack");
        this.phases = phases;
        this.whileRulesLoad = () -> { };
    }

    private CheckPipeline(RulePack.Pending pending, Phases phases, Runnable whileRulesLoad) {
        this.pending = pending;
        this.phases = phases;
        this.whileRulesLoad = whileRulesLoad;
    }

    /**
     * A pipeline whose rule pack is still loading ({@link RulePack#start}): the first run reads the fact files with
     * the vocabulary while the rules arrive, and runs {@code whileRulesLoad} (then warms up the engine) if it has
     * to wait for them. A rule pack that does not compile is reported ({@link RulePackException}) before any input
     * error.
     */
    public static CheckPipeline starting(RulePack.Pending pending, Phases phases, Runnable whileRulesLoad) {
        return new CheckPipeline(java.util.Objects.requireNonNull(pending, "pending"), phases, whileRulesLoad);
    }

    /** The compiled rule pack (waiting for it when it is still loading). */
    public synchronized RulePack pack() throws RulePackException {
        if (pack == null) {
            if (!pending.done()) {
                long t = System.nanoTime();
                whileRulesLoad.run();
                Engine.warmUp();
                phases.since("warm-up", t);
            }
            pack = pending.get();
            pending = null;
        }
        return pack;
    }

    private synchronized Vocabulary vocabulary() {
        return pack != null ? pack.vocabulary() : pending.vocabulary();
    }

    /**
     * Checks the fact files of {@code request}.
     *
     * @throws RulePackException the rule pack does not compile (exit 2)
     * @throws InputException    fact files, the waivers file or the baseline cannot be read: every error, sorted (exit 2)
     * @throws RuleFailure       the rules did not complete: a rule threw or ran past the limits (exit 3)
     */
    public CheckOutcome run(CheckRequest request) throws RulePackException, InputException, RuleFailure {
        List<InputError> errors = new ArrayList<>();
        long hidden = 0; // errors a cap left out: a line among the errors says how many
        FactBase base = null;
        Vocabulary vocabulary = vocabulary();
        if (vocabulary != null) {
            try {
                long t = System.nanoTime();
                base = new FactLoader(vocabulary.statusWords(), request.parser())
                        .checkingAgainst(vocabulary)
                        .spilling(io.factlint.ingest.SpillPolicy.fromSystemProperties()).load(request.paths());
                phases.since("load", t);
                phases.note("facts", String.valueOf(base.facts().size()));
            } catch (InputException e) {
                errors.addAll(e.errors());
                hidden = e.total() - e.errors().size();
            } catch (io.factlint.ingest.FactSpill.SpillFailed e) {
                // a full disk, an unwritable temporary folder: the check did not complete (exit 3)
                throw new RuleFailure(e.getMessage(), null, e);
            }
        }
        // the bucket files of a spilled input are deleted once the rules ran, also when they failed
        io.factlint.model.SpilledFacts spilled = base != null && base.facts() instanceof io.factlint.model.SpilledFacts s ? s : null;
        try {
            return check(base, request, errors, null, hidden);
        } finally {
            if (spilled != null) spilled.close();
        }
    }

    /**
     * Checks facts already in memory (e.g. a partition of a large data set) as {@link #run} checks fact files:
     * {@code request.paths()} only say where waivers files are looked for.
     */
    public CheckOutcome run(FactBase facts, CheckRequest request) throws RulePackException, InputException, RuleFailure {
        return check(java.util.Objects.requireNonNull(facts, "facts"), request, new ArrayList<>(), null, 0);
    }

    /**
     * Checks only {@code batches} of {@code facts} (work units cut from the whole fact base by
     * {@link io.factlint.engine.WorkUnits}), then reviews and gates their findings as {@link #run} does: a runner
     * that spreads the batches over machines (factlint-spark) calls this for its share. The units keep what
     * belongs to the whole base (a story's quotes from every subject, for the story text's rules).
     */
    public CheckOutcome run(FactBase facts, List<io.factlint.engine.WorkUnits.Batch> batches, CheckRequest request)
            throws RulePackException, InputException, RuleFailure {
        return check(java.util.Objects.requireNonNull(facts, "facts"), request, new ArrayList<>(),
                java.util.Objects.requireNonNull(batches, "batches"), 0);
    }

    private CheckOutcome check(FactBase base, CheckRequest request, List<InputError> errors,
                               List<io.factlint.engine.WorkUnits.Batch> batches, long hidden)
            throws RulePackException, InputException, RuleFailure {
        RulePack rules = pack();
        Set<String> ids = rules.rules().stream().map(RuleInfo::id).collect(Collectors.toSet());
        List<Waiver> waivers = new ArrayList<>();
        for (Path f : waiverFiles(request)) waivers.addAll(WaiverFile.read(f, ids, errors));
        Path baseline = request.baseline();
        List<FixedFinding> previous = baseline == null ? null : BaselineReport.read(baseline, errors);
        if (!errors.isEmpty()) {
            List<InputError> all = errors.stream().sorted().distinct().toList();
            throw new InputException(all, all.size() + hidden);
        }
        CheckResult result = batches == null ? Engine.check(rules, base, request.engine(), phases)
                : Engine.checkBatches(rules, base, batches, request.engine());
        CheckResult reviewed = Reviewer.review(result, waivers, previous, baseline == null ? null : display(baseline),
                request.clock());
        return CheckOutcome.of(reviewed, request.failOn(), request.failOnNew());
    }

    /** The waivers files a request reads: the one it names, else those found in its folders. */
    public static List<Path> waiverFiles(CheckRequest request) {
        return waiverFiles(request.waivers(), request.paths());
    }

    /** The waivers files of a check of {@code paths}: {@code named} if not null, else those found in the folders. */
    public static List<Path> waiverFiles(Path named, List<Path> paths) {
        return named != null ? List.of(named) : WaiverFile.discover(paths);
    }

    private static String display(Path p) {
        return p.normalize().toString().replace('\\', '/');
    }
}
