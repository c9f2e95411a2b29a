package io.factlint.engine;

import io.factlint.engine.functions.Names;
import io.factlint.model.CheckResult;
import io.factlint.model.ClaimVerdict;
import io.factlint.model.FactBase;
import io.factlint.model.Figure;
import io.factlint.model.Finding;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * Runs a rule pack over a body of facts in one Drools session: inserts the vocabulary, the stories, sources,
 * entities, facts (with their timelines, moments and day groups), claims and mentions; fires the rules; and collects what they
 * inserted: findings, figures and claim verdicts, in a deterministic order.
 */
public final class Engine {
    private Engine() {
    }

    public static CheckResult check(RulePack pack, FactBase base, EngineLimits limits) throws RuleFailure {
        return check(pack, base, limits, Phases.NONE);
    }

    /** As {@link #check(RulePack, FactBase, EngineLimits)}, recording insert, fire and collect times in {@code phases}. */
    public static CheckResult check(RulePack pack, FactBase base, EngineLimits limits, Phases phases) throws RuleFailure {
        long t = System.nanoTime();
        KieSession session = pack.kieBase().newKieSession();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread th = new Thread(r, "factlint-timeout");
            th.setDaemon(true);
            return th;
        });
        Tracker tracker = new Tracker();
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
            List<Timeline> timelines = Timeline.build(base.facts());
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
            t = phases.since("insert", t);

            long max = limits.firingsFor(inserted);
            AtomicBoolean timedOut = new AtomicBoolean();
            if (limits.timeout() != null) {
                timer.schedule(() -> { timedOut.set(true); session.halt(); }, limits.timeout().toMillis(), TimeUnit.MILLISECONDS);
            }
            int fired;
            try {
                fired = session.fireAllRules((int) Math.min(Integer.MAX_VALUE, max));
            } catch (RuntimeException e) {
                Throwable root = e;
                while (root.getCause() != null && root.getCause() != root) root = root.getCause();
                throw new RuleFailure("rule \"" + tracker.rule + "\" failed on " + tracker.objects + ": "
                        + root.getClass().getSimpleName() + (root.getMessage() != null ? ": " + root.getMessage() : ""),
                        tracker.rule, e);
            }
            if (timedOut.get()) {
                throw new RuleFailure("the check ran past its time limit of " + limits.timeout().toSeconds()
                        + " s; rule \"" + tracker.rule + "\" was firing", tracker.rule, null);
            }
            if (fired >= max) {
                throw new RuleFailure("the rules fired " + fired + " times, the limit for this input; rule \""
                        + tracker.rule + "\" was firing (a rule that keeps re-inserting facts?)", tracker.rule, null);
            }
            t = phases.since("fire", t);
            CheckResult result = collect(pack, base, session);
            phases.since("collect", t);
            phases.note("fired", String.valueOf(fired));
            return result;
        } finally {
            timer.shutdownNow();
            session.dispose();
        }
    }

    private static CheckResult collect(RulePack pack, FactBase base, KieSession session) {
        List<Finding> findings = new ArrayList<>();
        Map<String, Figure> figures = new LinkedHashMap<>();
        Map<String, ClaimVerdict> verdicts = new LinkedHashMap<>();
        List<Figure> all = new ArrayList<>();
        for (Object o : session.getObjects()) {
            if (o instanceof Finding f) findings.add(f);
            else if (o instanceof Figure f && f.derived()) all.add(f);
            else if (o instanceof ClaimVerdict v) verdicts.merge(v.claim().getRef(), v, (a, b) -> a);
        }
        all.sort(Comparator.comparing(Figure::subject).thenComparing(Figure::attribute).thenComparing(Figure::at));
        for (Figure f : all) figures.putIfAbsent(f.subject() + "\u0000" + f.attribute() + "\u0000" + f.fromRefs(), f);
        findings.sort(Finding.ORDER);
        List<ClaimVerdict> sortedVerdicts = verdicts.values().stream()
                .sorted(Comparator.comparing((ClaimVerdict v) -> v.claim().location()).thenComparing(v -> v.claim().getRef()))
                .collect(Collectors.toList());
        return new CheckResult(base, pack.rules(), List.copyOf(findings), List.copyOf(figures.values()), sortedVerdicts);
    }

    /** Remembers the rule firing and what it matched, to name them when something goes wrong. */
    private static final class Tracker extends DefaultAgendaEventListener {
        volatile String rule = "(none)";
        volatile List<Object> objects = List.of();

        @Override
        public void beforeMatchFired(BeforeMatchFiredEvent event) {
            rule = event.getMatch().getRule().getName();
            objects = event.getMatch().getObjects();
        }

        @Override
        public void afterMatchFired(AfterMatchFiredEvent event) {
            // keep the last rule: a halt or a limit names the rule that fired last
        }
    }
}
