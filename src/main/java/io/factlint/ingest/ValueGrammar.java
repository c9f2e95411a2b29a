package io.factlint.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.factlint.model.Bound;
import io.factlint.model.Certainty;
import io.factlint.model.Location;
import io.factlint.model.Op;
import io.factlint.model.Quantity;
import io.factlint.model.SourceKind;
import io.factlint.model.When;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.factlint.ingest.Messages.q;

/**
 * The grammar of values in a fact file: strings, ids, attribute names, the words of closed vocabularies (bounds,
 * certainties, source kinds, ops), numbers, quantities, dates and periods; and the reading of an object's fields
 * through its {@link Fields} table. Each reader starts at the value's first token and leaves the cursor at its
 * last; an invalid value is reported at its position and read as null.
 */
final class ValueGrammar {
    static final List<String> BOUNDS = Arrays.stream(Bound.values()).map(Bound::id).toList();
    static final List<String> CERTAINTIES = Arrays.stream(Certainty.values()).map(Certainty::id).toList();
    static final List<String> KINDS = Arrays.stream(SourceKind.values()).map(SourceKind::id).toList();
    static final List<String> OPS = Arrays.stream(Op.values()).map(Op::symbol).toList();

    /** A quantity's fields as read, before the combination is checked. */
    static final class QuantityFields {
        /** amount, step, min, max, percent. */
        final BigDecimal[] n = new BigDecimal[5];
        Bound bound;
        boolean bad;
        /** Bit i: slot i of {@link #n} was given (percent: bit 5); bit 4: bound was given; bit 6: unrecorded. */
        int present;
        /** {@code "unrecorded"} as read (null when absent or not a boolean) and where its value is. */
        Boolean unrecorded;
        long unrecordedPos;

        void number(ValueGrammar g, int slot, String field) throws IOException {
            present |= 1 << (slot == 4 ? 5 : slot);
            n[slot] = g.number(field);
            if (n[slot] == null) bad = true;
        }
    }

    /** {@code {"amount": n, "bound": b, "step": s}} or {@code {"min": a, "max": b}}. */
    static final Fields<QuantityFields> QUANTITY = Fields.<QuantityFields>named("quantity")
            .optional("amount", (g, q, f, pos) -> q.number(g, 0, f))
            .optional("percent", (g, q, f, pos) -> q.number(g, 4, f))
            .optional("bound", (g, q, f, pos) -> {
                q.present |= 1 << 4;
                q.bound = g.parsed(f, w -> word(w, "bound", BOUNDS, Bound.values()));
                q.bad |= q.bound == null;
            })
            .optional("step", (g, q, f, pos) -> q.number(g, 1, f))
            .optional("min", (g, q, f, pos) -> q.number(g, 2, f))
            .optional("max", (g, q, f, pos) -> q.number(g, 3, f))
            .build();

    /** The words a message names the one form of an unrecorded value with. */
    static final String UNRECORDED_FORM = "{\"unrecorded\": true}";

    /** A fact value's one field when no figure is kept: {@code {"unrecorded": true}} (docs/fact-files.md). */
    private static final Fields.Reader<QuantityFields> UNRECORDED_FIELD = (g, q, f, pos) -> {
        q.present |= 1 << 6;
        q.unrecordedPos = pos;
        q.unrecorded = g.bool(f);
        q.bad |= q.unrecorded == null;
    };

    /** {@code {"unrecorded": true}}: the object of the schema's {@code $defs/unrecorded}. */
    static final Fields<QuantityFields> UNRECORDED = Fields.<QuantityFields>named("unrecorded value")
            .required("unrecorded", UNRECORDED_FIELD)
            .build();

    /**
     * What a value object is read with: a quantity's fields or {@code unrecorded} ({@link #UNRECORDED}), named
     * {@code quantity} in messages; which combinations are valid is checked after reading ({@link #quantity()}).
     */
    static final Fields<QuantityFields> VALUE_OBJECT = Fields.<QuantityFields>named("quantity")
            .all(QUANTITY)
            .all(UNRECORDED)
            .build();

    /**
     * The value of a fact stating that no figure of its measure is kept ({@code {"unrecorded": true}}), as
     * {@link #value} returns it; {@link FileParser} refuses it for a status and in a claim.
     */
    enum Unrecorded {
        VALUE;

        @Override
        public String toString() {
            return UNRECORDED_FORM;
        }
    }

    /** A period's ends as read; {@code bad} if either is invalid. */
    static final class PeriodFields {
        When from;
        When to;
        boolean bad;
    }

    static final Fields<PeriodFields> PERIOD = Fields.<PeriodFields>named("period")
            .required("from", (g, r, f, pos) -> r.bad |= (r.from = g.point(f)) == null)
            .required("to", (g, r, f, pos) -> r.bad |= (r.to = g.point(f)) == null)
            .build();
    private static final int FROM_BIT = PERIOD.field("from").requiredBit();

    private final TokenCursor c;
    private final ParserLimits limits;
    private final boolean yaml;
    private final Map<String, String> strings = new HashMap<>();
    /** Times already read in this file: facts share them (When is immutable), saving memory and parsing. */
    private final Map<String, When> times = new HashMap<>();

    ValueGrammar(TokenCursor cursor, ParserLimits limits, boolean yaml) {
        this.c = cursor;
        this.limits = limits;
        this.yaml = yaml;
    }

    TokenCursor cursor() {
        return c;
    }

    /**
     * Reads the fields of the object whose {@code {} is the current token, up to its {@code }}, into
     * {@code target}. Unknown fields are reported and skipped. Returns a bit set of the required fields that were
     * present (see {@link TokenCursor#missing}).
     */
    <T> int object(Fields<T> kind, T target) throws IOException {
        return object(kind, target, kind);
    }

    /**
     * As {@link #object(Fields, Object)}, naming the fields of {@code shown} (read as {@code kind}) in the message on
     * an unknown field: a claim's value is read with {@link #VALUE_OBJECT}, so that {@code {"unrecorded": true}} gets
     * its own message, but lists only a quantity's fields.
     */
    <T> int object(Fields<T> kind, T target, Fields<?> shown) throws IOException {
        int seen = 0;
        JsonToken t;
        while ((t = c.next()) == JsonToken.FIELD_NAME) {
            String name = c.parser().currentName();
            Fields.Field<T> field = kind.field(name);
            if (field == null) {
                c.error(c.tokenPos(), "unknown field " + q(name) + " " + shown.where() + " " + Messages.expected(shown.names()));
                c.next();
                c.skip();
                continue;
            }
            c.next();
            long pos = c.tokenPos();
            c.valuePos = pos;
            seen |= field.requiredBit();
            field.reader().read(this, target, name, pos);
        }
        if (t != JsonToken.END_OBJECT) throw new IllegalStateException("unexpected token " + t + " in an object");
        return seen;
    }

    /**
     * A fact's or claim's value as written: a String, a BigDecimal, a Quantity or {@link Unrecorded#VALUE}; null when
     * invalid.
     */
    Object value(String field) throws IOException {
        return value(field, false);
    }

    /**
     * As {@link #value(String)}; {@code unrecordedAllowed}: the value of a fact or claim, where {@code {"unrecorded": true}} is
     * allowed, so a message on an unknown field of the object lists {@code unrecorded} too (elsewhere it is read, to
     * be refused with its own message, but not offered).
     */
    Object value(String field, boolean unrecordedAllowed) throws IOException {
        JsonToken t = c.current();
        if (t == JsonToken.VALUE_STRING) return c.parser().getText();
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) return number(field);
        if (t == JsonToken.START_OBJECT) return quantity(unrecordedAllowed);
        c.typeError(field, "a number, a quantity object or a status word", t);
        return null;
    }

    /**
     * {@code {"amount": n, "bound": b, "step": s}} or {@code {"min": a, "max": b}} (a Quantity), or
     * {@code {"unrecorded": true}} ({@link Unrecorded#VALUE}); null when invalid.
     */
    Object quantity(boolean unrecordedAllowed) throws IOException {
        long start = c.tokenPos();
        QuantityFields q = new QuantityFields();
        object(VALUE_OBJECT, q, unrecordedAllowed ? VALUE_OBJECT : QUANTITY);
        BigDecimal[] n = q.n;
        int present = q.present;
        if ((present & (1 << 6)) != 0) return unrecorded(start, q);
        if ((present & (1 << 5)) != 0) return percent(start, q);
        boolean amount = (present & 1) != 0;
        boolean range = (present & (4 | 8)) != 0;
        if (amount && range) {
            c.error(start, "a quantity has either \"amount\" and \"bound\", or \"min\" and \"max\", not both");
            return null;
        }
        if (amount) {
            if ((present & (1 << 4)) == 0) {
                c.error(start, "missing required field \"bound\" in quantity " + Messages.expected(BOUNDS));
                return null;
            }
            if (n[1] != null && n[1].signum() <= 0) {
                c.error(start, "\"step\" must be positive");
                return null;
            }
            return q.bad ? null : Quantity.written(n[0], q.bound, n[1]);
        }
        if (range) {
            if ((present & (4 | 8)) != (4 | 8)) {
                c.error(start, "missing required field \"" + ((present & 4) == 0 ? "min" : "max") + "\" in quantity");
                return null;
            }
            if ((present & 2) != 0 || (present & (1 << 4)) != 0) {
                c.error(start, "\"step\" and \"bound\" apply to an \"amount\", not to a range");
                return null;
            }
            if (q.bad) return null;
            if (n[2].compareTo(n[3]) > 0) {
                c.error(start, "range min " + n[2].toPlainString() + " is larger than max " + n[3].toPlainString());
                return null;
            }
            return Quantity.range(n[2], n[3]);
        }
        if (!q.bad) c.error(start, "a quantity needs \"amount\" and \"bound\", or \"min\" and \"max\"");
        return null;
    }

    /** {@code {"unrecorded": true}} and nothing else; null, with the error, for any other form. */
    private Object unrecorded(long start, QuantityFields q) {
        if ((q.present & ~(1 << 6)) != 0) {
            List<String> others = new java.util.ArrayList<>();
            String[] names = {"amount", "step", "min", "max", "bound", "percent"};
            for (int i = 0; i < names.length; i++) if ((q.present & (1 << i)) != 0) others.add(Messages.q(names[i]));
            c.error(start, UNRECORDED_FORM + " takes no other field (found " + String.join(", ", others)
                    + "): a value is either a figure (a number or a quantity) or " + UNRECORDED_FORM
                    + ", the source's statement that no figure is kept");
            return null;
        }
        if (q.unrecorded == null) return null; // not a boolean: reported
        if (!q.unrecorded) {
            c.error(q.unrecordedPos, "\"unrecorded\" must be true: " + UNRECORDED_FORM
                    + " states that no figure is kept; for a figure write a number or a quantity instead");
            return null;
        }
        return Unrecorded.VALUE;
    }

    /**
     * {@code {"percent": 52, "bound": "about"}}: the fraction 0.52, its step in percentage points of the number as
     * written (52 → 1 point, 51.96 → 0.01 point), a {@code step} also in points; the bound defaults to exactly.
     */
    private Quantity percent(long start, QuantityFields q) {
        BigDecimal[] n = q.n;
        if ((q.present & (1 | 4 | 8)) != 0) {
            c.error(start, "a quantity has either \"percent\", \"amount\" or \"min\" and \"max\", not several");
            return null;
        }
        if (q.bad) return null;
        if (n[1] != null && n[1].signum() <= 0) {
            c.error(start, "\"step\" must be positive");
            return null;
        }
        BigDecimal step = (n[1] != null ? n[1] : Quantity.stepOf(n[4])).movePointLeft(2);
        BigDecimal fraction = n[4].movePointLeft(2);
        return (q.bound == null ? Quantity.of(fraction, Bound.EXACTLY, step) : Quantity.written(fraction, q.bound, step)).asPercent();
    }

    /** A number as written (its digits kept); null with an error if it is no number or out of range. */
    BigDecimal number(String field) throws IOException {
        JsonToken t = c.current();
        if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
            c.typeError(field, "a number", t);
            return null;
        }
        long pos = c.tokenPos();
        BigDecimal v;
        try {
            v = c.parser().getDecimalValue();
        } catch (StreamConstraintsException e) {
            throw e;
        } catch (NumberFormatException | JsonProcessingException e) {
            v = null; // YAML's .inf and .nan, for instance
        }
        if (v != null) {
            double d = v.doubleValue();
            if (!Double.isInfinite(d) && !(d == 0 && v.signum() != 0)) return v;
        }
        String shown = c.parser().getText();
        c.error(pos, "number out of range: " + (shown.length() > 40 ? shown.substring(0, 40) + "…" : shown));
        return null;
    }

    /** A date, a date-time or a period {@code {"from": ..., "to": ...}}. */
    When when(String field) throws IOException {
        return when(field, false);
    }

    /**
     * As {@link #when(String)}; with {@code openStart} a period may leave out {@code "from"}: {@code {"to": ...}} is
     * every time at or before its end (a record: "the highest on record"), returned as that end, a point. Only
     * {@code rank_over} reads a period so (docs/claims.md); everywhere else a missing {@code "from"} is an error.
     */
    When when(String field, boolean openStart) throws IOException {
        JsonToken t = c.current();
        if (t == JsonToken.VALUE_STRING) return point(field);
        if (t != JsonToken.START_OBJECT) {
            c.typeError(field, "a date, a date-time or {\"from\": ..., \"to\": ...}", t);
            return null;
        }
        Location at = c.here();
        PeriodFields r = new PeriodFields();
        int seen = object(PERIOD, r);
        // an open start: "from" counts as given, so only a missing "to" is reported
        if (openStart && (seen & FROM_BIT) == 0) return c.missing(PERIOD, seen | FROM_BIT, at, null) || r.bad ? null : r.to;
        if (c.missing(PERIOD, seen, at, null) || r.bad) return null;
        if (r.from.after(r.to)) {
            c.error(TokenCursor.pos(at), "period ends (" + r.to.iso() + ") before it starts (" + r.from.iso() + ")");
            return null;
        }
        return When.period(r.from, r.to);
    }

    /** A date or date-time string. */
    When point(String field) throws IOException {
        return parsed(field, s -> {
            When known = times.get(s);
            if (known != null) return known;
            When w = Iso.point(s);
            times.put(s, w);
            return w;
        });
    }

    /** {@code true} or {@code false}; null (with an error) for anything else. */
    Boolean bool(String field) throws IOException {
        JsonToken t = c.current();
        if (t == JsonToken.VALUE_TRUE) return Boolean.TRUE;
        if (t == JsonToken.VALUE_FALSE) return Boolean.FALSE;
        c.typeError(field, "true or false", t);
        return null;
    }

    Certainty certainty(String field) throws IOException {
        return parsed(field, w -> word(w, "certainty", CERTAINTIES, Certainty.values()));
    }

    SourceKind sourceKind(String field) throws IOException {
        return parsed(field, w -> word(w, "source kind", KINDS, SourceKind.values()));
    }

    /**
     * A claim's op. In YAML, {@code ~} unquoted is null, and {@code >} or {@code !} unquoted start a folded block or
     * a tag (read as ""): those get "quote the op" instead of a type error.
     */
    Op op(String field) throws IOException {
        if (yaml && (c.current() == JsonToken.VALUE_NULL
                || c.current() == JsonToken.VALUE_STRING && c.parser().getText().isEmpty())) {
            c.error(c.valuePos, UNQUOTED_OP);
            return null;
        }
        return parsed(field, w -> word(w, "op", OPS, Op.values()));
    }

    /** What an unquoted YAML op gets (also as a syntax error, {@code op: >=}, see {@link FileParser}). */
    static final String UNQUOTED_OP = "quote the op: in YAML an unquoted ~ means null, and > or ! start a folded "
            + "block or a tag; write op: \"~\", op: \">=\", op: \"!=\" (" + OPS.stream().map(o -> "\"" + o + "\"")
            .collect(java.util.stream.Collectors.joining(", ")) + ")";

    /** Turns the text of a value into something, or says what is wrong with it. */
    @FunctionalInterface
    interface TextParser<T> {
        T parse(String text) throws BadValue;
    }

    /** A string value read by {@code parser}; null, with the parser's complaint at the value, if it fails. */
    <T> T parsed(String field, TextParser<T> parser) throws IOException {
        long pos = c.valuePos;
        String s = string(field);
        if (s == null) return null;
        try {
            return parser.parse(s);
        } catch (BadValue e) {
            c.error(pos, e.getMessage());
            return null;
        }
    }

    /** The value of {@code values} whose word (at the same index in {@code words}) is {@code w}. */
    static <T> T word(String w, String what, List<String> words, T[] values) throws BadValue {
        int i = words.indexOf(w);
        if (i < 0) throw new BadValue("unknown " + what + " " + q(w) + " " + Messages.expected(words));
        return values[i];
    }

    /** An id: a non-empty string without {@code #} (which separates story and fact in references). */
    String id(String field) throws IOException {
        long pos = c.valuePos;
        String s = string(field);
        if (s == null) return null;
        if (s.isBlank()) {
            c.error(pos, "empty id");
            return null;
        }
        if (s.indexOf('#') >= 0) {
            c.error(pos, "id " + q(s) + " must not contain \"#\" (it separates story and fact in references)");
            return null;
        }
        return s;
    }

    /** {@code status} or a measure name in snake_case. */
    String attribute(String field) throws IOException {
        long pos = c.valuePos;
        String s = string(field);
        if (s == null) return null;
        if (!snakeCase(s)) {
            c.error(pos, "attribute " + q(s) + " is not in snake_case (lower-case letters, digits and _, e.g. killed_or_injured)");
            return null;
        }
        return intern(s);
    }

    private static boolean snakeCase(String s) {
        if (s.isEmpty() || s.charAt(0) < 'a' || s.charAt(0) > 'z') return false;
        for (int i = 1; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (!(ch >= 'a' && ch <= 'z' || ch >= '0' && ch <= '9' || ch == '_')) return false;
        }
        return true;
    }

    String string(String field) throws IOException {
        JsonToken t = c.current();
        if (t == JsonToken.VALUE_STRING) {
            String s = c.parser().getText();
            if (s.length() <= limits.maxStringLength()) return s;
            // Jackson enforces this limit for JSON while reading; SnakeYAML does not
            c.error(c.tokenPos(), "string too long: more than " + String.format(Locale.ROOT, "%,d", limits.maxStringLength())
                    + " characters");
            return null;
        }
        c.typeError(field, "a string", t);
        return null;
    }

    /** A string value shared with equal ones read before (subjects, sources, attributes repeat a lot). */
    String internedString(String field) throws IOException {
        return intern(string(field));
    }

    private String intern(String s) {
        if (s == null) return null;
        String known = strings.putIfAbsent(s, s);
        return known == null ? s : known;
    }
}
