package io.factlint.model;

import java.util.List;
import java.util.Map;

/** Everything loaded for one check: the files read (sorted by path) and what they declare. */
public record FactBase(List<String> files, List<Story> stories, Map<String, Source> sources,
                       Map<String, Entity> entities, List<Fact> facts, List<Claim> claims, List<Mention> mentions,
                       List<Drafted> drafted, List<IgnoredText> ignored) {

    /** A body of facts with nothing drafted and nothing ignored. */
    public FactBase(List<String> files, List<Story> stories, Map<String, Source> sources, Map<String, Entity> entities,
                    List<Fact> facts, List<Claim> claims, List<Mention> mentions) {
        this(files, stories, sources, entities, facts, claims, mentions, List.of(), List.of());
    }

    public Story story(String id) {
        return stories.stream().filter(s -> s.id().equals(id)).findFirst().orElse(null);
    }

    /** The stories that are articles (files with a {@code story} object). */
    public long articleCount() {
        return stories.stream().filter(Story::hasStory).count();
    }

    public String entityName(String id) {
        Entity e = entities.get(id);
        return e == null ? id : e.name();
    }

    public String sourceName(String id) {
        Source s = sources.get(id);
        return s == null ? id : s.name();
    }
}
