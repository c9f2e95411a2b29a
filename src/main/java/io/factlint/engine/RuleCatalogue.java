package io.factlint.engine;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.factlint.rules.MessageTemplate;
import io.factlint.model.Severity;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The rule catalogue: per rule id its severity, description, what makes it fire, an example, what to do, and the
 * message as a template with named arguments. It is the {@code rules:} key of the YAML files of a rules folder (any
 * of them; by convention {@code rules/catalogue.yaml}, and a newsroom's pack its own file beside its DRL), merged:
 * <pre>
 * rules:
 *   status.changed:
 *     severity: warning            # error, warning or info
 *     description: A subject's status changes ...
 *     fires: Facts at two consecutive times ...      # optional
 *     example: "f1: soldier-1 status captured ..."   # optional
 *     fix: Make sure the headline ...                # optional
 *     message: "{subject}: status changed from {from} ({fromWhen}; {fromSources}) to {to} ..."
 *   date.after_publication:
 *     ...
 *     message:                     # several wordings of one id: each DRL rule picks one with @message("fact")
 *       fact: "{subject}: {attribute} {value} is dated {when}, after the story's publication ({published})"
 *       mention: "mention \"{text}\": {when} is after the story's publication ({published})"
 * </pre>
 * DRL rules name their id with {@code @id} and pass the message's arguments ({@link io.factlint.rules.Findings});
 * several DRL rules may share one id, and so one entry. Every problem is {@code file:line:column: message}.
 */
public final class RuleCatalogue {
    /** Made when a catalogue is parsed (a compiling run): one read from the rule cache loads no YAML or databind. */
    private static final class Yaml {
        static final ObjectMapper MAPPER = YAMLMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    }
    private static final Set<String> KEYS = Set.of("severity", "description", "fires", "example", "fix", "message");

    /** One rule id's entry, with where it is written ({@code file:line:column}) for errors. */
    public record Entry(String id, Severity severity, String description, String fires, String example, String fix,
                        Map<String, MessageTemplate> messages, String where, Map<String, String> messageWhere) {
        /** The key of the message of an entry that has one message (not several named wordings). */
        public static final String ONE = "";

        /** The message a rule with {@code @message(variant)} (or none: null) uses, or null if there is none such. */
        public MessageTemplate message(String variant) {
            return messages.get(variant == null ? ONE : variant);
        }

        /** Where that message is written. */
        public String messageWhere(String variant) {
            return messageWhere.getOrDefault(variant == null ? ONE : variant, where);
        }

        /** Whether the entry has several named wordings (each rule then names one with {@code @message}). */
        public boolean variants() {
            return !messages.containsKey(ONE);
        }

        /** The metadata as {@code factlint rules --format json}, SARIF and the HTML help show it (keys present only, sorted). */
        public Map<String, String> metadata() {
            Map<String, String> m = new TreeMap<>();
            m.put("id", id);
            m.put("severity", severity.id());
            m.put("description", description);
            if (fires != null) m.put("fires", fires);
            if (example != null) m.put("example", example);
            if (fix != null) m.put("fix", fix);
            return java.util.Collections.unmodifiableMap(m);
        }
    }

    private final Map<String, Entry> entries;

    private RuleCatalogue(Map<String, Entry> entries) {
        this.entries = java.util.Collections.unmodifiableMap(entries);
    }

    /** A catalogue of entries already checked (read back from the compiled-rule cache, {@link VocabularyCodec}). */
    static RuleCatalogue of(Map<String, Entry> entries) {
        return new RuleCatalogue(new TreeMap<>(entries));
    }

    /** The entries by rule id, sorted by id. */
    public Map<String, Entry> entries() {
        return entries;
    }

    public Entry get(String id) {
        return entries.get(id);
    }

    /** Reads the {@code rules:} key of every file (a file without it contributes nothing). */
    static RuleCatalogue load(List<Path> files, Function<Path, String> display) throws RulePackException {
        List<String> problems = new ArrayList<>();
        Map<String, Entry> entries = new TreeMap<>();
        for (Path p : files) {
            String name = display.apply(p);
            JsonNode root;
            try {
                root = Yaml.MAPPER.readTree(p.toFile());
            } catch (JsonProcessingException e) {
                continue; // the vocabulary loader reports a file that does not parse, with its position
            } catch (IOException e) {
                continue;
            }
            if (root == null || !root.isObject() || !root.has("rules")) continue;
            YamlPositions pos = YamlPositions.of(p);
            JsonNode rules = root.get("rules");
            if (!rules.isObject()) {
                problems.add(name + pos.suffix("/rules") + ": rules: must map rule ids to their entries");
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = rules.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String id = e.getKey();
                String ptr = "/rules/" + YamlPositions.escape(id);
                String where = name + pos.suffix(ptr);
                Entry prior = entries.get(id);
                if (prior != null) {
                    problems.add(where + ": rule id " + id + " is already in the catalogue at " + prior.where());
                    continue;
                }
                Entry entry = entry(id, e.getValue(), name, pos, ptr, problems);
                if (entry != null) entries.put(id, entry);
            }
        }
        if (!problems.isEmpty()) throw new RulePackException(problems);
        return new RuleCatalogue(entries);
    }

    private static Entry entry(String id, JsonNode n, String name, YamlPositions pos, String ptr, List<String> problems) {
        String where = name + pos.suffix(ptr);
        if (!id.matches("[a-z0-9_]+(\\.[a-z0-9_]+)+")) {
            problems.add(where + ": rule id \"" + id + "\" must be dotted lower-case words, e.g. status.changed or desk.unsourced");
            return null;
        }
        if (!n.isObject()) {
            problems.add(where + ": " + id + ": the entry must be a mapping (severity, description, message, ...)");
            return null;
        }
        int before = problems.size();
        Map<String, String> s = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            String at = name + pos.suffix(ptr + "/" + YamlPositions.escape(f.getKey()));
            if (!KEYS.contains(f.getKey())) {
                problems.add(at + ": " + id + ": unknown key \"" + f.getKey() + "\" (allowed: description, example, fires, fix, message, severity)");
            } else if (f.getKey().equals("message") && f.getValue().isObject()) {
                continue; // named wordings, read below
            } else if (!f.getValue().isTextual() || f.getValue().asText().isBlank()) {
                problems.add(at + ": " + id + ": " + f.getKey() + " must be a text");
            } else {
                s.put(f.getKey(), f.getValue().asText());
            }
        }
        for (String required : List.of("severity", "description", "message")) {
            if (!n.has(required)) problems.add(where + ": " + id + ": the entry needs a " + required);
        }
        Severity severity = null;
        if (s.containsKey("severity")) {
            try {
                severity = Severity.parse(s.get("severity"));
            } catch (IllegalArgumentException e) {
                problems.add(name + pos.suffix(ptr + "/severity") + ": " + id + ": severity must be error, warning or info, not \""
                        + s.get("severity") + "\"");
            }
        }
        Map<String, MessageTemplate> messages = new TreeMap<>();
        Map<String, String> messageWhere = new TreeMap<>();
        Map<String, String> texts = new TreeMap<>();
        if (s.containsKey("message")) {
            texts.put(Entry.ONE, s.get("message"));
            messageWhere.put(Entry.ONE, name + pos.suffix(ptr + "/message"));
        } else if (n.has("message") && n.get("message").isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.get("message").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> v = it.next();
                String at = name + pos.suffix(ptr + "/message/" + YamlPositions.escape(v.getKey()));
                if (!v.getKey().matches("[A-Za-z][A-Za-z0-9_-]*")) {
                    problems.add(at + ": " + id + ": message wording \"" + v.getKey() + "\" must be a word (letters, digits, _ or -)");
                } else if (!v.getValue().isTextual() || v.getValue().asText().isBlank()) {
                    problems.add(at + ": " + id + ": message " + v.getKey() + " must be a text");
                } else {
                    texts.put(v.getKey(), v.getValue().asText());
                    messageWhere.put(v.getKey(), at);
                }
            }
            if (texts.isEmpty() && problems.size() == before) problems.add(where + ": " + id + ": message: no wording");
        }
        texts.forEach((k, text) -> {
            try {
                messages.put(k, MessageTemplate.parse(text));
            } catch (IllegalArgumentException e) {
                problems.add(messageWhere.get(k) + ": " + id + ": message" + (k.isEmpty() ? "" : " " + k) + ": " + e.getMessage());
            }
        });
        if (problems.size() > before) return null;
        return new Entry(id, severity, s.get("description"), s.get("fires"), s.get("example"), s.get("fix"),
                java.util.Collections.unmodifiableMap(messages), where, java.util.Collections.unmodifiableMap(messageWhere));
    }

    /** {@code file:line:column} of a Jackson problem, for the vocabulary loader. */
    static String where(String name, JsonLocation l) {
        return name + (l != null ? ":" + l.getLineNr() + ":" + l.getColumnNr() : "");
    }
}
