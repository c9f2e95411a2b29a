package io.factlint.ingest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.factlint.model.Bound;
import io.factlint.model.Certainty;
import io.factlint.model.Entity;
import io.factlint.model.Fact;
import io.factlint.model.Location;
import io.factlint.model.Mention;
import io.factlint.model.Op;
import io.factlint.model.Quantity;
import io.factlint.model.Source;
import io.factlint.model.SourceKind;
import io.factlint.model.Story;
import io.factlint.model.When;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.factlint.ingest.Messages.q;

/**
 * Reads one fact file from Jackson's token stream (JSON or YAML) straight into the model, recording every problem
 * at the start of the offending token. It never builds a tree of the file: values it does not know are skipped
 * token by token (without recursion), so a deep or large document costs no stack and little memory.
 *
 * <p>Semantic problems (unknown fields, wrong types, bad dates, ...) are collected and reading goes on; a syntax
 * error, an encoding error or an exceeded limit ends the file ({@link ParsedFile#fatal}).
 */
final class FileParser {

    /** The fields an object may have, and which of them are required. */
    private record Kind(String name, List<String> fields, List<String> required, java.util.Set<String> known,
                        Map<String, Integer> requiredBit) {
        Kind(String name, String fields, String required) {
            this(name, List.of(fields.split(",")), required.isEmpty() ? List.of() : List.of(required.split(",")));
        }

        Kind(String name, List<String> fields, List<String> required) {
            this(name, fields, required, java.util.Set.copyOf(fields), bits(required));
        }

        private static Map<String, Integer> bits(List<String> required) {
            Map<String, Integer> m = new HashMap<>();
            for (int i = 0; i < required.size(); i++) m.put(required.get(i), 1 << i);
            return Map.copyOf(m);
        }

        /** {@code in fact}, {@code at the top level}. */
        String where() {
            return name.equals("top level") ? "at the top level" : "in " + name;
        }
    }

    private static final Kind TOP = new Kind("top level", "$schema,story,sources,entities,facts,claims,mentions", "");
    private static final Kind STORY = new Kind("story", "id,headline,published,text", "published");
    private static final Kind SOURCE = new Kind("source", "id,name,kind,url", "id,name");
    private static final Kind ENTITY = new Kind("entity", "id,kind,name", "id,name");
    private static final Kind FACT = new Kind("fact", "id,subject,attribute,value,at,source,certainty,quote",
            "id,subject,attribute,value,source");
    private static final Kind CLAIM = new Kind("claim", "id,text,subject,attribute,op,value,at",
            "id,subject,attribute,op,value");
    private static final Kind MENTION = new Kind("mention", "text,date,weekday", "text,date");
    private static final Kind QUANTITY = new Kind("quantity", "amount,bound,step,min,max", "");
    private static final Kind PERIOD = new Kind("period", "from,to", "from,to");

    private static final List<String> BOUNDS = Arrays.stream(Bound.values()).map(Bound::id).toList();
    private static final List<String> CERTAINTIES = Arrays.stream(Certainty.values()).map(Certainty::id).toList();
    private static final List<String> KINDS = Arrays.stream(SourceKind.values()).map(SourceKind::id).toList();
    private static final List<String> OPS = Arrays.stream(Op.values()).map(Op::symbol).toList();

    /** Reads a field's value (the current token) to its end; false if the field is unknown. */
    @FunctionalInterface
    private interface FieldReader {
        boolean read(String name) throws IOException;
    }

    private final ParsedFile out;
    private final String file;
    private final ParserFactories factories;
    private final ParserLimits limits;
    private final List<String> statusWords;
    private final java.util.Set<String> statusSet;
    private final Map<String, String> strings = new HashMap<>();
    /** Times already read in this file: facts share them (When is immutable), saving memory and parsing. */
    private final Map<String, When> times = new HashMap<>();
    private final List<InputError> missingFieldErrors = new ArrayList<>();
    private JsonParser p;
    private long tokens;
    /** Position of the value being read by a {@link FieldReader}. */
    private long valuePos;

    // the story, filled in as its fields are read
    private boolean hasStory;
    private boolean hasContent;
    private String storyId;
    private Location storyIdLocation;
    private Location storyLocation;
    private String headline;
    private When published;
    private boolean publishedBroken;
    private String textFile;
    private String text;

    FileParser(FileWalker.InputFile input, ParserFactories factories, ParserLimits limits,
               List<String> statusWords, java.util.Set<String> statusSet) {
        this.out = new ParsedFile(input);
        this.file = input.display();
        this.factories = factories;
        this.limits = limits;
        this.statusWords = statusWords;
        this.statusSet = statusSet;
    }

    /** Reads the file; never throws. */
    ParsedFile parse() {
        Path path = out.input.path();
        try {
            long size = Files.size(path);
            if (size > limits.maxDocumentLength()) {
                fatal(1, 1, "file too large: " + Messages.bytes(size) + " (the limit is "
                        + Messages.bytes(limits.maxDocumentLength()) + ")");
                return out;
            }
        } catch (IOException e) {
            fatal(0, 0, "cannot read file: " + Messages.io(e));
            return out;
        }
        try (InputStream raw = Files.newInputStream(path);
             Reader reader = new InputStreamReader(TextGuard.open(raw), StandardCharsets.UTF_8);
             JsonParser parser = factories.create(reader, out.input.yaml())) {
            this.p = parser;
            document();
        } catch (IOException e) {
            failed(e);
        } catch (StackOverflowError e) {
            fatal(0, 0, "nesting too deep to read");
        } catch (RuntimeException e) {
            TextGuard.EncodingException enc = ParseFailures.cause(e, TextGuard.EncodingException.class);
            if (enc != null) {
                failed(enc);
            } else {
                fatal(0, 0, "cannot read file: unexpected " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + Messages.firstLine(e.getMessage())));
            }
        }
        if (!out.fatal) finish();
        return out;
    }

    // ---------------------------------------------------------------- document structure

    private void document() throws IOException {
        JsonToken t = next();
        if (t == null) {
            error(pack(1, 1), "empty file");
            return;
        }
        if (t != JsonToken.START_OBJECT) {
            error(tokenPos(), "expected an object at the top level, found " + Messages.describe(t));
            return;
        }
        object(TOP, name -> {
            switch (name) {
                case "$schema" -> string(name);
                case "story" -> story();
                case "sources" -> array(name, this::source);
                case "entities" -> array(name, this::entity);
                case "facts" -> array(name, () -> statement(false));
                case "claims" -> array(name, () -> statement(true));
                case "mentions" -> array(name, this::mention);
                default -> {
                    return false;
                }
            }
            return true;
        });
        t = next();
        if (t != null) error(tokenPos(), "unexpected content after the end of the top-level object");
    }

    private void story() throws IOException {
        if (!expect(JsonToken.START_OBJECT, "story", "an object")) return;
        hasStory = true;
        Location at = here();
        storyLocation = at;
        int seen = object(STORY, name -> {
            long pos = valuePos;
            switch (name) {
                case "id" -> {
                    String id = id(name);
                    if (id != null) {
                        storyId = id;
                        storyIdLocation = location(pos);
                    }
                }
                case "headline" -> headline = string(name);
                case "published" -> {
                    published = point(name);
                    if (published == null) publishedBroken = true;
                }
                case "text" -> {
                    String t = string(name);
                    if (t != null) storyText(t, pos);
                }
                default -> {
                    return false;
                }
            }
            return true;
        });
        if (missing(STORY, seen, at, null)) publishedBroken = true;
    }

    private void storyText(String name, long pos) {
        if (name.isBlank()) {
            error(pos, "empty story text path");
            return;
        }
        Path given;
        try {
            given = Path.of(name);
        } catch (RuntimeException e) {
            error(pos, "invalid story text path " + q(name));
            return;
        }
        if (given.isAbsolute() || given.getRoot() != null) {
            error(pos, "story text path " + q(name) + " must be relative to the fact file");
            return;
        }
        if (given.normalize().startsWith("..")) {
            error(pos, "story text path " + q(name) + " leaves the fact file's folder; the text must be in that folder or below it");
            return;
        }
        Path base = out.input.path().getParent();
        Path target = base == null ? given : base.resolve(given);
        Path shownParent = Path.of(file).getParent();
        String shown = FileWalker.display(shownParent == null ? given : shownParent.resolve(given));
        try {
            // a symbolic link must not lead out either: a fact file is data and reads nothing outside its folder
            if (Files.exists(target) && !target.toRealPath().startsWith(
                    (base == null ? Path.of("") : base).toAbsolutePath().toRealPath())) {
                error(pos, "story text " + q(name) + " leads out of the fact file's folder (a symbolic link?); the text must be in that folder or below it");
                return;
            }
            if (Files.isDirectory(target)) {
                error(pos, "story text " + q(name) + " is a folder, not a file (" + shown + ")");
                return;
            }
            // read only regular files: a FIFO without a writer would block the check forever, a device never end
            if (Files.exists(target) && !Files.isRegularFile(target)) {
                error(pos, "story text " + q(name) + " is not a regular file (a FIFO, a device or a socket?) (" + shown + ")");
                return;
            }
            long size = Files.size(target);
            if (size > limits.maxDocumentLength()) {
                error(pos, "story text " + q(name) + " is too large: " + Messages.bytes(size));
                return;
            }
            byte[] bytes = Files.readAllBytes(target);
            int skip = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                    && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, skip, bytes.length - skip)).toString();
            textFile = shown;
        } catch (java.nio.file.NoSuchFileException e) {
            error(pos, "story text file not found: " + shown);
        } catch (CharacterCodingException e) {
            error(pos, "story text " + q(name) + " is not valid UTF-8 (" + shown + ")");
        } catch (IOException e) {
            error(pos, "cannot read story text " + q(name) + ": " + Messages.io(e) + " (" + shown + ")");
        }
    }

    private void source() throws IOException {
        if (!expectItem("sources")) return;
        Location at = here();
        String[] f = new String[3];
        SourceKind[] kind = {SourceKind.OTHER};
        int seen = object(SOURCE, name -> {
            switch (name) {
                case "id" -> f[0] = id(name);
                case "name" -> f[1] = string(name);
                case "url" -> f[2] = string(name);
                case "kind" -> kind[0] = parsed(name, w -> word(w, "source kind", KINDS, SourceKind.values()));
                default -> {
                    return false;
                }
            }
            return true;
        });
        missing(SOURCE, seen, at, f[0]);
        // declared even when another field is wrong (the load fails anyway), so references to it are not reported too
        if (f[0] != null) out.sources.add(new Source(f[0], f[1], kind[0] == null ? SourceKind.OTHER : kind[0], f[2], at));
    }

    private void entity() throws IOException {
        if (!expectItem("entities")) return;
        Location at = here();
        String[] f = new String[3];
        int seen = object(ENTITY, name -> {
            switch (name) {
                case "id" -> f[0] = id(name);
                case "kind" -> f[1] = string(name);
                case "name" -> f[2] = string(name);
                default -> {
                    return false;
                }
            }
            return true;
        });
        missing(ENTITY, seen, at, f[0]);
        if (f[0] != null) out.entities.add(new Entity(f[0], f[1], f[2], at));
    }

    /** A fact or a claim. */
    private void statement(boolean claim) throws IOException {
        if (!expectItem(claim ? "claims" : "facts")) return;
        hasContent = true;
        Draft d = new Draft(claim, here());
        Kind kind = claim ? CLAIM : FACT;
        int seen = object(kind, name -> {
            long pos = valuePos;
            switch (name) {
                case "id" -> {
                    d.id = id(name);
                    d.idPos = pos;
                }
                case "subject" -> {
                    d.subject = intern(string(name));
                    d.subjectPos = pos;
                }
                case "attribute" -> d.attribute = attribute(name);
                case "value" -> {
                    d.value = value(name);
                    d.valuePos = pos;
                }
                case "at" -> {
                    d.atGiven = true;
                    d.at = when(name);
                }
                case "source" -> {
                    d.source = intern(string(name));
                    d.sourcePos = pos;
                }
                case "certainty" -> {
                    Certainty c = parsed(name, w -> word(w, "certainty", CERTAINTIES, Certainty.values()));
                    if (c == null) d.complete = false;
                    else d.certainty = c;
                }
                case "quote" -> {
                    d.quote = string(name);
                }
                case "text" -> {
                    d.text = string(name);
                }
                case "op" -> {
                    d.opPos = pos;
                    d.op = parsed(name, w -> word(w, "op", OPS, Op.values()));
                    if (d.op == null) d.complete = false;
                }
                default -> {
                    return false;
                }
            }
            return true;
        });
        if (missing(kind, seen, d.location, d.id)) d.complete = false;
        (claim ? out.claims : out.facts).add(d);
    }

    private void mention() throws IOException {
        if (!expectItem("mentions")) return;
        hasContent = true;
        Location at = here();
        Object[] f = new Object[3];
        boolean[] ok = {true};
        int seen = object(MENTION, name -> {
            switch (name) {
                case "text" -> f[0] = string(name);
                case "date" -> ok[0] &= (f[1] = parsed(name, Iso::date)) != null;
                case "weekday" -> ok[0] &= (f[2] = parsed(name, Iso::weekday)) != null;
                default -> {
                    return false;
                }
            }
            return true;
        });
        if (!missing(MENTION, seen, at, null) && ok[0] && f[0] != null) {
            out.mentions.add(new Mention(null, (String) f[0], (LocalDate) f[1], (DayOfWeek) f[2], at));
        }
    }

    // ---------------------------------------------------------------- values

    /** A fact's or claim's value as written: a String, a BigDecimal or a Quantity; null when invalid. */
    private Object value(String field) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_STRING) return p.getText();
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) return number(field);
        if (t == JsonToken.START_OBJECT) return quantity();
        typeError(field, "a number, a quantity object or a status word", t);
        return null;
    }

    /** {@code {"amount": n, "bound": b, "step": s}} or {@code {"min": a, "max": b}}. */
    private Quantity quantity() throws IOException {
        long start = tokenPos();
        BigDecimal[] n = new BigDecimal[4]; // amount, step, min, max
        Bound[] bound = new Bound[1];
        boolean[] bad = {false};
        int[] present = {0};
        object(QUANTITY, name -> {
            long pos = valuePos;
            int slot;
            switch (name) {
                case "amount" -> slot = 0;
                case "step" -> slot = 1;
                case "min" -> slot = 2;
                case "max" -> slot = 3;
                case "bound" -> {
                    present[0] |= 1 << 4;
                    bound[0] = parsed(name, w -> word(w, "bound", BOUNDS, Bound.values()));
                    bad[0] |= bound[0] == null;
                    return true;
                }
                default -> {
                    return false;
                }
            }
            present[0] |= 1 << slot;
            n[slot] = number(name);
            if (n[slot] == null) bad[0] = true;
            return true;
        });
        boolean amount = (present[0] & 1) != 0;
        boolean range = (present[0] & (4 | 8)) != 0;
        if (amount && range) {
            error(start, "a quantity has either \"amount\" and \"bound\", or \"min\" and \"max\", not both");
            return null;
        }
        if (amount) {
            if ((present[0] & (1 << 4)) == 0) {
                error(start, "missing required field \"bound\" in quantity " + Messages.expected(BOUNDS));
                return null;
            }
            if (n[1] != null && n[1].signum() <= 0) {
                error(start, "\"step\" must be positive");
                return null;
            }
            return bad[0] ? null : Quantity.of(n[0], bound[0], n[1]);
        }
        if (range) {
            if ((present[0] & (4 | 8)) != (4 | 8)) {
                error(start, "missing required field \"" + ((present[0] & 4) == 0 ? "min" : "max") + "\" in quantity");
                return null;
            }
            if ((present[0] & 2) != 0 || (present[0] & (1 << 4)) != 0) {
                error(start, "\"step\" and \"bound\" apply to an \"amount\", not to a range");
                return null;
            }
            if (bad[0]) return null;
            if (n[2].compareTo(n[3]) > 0) {
                error(start, "range min " + n[2].toPlainString() + " is larger than max " + n[3].toPlainString());
                return null;
            }
            return Quantity.range(n[2], n[3]);
        }
        if (!bad[0]) error(start, "a quantity needs \"amount\" and \"bound\", or \"min\" and \"max\"");
        return null;
    }

    /** A number as written (its digits kept); null with an error if it is no number or out of range. */
    private BigDecimal number(String field) throws IOException {
        JsonToken t = p.currentToken();
        if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
            typeError(field, "a number", t);
            return null;
        }
        long pos = tokenPos();
        BigDecimal v;
        try {
            v = p.getDecimalValue();
        } catch (StreamConstraintsException e) {
            throw e;
        } catch (NumberFormatException | JsonProcessingException e) {
            v = null; // YAML's .inf and .nan, for instance
        }
        if (v != null) {
            double d = v.doubleValue();
            if (!Double.isInfinite(d) && !(d == 0 && v.signum() != 0)) return v;
        }
        String shown = p.getText();
        error(pos, "number out of range: " + (shown.length() > 40 ? shown.substring(0, 40) + "…" : shown));
        return null;
    }

    /** A date, a date-time or a period {@code {"from": ..., "to": ...}}. */
    private When when(String field) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_STRING) return point(field);
        if (t != JsonToken.START_OBJECT) {
            typeError(field, "a date, a date-time or {\"from\": ..., \"to\": ...}", t);
            return null;
        }
        Location at = here();
        When[] ends = new When[2];
        boolean[] bad = {false};
        int seen = object(PERIOD, name -> {
            int i = switch (name) {
                case "from" -> 0;
                case "to" -> 1;
                default -> -1;
            };
            if (i < 0) return false;
            ends[i] = point(name);
            bad[0] |= ends[i] == null;
            return true;
        });
        if (missing(PERIOD, seen, at, null) || bad[0]) return null;
        if (ends[0].after(ends[1])) {
            error(pos(at), "period ends (" + ends[1].iso() + ") before it starts (" + ends[0].iso() + ")");
            return null;
        }
        return When.period(ends[0], ends[1]);
    }

    /** A date or date-time string. */
    private When point(String field) throws IOException {
        return parsed(field, s -> {
            When known = times.get(s);
            if (known != null) return known;
            When w = Iso.point(s);
            times.put(s, w);
            return w;
        });
    }

    /** Turns the text of a value into something, or says what is wrong with it. */
    @FunctionalInterface
    private interface TextParser<T> {
        T parse(String text) throws BadValue;
    }

    /** A string value read by {@code parser}; null, with the parser's complaint at the value, if it fails. */
    private <T> T parsed(String field, TextParser<T> parser) throws IOException {
        long pos = valuePos;
        String s = string(field);
        if (s == null) return null;
        try {
            return parser.parse(s);
        } catch (BadValue e) {
            error(pos, e.getMessage());
            return null;
        }
    }

    /** The value of {@code values} whose word (at the same index in {@code words}) is {@code w}. */
    private static <T> T word(String w, String what, List<String> words, T[] values) throws BadValue {
        int i = words.indexOf(w);
        if (i < 0) throw new BadValue("unknown " + what + " " + q(w) + " " + Messages.expected(words));
        return values[i];
    }

    /** An id: a non-empty string without {@code #} (which separates story and fact in references). */
    private String id(String field) throws IOException {
        long pos = valuePos;
        String s = string(field);
        if (s == null) return null;
        if (s.isBlank()) {
            error(pos, "empty id");
            return null;
        }
        if (s.indexOf('#') >= 0) {
            error(pos, "id " + q(s) + " must not contain \"#\" (it separates story and fact in references)");
            return null;
        }
        return s;
    }

    /** {@code status} or a measure name in snake_case. */
    private String attribute(String field) throws IOException {
        long pos = valuePos;
        String s = string(field);
        if (s == null) return null;
        if (!snakeCase(s)) {
            error(pos, "attribute " + q(s) + " is not in snake_case (lower-case letters, digits and _, e.g. killed_or_injured)");
            return null;
        }
        return intern(s);
    }

    private static boolean snakeCase(String s) {
        if (s.isEmpty() || s.charAt(0) < 'a' || s.charAt(0) > 'z') return false;
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_')) return false;
        }
        return true;
    }

    private String string(String field) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_STRING) {
            String s = p.getText();
            if (s.length() <= limits.maxStringLength()) return s;
            // Jackson enforces this limit for JSON while reading; SnakeYAML does not
            error(tokenPos(), "string too long: more than " + String.format(Locale.ROOT, "%,d", limits.maxStringLength())
                    + " characters");
            return null;
        }
        typeError(field, "a string", t);
        return null;
    }

    private String intern(String s) {
        if (s == null) return null;
        String known = strings.putIfAbsent(s, s);
        return known == null ? s : known;
    }

    // ---------------------------------------------------------------- token plumbing

    /** The next token, counted against the token budget. */
    private JsonToken next() throws IOException {
        if (++tokens > limits.maxTokens()) throw new ParseFailures.TokenBudgetExceeded();
        return p.nextToken();
    }

    /**
     * Reads the fields of the object whose {@code {} is the current token, up to its {@code }}. Unknown fields are
     * reported and skipped. Returns a bit set of the required fields that were present.
     */
    private int object(Kind kind, FieldReader reader) throws IOException {
        int seen = 0;
        JsonToken t;
        while ((t = next()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            if (!kind.known.contains(name)) {
                error(tokenPos(), "unknown field " + q(name) + " " + kind.where() + " " + Messages.expected(kind.fields));
                next();
                skip();
                continue;
            }
            next();
            valuePos = tokenPos();
            Integer bit = kind.requiredBit.get(name);
            if (bit != null) seen |= bit;
            if (!reader.read(name)) throw new IllegalStateException("field " + name + " of " + kind.name + " not read");
        }
        if (t != JsonToken.END_OBJECT) throw new IllegalStateException("unexpected token " + t + " in an object");
        return seen;
    }

    /** Reports the required fields of {@code kind} missing from {@code seen}; true if any. */
    private boolean missing(Kind kind, int seen, Location at, String id) {
        boolean any = false;
        for (int i = 0; i < kind.required.size(); i++) {
            if ((seen & (1 << i)) == 0) {
                any = true;
                InputError e = new InputError(at, "missing required field \"" + kind.required.get(i) + "\" in "
                        + kind.name + (id == null ? "" : " " + q(id)));
                out.errors.add(e);
                missingFieldErrors.add(e);
            }
        }
        return any;
    }

    /** Reads an array whose items {@code item} reads (each starting at its first token). */
    private void array(String field, ItemReader item) throws IOException {
        if (!expect(JsonToken.START_ARRAY, field, "an array")) return;
        while (next() != JsonToken.END_ARRAY) {
            item.read();
        }
    }

    @FunctionalInterface
    private interface ItemReader {
        void read() throws IOException;
    }

    /** True if the current token is {@code want}; otherwise reports a type error and skips the value. */
    private boolean expect(JsonToken want, String field, String what) throws IOException {
        if (p.currentToken() == want) return true;
        typeError(field, what, p.currentToken());
        return false;
    }

    private boolean expectItem(String array) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) return true;
        error(tokenPos(), "expected an object for each item of \"" + array + "\", found " + Messages.describe(t));
        skip();
        return false;
    }

    private void typeError(String field, String what, JsonToken found) throws IOException {
        error(tokenPos(), "expected " + what + " for \"" + field + "\", found " + Messages.describe(found));
        skip();
    }

    /** Skips the current value (iteratively, counting tokens). */
    private void skip() throws IOException {
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

    /** Packs a position: {@code line << 32 | column}. */
    static long pack(int line, int column) {
        return ((long) line << 32) | (column & 0xFFFFFFFFL);
    }

    private long tokenPos() {
        JsonLocation l = p.currentTokenLocation();
        return pack(l.getLineNr(), l.getColumnNr());
    }

    private Location here() {
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

    private void error(long pos, String message) {
        out.errors.add(new InputError(location(pos), message));
    }

    private void fatal(int line, int column, String message) {
        // an object cut short by a syntax error seems to lack fields: that is noise next to the real error
        out.errors.removeAll(missingFieldErrors);
        out.errors.add(new InputError(new Location(file, line, column), message));
        out.fatal = true;
    }

    // ---------------------------------------------------------------- failures that end the file

    /** Records the error that ends the file. */
    private void failed(IOException e) {
        long pos = p == null ? pack(1, 1) : safeTokenPos();
        ParseFailures.Failure f = ParseFailures.of(e, pos, out.input.yaml(), limits);
        if (f.notText()) out.errors.clear(); // a file that is not text gets one error, not the noise read before it
        fatal(f.pos(), f.message());
    }

    private long safeTokenPos() {
        try {
            JsonLocation l = p.currentTokenLocation();
            return l == null || l.getLineNr() <= 0 ? pack(1, 1) : pack(l.getLineNr(), l.getColumnNr());
        } catch (RuntimeException e) {
            return pack(1, 1);
        }
    }

    private void fatal(long pos, String message) {
        fatal((int) (pos >>> 32), (int) pos, message);
    }

    // ---------------------------------------------------------------- end of file: defaults and checks

    /** Applies the story's defaults to the facts, claims and mentions, and checks what needs the whole file. */
    private void finish() {
        String id = storyId != null ? storyId : defaultStoryId(out.input.path());
        out.storyIdLocation = storyIdLocation != null ? storyIdLocation
                : storyLocation != null ? storyLocation : new Location(file, 1, 1);
        if (hasStory || hasContent) {
            out.story = new Story(id, headline, published, textFile, text, file,
                    storyLocation != null ? storyLocation : new Location(file, 1, 1));
        }
        Map<String, Draft> ids = new HashMap<>();
        finishDrafts(out.facts, ids);
        finishDrafts(out.claims, ids);
        List<Mention> mentions = new ArrayList<>(out.mentions.size());
        for (Mention m : out.mentions) {
            mentions.add(new Mention(id, m.text(), m.date(), m.weekday(), m.location()));
        }
        out.mentions.clear();
        out.mentions.addAll(mentions);
    }

    private void finishDrafts(List<Draft> drafts, Map<String, Draft> ids) {
        for (Draft d : drafts) {
            if (d.id != null) {
                Draft first = ids.putIfAbsent(d.id, d);
                if (first != null) {
                    String what = first.claim == d.claim ? "duplicate " + d.what() + " id " + q(d.id)
                            : "id " + q(d.id) + " is already used by a " + first.what();
                    error(d.idPos, what + " (first at line " + first.location.line() + ")");
                    d.complete = false;
                }
            }
            if (!d.atGiven) {
                if (published != null) {
                    d.at = published;
                } else if (!publishedBroken) {
                    error(pos(d.location), "missing \"at\" in " + d.what()
                            + (d.id == null ? "" : " " + q(d.id))
                            + ": a file without a \"story\" needs an explicit \"at\"");
                }
            }
            if (d.at == null) d.complete = false;
            checkValue(d);
        }
    }

    /** Status facts and claims take a status word; everything else a number or a quantity. */
    private void checkValue(Draft d) {
        if (d.attribute == null || d.value == null) {
            d.complete = false;
            return;
        }
        boolean status = Fact.STATUS.equals(d.attribute);
        if (status) {
            if (!(d.value instanceof String word)) {
                error(d.valuePos, "expected a status word for \"value\" of a status " + d.what() + ", found "
                        + (d.value instanceof BigDecimal ? "a number" : "a quantity") + " "
                        + Messages.expected(statusWords));
                d.complete = false;
            } else if (!statusSet.contains(word)) {
                error(d.valuePos, "unknown status " + q(word) + " " + Messages.expected(statusWords));
                d.complete = false;
            }
            if (d.claim && d.op != null && d.op != Op.EQ && d.op != Op.NE) {
                error(d.opPos, "op \"" + d.op.symbol()
                        + "\" does not apply to a status (use = or !=)");
                d.complete = false;
            }
        } else {
            if (d.value instanceof String) {
                error(d.valuePos, "expected a number or a quantity for \"value\" of attribute " + q(d.attribute)
                        + ", found a string (status words are for the attribute \"status\")");
                d.complete = false;
            } else if (d.value instanceof BigDecimal n) {
                d.value = Quantity.exactly(n);
            }
        }
    }

    /** The file name without its extension: the story id of a file without an explicit one. */
    static String defaultStoryId(Path path) {
        Path name = path.getFileName();
        String n = name == null ? "" : name.toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
