package io.factlint.serve;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Minimal located edits of a fact or waivers file's text: each replaces, removes or inserts one field (or appends one
 * entry) at the positions {@link FileSpans} found, and leaves every other character as it was, so comments, order,
 * quoting and layout of untouched entries are kept.
 *
 * <p>Why by hand and not with a YAML round-trip library: Jackson and SnakeYAML (the parsers the loader uses) drop
 * comments and re-layout what they write, and a round-trip editor would be a second YAML implementation beside the
 * loader's, parsing differently at the edges. A located splice of the loader's own token positions touches nothing
 * but the field edited; the loader then validates the result before it is written. New values are written in JSON
 * syntax, which is valid in both formats (YAML flow style), so one writer serves both.
 */
final class TextEdits {
    private TextEdits() {
    }

    /** A JSON (and YAML flow) string literal of {@code s}. */
    static String string(String s) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
    }

    /** A flow object of the entries (values already literal). */
    static String object(Map<String, String> fields, boolean yaml) {
        StringBuilder b = new StringBuilder("{");
        for (Map.Entry<String, String> e : fields.entrySet()) {
            if (b.length() > 1) b.append(", ");
            b.append(yaml ? e.getKey() : string(e.getKey())).append(": ").append(e.getValue());
        }
        return b.append('}').toString();
    }

    static String splice(String text, int start, int end, String replacement) {
        return text.substring(0, start) + replacement + text.substring(end);
    }

    /** {@code text} with the value of field {@code f} replaced by {@code literal}. */
    static String replaceValue(FileSpans s, FileSpans.Field f, String literal) {
        int start = f.valueStart();
        // a YAML block value (a mapping on the next lines): replace from after the key's colon
        if (s.yaml && s.lineOf(f.valueStart()) != s.lineOf(f.keyStart())) {
            int colon = s.text.indexOf(':', f.keyStart() + f.name().length());
            return splice(s.text, colon + 1, f.valueEnd(), " " + literal);
        }
        return splice(s.text, start, f.valueEnd(), literal);
    }

    /** {@code text} without field {@code f} of entry {@code e} (and its separator or its own line). */
    static String removeField(FileSpans s, FileSpans.Entry e, FileSpans.Field f) {
        List<FileSpans.Field> fields = e.fields();
        int i = fields.indexOf(f);
        FileSpans.Field next = i + 1 < fields.size() ? fields.get(i + 1) : null;
        FileSpans.Field prev = i > 0 ? fields.get(i - 1) : null;
        String t = s.text;
        if (s.yaml && !e.flow()) {
            int ls = s.lineStart(f.keyStart());
            boolean ownLine = t.substring(ls, f.keyStart()).isBlank();
            if (ownLine) {
                int le = s.lineEnd(f.valueEnd());
                return splice(t, ls, Math.min(t.length(), le + 1), "");
            }
            // "- drafted: true" opening a list item: the next key moves up onto the dash
            if (next != null) return splice(t, f.keyStart(), next.keyStart(), "");
            return splice(t, f.keyStart(), f.valueEnd(), "{}");
        }
        // a field with one after it takes its separator along; the last one takes the separator before it
        if (next != null) return splice(t, f.keyStart(), next.keyStart(), "");
        if (prev != null) return splice(t, prev.valueEnd(), f.valueEnd(), "");
        return splice(t, f.keyStart(), f.valueEnd(), "");
    }

    /** {@code text} with field {@code name: literal} added after the last field of entry {@code e}. */
    static String addField(FileSpans s, FileSpans.Entry e, String name, String literal) {
        List<FileSpans.Field> fields = e.fields();
        if (fields.isEmpty()) throw new IllegalArgumentException("entry without fields");
        FileSpans.Field last = fields.get(fields.size() - 1);
        if (s.yaml && !e.flow()) {
            FileSpans.Field first = fields.get(0);
            int indent = first.keyStart() - s.lineStart(first.keyStart());
            return splice(s.text, last.valueEnd(), last.valueEnd(), "\n" + " ".repeat(indent) + name + ": " + literal);
        }
        String key = s.yaml ? name : string(name);
        return splice(s.text, last.valueEnd(), last.valueEnd(), ", " + key + ": " + literal);
    }

    /**
     * {@code text} with one entry appended to list section {@code section} (the entry's fields as literals), written
     * in the style of the entries before it (block YAML items as blocks, everything else as a flow object).
     */
    static String appendEntry(FileSpans s, String section, LinkedHashMap<String, String> fields) throws FileSpans.Unplaceable {
        FileSpans.Section sec = s.section(section);
        String t = s.text;
        if (sec == null) {
            if (s.yaml) {
                String sep = t.isEmpty() || t.endsWith("\n") ? "" : "\n";
                return t + sep + section + ":\n" + yamlItem("  ", fields) + "\n";
            }
            int close = s.topEnd - 1;
            if (close < 0 || t.charAt(close) != '}') throw new FileSpans.Unplaceable("no top-level object to add " + section + " to");
            String before = t.substring(0, close).stripTrailing();
            boolean empty = before.endsWith("{");
            return before + (empty ? "" : ",") + "\n  " + string(section) + ": [\n    " + object(fields, false) + "\n  ]\n"
                    + t.substring(close);
        }
        if (s.yaml && !sec.flow()) {
            FileSpans.Entry last = sec.entries().isEmpty() ? null : sec.entries().get(sec.entries().size() - 1);
            if (last == null) throw new FileSpans.Unplaceable("an empty block list");
            int dash = t.lastIndexOf('-', last.start());
            int indent = dash - s.lineStart(dash);
            return splice(t, last.end(), last.end(), "\n" + yamlItem(" ".repeat(indent), fields));
        }
        if (sec.entries().isEmpty()) {
            int open = sec.start();
            int ls = s.lineStart(open);
            int i = ls;
            while (i < open && (t.charAt(i) == ' ' || t.charAt(i) == '\t')) i++;
            String lineIndent = t.substring(ls, i);
            return splice(t, open, sec.end(), "[\n" + lineIndent + "  " + object(fields, s.yaml) + "\n" + lineIndent + "]");
        }
        FileSpans.Entry last = sec.entries().get(sec.entries().size() - 1);
        int ls = s.lineStart(last.start());
        String lead = t.substring(ls, last.start());
        String sep = lead.isBlank() ? ",\n" + lead : ", ";
        return splice(t, last.end(), last.end(), sep + object(fields, s.yaml));
    }

    private static String yamlItem(String indent, Map<String, String> fields) {
        StringBuilder b = new StringBuilder();
        boolean first = true;
        for (Map.Entry<String, String> e : fields.entrySet()) {
            if (!first) b.append('\n');
            b.append(indent).append(first ? "- " : "  ").append(e.getKey()).append(": ").append(e.getValue());
            first = false;
        }
        return b.toString();
    }
}
