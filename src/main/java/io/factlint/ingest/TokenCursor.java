package io.factlint.ingest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.factlint.model.Location;

import java.io.IOException;
import java.util.List;

import static io.factlint.ingest.Messages.q;

/**
 * Jackson's token stream of one file, with the token budget, positions packed as {@code line << 32 | column}
 * (to keep large files light), skipping of unknown values (iteratively, so deep documents cost no stack) and the
 * file's error list.
 */
final class TokenCursor {
    private final JsonParser p;
    private final ParserLimits limits;
    private final ParsedFile out;
    private final String file;
    private final List<InputError> missingFieldErrors;
    private long tokens;
    /** Position of the value being read by a {@link Fields.Reader}. */
    long valuePos;
    /**
     * The file's bytes when the parser reads UTF-8 bytes and some are not ASCII: its columns then count bytes, and
     * {@link #column} turns them into UTF-16 code units, as the character parser and every error message count.
     */
    private byte[] utf8;
    private int utf8Offset;

    TokenCursor(JsonParser p, ParserLimits limits, ParsedFile out, List<InputError> missingFieldErrors) {
        this.p = p;
        this.limits = limits;
        this.out = out;
        this.file = out.file();
        this.missingFieldErrors = missingFieldErrors;
    }

    /** The parser reads {@code bytes} from {@code offset}, which hold non-ASCII text: columns need recounting. */
    void columnsFromBytes(byte[] bytes, int offset) {
        this.utf8 = bytes;
        this.utf8Offset = offset;
        this.countedLine = -1;
    }

    JsonParser parser() {
        return p;
    }

    /** The next token, counted against the token budget. */
    JsonToken next() throws IOException {
        if (++tokens > limits.maxTokens()) throw new ParseFailures.TokenBudgetExceeded();
        return p.nextToken();
    }

    /** The name of the field being read, or null (safe to call after a parse failure). */
    String fieldName() {
        try {
            return p.currentName();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    JsonToken current() {
        return p.currentToken();
    }

    /** Skips the current value (iteratively, counting tokens). */
    void skip() throws IOException {
        JsonToken t = p.currentToken();
        if (t != JsonToken.START_OBJECT && t != JsonToken.START_ARRAY) return;
        int depth = 1;
        while (depth > 0) {
            t = next();
            if (t == null) return;
            if (t.isStructStart()) depth++;
            else if (t.isStructEnd()) depth--;
        }
    }

    /** Reads an array whose items {@code item} reads (each starting at its first token). */
    void array(String field, ItemReader item) throws IOException {
        if (!expect(JsonToken.START_ARRAY, field, "an array")) return;
        while (next() != JsonToken.END_ARRAY) {
            item.read();
        }
    }

    @FunctionalInterface
    interface ItemReader {
        void read() throws IOException;
    }

    /** True if the current token is {@code want}; otherwise reports a type error and skips the value. */
    boolean expect(JsonToken want, String field, String what) throws IOException {
        if (p.currentToken() == want) return true;
        typeError(field, what, p.currentToken());
        return false;
    }

    boolean expectItem(String array) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) return true;
        error(tokenPos(), "expected an object for each item of \"" + array + "\", found " + Messages.describe(t));
        skip();
        return false;
    }

    void typeError(String field, String what, JsonToken found) throws IOException {
        // YAML 1.1 reads an unquoted yes, no, on, off as a boolean: "id: no" meant the text
        boolean yamlWord = (found == JsonToken.VALUE_TRUE || found == JsonToken.VALUE_FALSE) && out.input.yaml();
        error(tokenPos(), "expected " + what + " for \"" + field + "\", found " + Messages.describe(found)
                + (yamlWord ? " (YAML reads an unquoted yes, no, on or off as one: quote it, \"" + parser().getText() + "\")" : ""));
        skip();
    }

    /** Reports the required fields of {@code kind} missing from {@code seen}; true if any. */
    boolean missing(Fields<?> kind, int seen, Location at, String id) {
        boolean any = false;
        List<String> required = kind.required();
        for (int i = 0; i < required.size(); i++) {
            if ((seen & (1 << i)) == 0) {
                any = true;
                InputError e = new InputError(at, "missing required field \"" + required.get(i) + "\" in "
                        + kind.name() + (id == null ? "" : " " + q(id)));
                if (out.errors.add(e)) missingFieldErrors.add(e);
                else out.moreMissing++;
            }
        }
        return any;
    }

    /** Packs a position: {@code line << 32 | column}. */
    static long pack(int line, int column) {
        return ((long) line << 32) | (column & 0xFFFFFFFFL);
    }

    long tokenPos() {
        JsonLocation l = p.currentTokenLocation();
        return pack(l.getLineNr(), column(l));
    }

    // the last column counted: the line's first byte, the byte counted up to and its column (tokens of one line
    // come in order, so a long line is counted once, not again from its start for every token)
    private int countedLine = -1;
    private int countedTo;
    private int countedUnits;

    /** The location's column in UTF-16 code units (a byte parser's column counts bytes). */
    private int column(JsonLocation l) {
        int col = l.getColumnNr();
        if (utf8 == null || col <= 1) return col;
        long offset = l.getByteOffset();
        if (offset < 0) return col;
        int end = utf8Offset + (int) offset;
        int start = end - (col - 1);
        if (start < utf8Offset || end > utf8.length) return col;
        int from = start;
        int units = 1;
        if (start == countedLine && end >= countedTo) {
            from = countedTo;
            units = countedUnits;
        }
        for (int i = from; i < end; i++) {
            int b = utf8[i] & 0xFF;
            if ((b & 0xC0) != 0x80) units += b >= 0xF0 ? 2 : 1;
        }
        countedLine = start;
        countedTo = end;
        countedUnits = units;
        return units;
    }

    /** The current token's position, or 1:1 if the parser cannot tell. */
    long safeTokenPos() {
        try {
            JsonLocation l = p.currentTokenLocation();
            return l == null || l.getLineNr() <= 0 ? pack(1, 1) : pack(l.getLineNr(), column(l));
        } catch (RuntimeException e) {
            return pack(1, 1);
        }
    }

    Location here() {
        return location(tokenPos());
    }

    Location location(long pos) {
        return location(file, pos);
    }

    /** The location in {@code file} of a packed position. */
    static Location location(String file, long pos) {
        return new Location(file, (int) (pos >>> 32), (int) pos);
    }

    /** The packed position of a location. */
    static long pos(Location l) {
        return pack(l.line(), l.column());
    }

    void error(long pos, String message) {
        out.errors.add(new InputError(location(pos), message));
    }
}
