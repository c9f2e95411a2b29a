package io.factlint.spark;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.factlint.ingest.InputError;
import io.factlint.model.FactBase;
import io.factlint.model.Location;
import io.factlint.model.Story;
import io.factlint.review.WaiverFile;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Facts as rows (docs/spark.md, "Facts as JSON lines or Parquet"): one row per object of a fact file (the story, each
 * source, entity, fact, claim and mention) with the file and position it came from, and one row per file the facts
 * need beside them (a story's text, a waivers file). Columns:
 *
 * <ul>
 * <li>{@code kind}: {@code story}, {@code source}, {@code entity}, {@code fact}, {@code claim}, {@code mention} or
 *     {@code file};</li>
 * <li>{@code file}: the fact file's path as the CLI shows it (e.g. {@code facts/stories/a.json}); for {@code file}
 *     rows the path of that file;</li>
 * <li>{@code line}, {@code column}: where the object starts in that file (1-based; {@code column} may be null: 1);</li>
 * <li>{@code object}: the object exactly as a fact file writes it, in JSON (a nested object in JSON lines, its JSON
 *     text in Parquet);</li>
 * <li>{@code content}: a {@code file} row's text.</li>
 * </ul>
 *
 * <p>The rows are turned back into fact files ({@link #reassemble}) with every object at its own line and column, and
 * those are read by the CLI's own loader: the same validation, the same located errors, the same locations in the
 * findings as a check of the original files.
 */
public final class FactRows {
    private FactRows() {
    }

    /** The object kinds, in the order of a fact file's top level; {@code file} is a whole file's text. */
    public static final List<String> KINDS = List.of("story", "source", "entity", "fact", "claim", "mention", "file");
    private static final Map<String, String> ARRAY = Map.of("source", "sources", "entity", "entities",
            "fact", "facts", "claim", "claims", "mention", "mentions");

    /** The rows' schema, for Spark's readers (JSON lines: {@code object} is read as the nested object's JSON text). */
    public static final StructType SCHEMA = new StructType()
            .add("kind", DataTypes.StringType)
            .add("file", DataTypes.StringType)
            .add("line", DataTypes.IntegerType)
            .add("column", DataTypes.IntegerType)
            .add("object", DataTypes.StringType)
            .add("content", DataTypes.StringType);

    /** One row; {@code origin} is the data file it was read from (for rows that cannot be placed), not a column. */
    public record FactRow(String kind, String file, Integer line, Integer column, String object, String content,
                          String origin) implements Serializable {
    }

    /** Exact numbers: a decimal is kept digit for digit (a quantity's step is read from its digits). */
    static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .enable(com.fasterxml.jackson.core.StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();
    private static final ObjectMapper YAML = JsonMapper.builder(new YAMLFactory())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    // ---------------------------------------------------------------- fact files -> rows (the converter)

    /**
     * The rows of a fact base's files ({@code base}: what the CLI's loader read, so the files are valid): every object
     * of every file at the position the loader gives it, then the story texts and the waivers files found beside
     * the facts.
     */
    public static List<FactRow> fromFiles(FactBase base, List<Path> inputs) throws IOException {
        List<FactRow> out = new ArrayList<>();
        for (String file : base.files()) objects(Path.of(file), file, out);
        Map<String, Path> extra = new TreeMap<>();
        for (Story s : base.stories()) {
            if (s.textFile() != null) extra.put(s.textFile(), Path.of(s.textFile()));
        }
        for (Path w : WaiverFile.discover(inputs)) extra.put(display(w), w);
        for (Map.Entry<String, Path> e : extra.entrySet()) {
            out.add(new FactRow("file", e.getKey(), null, null, null,
                    Files.readString(e.getValue(), StandardCharsets.UTF_8), null));
        }
        return out;
    }

    private static String display(Path p) {
        String s = p.normalize().toString().replace('\\', '/');
        return s.isEmpty() ? "." : s;
    }

    /** The objects of one fact file, each at the position of its opening token (as the loader locates it). */
    private static void objects(Path path, String shown, List<FactRow> out) throws IOException {
        String name = path.getFileName().toString();
        ObjectMapper m = name.endsWith(".json") ? JSON : YAML;
        try (JsonParser p = m.createParser(Files.newBufferedReader(path, StandardCharsets.UTF_8))) {
            if (p.nextToken() != JsonToken.START_OBJECT) return;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                if (field.equals("story") && t == JsonToken.START_OBJECT) {
                    out.add(row("story", shown, p, m));
                } else if (t == JsonToken.START_ARRAY && ARRAY.containsValue(field)) {
                    String kind = ARRAY.entrySet().stream().filter(e -> e.getValue().equals(field)).findFirst().orElseThrow().getKey();
                    while (p.nextToken() == JsonToken.START_OBJECT) out.add(row(kind, shown, p, m));
                } else {
                    p.skipChildren(); // $schema
                }
            }
        }
    }

    private static FactRow row(String kind, String shown, JsonParser p, ObjectMapper m) throws IOException {
        JsonLocation at = p.currentTokenLocation();
        JsonNode node = m.readTree(p);
        return new FactRow(kind, shown, at.getLineNr(), at.getColumnNr(), JSON.writeValueAsString(node), null, null);
    }

    /** A row as one line of JSON lines: the object nested, not quoted. */
    public static String jsonLine(FactRow r) {
        ObjectNode n = JSON.createObjectNode();
        n.put("kind", r.kind());
        n.put("file", r.file());
        if (r.line() != null) n.put("line", r.line());
        if (r.column() != null) n.put("column", r.column());
        try {
            if (r.object() != null) n.set("object", JSON.readTree(r.object()));
            if (r.content() != null) n.put("content", r.content());
            return JSON.writeValueAsString(n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------- rows -> fact files

    /** Where the rows were written back: the folder to load, and the path rewrites that give the rows' own names. */
    public record Reassembled(Path folder, List<String[]> rewrites, List<InputError> errors) {
    }

    /**
     * Writes the rows back as fact files under {@code root}: every object at its row's line and column (the file's
     * structure between them), every {@code file} row as that file. A path that leaves the archive ({@code ..}), an
     * unknown kind, a missing line, an object that is not one JSON object, or two stories for one file is a located
     * error (the row's {@code file:line:column}, or the data file it came from).
     */
    public static Reassembled reassemble(List<FactRow> rows, Path root) throws IOException {
        List<InputError> errors = new ArrayList<>();
        Map<String, List<FactRow>> byFile = new TreeMap<>();
        Map<String, String> files = new TreeMap<>();
        for (FactRow r : rows) {
            String problem = problem(r);
            if (problem != null) {
                errors.add(new InputError(where(r), problem));
                continue;
            }
            if (r.kind().equals("file")) {
                if (files.put(r.file(), r.content()) != null) errors.add(new InputError(where(r), "two \"file\" rows for " + q(r.file())));
            } else {
                byFile.computeIfAbsent(r.file(), k -> new ArrayList<>()).add(r);
            }
        }
        for (String f : files.keySet()) {
            if (byFile.containsKey(f)) {
                errors.add(new InputError(Location.of(f), "both a \"file\" row and object rows for " + q(f) + ": one or the other"));
            }
        }
        Map<String, String> docs = new TreeMap<>();
        for (Map.Entry<String, List<FactRow>> e : byFile.entrySet()) {
            String doc = document(e.getValue(), errors);
            if (doc != null) docs.put(e.getKey(), doc);
        }
        List<Path> written = new ArrayList<>();
        for (var e : docs.entrySet()) written.add(write(root, e.getKey(), e.getValue()));
        for (var e : files.entrySet()) written.add(write(root, e.getKey(), e.getValue()));
        // the folder to load: the deepest one holding every file (a hidden folder above the archive stays above it)
        Path folder = written.isEmpty() ? root : written.get(0).getParent();
        for (Path w : written) while (!w.startsWith(folder)) folder = folder.getParent();
        List<String[]> rewrites = List.of(new String[]{root.resolve("rel") + "/", ""},
                new String[]{root.resolve("abs").toString(), ""});
        return new Reassembled(folder, rewrites, errors);
    }

    private static String problem(FactRow r) {
        if (r.kind() == null || !KINDS.contains(r.kind())) {
            return "a row of unknown kind " + (r.kind() == null ? "(null)" : q(r.kind())) + " (expected one of " + String.join(", ", KINDS) + ")";
        }
        if (r.file() == null || r.file().isBlank()) return "a " + r.kind() + " row without a \"file\"";
        String f = r.file().replace('\\', '/');
        for (String part : f.split("/")) {
            if (part.equals("..")) return "the file " + q(r.file()) + " leaves the archive (\"..\"): convert from the folder's parent or with an absolute path";
        }
        if (f.indexOf('\0') >= 0) return "a file name with a NUL character";
        for (String part : f.split("/")) {
            if (part.startsWith(".") && !part.equals(".")) {
                return "the file " + q(r.file()) + " is hidden (a name starting with \".\"): the CLI does not read it";
            }
        }
        String base = f.substring(f.lastIndexOf('/') + 1);
        if (!r.kind().equals("file") && WaiverFile.NAMES.contains(base)) {
            return "a " + r.kind() + " row in " + q(r.file()) + ": a file of that name is a waivers file, not a fact file";
        }
        if (r.kind().equals("file")) return r.content() == null ? "a file row without \"content\"" : null;
        if (!(f.endsWith(".json") || f.endsWith(".yaml") || f.endsWith(".yml"))) {
            return "a " + r.kind() + " row's file must be a fact file (.json, .yaml or .yml), not " + q(r.file());
        }
        if (r.line() == null || r.line() < 1) return "a " + r.kind() + " row without a line (1 or more)";
        if (r.column() != null && r.column() < 1) return "a " + r.kind() + " row with column " + r.column() + " (1 or more)";
        if (r.object() == null) return "a " + r.kind() + " row without an \"object\"";
        return null;
    }

    private static Location where(FactRow r) {
        if (r.file() != null && r.line() != null && r.line() > 0) {
            return new Location(r.file(), r.line(), r.column() == null || r.column() < 1 ? 1 : r.column());
        }
        return Location.of(r.origin() != null ? r.origin() : r.file() != null ? r.file() : "(rows)");
    }

    /**
     * One fact file from its rows: {@code {"story":…,"sources":[…],…}} with each object placed at its line and
     * column. Objects are compact JSON on one line; the structure between them goes after the previous object, so
     * each object starts where its row says unless an earlier object on the same line is longer than it was in the
     * original (the object then starts a little later on that line). JSON is also YAML (a flow mapping), so a
     * {@code .yaml} file's rows are written the same way and read by the YAML parser under the file's own name.
     */
    private static String document(List<FactRow> rows, List<InputError> errors) {
        Map<String, List<FactRow>> byKind = new LinkedHashMap<>();
        List<FactRow> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing(FactRow::line).thenComparing(r -> r.column() == null ? 1 : r.column()));
        for (FactRow r : sorted) byKind.computeIfAbsent(r.kind(), k -> new ArrayList<>()).add(r);
        List<FactRow> stories = byKind.getOrDefault("story", List.of());
        if (stories.size() > 1) {
            errors.add(new InputError(where(stories.get(1)), "a second story row for " + q(stories.get(1).file())
                    + " (first at line " + stories.get(0).line() + "): a fact file has one story"));
            return null;
        }
        Doc d = new Doc();
        d.put("{");
        boolean first = true;
        boolean ok = true;
        for (Map.Entry<String, List<FactRow>> e : byKind.entrySet()) {
            if (!first) d.put(",");
            first = false;
            String kind = e.getKey();
            if (kind.equals("story")) {
                d.put("\"story\":");
                ok &= place(d, e.getValue().get(0), errors);
                continue;
            }
            d.put("\"" + ARRAY.get(kind) + "\":[");
            for (int i = 0; i < e.getValue().size(); i++) {
                if (i > 0) d.put(",");
                ok &= place(d, e.getValue().get(i), errors);
            }
            d.put("]");
        }
        d.put("}\n");
        return ok ? d.sb.toString() : null;
    }

    private static boolean place(Doc d, FactRow r, List<InputError> errors) {
        String json;
        try {
            JsonNode n = JSON.readTree(r.object());
            if (n == null || !n.isObject()) {
                errors.add(new InputError(where(r), "the " + r.kind() + " row's \"object\" is not a JSON object"));
                return false;
            }
            json = JSON.writeValueAsString(n);
        } catch (IOException e) {
            errors.add(new InputError(where(r), "the " + r.kind() + " row's \"object\" is not JSON: "
                    + e.getMessage().lines().findFirst().orElse("")));
            return false;
        }
        d.moveTo(r.line(), r.column() == null ? 1 : r.column());
        d.put(json);
        return true;
    }

    /** A document being written, with the line and column of its next character. */
    private static final class Doc {
        final StringBuilder sb = new StringBuilder();
        int line = 1, column = 1;

        void put(String s) {
            sb.append(s);
            int nl = s.lastIndexOf('\n');
            if (nl < 0) {
                column += s.length();
            } else {
                line += (int) s.chars().filter(c -> c == '\n').count();
                column = s.length() - nl;
            }
        }

        void moveTo(int l, int c) {
            if (l > line) {
                sb.append("\n".repeat(l - line));
                line = l;
                column = 1;
            }
            if (l == line && c > column) {
                sb.append(" ".repeat(c - column));
                column = c;
            }
        }
    }

    private static Path write(Path root, String file, String text) throws IOException {
        String f = file.replace('\\', '/');
        Path p = f.startsWith("/") ? root.resolve("abs").resolve(f.substring(1)) : root.resolve("rel").resolve(f);
        p = p.normalize();
        if (!p.startsWith(root)) throw new IOException("cannot place " + file);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private static String q(String s) {
        return "\"" + s + "\"";
    }
}
