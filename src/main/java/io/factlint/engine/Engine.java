package io.factlint.engine;

import io.factlint.rules.DayFacts;
import io.factlint.rules.Moment;
import io.factlint.rules.Names;
import io.factlint.rules.Timeline;
import io.factlint.model.CheckResult;
import io.factlint.model.ClaimVerdict;
import io.factlint.model.FactBase;
import io.factlint.model.Figure;
import io.factlint.model.Finding;
import io.factlint.model.Series;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
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

    /**
     * Checks {@code base} with {@code pack}. The session runs on a worker thread so that nothing a rule does can
     * escape as anything but a {@link RuleFailure}: an exception or an {@link Error} ({@code StackOverflowError},
     * {@code OutOfMemoryError}) thrown by a rule, the firing limit, and the time limit, which halts the session and,
     * if a consequence does not return, abandons it. Every failure names the rule that was firing.
     */
    public static CheckResult check(RulePack pack, FactBase base, EngineLimits limits) throws RuleFailure {
        return check(pack, base, limits, Phases.NONE);
    }

    /** As {@link #check(RulePack, FactBase, EngineLimits)}, recording insert, fire and collect times in {@code phases}. */
    public static CheckResult check(RulePack pack, FactBase base, EngineLimits limits, Phases phases) throws RuleFailure {
        Tracker tracker = new Tracker();
        AtomicBoolean timedOut = new AtomicBoolean();
        AtomicReference<KieSession> live = new AtomicReference<>();
        FutureTask<CheckResult> task = new FutureTask<>(() -> run(pack, base, limits, phases, tracker, live));
        Thread worker = new Thread(null, task, "factlint-rules", WORKER_STACK_BYTES);
        worker.setDaemon(true);
        worker.start();
        try {
            if (limits.timeout() == null) return task.get();
            long deadline = limits.timeout().toMillis();
            try {
                return task.get(deadline, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                timedOut.set(true);
                KieSession session = live.get();
                if (session != null) session.halt();
            }
            try {
                task.get(GRACE_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                abandon(worker);
            }
            throw timeLimit(limits, tracker);
        } catch (ExecutionException e) {
            Throwable c = e.getCause() == null ? e : e.getCause();
            if (c instanceof RuleFailure rf) throw rf;
            if (timedOut.get()) throw timeLimit(limits, tracker);
            throw failure(tracker, c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abandon(worker);
            throw new RuleFailure("the check was interrupted" + tracker.firing(), tracker.rule, e);
        }
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

    private static CheckResult run(RulePack pack, FactBase base, EngineLimits limits, Phases phases, Tracker tracker,
                                   AtomicReference<KieSession> live) throws RuleFailure {
        long t = System.nanoTime();
        KieSession session = pack.kieBase().newKieSession();
        live.set(session);
        try {
            if (session.getKieBase().getKiePackages().stream().anyMatch(p -> p.getGlobalVariables().stream()
                    .anyMatch(g -> g.getName().equals("names")))) {
                session.setGlobal("names", new Names(base));
            }
            session.addEventListener(tracker);
            long inserted = 0;
            for (Object o : pack.vocabulary().asFacts()) { session.insert(o); inserted++; }
            for (Object o : base.stories()) { session.insert(o); inserted++; }
            for (Object o : base.sources().values()) { session.insert(o); inserted++; }
            for (Object o : base.entities().values()) { session.insert(o); inserted++; }
            t = phases.since("session", t);
            List<Series> series = Series.of(base.facts());
            List<Timeline> timelines = Timeline.of(series);
            List<DayFacts> days = DayFacts.build(base.facts());
            t = phases.since("timelines", t);
            for (DayFacts d : days) { session.insert(d); inserted++; }
            for (Timeline tl : timelines) {
                session.insert(tl);
                inserted++;
                for (Moment m : tl.getMoments()) { session.insert(m); inserted++; }
            }
            for (Object o : base.facts()) { session.insert(o); inserted++; }
            for (Object o : base.claims()) { session.insert(o); inserted++; }
            for (Object o : base.mentions()) { session.insert(o); inserted++; }
            for (Object o : base.drafted()) { session.insert(o); inserted++; }
            for (Object o : base.ignored()) { session.insert(o); inserted++; }
            t = phases.since("insert", t);

            long max = limits.firingsFor(inserted);
            int fired = session.fireAllRules((int) Math.min(Integer.MAX_VALUE, max));
            if (Thread.currentThread().isInterrupted()) {
                throw new RuleFailure("the check was stopped" + tracker.firing(), tracker.rule, null);
            }
            if (fired >= max) {
                throw new RuleFailure("the rules fired " + fired + " times, the limit for this input" + tracker.firing()
                        + " (a rule that keeps re-inserting or modifying facts?)", tracker.rule, null);
            }
            t = phases.since("fire", t);
            CheckResult result = collect(pack, base, session, series);
            phases.since("collect", t);
            phases.note("fired", String.valueOf(fired));
            return result;
        } finally {
            session.dispose();
        }
    }

    private static RuleFailure timeLimit(EngineLimits limits, Tracker tracker) {
        return new RuleFailure("the check ran past its time limit of " + limits.timeout().toSeconds() + " s"
                + tracker.firing(), tracker.rule, null);
    }

    private static RuleFailure failure(Tracker tracker, Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String what = root.getClass().getSimpleName() + (root.getMessage() != null ? ": " + oneLine(root.getMessage(), 300) : "");
        if (tracker.rule == null) return new RuleFailure("the rule session failed: " + what, null, e);
        return new RuleFailure("rule \"" + tracker.rule + "\"" + tracker.where() + " failed on " + tracker.objectsText()
                + ": " + what, tracker.rule, e);
    }

    /**
     * Gives up on a worker whose rule does not return: interrupts it and, if it still runs, stops it (deprecated,
     * but the only way to end a consequence stuck in a loop; it is a daemon thread in any case).
     */
    @SuppressWarnings({"deprecation", "removal"})
    private static void abandon(Thread worker) {
        worker.interrupt();
        try {
            worker.join(500);
            if (worker.isAlive()) {
                worker.stop();
                worker.join(500);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (UnsupportedOperationException | SecurityException e) {
            // a newer JVM: the daemon thread is left to the end of the process
        }
    }

    static String oneLine(String s, int max) {
        String t = s.replaceAll("\\s+", " ").trim();
        return t.length() <= max ? t : t.substring(0, max) + "...";
    }

    private static CheckResult collect(RulePack pack, FactBase base, KieSession session, List<Series> series) {
        List<Finding> findings = new ArrayList<>();
        Map<String, Figure> figures = new LinkedHashMap<>();
        Map<String, ClaimVerdict> verdicts = new LinkedHashMap<>();
        List<Figure> all = new ArrayList<>();
        for (Object o : session.getObjects()) {
            if (o instanceof io.factlint.rules.Reported r) findings.add(pack.finding(r));
            else if (o instanceof Finding f) findings.add(f);
            else if (o instanceof Figure f && f.derived()) all.add(f);
            else if (o instanceof ClaimVerdict v) verdicts.merge(v.claim().getRef(), v, (a, b) -> a);
        }
        all.sort(Comparator.comparing(Figure::subject).thenComparing(Figure::attribute).thenComparing(Figure::at));
        for (Figure f : all) figures.putIfAbsent(f.subject() + "\u0000" + f.attribute() + "\u0000" + f.fromRefs(), f);
        findings.sort(Finding.ORDER);
        List<ClaimVerdict> sortedVerdicts = verdicts.values().stream()
                .sorted(Comparator.comparing((ClaimVerdict v) -> v.claim().location()).thenComparing(v -> v.claim().getRef()))
                .collect(Collectors.toList());
        return new CheckResult(base, pack.rules(), List.copyOf(findings), List.copyOf(figures.values()), sortedVerdicts,
                null, series);
    }

    /** Remembers the rule firing and what it matched, to name them when something goes wrong. */
    private static final class Tracker extends DefaultAgendaEventListener {
        volatile String rule;
        volatile String file;
        volatile List<Object> objects = List.of();

        @Override
        public void beforeMatchFired(BeforeMatchFiredEvent event) {
            org.kie.api.definition.rule.Rule r = event.getMatch().getRule();
            rule = r.getName();
            file = r instanceof RuleImpl ri && ri.getResource() != null ? ri.getResource().getSourcePath() : null;
            objects = event.getMatch().getObjects();
        }

        @Override
        public void afterMatchFired(AfterMatchFiredEvent event) {
            // keep the last rule: a halt or a limit names the rule that fired last
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
