package io.factlint.draft;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What drafting knows of words, read from the {@code draft:} sections of the rule pack's YAML files
 * ({@code rules/vocabulary/draft.yaml}, extendable by a newsroom's own file), plus the lifecycle's status words and
 * the figures, so that drafted statuses are valid and claims link to the figure they need.
 */
public record DraftVocabulary(Map<String, List<String>> attributes, Map<String, List<String>> statuses,
                              List<String> people, List<String> verbs, List<KnownSource> sources,
                              Map<String, List<String>> sourceKinds, Map<String, String> demonyms,
                              List<String> hypothetical, Set<String> lifecycle, Map<String, String> figureByNumerator) {

    /** A source an article may name in several ways. */
    public record KnownSource(String id, String name, String kind, List<String> aliases) {
    }

    private static final ObjectMapper YAML = new YAMLMapper();

    /** Reads every {@code *.yaml}/{@code *.yml} under {@code rulesDir} (sorted by path), merging the sections. */
    public static DraftVocabulary load(Path rulesDir) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(rulesDir)) {
            files = s.filter(p -> Files.isRegularFile(p) && p.toString().matches(".*\\.ya?ml$")).sorted().toList();
        }
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        Map<String, List<String>> statuses = new LinkedHashMap<>();
        Set<String> people = new LinkedHashSet<>();
        Set<String> verbs = new LinkedHashSet<>();
        List<KnownSource> sources = new ArrayList<>();
        Map<String, List<String>> kinds = new LinkedHashMap<>();
        Map<String, String> demonyms = new LinkedHashMap<>();
        Set<String> hypothetical = new LinkedHashSet<>();
        Set<String> lifecycle = new LinkedHashSet<>();
        Map<String, String> figures = new LinkedHashMap<>();
        for (Path f : files) {
            JsonNode root;
            try {
                root = YAML.readTree(f.toFile());
            } catch (IOException e) {
                throw new IOException(f + ": " + e.getMessage(), e);
            }
            if (root == null || !root.isObject()) continue;
            root.path("statuses").forEach(n -> lifecycle.add(n.asText()));
            for (Iterator<Map.Entry<String, JsonNode>> it = root.path("figures").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                figures.putIfAbsent(e.getValue().path("numerator").asText(), e.getKey());
            }
            JsonNode d = root.path("draft");
            if (!d.isObject()) continue;
            lists(d.path("attributes"), attributes);
            lists(d.path("statuses"), statuses);
            lists(d.path("sourceKinds"), kinds);
            d.path("people").forEach(n -> people.add(n.asText().toLowerCase(Locale.ROOT)));
            d.path("verbs").forEach(n -> verbs.add(n.asText().toLowerCase(Locale.ROOT)));
            d.path("hypothetical").forEach(n -> hypothetical.add(n.asText().toLowerCase(Locale.ROOT)));
            for (Iterator<Map.Entry<String, JsonNode>> it = d.path("demonyms").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                demonyms.put(e.getKey(), e.getValue().asText());
            }
            for (JsonNode s : d.path("sources")) {
                List<String> aliases = new ArrayList<>();
                s.path("aliases").forEach(a -> aliases.add(a.asText()));
                sources.add(new KnownSource(s.path("id").asText(), s.path("name").asText(), s.path("kind").asText("other"), aliases));
            }
        }
        return new DraftVocabulary(attributes, statuses, List.copyOf(people), List.copyOf(verbs), sources, kinds,
                demonyms, List.copyOf(hypothetical), lifecycle, figures);
    }

    private static void lists(JsonNode node, Map<String, List<String>> into) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            List<String> words = new ArrayList<>(into.getOrDefault(e.getKey(), List.of()));
            e.getValue().forEach(n -> words.add(n.asText().toLowerCase(Locale.ROOT)));
            into.put(e.getKey(), words);
        }
    }
}
