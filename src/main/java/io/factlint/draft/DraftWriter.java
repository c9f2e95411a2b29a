package io.factlint.draft;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a {@link Draft} as a commented YAML fact file, or merges it into an existing one.
 *
 * <p>A merge is text-level: it reads the existing file only to learn what it holds, then inserts the new entries'
 * lines at the end of each top-level sequence ({@code sources:}, {@code entities:}, {@code facts:}, {@code claims:},
 * {@code mentions:}). Every existing byte stays where it was, so reviewed entries, the editor's comments and the
 * order survive; a YAML library's round trip would drop comments and re-flow the file.
 */
public final class DraftWriter {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new YAMLMapper();
    private static final List<String> SECTIONS = List.of("sources", "entities", "facts", "claims", "mentions");

    private DraftWriter() {
    }

    /** A merge that cannot be done as text (a flow-style or malformed file), at a line and column when known. */
    public static final class MergeException extends Exception {
        private final String where;

        public MergeException(String message) {
            this(message, 0, 0);
        }

        MergeException(String message, int line, int column) {
            super(message);
            this.where = line > 0 ? ":" + line + ":" + column : "";
        }

        /** The problem as an input error of {@code file}: {@code file:line:col: message}, or {@code file: message}. */
        public String at(String file) {
            return file + where + ": " + getMessage();
        }
    }

    /**
     * A new fact file. {@code schema} is the path of facts.schema.json relative to the file, {@code textPath} the
     * article's, {@code article} the article's name for the header.
     */
    public static String render(Draft d, String schema, String textPath, String article) {
        StringBuilder b = new StringBuilder();
        b.append("# Drafted by factlint draft from ").append(article).append(", published ").append(d.published()).append(".\n");
        b.append("# Every entry with `drafted: true` was proposed by the machine: check it against the text (its quote\n");
        b.append("# says where it came from), correct it, then delete the `drafted: true` line. draft.unreviewed names\n");
        b.append("# each drafted entry until you do. Lines with TODO ask what the draft could not decide.\n");
        b.append("# Numbers of the text that need no fact (an age, a phone number): list them under story.ignore.\n");
        b.append("\"$schema\": ").append(q(schema)).append('\n');
        b.append("story:\n");
        b.append("  id: ").append(q(d.storyId())).append('\n');
        b.append("  published: ").append(q(d.published())).append('\n');
        b.append("  text: ").append(q(textPath)).append('\n');
        Map<String, List<String>> items = items(d, new HashSet<>(), 1, 1);
        for (String section : SECTIONS) {
            List<String> lines = items.get(section);
            if (lines.isEmpty()) continue;
            // a section of commented-out entries only stays a comment: "claims:" alone would be null
            b.append(onlyComments(lines) ? "# " : "").append(section).append(":\n");
            for (String l : lines) b.append(l);
        }
        return b.toString();
    }

    /** What a draft added to a fact file: entries, and entries written commented out (each under its TODO). */
    public record Added(int facts, int claims, int mentions, long commentedOut) {
    }

    /**
     * What {@code result} holds that {@code existing} (the file before the draft; empty for a new one) did not:
     * entries as a YAML reader sees them (two readings of one quote are one fact), and the {@code "  # - id: "}
     * lines of entries {@link #render} and {@link #merge} write commented out.
     */
    public static Added added(String existing, String result) {
        int[] before = counts(existing), after = counts(result);
        return new Added(after[0] - before[0], after[1] - before[1], after[2] - before[2],
                commentedOut(result) - commentedOut(existing));
    }

    /** How many facts, claims and date mentions a fact file holds; zeros for a file that is not a YAML mapping. */
    private static int[] counts(String yaml) {
        try {
            JsonNode root = YAML.readTree(yaml);
            if (root == null || !root.isObject()) return new int[3];
            return new int[]{root.path("facts").size(), root.path("claims").size(), root.path("mentions").size()};
        } catch (IOException e) {
            return new int[3];
        }
    }

    private static long commentedOut(String yaml) {
        return yaml.lines().filter(l -> l.startsWith("  # - id: ")).count();
    }

    /**
     * {@code existing} with the entries of {@code d} it does not hold yet appended to its sequences. An entry is
     * already there when a fact with the same quote and value (status word or number), a claim with the same
     * text, a mention with the same text, a source or entity with the same id exists (reviewed or not).
     */
    public static String merge(String existing, Draft d) throws MergeException {
        JsonNode root;
        try {
            root = YAML.readTree(existing);
        } catch (JsonProcessingException e) {
            // one line, located as every other input error: SnakeYAML's problem, not its dump of the source
            com.fasterxml.jackson.core.JsonLocation l = e.getLocation();
            String problem = io.factlint.ingest.YamlProblems.of(e);
            if (problem == null) problem = String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse("").strip();
            throw new MergeException("the existing fact file is not valid YAML (" + problem + "); fix it or draft into a new file",
                    l == null ? 0 : l.getLineNr(), l == null ? 0 : l.getColumnNr());
        } catch (IOException e) {
            throw new MergeException(e.getMessage());
        }
        if (root == null || !root.isObject()) throw new MergeException("the existing fact file is not a YAML mapping");
        Set<String> have = new HashSet<>();
        int maxFact = 0, maxClaim = 0;
        for (JsonNode s : root.path("sources")) have.add("source:" + s.path("id").asText());
        for (JsonNode e : root.path("entities")) have.add("entity:" + e.path("id").asText());
        for (JsonNode f : root.path("facts")) {
            have.add("fact:" + f.path("quote").asText() + "\u0000" + valueKey(f.path("value")));
            maxFact = Math.max(maxFact, number(f.path("id").asText(), "f"));
        }
        for (JsonNode c : root.path("claims")) {
            have.add("claim:" + c.path("text").asText());
            have.add("claimid:" + c.path("id").asText());
            maxClaim = Math.max(maxClaim, number(c.path("id").asText(), "c"));
        }
        for (JsonNode m : root.path("mentions")) have.add("mention:" + m.path("text").asText());
        Map<String, List<String>> items = items(d, have, maxFact + 1, maxClaim + 1);
        List<String> lines = new ArrayList<>(List.of(existing.split("\n", -1)));
        if (!existing.endsWith("\n")) lines.add("");
        for (String section : SECTIONS) {
            List<String> add = items.get(section);
            if (add.isEmpty()) continue;
            List<String> addLines = new ArrayList<>();
            for (String item : add) addLines.addAll(List.of(item.substring(0, item.length() - 1).split("\n", -1)));
            int at = find(lines, section);
            if (at < 0) {
                int end = lines.size();
                while (end > 0 && lines.get(end - 1).isEmpty()) end--;
                lines.add(end, (onlyComments(add) ? "# " : "") + section + ":");
                lines.addAll(end + 1, addLines);
                continue;
            }
            String head = lines.get(at);
            Matcher flow = Pattern.compile("^" + section + ":\\s*\\[\\s*\\]\\s*(#.*)?$").matcher(head);
            if (flow.matches()) {
                lines.set(at, section + ":" + (flow.group(1) == null ? "" : " " + flow.group(1)));
            } else if (!head.matches("^" + section + ":\\s*(#.*)?$")) {
                throw new MergeException("\"" + section + "\" of the existing fact file is written in flow style ([...]): "
                        + "write it as a block sequence (one \"- \" item per line) so the draft can append to it");
            }
            int end = at + 1;
            int lastItem = at;
            while (end < lines.size()) {
                String l = lines.get(end);
                if (!l.isEmpty() && !l.startsWith(" ") && !l.startsWith("#") && !l.startsWith("-")) break;
                if (!l.isBlank() && !l.stripLeading().startsWith("#")) lastItem = end;
                end++;
            }
            lines.addAll(lastItem + 1, addLines);
        }
        String out = String.join("\n", lines);
        return out.endsWith("\n") ? out : out + "\n";
    }

    private static boolean onlyComments(List<String> items) {
        return items.stream().allMatch(i -> i.lines().allMatch(l -> l.startsWith("  #")));
    }

    private static int find(List<String> lines, String section) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).matches("^\"?" + section + "\"?:.*")) return i;
        }
        return -1;
    }

    private static int number(String id, String prefix) {
        Matcher m = Pattern.compile("^" + prefix + "(\\d+)$").matcher(id);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private static String valueKey(JsonNode v) {
        if (v.isTextual()) return v.asText();
        if (v.isNumber()) return new BigDecimal(v.asText()).stripTrailingZeros().toPlainString();
        if (v.has("amount")) return new BigDecimal(v.path("amount").asText()).stripTrailingZeros().toPlainString();
        if (v.has("min")) return new BigDecimal(v.path("min").asText()).stripTrailingZeros().toPlainString();
        return v.toString();
    }

    private static String valueKey(Draft.Fact f) {
        if (f.isStatus()) return f.status();
        return (f.amount() != null ? f.amount() : f.min()).stripTrailingZeros().toPlainString();
    }

    /** The YAML items (each ending with a newline) of every section, leaving out what {@code have} holds. */
    private static Map<String, List<String>> items(Draft d, Set<String> have, int firstFact, int firstClaim) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        SECTIONS.forEach(s -> out.put(s, new ArrayList<>()));
        Set<String> usedSources = new HashSet<>();
        Set<String> usedEntities = new HashSet<>();
        int factNo = firstFact;
        int claimNo = firstClaim;
        for (Draft.Fact f : d.facts()) {
            if (have.contains("fact:" + f.quote() + "\u0000" + valueKey(f))) continue;
            have.add("fact:" + f.quote() + "\u0000" + valueKey(f));
            String id = "f" + factNo++;
            StringBuilder b = new StringBuilder();
            String p = f.valid() ? "  " : "  # ";
            if (f.note() != null) b.append("  # TODO ").append(oneLine(f.note())).append('\n');
            b.append(p).append("- id: ").append(q(id)).append("  # line ").append(f.line()).append('\n');
            String in = f.valid() ? "    " : "  #   ";
            b.append(in).append("subject: ").append(q(f.subject())).append('\n');
            b.append(in).append("attribute: ").append(q(f.attribute())).append('\n');
            b.append(in).append("value: ").append(value(f)).append('\n');
            if (f.at() != null) {
                b.append(in).append("at: ").append(f.atTo() == null ? q(f.at().toString())
                        : "{from: " + q(f.at().toString()) + ", to: " + q(f.atTo().toString()) + "}").append('\n');
            }
            b.append(in).append("source: ").append(q(f.source())).append('\n');
            if (f.certainty() != null) b.append(in).append("certainty: ").append(q(f.certainty())).append('\n');
            b.append(in).append("quote: ").append(q(f.quote())).append('\n');
            b.append(in).append("drafted: true\n");
            out.get("facts").add(b.toString());
            if (f.valid()) {
                usedSources.add(f.source());
                usedEntities.add(f.subject());
            }
        }
        for (Draft.Claim c : d.claims()) {
            if (have.contains("claim:" + c.text())) continue;
            have.add("claim:" + c.text());
            String id = c.id().equals("headline") && !have.contains("claimid:headline") ? "headline" : "c" + claimNo++;
            StringBuilder b = new StringBuilder();
            String p = c.valid() ? "  " : "  # ";
            String in = c.valid() ? "    " : "  #   ";
            if (c.note() != null) b.append("  # TODO ").append(oneLine(c.note())).append('\n');
            b.append(p).append("- id: ").append(q(id)).append("  # line ").append(c.line()).append('\n');
            b.append(in).append("text: ").append(q(c.text())).append('\n');
            b.append(in).append("subject: ").append(q(c.subject() == null ? "TODO" : c.subject())).append('\n');
            b.append(in).append("attribute: ").append(q(c.attribute())).append('\n');
            b.append(in).append("op: ").append(q(c.op())).append('\n');
            b.append(in).append("value: ").append(c.status() != null ? q(c.status()) : plain(c.value())).append('\n');
            b.append(in).append("drafted: true\n");
            out.get("claims").add(b.toString());
            if (c.valid() && c.subject() != null) usedEntities.add(c.subject());
        }
        for (Draft.Source s : d.sources()) {
            if (!usedSources.contains(s.id()) || have.contains("source:" + s.id())) continue;
            out.get("sources").add("  - {id: " + q(s.id()) + ", name: " + q(s.name()) + ", kind: " + q(s.kind()) + "}\n");
        }
        for (Draft.Entity e : d.entities()) {
            if (!usedEntities.contains(e.id()) || have.contains("entity:" + e.id())) continue;
            out.get("entities").add("  - {id: " + q(e.id()) + ", kind: " + q(e.kind()) + ", name: " + q(e.name()) + "}\n");
        }
        for (Draft.Mention m : d.mentions()) {
            if (have.contains("mention:" + m.text())) continue;
            have.add("mention:" + m.text());
            out.get("mentions").add("  - {text: " + q(m.text()) + ", date: " + q(m.date().toString())
                    + (m.weekday() == null ? "" : ", weekday: " + q(m.weekday().name().toLowerCase(Locale.ROOT)))
                    + "}  # line " + m.line() + "\n");
        }
        return out;
    }

    private static String value(Draft.Fact f) {
        if (f.isStatus()) return q(f.status());
        if (f.amount() == null) return "{min: " + plain(f.min()) + ", max: " + plain(f.max()) + "}";
        if (f.bound() == null || f.bound() == io.factlint.model.Bound.EXACTLY) return plain(f.amount());
        return "{amount: " + plain(f.amount()) + ", bound: " + q(f.bound().id()) + "}";
    }

    private static String plain(BigDecimal v) {
        return v == null ? "null" : v.stripTrailingZeros().toPlainString();
    }

    private static String oneLine(String s) {
        return s.replaceAll("[\\r\\n]+", " ");
    }

    /** A YAML double-quoted scalar (JSON string syntax is valid YAML). */
    static String q(String s) {
        try {
            return JSON.writeValueAsString(s == null ? "" : s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
