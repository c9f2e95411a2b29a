package io.factlint.serve;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the entries of a fact file ({@code facts}, {@code claims}) or of a waivers file ({@code waivers}) are
 * written: the character range of every entry and of each of its top-level fields, key and value. The tokens are
 * found with Jackson's streaming parser (the loader's parser, so JSON and YAML are read alike); the end of a value is
 * found by scanning the text from its start (a quoted string, a bracketed collection, a plain scalar to the end of
 * its line or flow item, an indented block). Only what the workbench edits needs to be exact: scalar values and the
 * entries' fields; anything it cannot place is reported as {@link Unplaceable}, never guessed.
 */
final class FileSpans {
    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final YAMLFactory YAML = YAMLFactory.builder().build();

    /** One top-level field of an entry: {@code key} and {@code value} ranges ({@code [start, end)}, chars). */
    record Field(String name, int keyStart, int valueStart, int valueEnd, String scalar) {
    }

    /** One entry of a list: its range, whether it is written in flow style ({...}), and its fields in file order. */
    record Entry(String section, int index, String id, int start, int end, boolean flow, List<Field> fields) {
        Field field(String name) {
            for (Field f : fields) if (f.name().equals(name)) return f;
            return null;
        }

        /** Written with {@code drafted: true}: drafted by a tool and not yet reviewed by a person. */
        boolean drafted() {
            Field f = field("drafted");
            return f != null && "true".equals(f.scalar());
        }
    }

    /** A list section ({@code facts}, {@code claims}, {@code waivers}): the range of its value and its entries. */
    record Section(String name, int start, int end, boolean flow, List<Entry> entries) {
    }

    /** The text could not be placed (malformed, or written in a shape the workbench does not edit). */
    static final class Unplaceable extends Exception {
        Unplaceable(String message) {
            super(message);
        }
    }

    final String text;
    final boolean yaml;
    final List<Section> sections = new ArrayList<>();
    /** Where the top-level object ends (JSON: its closing brace), for adding a missing section. */
    int topEnd = -1;
    private final int[] lineStarts;

    private FileSpans(String text, boolean yaml) {
        this.text = text;
        this.yaml = yaml;
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) if (text.charAt(i) == '\n') starts.add(i + 1);
        lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Places the list sections of {@code text} ({@code yaml}: YAML, else JSON). */
    static FileSpans of(String text, boolean yaml) throws Unplaceable {
        FileSpans s = new FileSpans(text, yaml);
        try (JsonParser p = (yaml ? YAML : JSON).createParser(text)) {
            s.top(p);
        } catch (IOException e) {
            throw new Unplaceable("cannot read the file: " + e.getMessage().lines().findFirst().orElse(""));
        }
        return s;
    }

    Section section(String name) {
        for (Section s : sections) if (s.name().equals(name)) return s;
        return null;
    }

    /** The entry {@code id} of section {@code section}, or null. */
    Entry entry(String section, String id) {
        Section s = section(section);
        if (s == null) return null;
        for (Entry e : s.entries()) if (id.equals(e.id())) return e;
        return null;
    }

    private void top(JsonParser p) throws IOException, Unplaceable {
        JsonToken t = p.nextToken();
        if (t != JsonToken.START_OBJECT) throw new Unplaceable("the file is not an object");
        int topStart = offset(p.currentTokenLocation());
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            t = p.nextToken();
            if (t == JsonToken.START_ARRAY && (name.equals("facts") || name.equals("claims") || name.equals("waivers"))) {
                int start = offset(p.currentTokenLocation());
                boolean flow = text.charAt(start) == '[';
                List<Entry> entries = new ArrayList<>();
                int index = 0;
                int end = start;
                while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
                    if (t == JsonToken.START_OBJECT) {
                        Entry e = entry(p, name, index++);
                        entries.add(e);
                        end = Math.max(end, e.end());
                    } else {
                        end = Math.max(end, skip(p, flow));
                        index++;
                    }
                }
                if (flow) end = endOf(start, true);
                sections.add(new Section(name, start, end, flow, List.copyOf(entries)));
            } else {
                skip(p, false);
            }
        }
        topEnd = yaml ? text.length() : endOf(topStart, true);
    }

    private Entry entry(JsonParser p, String section, int index) throws IOException {
        int start = offset(p.currentTokenLocation());
        boolean flow = text.charAt(start) == '{';
        List<Field> fields = new ArrayList<>();
        String id = null;
        int end = start;
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            int keyStart = offset(p.currentTokenLocation());
            t = p.nextToken();
            int valueStart = offset(p.currentTokenLocation());
            String scalar = null;
            int valueEnd;
            if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                char c = text.charAt(valueStart);
                if (c == '{' || c == '[') {
                    p.skipChildren();
                    valueEnd = endOf(valueStart, flow);
                } else {
                    valueEnd = skipBlock(p);
                }
            } else {
                scalar = p.getText();
                valueEnd = endOf(valueStart, flow);
            }
            if (name.equals("id") && scalar != null) id = scalar;
            fields.add(new Field(name, keyStart, valueStart, valueEnd, scalar));
            end = Math.max(end, valueEnd);
        }
        if (flow) end = endOf(start, true);
        return new Entry(section, index, id, start, end, flow, List.copyOf(fields));
    }

    /** Skips a value at the current token; returns where it ends. */
    private int skip(JsonParser p, boolean flow) throws IOException {
        JsonToken t = p.currentToken();
        int start = offset(p.currentTokenLocation());
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
            char c = text.charAt(start);
            if (c == '{' || c == '[') {
                p.skipChildren();
                return endOf(start, true);
            }
            return skipBlock(p);
        }
        return endOf(start, flow);
    }

    /** Skips a block collection (YAML, indented); returns the end of its last scalar or flow collection. */
    private int skipBlock(JsonParser p) throws IOException {
        int end = offset(p.currentTokenLocation());
        int depth = 1;
        while (depth > 0) {
            JsonToken t = p.nextToken();
            if (t == null) break;
            if (t == JsonToken.FIELD_NAME) continue;
            if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                depth--;
                continue;
            }
            int s = offset(p.currentTokenLocation());
            if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                char c = text.charAt(s);
                if (c == '{' || c == '[') {
                    p.skipChildren();
                    end = Math.max(end, endOf(s, true));
                } else {
                    depth++;
                }
            } else {
                end = Math.max(end, endOf(s, false));
            }
        }
        return end;
    }

    /**
     * Where the value starting at {@code start} ends: after a quoted string's closing quote, a collection's closing
     * bracket, or a plain scalar (up to a flow separator when {@code flow}, a comment or the end of the line; YAML
     * block scalars {@code |} and {@code >} run over the more indented lines that follow).
     */
    int endOf(int start, boolean flow) {
        char c = text.charAt(start);
        if (c == '"') return quoted(start, '"');
        if (c == '\'' && yaml) return quoted(start, '\'');
        if (c == '{' || c == '[') {
            int depth = 0;
            for (int i = start; i < text.length(); i++) {
                char d = text.charAt(i);
                if (d == '"' || (d == '\'' && yaml)) {
                    i = quoted(i, d) - 1;
                } else if (d == '{' || d == '[') {
                    depth++;
                } else if (d == '}' || d == ']') {
                    if (--depth == 0) return i + 1;
                } else if (d == '#' && yaml && i > 0 && Character.isWhitespace(text.charAt(i - 1))) {
                    i = lineEnd(i) - 1;
                }
            }
            return text.length();
        }
        if (yaml && (c == '|' || c == '>')) {
            int keyIndent = indent(lineOf(start));
            int end = lineEnd(start);
            for (int l = lineOf(start) + 1; l < lineStarts.length; l++) {
                int ls = lineStarts[l];
                int le = lineEnd(ls);
                if (text.substring(ls, le).isBlank()) continue;
                if (indent(l) <= keyIndent) break;
                end = le;
            }
            return end;
        }
        int i = start;
        while (i < text.length()) {
            char d = text.charAt(i);
            if (d == '\n' || d == '\r') break;
            if (!yaml && (d == ',' || d == '}' || d == ']' || Character.isWhitespace(d))) break;
            if (yaml && flow && (d == ',' || d == '}' || d == ']')) break;
            if (yaml && d == '#' && i > start && Character.isWhitespace(text.charAt(i - 1))) break;
            i++;
        }
        while (i > start && Character.isWhitespace(text.charAt(i - 1))) i--;
        return i;
    }

    private int quoted(int start, char q) {
        for (int i = start + 1; i < text.length(); i++) {
            char d = text.charAt(i);
            if (q == '"' && d == '\\') {
                i++;
            } else if (d == q) {
                if (q == '\'' && i + 1 < text.length() && text.charAt(i + 1) == '\'') {
                    i++;
                } else {
                    return i + 1;
                }
            }
        }
        return text.length();
    }

    int lineOf(int offset) {
        int lo = 0;
        int hi = lineStarts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= offset) lo = mid;
            else hi = mid - 1;
        }
        return lo;
    }

    int lineStart(int offset) {
        return lineStarts[lineOf(offset)];
    }

    int lineEnd(int offset) {
        int i = text.indexOf('\n', offset);
        return i < 0 ? text.length() : i;
    }

    private int indent(int line) {
        int s = lineStarts[line];
        int i = s;
        while (i < text.length() && text.charAt(i) == ' ') i++;
        return i - s;
    }

    /**
     * The char offset of a token: JSON locations carry it; YAML's are taken from line and column (which count code
     * points, so a supplementary character earlier on the line is counted as one).
     */
    private int offset(JsonLocation l) {
        if (!yaml) return (int) l.getCharOffset();
        int line = l.getLineNr() - 1;
        if (line >= lineStarts.length) return text.length();
        int s = lineStarts[line];
        int cps = l.getColumnNr() - 1;
        int i = s;
        while (cps > 0 && i < text.length()) {
            i += Character.charCount(text.codePointAt(i));
            cps--;
        }
        return i;
    }
}
