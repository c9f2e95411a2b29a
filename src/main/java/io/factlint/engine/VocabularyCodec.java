package io.factlint.engine;

import io.factlint.model.Severity;
import io.factlint.model.vocab.Cumulative;
import io.factlint.model.vocab.FigureDefinition;
import io.factlint.model.vocab.PartWhole;
import io.factlint.model.vocab.SingleSourceWatch;
import io.factlint.model.vocab.StatusWord;
import io.factlint.model.vocab.Transition;
import io.factlint.model.vocab.Vocabulary;
import io.factlint.rules.MessageTemplate;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * The parsed vocabulary and rule catalogue of a rule pack as the compiled-rule cache entry stores them, so that a
 * cached check reads them without a YAML parser or Jackson's databind (docs/performance.md, "Vocabulary and
 * catalogue in the rule cache"). A plain {@link DataOutputStream} encoding of the records' fields, in the order of
 * their components; a record that gains a component no longer compiles here (its canonical constructor changes),
 * so a field cannot be dropped silently. Measured against Java serialization of the same objects (slower to read
 * in a fresh JVM, and it would make the model records {@code Serializable}): see the document.
 *
 * <p>The catalogue's positions ({@code rules/catalogue.yaml:12:3}) name the YAML file as the compiling run showed
 * it; they are stored relative to the rules folder and named as the reading run shows the file, as the rules'
 * DRL files are ({@link RuleCache}).
 */
final class VocabularyCodec {
    // no version of its own: RuleCache.FORMAT, part of the entry's key, is bumped with any change of this layout


    private VocabularyCodec() {
    }

    /** The vocabulary and catalogue read back from an entry. */
    record Decoded(Vocabulary vocabulary, RuleCatalogue catalogue) {
    }

    /**
     * Encodes {@code v} and {@code c}; {@code yamlFiles} maps each YAML file's name as this run shows it to its
     * path relative to the rules folder (the catalogue's positions start with the former).
     */
    static byte[] encode(Vocabulary v, RuleCatalogue c, Map<String, String> yamlFiles) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(16 * 1024);
        DataOutputStream out = new DataOutputStream(buf);
        out.writeInt(v.statuses().size());
        for (StatusWord s : v.statuses()) {
            str(out, s.word());
            out.writeBoolean(s.terminal());
        }
        out.writeInt(v.transitions().size());
        for (Transition t : v.transitions()) {
            str(out, t.from());
            str(out, t.to());
        }
        out.writeInt(v.cumulative().size());
        for (Cumulative x : v.cumulative()) str(out, x.attribute());
        out.writeInt(v.partWhole().size());
        for (PartWhole p : v.partWhole()) {
            str(out, p.part());
            str(out, p.whole());
        }
        out.writeInt(v.figures().size());
        for (FigureDefinition f : v.figures()) {
            str(out, f.name());
            str(out, f.kind());
            strings(out, new TreeMap<>(f.params()));
            out.writeInt(f.inputs().size());
            for (String in : f.inputs()) str(out, in);
            str(out, f.description());
            out.writeBoolean(f.percent());
        }
        out.writeInt(v.singleSource().size());
        for (SingleSourceWatch w : v.singleSource()) {
            str(out, w.attribute());
            str(out, w.status());
        }
        out.writeInt(v.measures().size());
        for (String m : v.measures()) str(out, m);
        out.writeInt(v.nonNegative().size());
        for (String m : v.nonNegative()) str(out, m);
        out.writeInt(v.yesNo().size());
        for (String m : v.yesNo()) str(out, m);

        // the YAML files the positions name, relative to the rules folder; longest display name first (a prefix match)
        List<Map.Entry<String, String>> files = new ArrayList<>(yamlFiles.entrySet());
        files.sort((a, b) -> Integer.compare(b.getKey().length(), a.getKey().length()));
        out.writeInt(files.size());
        for (Map.Entry<String, String> f : files) str(out, f.getValue());
        out.writeInt(c.entries().size());
        for (RuleCatalogue.Entry e : c.entries().values()) {
            str(out, e.id());
            str(out, e.severity() == null ? null : e.severity().id());
            str(out, e.description());
            str(out, e.fires());
            str(out, e.example());
            str(out, e.fix());
            out.writeInt(e.messages().size());
            for (Map.Entry<String, MessageTemplate> m : e.messages().entrySet()) {
                str(out, m.getKey());
                str(out, m.getValue().text());
            }
            where(out, e.where(), files);
            out.writeInt(e.messageWhere().size());
            for (Map.Entry<String, String> m : e.messageWhere().entrySet()) {
                str(out, m.getKey());
                where(out, m.getValue(), files);
            }
        }
        out.flush();
        return buf.toByteArray();
    }

    /** Decodes what {@link #encode} wrote; {@code display} names a file given relative to the rules folder. */
    static Decoded decode(byte[] bytes, UnaryOperator<String> display) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        int n = count(in);
        List<StatusWord> statuses = new ArrayList<>(n);
        for (int i = 0; i < n; i++) statuses.add(new StatusWord(str(in), in.readBoolean()));
        n = count(in);
        List<Transition> transitions = new ArrayList<>(n);
        for (int i = 0; i < n; i++) transitions.add(new Transition(str(in), str(in)));
        n = count(in);
        List<Cumulative> cumulative = new ArrayList<>(n);
        for (int i = 0; i < n; i++) cumulative.add(new Cumulative(str(in)));
        n = count(in);
        List<PartWhole> partWhole = new ArrayList<>(n);
        for (int i = 0; i < n; i++) partWhole.add(new PartWhole(str(in), str(in)));
        n = count(in);
        List<FigureDefinition> figures = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String name = str(in);
            String kind = str(in);
            Map<String, String> params = strings(in);
            int k = count(in);
            List<String> inputs = new ArrayList<>(k);
            for (int j = 0; j < k; j++) inputs.add(str(in));
            figures.add(new FigureDefinition(name, kind, params, inputs, str(in), in.readBoolean()));
        }
        n = count(in);
        List<SingleSourceWatch> single = new ArrayList<>(n);
        for (int i = 0; i < n; i++) single.add(new SingleSourceWatch(str(in), str(in)));
        n = count(in);
        List<String> measures = new ArrayList<>(n);
        for (int i = 0; i < n; i++) measures.add(str(in));
        n = count(in);
        List<String> nonNegative = new ArrayList<>(n);
        for (int i = 0; i < n; i++) nonNegative.add(str(in));
        n = count(in);
        List<String> yesNo = new ArrayList<>(n);
        for (int i = 0; i < n; i++) yesNo.add(str(in));
        // the loader's lists are unmodifiable (List.copyOf, Stream.toList)
        Vocabulary vocabulary = new Vocabulary(List.copyOf(statuses), List.copyOf(transitions), List.copyOf(cumulative),
                List.copyOf(partWhole), List.copyOf(figures), List.copyOf(single), List.copyOf(measures),
                List.copyOf(nonNegative), List.copyOf(yesNo));

        n = count(in);
        List<String> files = new ArrayList<>(n);
        for (int i = 0; i < n; i++) files.add(display.apply(str(in)));
        n = count(in);
        Map<String, RuleCatalogue.Entry> entries = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            String id = str(in);
            String severity = str(in);
            String description = str(in);
            String fires = str(in);
            String example = str(in);
            String fix = str(in);
            int m = count(in);
            Map<String, MessageTemplate> messages = new TreeMap<>();
            for (int j = 0; j < m; j++) messages.put(str(in), MessageTemplate.parse(str(in)));
            String where = where(in, files);
            m = count(in);
            Map<String, String> messageWhere = new TreeMap<>();
            for (int j = 0; j < m; j++) messageWhere.put(str(in), where(in, files));
            entries.put(id, new RuleCatalogue.Entry(id, severity == null ? null : Severity.parse(severity), description,
                    fires, example, fix, Collections.unmodifiableMap(messages), where,
                    Collections.unmodifiableMap(messageWhere)));
        }
        if (in.read() != -1) throw new IOException("vocabulary: trailing bytes");
        return new Decoded(vocabulary, RuleCatalogue.of(entries));
    }

    /** A position: the index of its file (or -1: a text kept as it is) and the rest ({@code :12:3}). */
    private static void where(DataOutputStream out, String where, List<Map.Entry<String, String>> files) throws IOException {
        for (int i = 0; i < files.size(); i++) {
            String name = files.get(i).getKey();
            if (where != null && where.startsWith(name)
                    && (where.length() == name.length() || where.charAt(name.length()) == ':')) {
                out.writeInt(i);
                str(out, where.substring(name.length()));
                return;
            }
        }
        out.writeInt(-1);
        str(out, where);
    }

    private static String where(DataInputStream in, List<String> files) throws IOException {
        int i = in.readInt();
        String rest = str(in);
        if (i == -1) return rest;
        if (i < 0 || i >= files.size()) throw new IOException("vocabulary: file index");
        return files.get(i) + rest;
    }

    private static void strings(DataOutputStream out, Map<String, String> m) throws IOException {
        out.writeInt(m.size());
        for (Map.Entry<String, String> e : m.entrySet()) {
            str(out, e.getKey());
            str(out, e.getValue());
        }
    }

    private static Map<String, String> strings(DataInputStream in) throws IOException {
        int n = count(in);
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) m.put(str(in), str(in));
        return m;
    }

    /** A string of any length (writeUTF stops at 64 KB), or null. */
    private static void str(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String str(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n == -1) return null;
        if (n < 0 || n > in.available()) throw new IOException("vocabulary: string length");
        byte[] b = new byte[n];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private static int count(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) throw new IOException("vocabulary: count");
        return n;
    }
}
