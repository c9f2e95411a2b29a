package io.factlint.engine;

import io.factlint.rules.DayFacts;
import io.factlint.rules.Moment;
import io.factlint.rules.Names;
import io.factlint.rules.Timeline;
import io.factlint.model.Series;
import io.factlint.model.Claim;
import io.factlint.model.Entity;
import io.factlint.model.Fact;
import io.factlint.model.Mention;
import io.factlint.model.Source;
import io.factlint.model.SpilledFacts;
import io.factlint.model.Story;
import io.factlint.model.vocab.Cumulative;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import io.factlint.model.CheckResult;
import io.factlint.model.ClaimVerdict;
import io.factlint.model.FactBase;
import io.factlint.model.Figure;
import io.factlint.model.Finding;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * Runs a rule pack over a body of facts in one Drools session: inserts the vocabulary, the stories, sources,
 * entities, facts (with their timelines, moments and day groups), claims and mentions; fires the rules; and collects what they
 * inserted: findings, figures and claim verdicts, in a deterministic order.
 */
public final class Engine {
    private Engine() {
    }

    /** How long a rule that ignores {@code halt} (a consequence that does not return) gets before it is abandoned. */
    private static final long GRACE_MILLIS = 2_000;

    /** How the fact base is cut into sessions. */
    public enum Mode {
        /** one session over everything when the pack has a {@code @scope("global")} rule, work units otherwise */
        AUTO,
        /** one session over everything (as before work units) */
        GLOBAL,
        /** work units, whatever the rules declare (tests compare it with GLOBAL) */
        PARTITIONED,
        /** one session per work unit, no batching (tests: every unit must stand alone) */
        UNIT_SESSIONS
    }

    /**
     * Checks {@code base} with {@code pack}. The sessions run on worker threads so that nothing a rule does can
     * escape as anything but a {@link RuleFailure}: an exception or an {@link Error} ({@code StackOverflowError},
     * {@code OutOfMemoryError}) thrown by a rule, the firing limit, and the time limit, which halts the sessions and,
     * if a consequence does not return, abandons its (daemon) thread. Every failure names the rule that was
     * running, when one can be named, and the work unit.
     */
    public static CheckResult check(RulePack pack, FactBase base, EngineLimits limits) throws RuleFailure {
        return check(pack, base, limits, Phases.NONE);
    }

    /** As {@link #check(RulePack, FactBase, EngineLimits)}, recording insert, fire and collect times in {@code phases}. */
    public static CheckResult check(RulePack pack, FactBase base, EngineLimits limits, Phases phases) throws RuleFailure {
        return check(pack, base, limits, phases, Mode.AUTO);
    }

    /** As {@link #check(RulePack, FactBase, EngineLimits, Phases)}, cutting the fact base as {@code mode} says. */
    public static CheckResult check(RulePack pack, FactBase base, EngineLimits limits, Phases phases, Mode mode)
            throws RuleFailure {
        boolean global = mode == Mode.GLOBAL || (mode == Mode.AUTO && hasGlobalRule(pack));
        if (base.facts() instanceof SpilledFacts spilled) {
            if (!global) return Spilled.check(pack, base, spilled, limits, phases, mode);
            // a rule that joins across units needs every fact in one session: they are read back, all of them
            base = Spilled.inMemory(base, spilled);
        }
        long t = System.nanoTime();
        List<WorkUnits.Batch> batches;
        List<Entity> sharedEntities;
        if (global) {
            List<Object> derived = new ArrayList<>(base.drafted());
            derived.addAll(io.factlint.rules.StoryBacking.of(base));
            WorkUnits.Unit all = new WorkUnits.Unit("(all)", base.stories(), List.copyOf(base.entities().values()),
                    base.facts(), base.claims(), base.mentions(), derived);
            batches = List.of(new WorkUnits.Batch(1, 1, List.of(all)));
            sharedEntities = List.of();
        } else {
            batches = WorkUnits.batches(WorkUnits.split(base), mode == Mode.UNIT_SESSIONS ? 1 : WorkUnits.BATCH_OBJECTS);
            sharedEntities = WorkUnits.sharedEntities(base);
        }
        phases.note("work units", global ? "1 (global)" : String.valueOf(batches.stream().mapToInt(b -> b.units().size()).sum()));
        phases.note("sessions", String.valueOf(batches.size()));
        phases.since("units", t);
        return check(pack, base, batches, sharedEntities, limits, phases);
    }

    /**
     * Checks only {@code batches} of {@code base} (from {@link WorkUnits#batches}); the result holds their
     * findings, figures and verdicts. A runner that spreads the batches over machines (factlint-spark) calls this
     * for its share.
     */
    public static CheckResult checkBatches(RulePack pack, FactBase base, List<WorkUnits.Batch> batches,
                                           EngineLimits limits) throws RuleFailure {
        // the series of the share's own subjects only: a runner calling this once per batch must not re-derive
        // the whole base's series each time (a unit holds every fact of its subjects, so theirs are complete)
        List<Fact> own = new ArrayList<>();
        for (WorkUnits.Batch b : batches) for (WorkUnits.Unit u : b.units()) own.addAll(u.facts());
        return check(pack, base, own, batches, WorkUnits.sharedEntities(base), limits, Phases.NONE);
    }

    private static CheckResult check(RulePack pack, FactBase base, List<WorkUnits.Batch> batches,
                                     List<Entity> sharedEntities, EngineLimits limits, Phases phases) throws RuleFailure {
        return check(pack, base, base.facts(), batches, sharedEntities, limits, phases);
    }

    /** {@code seriesFacts}: the facts whose series are derived (all of the base, or a share's own). */
    private static CheckResult check(RulePack pack, FactBase base, List<Fact> seriesFacts, List<WorkUnits.Batch> batches,
                                     List<Entity> sharedEntities, EngineLimits limits, Phases phases) throws RuleFailure {
        long t = System.nanoTime();
        Context context = new Context(pack, base, limits);
        // each session derives its own subjects' series (a unit holds every fact of its subjects) and drops them
        // with its timelines; the series of the whole base, in the order one session over everything gives them,
        // are derived only if a report draws them (the HTML report): memory stays bounded by the largest batch
        List<Series> series = new LazySeries(seriesFacts);
        Run run;
        Collected collected = new Collected(pack);
        try {
            run = context.start(batches, sharedEntities);
            collected.addAll(run.await());
        } finally {
            context.close();
        }
        t = phases.since("rules", t);
        CheckResult result = collected.result(base, series, phases, run.workers);
        phases.since("collect", t);
        return result;
    }

    /** What every session of one check shares: the pack, the base's names and sources, the limits. */
    static final class Context {
        final RulePack pack;
        final EngineLimits limits;
        final Names names;
        final boolean wantsNames;
        final RuleClasses classes;
        final List<Source> sources;

        Context(RulePack pack, FactBase base, EngineLimits limits) {
            this.pack = pack;
            this.limits = limits;
            this.names = new Names(base);
            this.wantsNames = pack.kieBase().getKiePackages().stream().anyMatch(p -> p.getGlobalVariables().stream()
                    .anyMatch(g -> g.getName().equals("names")));
            this.classes = RuleClasses.of(pack);
            this.sources = List.copyOf(base.sources().values());
        }

        /** The check's workers, made on first use: every run of the check queues on them (at most workers() threads). */
        private ExecutorService pool;

        private synchronized ExecutorService pool() {
            if (pool == null) {
                AtomicInteger threads = new AtomicInteger();
                ThreadFactory factory = r -> {
                    Thread th = new Thread(null, r, "factlint-rules-" + threads.incrementAndGet(), WORKER_STACK_BYTES);
                    th.setDaemon(true);
                    return th;
                };
                int n = workers();
                pool = new ThreadPoolExecutor(n, n, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), factory);
            }
            return pool;
        }

        /** Lets the workers end once their queued sessions are done (a failed run has stopped them already). */
        synchronized void close() {
            if (pool != null) pool.shutdown();
        }

        /**
         * Starts the sessions of {@code batches} on the check's workers, behind any run still going (a spilled check
         * starts one bucket group's run while the previous one ends); {@link Run#await} takes their results.
         */
        Run start(List<WorkUnits.Batch> batches, List<Entity> sharedEntities) {
            int workers = Math.max(1, Math.min(batches.size(), workers()));
            ExecutorService pool = pool();
            List<Job> jobs = new ArrayList<>();
            long limit = limitNanos(limits.timeout());
            for (WorkUnits.Batch b : batches) {
                Job job = new Job(b, limit);
                job.task = new FutureTask<>(() -> job.run(pack, sources, sharedEntities, limits, names, wantsNames));
                jobs.add(job);
            }
            for (Job job : jobs) pool.execute(job.task);
            return new Run(this, pool, jobs, limit, workers);
        }
    }

    /** The sessions of some batches, running. */
    static final class Run {
        final Context context;
        final ExecutorService pool;
        final List<Job> jobs;
        final long limit;
        final int workers;

        Run(Context context, ExecutorService pool, List<Job> jobs, long limit, int workers) {
            this.context = context;
            this.pool = pool;
            this.jobs = jobs;
            this.limit = limit;
            this.workers = workers;
        }

        /** Waits for every session; the first failure stops them all and is thrown. */
        List<Part> await() throws RuleFailure {
            // the time limit is each session's own, counted from when its rules start firing, in the session's own
            // time (SessionClock): building sessions, waiting for a worker, inserting and the machine's load never count
            List<Part> parts = new ArrayList<>();
            try {
                for (Job job : jobs) {
                    while (true) {
                        Job late = limit == Long.MAX_VALUE ? null : late(jobs);
                        if (late != null) throw timedOut(late, jobs, pool, context.classes, context.limits);
                        try {
                            parts.add(limit == Long.MAX_VALUE ? job.task.get() : job.task.get(nextLook(jobs), TimeUnit.NANOSECONDS));
                            break;
                        } catch (TimeoutException e) {
                            // look again: a session may have passed its limit, or be about to start firing
                        } catch (ExecutionException e) {
                            stopAll(jobs, pool);
                            Throwable c = e.getCause() == null ? e : e.getCause();
                            if (c instanceof RuleFailure rf) throw rf;
                            throw job.failure(c, context.classes);
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopAll(jobs, pool);
                throw new RuleFailure("the check was interrupted", null, e);
            }
            return parts;
        }

        /** Stops every session (the check failed elsewhere). */
        void stop() {
            stopAll(jobs, pool);
        }
    }

    /** The findings, figures and verdicts of the sessions so far, converted as each session's results arrive. */
    static final class Collected {
        private final RulePack pack;
        private final List<Finding> findings = new ArrayList<>();
        private final Map<String, ClaimVerdict> verdicts = new LinkedHashMap<>();
        private final List<Figure> all = new ArrayList<>();
        private long fired;
        private final Map<String, Long> sum = new LinkedHashMap<>();

        Collected(RulePack pack) {
            this.pack = pack;
        }

        void addAll(List<Part> parts) {
            for (Part p : parts) {
                fired += p.fired();
                p.nanos().forEach((k, v) -> sum.merge(k, v, Long::sum));
                for (Object o : p.out()) {
                    if (o instanceof io.factlint.rules.Reported r) findings.add(pack.finding(r));
                    else if (o instanceof Finding f) findings.add(f);
                    else if (o instanceof Figure f) all.add(f);
                    else if (o instanceof ClaimVerdict v) {
                        ClaimVerdict first = verdicts.putIfAbsent(v.claim().getRef(), v);
                        if (first != null && !sameVerdict(first, v) && conflict == null) conflict = new ClaimVerdict[]{first, v};
                    }
                }
            }
        }

        /**
         * Two sessions may judge one claim alike (a claim's subjects in several work units); two different verdicts
         * are a rule pack's fault, and which one a report shows would depend on the order the rules fired.
         */
        private static boolean sameVerdict(ClaimVerdict a, ClaimVerdict b) {
            return a.verdict() == b.verdict() && a.strictVerdict() == b.strictVerdict()
                    && java.util.Objects.equals(a.reason(), b.reason());
        }

        /** The first claim judged twice, differently, as its two verdicts; null when none was. */
        private ClaimVerdict[] conflict;

        /** A check in which some claim got two different verdicts did not complete: the rules must give it one. */
        void failOnConflict() throws RuleFailure {
            if (conflict == null) return;
            throw new RuleFailure("claim " + conflict[0].claim().getRef() + " got two different verdicts from the rules, "
                    + conflict[0].verdict().id() + " (" + conflict[0].reason() + ") and " + conflict[1].verdict().id()
                    + " (" + conflict[1].reason() + "): a claim must get one verdict (a rule that gives a verdict"
                    + " must leave the claims of the others' forms alone)", null, null);
        }

        CheckResult result(FactBase base, List<Series> series, Phases phases, int workers) throws RuleFailure {
            failOnConflict();
            // the workers' time per phase, summed over the sessions (several run at once)
            for (Map.Entry<String, Long> e : sum.entrySet()) phases.note("sessions." + e.getKey(), e.getValue() / 1_000_000 + " ms");
            Map<String, Figure> figures = new LinkedHashMap<>();
            all.sort(Comparator.comparing(Figure::subject).thenComparing(Figure::attribute).thenComparing(Figure::at));
            for (Figure f : all) figures.putIfAbsent(f.subject() + "\u0000" + f.attribute() + "\u0000" + f.fromRefs(), f);
            findings.sort(Finding.ORDER);
            List<ClaimVerdict> sortedVerdicts = verdicts.values().stream()
                    .sorted(Comparator.comparing((ClaimVerdict v) -> v.claim().location()).thenComparing(v -> v.claim().getRef()))
                    .collect(Collectors.toList());
            phases.note("fired", String.valueOf(fired));
            phases.note("workers", String.valueOf(workers));
            return new CheckResult(base, pack.rules(), List.copyOf(findings), List.copyOf(figures.values()), sortedVerdicts,
                    null, series);
        }
    }

    /**
     * The series of {@code facts} ({@link Series#of}), derived on first use: only the HTML report draws them, and
     * holding every series of a large input for a JSON report would keep the whole input alive twice.
     */
    static final class LazySeries extends java.util.AbstractList<Series> {
        private final List<Fact> facts;
        private volatile List<Series> series;

        LazySeries(List<Fact> facts) {
            this.facts = facts;
        }

        private List<Series> series() {
            List<Series> s = series;
            if (s == null && facts instanceof SpilledFacts spilled) {
                throw new IllegalStateException(spilled.refusal("the series of every subject (the HTML report's charts)"));
            }
            if (s == null) {
                synchronized (this) {
                    s = series;
                    if (s == null) series = s = List.copyOf(Series.of(facts));
                }
            }
            return s;
        }

        @Override
        public Series get(int index) {
            return series().get(index);
        }

        @Override
        public int size() {
            return series().size();
        }
    }

    /** Whether a rule of the pack declares {@code @scope("global")}: it joins across work units. */
    public static boolean hasGlobalRule(RulePack pack) {
        for (KiePackage p : pack.kieBase().getKiePackages()) {
            for (Rule r : p.getRules()) {
                Object scope = r.getMetaData().get("scope");
                if (scope != null && "global".equals(String.valueOf(scope).trim())) return true;
            }
        }
        return false;
    }

    /** Worker threads: the processors, or {@code -Dfactlint.workers=N}. */
    static int workers() {
        String w = System.getProperty("factlint.workers");
        if (w != null) {
            try {
                return Math.max(1, Integer.parseInt(w.trim()));
            } catch (NumberFormatException e) {
                // the default
            }
        }
        return Runtime.getRuntime().availableProcessors();
    }

    /** The time limit in nanoseconds; {@code Long.MAX_VALUE}: none (or beyond reach); 0 for a limit of zero or less. */
    static long limitNanos(Duration timeout) {
        if (timeout == null) return Long.MAX_VALUE;
        long nanos;
        try {
            nanos = timeout.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
        // a limit of centuries is no limit: never let now + nanos overflow into the past
        if (nanos <= 0) return 0;
        if (nanos > Long.MAX_VALUE / 4) return Long.MAX_VALUE;
        return nanos;
    }

    private static String seconds(Duration d) {
        if (d.getNano() == 0) return String.valueOf(d.getSeconds());
        return java.math.BigDecimal.valueOf(d.toMillis(), 3).stripTrailingZeros().toPlainString();
    }

    private static void stopAll(List<Job> jobs, ExecutorService pool) {
        for (Job j : jobs) {
            KieSession s = j.live.get();
            if (s != null) {
                try {
                    s.halt();
                } catch (RuntimeException e) {
                    // it is being disposed
                }
            }
        }
        pool.shutdownNow(); // interrupts the workers; never Thread.stop (gone on Java 20+)
    }

    /** How often the waiting thread looks at the sessions (SessionClock samples whether a worker waits then). */
    private static final long LOOK_NANOS = 50_000_000L;

    /** The first unfinished session past its time limit, or null. */
    private static Job late(List<Job> jobs) {
        long now = System.nanoTime();
        for (Job j : jobs) if (!j.task.isDone() && j.clock.late(now)) return j;
        return null;
    }

    /** How long to wait before looking again: until a session could pass its limit, at most {@link #LOOK_NANOS}. */
    private static long nextLook(List<Job> jobs) {
        long now = System.nanoTime();
        long wait = LOOK_NANOS;
        for (Job j : jobs) if (!j.task.isDone()) wait = Math.min(wait, j.clock.untilLimit(now));
        return wait;
    }

    /** Stops every session because {@code late} ran past its limit; names the rule it was running. */
    private static RuleFailure timedOut(Job late, List<Job> jobs, ExecutorService pool, RuleClasses classes, EngineLimits limits) {
        // name what runs now, before the halt and the interrupt move the worker on
        String phase = late.clock.phase;
        String running = late.running(classes);
        stopAll(jobs, pool);
        try {
            late.task.get(GRACE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException | java.util.concurrent.CancellationException still) {
            // abandoned: a consequence that does not return stays on its daemon thread
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String limit = "the time limit of " + seconds(limits.timeout()) + " s";
        return new RuleFailure((SessionClock.INSERTING.equals(phase)
                ? "inserting the facts ran past " + limit
                : "the rules fired past " + limit) + running + " in " + late.batch.describe(), late.blame, null);
    }

    /**
     * Initialises Drools' session machinery (sessions, agenda, network evaluation) with an empty knowledge base and
     * a throwaway session, so that a caller with nothing else to do while its rule pack loads (see
     * {@link RulePack#start}) does not pay for it in the first check. Changes nothing; never throws.
     */
    public static void warmUp() {
        try {
            KieSession s = org.drools.kiesession.rulebase.KnowledgeBaseFactory.newKnowledgeBase().newKieSession();
            try {
                s.addEventListener(new DefaultAgendaEventListener());
                s.insert(new Object());
                s.fireAllRules(1);
                s.getObjects();
            } finally {
                s.dispose();
            }
        } catch (RuntimeException | LinkageError e) {
            // only a speed-up
        }
    }

    /** The worker's stack: deep rule recursion fails as a StackOverflowError there, caught and reported. */
    private static final long WORKER_STACK_BYTES = 16L * 1024 * 1024;

    /** What one session produced, in session order: findings, derived figures, verdicts. */
    record Part(List<Object> out, long fired, Map<String, Long> nanos) {
    }

    /** One batch of work units on its way through a session. */
    static final class Job {
        final WorkUnits.Batch batch;
        final SessionClock clock;
        final Tracker tracker = new Tracker();
        final AtomicReference<KieSession> live = new AtomicReference<>();
        volatile Thread thread;
        FutureTask<Part> task;
        String blame;

        Job(WorkUnits.Batch batch, long limitNanos) {
            this.batch = batch;
            this.clock = new SessionClock(limitNanos);
        }

        Part run(RulePack pack, List<Source> sources, List<Entity> sharedEntities, EngineLimits limits, Names names, boolean wantsNames)
                throws RuleFailure {
            thread = Thread.currentThread();
            Map<String, Long> nanos = new LinkedHashMap<>();
            long t = System.nanoTime();
            KieSession session = pack.kieBase().newKieSession();
            live.set(session);
            try {
                if (wantsNames) session.setGlobal("names", names);
                session.addEventListener(tracker);
                long inserted = 0;
                List<Fact> facts = new ArrayList<>();
                List<Claim> claims = new ArrayList<>();
                List<Mention> mentions = new ArrayList<>();
                List<Object> derived = new ArrayList<>();
                Set<Story> stories = new LinkedHashSet<>();
                List<Entity> entities = new ArrayList<>(sharedEntities);
                for (WorkUnits.Unit u : batch.units()) {
                    stories.addAll(u.stories());
                    entities.addAll(u.entities());
                    facts.addAll(u.facts());
                    claims.addAll(u.claims());
                    mentions.addAll(u.mentions());
                    derived.addAll(u.derived());
                }
                clock.inserting();
                for (Object o : pack.vocabulary().asFacts()) { session.insert(o); inserted++; }
                for (Story s : stories) {
                    session.insert(s);
                    inserted++;
                    io.factlint.rules.StoryText text = io.factlint.rules.StoryText.of(s);
                    if (text != null) { session.insert(text); inserted++; }
                }
                for (Object o : sources) { session.insert(o); inserted++; }
                for (Object o : entities) { session.insert(o); inserted++; }
                clock.pause();
                t = add(nanos, "session", t);
                // the batch's series, subject by subject in order of first appearance (as the whole base's
                // series filtered to these subjects: a subject's facts are all here, in load order)
                Map<String, List<Series>> bySubject = new LinkedHashMap<>();
                for (Fact f : facts) bySubject.computeIfAbsent(f.getSubject(), k -> new ArrayList<>());
                for (Series x : Series.of(facts)) bySubject.get(x.subject()).add(x);
                List<Series> mine = new ArrayList<>();
                for (List<Series> xs : bySubject.values()) mine.addAll(xs);
                Set<String> cumulative = new HashSet<>();
                for (Cumulative c : pack.vocabulary().cumulative()) cumulative.add(c.attribute());
                // a cumulative total counts at a period's end; a measure that cannot be negative bounds its totals
                List<Timeline> timelines = Timeline.of(mine, cumulative, Set.copyOf(pack.vocabulary().nonNegative()));
                List<DayFacts> days = DayFacts.build(facts);
                t = add(nanos, "timelines", t);
                clock.inserting();
                for (DayFacts d : days) { session.insert(d); inserted++; }
                for (Timeline tl : timelines) {
                    session.insert(tl);
                    inserted++;
                    for (Moment m : tl.getMoments()) { session.insert(m); inserted++; }
                }
                for (Object o : facts) { session.insert(o); inserted++; }
                for (Object o : claims) { session.insert(o); inserted++; }
                for (Object o : mentions) { session.insert(o); inserted++; }
                for (Object o : derived) { session.insert(o); inserted++; }
                t = add(nanos, "insert", t);

                long max = limits.firingsFor(inserted);
                clock.firing();
                int fired = session.fireAllRules((int) Math.min(Integer.MAX_VALUE, max));
                if (Thread.currentThread().isInterrupted()) {
                    throw new RuleFailure("the check was stopped" + tracker.firing() + " in " + batch.describe(),
                            tracker.rule, null);
                }
                if (fired >= max) {
                    throw new RuleFailure("the rules fired " + fired + " times, the limit for " + batch.describe()
                            + tracker.firing() + " (a rule that keeps re-inserting or modifying facts?)", tracker.rule, null);
                }
                // a rule that calls halt() ends fireAllRules early with matches still pending: that check did not
                // complete. The pending matches are counted (never fired) by a filter that refuses them all.
                String haltedBy = tracker.rule;
                int[] pending = {0};
                session.fireAllRules(m -> {
                    pending[0]++;
                    return false;
                });
                if (pending[0] > 0 && !Thread.currentThread().isInterrupted()) {
                    throw new RuleFailure((haltedBy == null ? "the rule session was halted" : "rule \"" + haltedBy + "\""
                            + tracker.where() + " halted the rule session") + " before every rule had run ("
                            + pending[0] + " pending match" + (pending[0] == 1 ? "" : "es") + ") in " + batch.describe(),
                            haltedBy, null);
                }
                clock.stop();
                t = add(nanos, "fire", t);
                List<Object> out = new ArrayList<>();
                for (Object o : session.getObjects()) {
                    if (o instanceof io.factlint.rules.Reported || o instanceof Finding || o instanceof ClaimVerdict
                            || (o instanceof Figure f && f.derived())) out.add(o);
                }
                add(nanos, "collect", t);
                return new Part(out, fired, nanos);
            } catch (Throwable e) {
                tracker.freeze(); // the failure message may name the objects of the match that was firing
                throw e;
            } finally {
                clock.stop();
                live.set(null);
                tracker.match = null; // a match holds its session's memory: never past the session
                session.dispose();
            }
        }

        /** {@code ; rule "X" (rules/x.drl) was firing}, or the conditions being matched; sets {@link #blame}. */
        String running(RuleClasses classes) {
            Thread th = thread;
            RuleClasses.Hit hit = th == null ? null : classes.find(th.getStackTrace());
            if (hit != null) {
                blame = hit.rule();
                String at = hit.file() != null && hit.line() > 0 ? " (" + hit.file() + ":" + hit.line() + ")" : where(hit.file());
                return "; rule \"" + hit.rule() + "\"" + at + (hit.condition() ? " was matching its conditions"
                        : " was firing");
            }
            if (tracker.inConsequence) {
                blame = tracker.rule;
                return tracker.firing();
            }
            blame = null;
            return "; the rules' conditions were being matched" + (tracker.rule == null ? ""
                    : " (the last rule that fired: \"" + tracker.rule + "\"" + where(tracker.file) + ")");
        }

        RuleFailure failure(Throwable e, RuleClasses classes) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) root = root.getCause();
            String what = root.getClass().getSimpleName() + detail(e, root);
            // the rule whose generated code threw (a condition's eval or a consequence), then the one firing
            RuleClasses.Hit hit = null;
            for (Throwable x = e; x != null && hit == null; x = x.getCause() == x ? null : x.getCause()) {
                hit = classes.find(x.getStackTrace());
                if (hit == null) hit = RuleClasses.named(x.getMessage(), classes);
            }
            String unit = " in " + batch.describe();
            if (hit != null && hit.condition()) {
                return new RuleFailure("rule \"" + hit.rule() + "\"" + where(hit.file()) + " failed while matching its conditions"
                        + unit + ": " + what, hit.rule(), e);
            }
            if (hit == null && tracker.inConsequence && tracker.rule != null) hit = classes.consequenceOf(tracker.rule);
            if (hit != null) {
                String on = hit.rule().equals(tracker.rule) ? " on " + tracker.objectsText() : "";
                return new RuleFailure(consequenceAt(hit, classes) + on + unit + ": " + what, hit.rule(), e);
            }
            if (tracker.inConsequence && tracker.rule != null) {
                return new RuleFailure("rule \"" + tracker.rule + "\"" + tracker.where() + " failed on " + tracker.objectsText()
                        + unit + ": " + what, tracker.rule, e);
            }
            return new RuleFailure("the rule session failed while matching the rules' conditions" + unit + ": " + what,
                    null, e);
        }
    }

    /**
     * {@code rules/x.drl:12: rule "x" failed}, the line inside the consequence that was running; when that line is
     * not known (an MVEL consequence, or code Drools did not generate), honestly
     * {@code rule "x" failed in its consequence (rules/x.drl:9, its then; ...)}.
     */
    private static String consequenceAt(RuleClasses.Hit hit, RuleClasses classes) {
        String rule = "rule \"" + hit.rule() + "\"";
        if (hit.file() != null && hit.line() > 0) return hit.file() + ":" + hit.line() + ": " + rule + " failed";
        if (hit.file() == null) return rule + " failed in its consequence";
        String why = "mvel".equals(classes.dialect(hit.rule())) ? "the MVEL dialect gives no line within it"
                : classes.fromModel() ? "the cached executable model gives no line within it; --no-cache gives it"
                : "the line within it is not known";
        return rule + " failed in its consequence (" + hit.file() + (hit.thenLine() > 0 ? ":" + hit.thenLine() + ", its then" : "")
                + "; " + why + ")";
    }

    /**
     * {@code : message} of the exception: the root cause's, else (an MVEL consequence wraps a bare
     * NullPointerException) the first line of the nearest wrapper's, without MVEL's framing; or nothing.
     */
    static String detail(Throwable e, Throwable root) {
        if (root.getMessage() != null) return ": " + oneLine(root.getMessage(), 300);
        List<Throwable> chain = new ArrayList<>();
        for (Throwable x = e; x != null && x != root && chain.size() < 50; x = x.getCause() == x ? null : x.getCause()) chain.add(x);
        for (int i = chain.size() - 1; i >= 0; i--) {
            String m = chain.get(i).getMessage();
            if (m == null || m.startsWith("Exception executing consequence")) continue;
            String first = m.lines().findFirst().orElse("").trim();
            if (first.startsWith("[Error: ") && first.endsWith("]")) first = first.substring(8, first.length() - 1).trim();
            if (!first.isEmpty()) return ": " + oneLine(first, 300);
        }
        return "";
    }

    private static String where(String file) {
        return file == null ? "" : " (" + file + ")";
    }

    private static long add(Map<String, Long> nanos, String phase, long start) {
        long now = System.nanoTime();
        nanos.merge(phase, now - start, Long::sum);
        return now;
    }

    static String oneLine(String s, int max) {
        String t = s.replaceAll("\\s+", " ").trim();
        return t.length() <= max ? t : t.substring(0, max) + "...";
    }

    /** Remembers the rule firing and what it matched, to name them when something goes wrong. */
    private static final class Tracker extends DefaultAgendaEventListener {
        volatile String rule;
        volatile String file;
        /** the match firing (its objects are listed only when a message needs them: not on every firing) */
        volatile org.kie.api.runtime.rule.Match match;
        /** the objects of {@link #match}, taken before its session is disposed ({@link #freeze}) */
        volatile List<Object> objects;

        /** Takes the last match's objects while its session is still alive (a failure message may name them). */
        void freeze() {
            org.kie.api.runtime.rule.Match m = match;
            try {
                objects = m == null ? List.of() : new ArrayList<>(m.getObjects());
            } catch (RuntimeException e) {
                objects = List.of();
            }
        }
        /** between a match's before- and after-fired events: its consequence runs */
        volatile boolean inConsequence;

        @Override
        public void beforeMatchFired(BeforeMatchFiredEvent event) {
            org.kie.api.definition.rule.Rule r = event.getMatch().getRule();
            rule = r.getName();
            file = r instanceof RuleImpl ri && ri.getResource() != null ? ri.getResource().getSourcePath() : null;
            match = event.getMatch();
            inConsequence = true;
        }

        @Override
        public void afterMatchFired(AfterMatchFiredEvent event) {
            // keep the last rule: a limit names the rule that fired last
            inConsequence = false;
        }

        /** {@code  (rule "X" in rules/x.drl was firing)}, or nothing when no rule had fired. */
        String firing() {
            return rule == null ? "" : "; rule \"" + rule + "\"" + where() + " was firing";
        }

        String where() {
            return file == null ? "" : " (" + file + ")";
        }

        /** The matched objects, each shortened: a fact with a huge quote must not make a huge message. */
        String objectsText() {
            List<Object> os = objects;
            if (os == null) {
                freeze();
                os = objects;
            }
            StringBuilder b = new StringBuilder("[");
            for (int i = 0; i < os.size() && i < 10; i++) {
                if (i > 0) b.append(", ");
                b.append(oneLine(String.valueOf(os.get(i)), 200));
            }
            if (os.size() > 10) b.append(", ... ").append(os.size() - 10).append(" more");
            return b.append(']').toString();
        }
    }
}
