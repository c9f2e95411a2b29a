package io.factlint.engine;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each value of a YAML file of the rules folder is written, by JSON pointer ({@code /transitions/active/2},
 * {@code /rules/status.changed/message}): the position of a mapping entry's key, or of a sequence item. Jackson's
 * tree has no positions, so a second streaming pass of Jackson's own YAML parser records them; it runs only to
 * place an error, and a file that does not parse yields no positions.
 */
final class YamlPositions {
    private final Map<String, String> at;

    private YamlPositions(Map<String, String> at) {
        this.at = at;
    }

    static YamlPositions of(Path file) {
        Map<String, String> at = new HashMap<>();
        try (JsonParser p = new YAMLFactory().createParser(file.toFile())) {
            record Frame(String pointer, boolean array, int[] next) {
            }
            Deque<Frame> open = new ArrayDeque<>();
            String field = null;
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                Frame top = open.peek();
                if (t == JsonToken.FIELD_NAME) {
                    field = escape(p.currentName());
                    at.putIfAbsent(top.pointer() + "/" + field, where(p.currentTokenLocation()));
                    continue;
                }
                if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    open.pop();
                    continue;
                }
                String pointer = "";
                if (top != null) {
                    if (top.array()) {
                        pointer = top.pointer() + "/" + top.next()[0]++;
                        at.putIfAbsent(pointer, where(p.currentTokenLocation()));
                    } else {
                        pointer = top.pointer() + "/" + field;
                    }
                }
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    open.push(new Frame(pointer, t == JsonToken.START_ARRAY, new int[]{0}));
                }
            }
        } catch (IOException | RuntimeException e) {
            // positions are a courtesy: the error is reported without one
        }
        return new YamlPositions(at);
    }

    /** {@code :line:column} of the pointer, or of its nearest parent that has one, or nothing. */
    String suffix(String pointer) {
        String p = pointer;
        while (!p.isEmpty()) {
            String w = at.get(p);
            if (w != null) return ":" + w;
            int slash = p.lastIndexOf('/');
            p = slash < 0 ? "" : p.substring(0, slash);
        }
        return "";
    }

    static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    private static String where(JsonLocation l) {
        return l.getLineNr() + ":" + l.getColumnNr();
    }
}
