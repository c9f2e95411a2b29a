package io.factlint.rules;

import io.factlint.model.Claim;
import io.factlint.model.Fact;
import io.factlint.model.FactBase;
import io.factlint.model.IgnoredText;
import io.factlint.model.Story;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What backs the numbers of one story's text: the story's facts that quote it, its claims and its {@code ignore}
 * entries, gathered by the engine in Java (like {@link Timeline}) and inserted beside the story. A rule on the text
 * ({@code text.unbacked_number}) then matches one story and one backing, so it runs in the story's own work unit
 * although the facts of a story belong to many subjects' units.
 */
public record StoryBacking(String storyId, List<Fact> quotedFacts, List<Claim> claims, List<IgnoredText> ignored) {
    public StoryBacking {
        quotedFacts = List.copyOf(quotedFacts);
        claims = List.copyOf(claims);
        ignored = List.copyOf(ignored);
    }

    /** One backing per story of {@code base} that has a text, in story order. */
    public static List<StoryBacking> of(FactBase base) {
        Map<String, List<Fact>> facts = new LinkedHashMap<>();
        Map<String, List<Claim>> claims = new LinkedHashMap<>();
        Map<String, List<IgnoredText>> ignored = new LinkedHashMap<>();
        for (Story s : base.stories()) {
            if (s.text() == null) continue;
            facts.put(s.id(), new ArrayList<>());
            claims.put(s.id(), new ArrayList<>());
            ignored.put(s.id(), new ArrayList<>());
        }
        for (Fact f : base.facts()) {
            List<Fact> l = facts.get(f.getStoryId());
            if (l != null && f.getQuote() != null) l.add(f);
        }
        for (Claim c : base.claims()) {
            List<Claim> l = claims.get(c.storyId());
            if (l != null) l.add(c);
        }
        for (IgnoredText i : base.ignored()) {
            List<IgnoredText> l = ignored.get(i.storyId());
            if (l != null) l.add(i);
        }
        List<StoryBacking> out = new ArrayList<>();
        for (String id : facts.keySet()) out.add(new StoryBacking(id, facts.get(id), claims.get(id), ignored.get(id)));
        return out;
    }
}
