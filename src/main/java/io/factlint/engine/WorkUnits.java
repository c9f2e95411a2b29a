package io.factlint.engine;

import io.factlint.model.Claim;
import io.factlint.model.Entity;
import io.factlint.model.Fact;
import io.factlint.model.FactBase;
import io.factlint.model.Mention;
import io.factlint.model.Story;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Splits a fact base into independent work units (docs/performance.md, "Partitioned evaluation"):
 * <ul>
 *   <li>a <b>subject unit</b> per connected component of subjects, two subjects being linked when a claim names
 *       both ({@link #subjectsOf(Claim)}); it holds every fact and claim of its subjects, plus, read-only, the
 *       stories those facts and claims come from (the rules join a fact with its story: dates, quotes);</li>
 *   <li>a <b>story unit</b> per story: the story and its date mentions.</li>
 * </ul>
 * Sources, entities and the vocabulary are shared read-only by every unit. Every default rule matches within one
 * unit (the figure definitions combine attributes of one subject, so figures add no link between subjects). A rule
 * that joins across units declares {@code @scope("global")}; the engine then runs one session over everything.
 * Small units are batched, in unit order, into sessions of about {@link #BATCH_OBJECTS} objects.
 */
public final class WorkUnits {
    private WorkUnits() {
    }

    /** About this many facts, claims and mentions per session: a short-lived session, bounded memory. */
    public static final int BATCH_OBJECTS = 8_000;

    /**
     * The subjects a claim links: the one place that decides which subjects must be checked together: its subject,
     * the subjects it is compared with ({@code versus}), ranked among ({@code rank_among}) or quantified over
     * ({@code among}; each a list, or every entity of a kind). The claim's own subject comes first.
     */
    public static Set<String> subjectsOf(Claim c, Map<String, Entity> entities) {
        Set<String> out = new LinkedHashSet<>(c.subjects());
        String kind = c.options() == null ? null : c.options().memberKind();
        if (kind != null) {
            for (Entity e : entities.values()) if (kind.equals(e.kind())) out.add(e.id());
        }
        return out;
    }

    /** One independent piece of the fact base. {@code key}: its first subject, or {@code story:ID}. */
    public record Unit(String key, List<Story> stories, List<Entity> entities, List<Fact> facts, List<Claim> claims,
                       List<Mention> mentions, List<Object> derived) {
        int size() {
            return facts.size() + claims.size() + mentions.size() + 1;
        }
    }

    /** A batch of units checked in one session. {@code index} counts from 1 in the deterministic order. */
    public record Batch(int index, int of, List<Unit> units) {
        /** {@code work unit soldier-1}, or {@code work units a .. z (12 units, batch 3 of 40)}. */
        public String describe() {
            if (units.size() == 1) return "work unit " + units.get(0).key();
            return "work units " + units.get(0).key() + " .. " + units.get(units.size() - 1).key() + " ("
                    + units.size() + " units, batch " + index + " of " + of + ")";
        }
    }

    /** The work units of {@code base}, sorted by key (subject units, then story units). */
    public static List<Unit> split(FactBase base) {
        List<Unit> units = subjectUnits(base, new StoryIndex(base.stories()));
        units.addAll(storyUnits(base, io.factlint.rules.StoryBacking.of(base)));
        return units;
    }

    /** The stories of a fact base by id, and their order (a unit lists its stories in load order). */
    static final class StoryIndex {
        final Map<String, Story> byId = new HashMap<>();
        final Map<Story, Integer> order = new java.util.IdentityHashMap<>();

        StoryIndex(List<Story> stories) {
            for (Story s : stories) {
                byId.put(s.id(), s);
                order.put(s, order.size());
            }
        }
    }

    /**
     * The subject units of {@code base}'s facts, claims and drafted entries, sorted by key (the first subject of
     * each component). With spilled facts, {@code base} holds one group of buckets: every fact of its subjects.
     */
    static List<Unit> subjectUnits(FactBase base, StoryIndex stories) {
        Map<String, String> parent = new HashMap<>();
        for (Fact f : base.facts()) parent.putIfAbsent(f.getSubject(), f.getSubject());
        for (Claim c : base.claims()) {
            String first = null;
            for (String s : subjectsOf(c, base.entities())) {
                parent.putIfAbsent(s, s);
                if (first == null) first = s;
                else union(parent, first, s);
            }
        }
        // the component of each subject, named by its smallest subject
        Map<String, String> name = new HashMap<>();
        for (String s : parent.keySet()) name.merge(find(parent, s), s, (a, b) -> a.compareTo(b) <= 0 ? a : b);
        Map<String, List<Fact>> facts = new TreeMap<>();
        Map<String, List<Claim>> claims = new HashMap<>();
        for (Fact f : base.facts()) {
            facts.computeIfAbsent(name.get(find(parent, f.getSubject())), k -> new ArrayList<>()).add(f);
        }
        for (Claim c : base.claims()) {
            String k = name.get(find(parent, subjectsOf(c, base.entities()).iterator().next()));
            facts.computeIfAbsent(k, x -> new ArrayList<>());
            claims.computeIfAbsent(k, x -> new ArrayList<>()).add(c);
        }
        // a drafted fact or claim goes with its subject (draft.unreviewed matches it alone)
        Map<String, List<Object>> drafted = new HashMap<>();
        for (io.factlint.model.Drafted d : base.drafted()) {
            drafted.computeIfAbsent(name.get(find(parent, d.subject())), k -> new ArrayList<>()).add(d);
        }
        List<Unit> units = new ArrayList<>();
        for (Map.Entry<String, List<Fact>> e : facts.entrySet()) {
            List<Claim> cs = claims.getOrDefault(e.getKey(), List.of());
            Set<String> storyIds = new LinkedHashSet<>();
            Set<String> subjects = new LinkedHashSet<>();
            for (Fact f : e.getValue()) { storyIds.add(f.getStoryId()); subjects.add(f.getSubject()); }
            for (Claim c : cs) { storyIds.add(c.storyId()); subjects.addAll(subjectsOf(c, base.entities())); }
            List<Story> ss = new ArrayList<>();
            for (String id : storyIds) {
                Story s = stories.byId.get(id);
                if (s != null) ss.add(s);
            }
            ss.sort(java.util.Comparator.comparingInt(stories.order::get));
            List<Entity> es = new ArrayList<>();
            for (String s : subjects) {
                Entity en = base.entities().get(s);
                if (en != null) es.add(en);
            }
            units.add(new Unit(e.getKey(), ss, es, e.getValue(), cs, List.of(),
                    List.copyOf(drafted.getOrDefault(e.getKey(), List.of()))));
        }
        return units;
    }

    /** The story units of {@code base}, sorted by story id: each story, its mentions, what backs its text. */
    static List<Unit> storyUnits(FactBase base, List<io.factlint.rules.StoryBacking> backings) {
        Map<String, List<Mention>> mentions = new HashMap<>();
        for (Mention m : base.mentions()) mentions.computeIfAbsent(m.storyId(), k -> new ArrayList<>()).add(m);
        // what backs the numbers of a story's text goes with the story (text.unbacked_number matches it)
        Map<String, List<Object>> backing = new HashMap<>();
        for (io.factlint.rules.StoryBacking b : backings) {
            backing.computeIfAbsent(b.storyId(), k -> new ArrayList<>()).add(b);
        }
        Map<String, Unit> storyUnits = new TreeMap<>();
        for (Story s : base.stories()) {
            storyUnits.put(s.id(), new Unit("story:" + s.id(), List.of(s), List.of(), List.of(), List.of(),
                    mentions.getOrDefault(s.id(), List.of()), List.copyOf(backing.getOrDefault(s.id(), List.of()))));
        }
        return new ArrayList<>(storyUnits.values());
    }

    /** Entities that are no subject: shared by every unit (a custom rule may look them up). */
    static List<Entity> sharedEntities(FactBase base) {
        Set<String> subjects = new java.util.HashSet<>();
        if (base.facts() instanceof io.factlint.model.SpilledFacts spilled) subjects.addAll(spilled.subjects());
        else for (Fact f : base.facts()) subjects.add(f.getSubject());
        for (Claim c : base.claims()) subjects.addAll(subjectsOf(c, base.entities()));
        List<Entity> out = new ArrayList<>();
        for (Entity e : base.entities().values()) if (!subjects.contains(e.id())) out.add(e);
        return out;
    }

    /** The units in order, cut into batches of about {@code target} objects (a larger unit is a batch alone). */
    public static List<Batch> batches(List<Unit> units, int target) {
        List<List<Unit>> cuts = new ArrayList<>();
        List<Unit> cur = new ArrayList<>();
        int size = 0;
        for (Unit u : units) {
            if (!cur.isEmpty() && size + u.size() > target) {
                cuts.add(cur);
                cur = new ArrayList<>();
                size = 0;
            }
            cur.add(u);
            size += u.size();
        }
        if (!cur.isEmpty()) cuts.add(cur);
        List<Batch> out = new ArrayList<>();
        for (int i = 0; i < cuts.size(); i++) out.add(new Batch(i + 1, cuts.size(), List.copyOf(cuts.get(i))));
        return out;
    }

    private static String find(Map<String, String> parent, String s) {
        String r = s;
        while (!parent.get(r).equals(r)) r = parent.get(r);
        while (!parent.get(s).equals(r)) {
            String next = parent.get(s);
            parent.put(s, r);
            s = next;
        }
        return r;
    }

    private static void union(Map<String, String> parent, String a, String b) {
        String ra = find(parent, a), rb = find(parent, b);
        if (!ra.equals(rb)) parent.put(ra, rb);
    }
}
