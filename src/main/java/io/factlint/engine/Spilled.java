package io.factlint.engine;

import io.factlint.model.CheckResult;
import io.factlint.model.Claim;
import io.factlint.model.Drafted;
import io.factlint.model.Entity;
import io.factlint.model.Fact;
import io.factlint.model.FactBase;
import io.factlint.model.SpilledFacts;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * The check of a fact base whose facts were spilled to bucket files by the loader ({@link SpilledFacts};
 * docs/performance.md, "Spilling work units to disk"). Every fact of a subject is in one bucket; a claim that links
 * subjects ({@link WorkUnits#subjectsOf}) links their buckets, so the buckets fall into groups, and each group holds
 * whole work units. Group by group (in bucket order), the group's facts are read back, cut into units and batches
 * exactly as an input in memory, checked on the worker pool, and dropped; the next group is read while the
 * sessions of the current one run. The story units (stories, mentions, what backs a text: quoted facts are held in
 * memory by the loader) are checked last. The findings, figures and verdicts are merged and sorted as always, so the
 * reports are byte-identical to a check in memory.
 */
final class Spilled {
    private Spilled() {
    }

    static CheckResult check(RulePack pack, FactBase base, SpilledFacts spilled, EngineLimits limits, Phases phases,
                             Engine.Mode mode) throws RuleFailure {
        long t = System.nanoTime();
        int n = spilled.buckets();
        int[] parent = IntStream.range(0, n).toArray();
        Map<String, Entity> entities = base.entities();
        for (Claim c : base.claims()) {
            int first = -1;
            for (String s : WorkUnits.subjectsOf(c, entities)) {
                int b = spilled.bucketOf(s);
                if (first < 0) first = b;
                else union(parent, first, b);
            }
        }
        // the groups, by their smallest bucket; each group's claims and drafted entries
        Map<Integer, List<Integer>> groups = new TreeMap<>();
        for (int b = 0; b < n; b++) groups.computeIfAbsent(find(parent, b), k -> new ArrayList<>()).add(b);
        Map<Integer, List<Claim>> claims = new TreeMap<>();
        for (Claim c : base.claims()) {
            int root = find(parent, spilled.bucketOf(WorkUnits.subjectsOf(c, entities).iterator().next()));
            claims.computeIfAbsent(root, k -> new ArrayList<>()).add(c);
        }
        Map<Integer, List<Drafted>> drafted = new TreeMap<>();
        for (Drafted d : base.drafted()) {
            drafted.computeIfAbsent(find(parent, spilled.bucketOf(d.subject())), k -> new ArrayList<>()).add(d);
        }
        WorkUnits.StoryIndex stories = new WorkUnits.StoryIndex(base.stories());
        List<Entity> shared = WorkUnits.sharedEntities(base);
        int batchSize = mode == Engine.Mode.UNIT_SESSIONS ? 1 : WorkUnits.BATCH_OBJECTS;
        // the story units: what backs a story's text is its quoted facts, held in memory
        FactBase held = new FactBase(base.files(), base.stories(), base.sources(), entities, spilled.held(),
                base.claims(), base.mentions(), base.drafted(), base.ignored());
        List<WorkUnits.Batch> storyBatches = WorkUnits.batches(
                WorkUnits.storyUnits(base, io.factlint.rules.StoryBacking.of(held)), batchSize);
        phases.since("units", t);
        t = System.nanoTime();

        Engine.Context context = new Engine.Context(pack, base, limits);
        Engine.Collected collected = new Engine.Collected(pack);
        List<int[]> order = new ArrayList<>();
        for (List<Integer> g : groups.values()) order.add(g.stream().mapToInt(Integer::intValue).toArray());
        List<Integer> roots = new ArrayList<>(groups.keySet());
        int units = storyBatches.stream().mapToInt(b -> b.units().size()).sum();
        int sessions = storyBatches.size();
        List<Fact> next = read(spilled, order.get(0));
        // the sessions of one group run while the next group is read and its sessions start: the workers never
        // wait for a group's last batch (at most two groups' facts are in memory)
        Overlap runs = new Overlap(collected);
        try {
            for (int g = 0; g < order.size(); g++) {
                List<Fact> facts = next;
                int root = roots.get(g);
                FactBase group = new FactBase(base.files(), base.stories(), base.sources(), entities, facts,
                        claims.getOrDefault(root, List.of()), List.of(), drafted.getOrDefault(root, List.of()), List.of());
                List<WorkUnits.Batch> batches = WorkUnits.batches(WorkUnits.subjectUnits(group, stories), batchSize);
                units += batches.stream().mapToInt(b -> b.units().size()).sum();
                sessions += batches.size();
                runs.then(batches.isEmpty() ? null : context.start(batches, shared));
                next = g + 1 < order.size() ? read(spilled, order.get(g + 1)) : null;
            }
            if (!storyBatches.isEmpty()) runs.then(context.start(storyBatches, shared));
            runs.then(null);
        } finally {
            runs.stop(); // a failure elsewhere: stop what still runs
            context.close();
        }
        phases.note("work units", String.valueOf(units));
        phases.note("sessions", String.valueOf(sessions));
        phases.note("spill", spilled.size() + " facts in " + n + " buckets, " + order.size() + " groups");
        t = phases.since("rules", t);
        CheckResult result = collected.result(base, new Engine.LazySeries(spilled), phases, runs.workers);
        phases.since("collect", t);
        return result;
    }

    /** One run of sessions going on while the next starts: {@link #then} takes the results of the one before. */
    private static final class Overlap {
        private final Engine.Collected collected;
        private Engine.Run running;
        int workers = 1;

        Overlap(Engine.Collected collected) {
            this.collected = collected;
        }

        /** Leaves {@code run} (null: none) running and waits for the run before it, whose results it collects. */
        void then(Engine.Run run) throws RuleFailure {
            Engine.Run done = running;
            running = run;
            if (done != null) {
                collected.addAll(done.await());
                workers = Math.max(workers, done.workers);
            }
        }

        void stop() {
            if (running != null) running.stop();
        }
    }

    /** Every spilled fact back in memory, in load order (a rule of the pack joins across work units). */
    static FactBase inMemory(FactBase base, SpilledFacts spilled) throws RuleFailure {
        List<Fact> all = read(spilled, IntStream.range(0, spilled.buckets()).toArray());
        return new FactBase(base.files(), base.stories(), base.sources(), base.entities(), all, base.claims(),
                base.mentions(), base.drafted(), base.ignored());
    }

    private static List<Fact> read(SpilledFacts spilled, int[] buckets) throws RuleFailure {
        try {
            return spilled.read(buckets);
        } catch (IOException e) {
            throw new RuleFailure("cannot read the spilled facts in " + spilled.folder() + ": " + e.getMessage(), null, e);
        }
    }

    private static int find(int[] parent, int b) {
        while (parent[b] != b) {
            parent[b] = parent[parent[b]];
            b = parent[b];
        }
        return b;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a), rb = find(parent, b);
        if (ra != rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }
}
