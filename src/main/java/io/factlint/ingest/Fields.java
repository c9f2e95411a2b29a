package io.factlint.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields one kind of object in a fact file may have, in the order the messages list them, which of them are
 * required, and how each is read into a target {@code T}. This table is the parser's one statement of the schema:
 * the object reader ({@link ValueGrammar#object}) reports unknown fields from it, the missing-field check reads its
 * required fields, and {@code FieldListsTest} holds it equal to {@code schema/facts.schema.json}.
 *
 * <p>Adding a field to an object is one line in its table ({@link FileParser} for the document's objects,
 * {@link ValueGrammar} for quantities and periods).
 *
 * @param <T> what the fields are read into
 */
final class Fields<T> {
    /** Reads the value of field {@code field} (the current token, at {@code pos}) into {@code target}, to its end. */
    @FunctionalInterface
    interface Reader<T> {
        void read(ValueGrammar g, T target, String field, long pos) throws IOException;
    }

    /** One field: its name, its bit among the required fields (0 if optional) and its reader. */
    record Field<T>(String name, int requiredBit, Reader<T> reader) {
    }

    private final String name;
    private final Map<String, Field<T>> byName;
    private final List<String> names;
    private final List<String> required;

    private Fields(String name, Map<String, Field<T>> byName, List<String> required) {
        this.name = name;
        this.byName = byName;
        this.names = List.copyOf(byName.keySet());
        this.required = List.copyOf(required);
    }

    /** A table for objects called {@code name} in messages ({@code fact}, {@code top level}). */
    static <T> Builder<T> named(String name) {
        return new Builder<>(name);
    }

    String name() {
        return name;
    }

    /** All field names, in declaration order. */
    List<String> names() {
        return names;
    }

    /** The required field names, in declaration order; bit {@code i} of a "seen" set stands for the i-th. */
    List<String> required() {
        return required;
    }

    /** The field called {@code fieldName}, or null if objects of this kind have none. */
    Field<T> field(String fieldName) {
        return byName.get(fieldName);
    }

    /** {@code in fact}, {@code at the top level}. */
    String where() {
        return name.equals("top level") ? "at the top level" : "in " + name;
    }

    static final class Builder<T> {
        private final String name;
        private final Map<String, Field<T>> fields = new LinkedHashMap<>();
        private final List<String> required = new ArrayList<>();

        private Builder(String name) {
            this.name = name;
        }

        /** Every field of {@code other}, as optional fields of this table (a union of two kinds of object). */
        Builder<T> all(Fields<T> other) {
            for (String n : other.names()) add(n, 0, other.field(n).reader());
            return this;
        }

        /** An optional field. */
        Builder<T> optional(String field, Reader<T> reader) {
            return add(field, 0, reader);
        }

        /** A required field (at most 31 per object). */
        Builder<T> required(String field, Reader<T> reader) {
            if (required.size() == 31) throw new IllegalStateException("too many required fields in " + name);
            required.add(field);
            return add(field, 1 << (required.size() - 1), reader);
        }

        private Builder<T> add(String field, int bit, Reader<T> reader) {
            if (fields.putIfAbsent(field, new Field<>(field, bit, reader)) != null) {
                throw new IllegalStateException("field " + field + " of " + name + " declared twice");
            }
            return this;
        }

        Fields<T> build() {
            return new Fields<>(name, new LinkedHashMap<>(fields), required);
        }
    }
}
