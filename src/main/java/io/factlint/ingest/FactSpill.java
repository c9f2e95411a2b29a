package io.factlint.ingest;

import io.factlint.model.Bound;
import io.factlint.model.Certainty;
import io.factlint.model.Fact;
import io.factlint.model.Location;
import io.factlint.model.Quantity;
import io.factlint.model.SpilledFacts;
import io.factlint.model.When;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * The loader's sink for large inputs: each fact, as it is built, is appended to one of a fixed number of temporary
 * bucket files, chosen by its subject, in a compact binary encoding; nothing of it stays in memory but the strings
 * it shares with other facts (ids of stories, subjects, attributes, sources, status words, file names: a dictionary
 * held once). Facts the engine needs beside their buckets (drafted facts, the quoted facts of stories with a text)
 * are also kept in memory and given back as the same instances.
 *
 * <p><b>The encoding</b> (written by hand: Java serialization would make every model class {@code Serializable},
 * be several times larger and slower, and a text format such as JSON would re-parse what was just parsed; the model
 * must not learn Jackson): per fact, the difference of its number to the previous fact of the bucket (varint), a
 * flag byte (quantity, quote, time, certainty, unrecorded (the value {"unrecorded": true}: no quantity follows), and
 * whether its subject or source was not yet declared when its file
 * was merged: then the positions of both follow, for the located error if they never are), the dictionary numbers
 * of its story id, subject, attribute, status, source and file (varints), its id, line and column, its time (a day
 * as its epoch day; an instant as epoch day, nano of day and offset; a period as two of those), its quantity
 * (bound or range, numbers as scale and unscaled value) and its quote. Strings keep every char exactly (also a lone
 * surrogate). A generated fact takes 30–60 bytes against ≈ 330 in its JSON file. Reading a fact back builds it
 * with the public constructors of the model, so it equals the fact the loader built.
 *
 * <p>The folder is private ({@code rwx------} where the file system has POSIX permissions) and deleted by
 * {@link #close()}, also by a shutdown hook if the process is stopped. A write that fails (a full disk) is a
 * {@link SpillFailed}.
 */
public final class FactSpill extends SpilledFacts {
    /** Thrown when a temporary bucket file cannot be written or read: the check did not complete (exit 3). */
    public static final class SpillFailed extends RuntimeException {
        public SpillFailed(String message, IOException cause) {
            super(message, cause);
        }
    }

    private static final int F_QUANTITY = 1, F_QUOTE = 2, F_AT = 4, F_PENDING = 8, F_FATAL = 16, F_CERTAINTY = 32,
            F_UNRECORDED = 64, F_PROJECTION = 128;

    private final Path folder;
    private final Thread cleanup;
    private final int buckets;
    private final List<String> strings;
    private final Map<Integer, Fact> kept;
    private final Set<String> subjects;
    private volatile boolean closed;
    /** The numbers of facts left out (their references are declared nowhere: only with an input error). */
    private Set<Integer> dropped = Set.of();

    private FactSpill(Writer w, int count) {
        super(count);
        this.folder = w.folder;
        this.cleanup = w.cleanup;
        this.buckets = w.out.length;
        this.strings = w.strings;
        this.kept = w.kept;
        this.subjects = Collections.unmodifiableSet(w.subjects);
    }

    @Override
    public int buckets() {
        return buckets;
    }

    @Override
    public int bucketOf(String subject) {
        return bucket(subject, buckets);
    }

    private static int bucket(String subject, int buckets) {
        // spread the hash: subjects that differ in their last characters (unit-1, unit-2) must not collide
        int h = subject == null ? 0 : subject.hashCode();
        h ^= (h >>> 16);
        h *= 0x85ebca6b;
        h ^= (h >>> 13);
        return Math.floorMod(h, buckets);
    }

    @Override
    public Set<String> subjects() {
        return subjects;
    }

    @Override
    public String folder() {
        return folder.toString();
    }

    @Override
    public List<Fact> read(int[] which) throws IOException {
        if (closed) throw new IllegalStateException("the spilled facts in " + folder + " were deleted");
        Set<Integer> d = dropped;
        IntPredicate keep = d.isEmpty() ? s -> true : s -> !d.contains(s);
        List<Fact> out = new ArrayList<>();
        for (int b : which) readBucket(b, keep, (f, pending, subjectPos, sourcePos, fatal) -> out.add(f));
        if (which.length > 1) out.sort((a, c) -> Integer.compare(a.getSeq(), c.getSeq()));
        return out;
    }

    void drop(Set<Integer> seqs) {
        dropped = Set.copyOf(seqs);
    }

    @Override
    public List<Fact> held() {
        List<Fact> out = new ArrayList<>(kept.values());
        out.removeIf(f -> dropped.contains(f.getSeq()));
        out.sort((a, b) -> Integer.compare(a.getSeq(), b.getSeq()));
        return out;
    }

    /** Receives a fact whose subject or source was not declared when its file was merged. */
    interface PendingReader {
        void accept(Fact f, long subjectPos, long sourcePos, boolean fatal);
    }

    /** Receives each fact read back, whether it was pending (not declared when merged), and its positions. */
    private interface Sink {
        void accept(Fact f, boolean pending, long subjectPos, long sourcePos, boolean fatal);
    }

    /** The facts of bucket {@code b} (the kept ones as the kept instances) to {@code sink}, but those {@code keep} refuses. */
    private void readBucket(int b, IntPredicate keep, Sink sink) throws IOException {
        Path file = folder.resolve(name(b));
        if (!Files.exists(file)) return;
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            int seq = -1;
            while (true) {
                int first = in.read();
                if (first < 0) break;
                seq += varint(in, first);
                int flags = in.readUnsignedByte();
                String storyId = str(in), id = chars(in), subject = str(in), attribute = str(in), status = str(in);
                String source = str(in), file0 = str(in);
                int line = varint(in), column = varint(in);
                When at = (flags & F_AT) != 0 ? when(in) : null;
                Quantity q = (flags & F_QUANTITY) != 0 ? quantity(in) : null;
                String quote = (flags & F_QUOTE) != 0 ? chars(in) : null;
                Certainty certainty = (flags & F_CERTAINTY) != 0 ? Certainty.values()[in.readUnsignedByte()] : null;
                long subjectPos = 0, sourcePos = 0;
                if ((flags & F_PENDING) != 0) {
                    subjectPos = ((long) varint(in) << 32) | (varint(in) & 0xffffffffL);
                    sourcePos = ((long) varint(in) << 32) | (varint(in) & 0xffffffffL);
                }
                if (!keep.test(seq)) continue;
                Fact k = kept.get(seq);
                Fact f = k != null ? k : new Fact(seq, storyId, id, subject, attribute, status, q, at, source, certainty,
                        quote, new Location(file0, line, column), (flags & F_UNRECORDED) != 0, (flags & F_PROJECTION) != 0);
                sink.accept(f, (flags & F_PENDING) != 0, subjectPos, sourcePos, (flags & F_FATAL) != 0);
            }
        } catch (EOFException e) {
            throw new IOException("the spill file " + file + " ends in the middle of a fact", e);
        }
    }

    /** Every fact that was not declared yet when merged, bucket by bucket (not in load order), to {@code each}. */
    void forEachPending(PendingReader each) throws IOException {
        for (int b = 0; b < buckets; b++) {
            readBucket(b, s -> true, (f, pending, subjectPos, sourcePos, fatal) -> {
                if (pending) each.accept(f, subjectPos, sourcePos, fatal);
            });
        }
    }

    /** The attribute of every fact but those {@code keep} refuses, bucket by bucket, to {@code each}, holding none of them. */
    void forEachAttribute(IntPredicate keep, java.util.function.Consumer<String> each) throws IOException {
        for (int b = 0; b < buckets; b++) {
            readBucket(b, keep, (f, pending, subjectPos, sourcePos, fatal) -> each.accept(f.getAttribute()));
        }
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        release(folder, cleanup);
    }

    /** Deletes {@code folder} and removes its shutdown hook {@code cleanup}, which has nothing left to do. */
    private static void release(Path folder, Thread cleanup) {
        delete(folder);
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException e) {
            // the process is stopping: the hook runs
        }
    }

    private static void delete(Path folder) {
        try (var s = Files.list(folder)) {
            for (Path p : (Iterable<Path>) s::iterator) Files.deleteIfExists(p);
        } catch (IOException e) {
            // best effort: a file we cannot list is not ours to keep trying
        }
        try {
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            // as above
        }
    }

    private static String name(int bucket) {
        return String.format("bucket-%04d.bin", bucket);
    }

    private String str(DataInputStream in) throws IOException {
        int i = varint(in);
        return i == 0 ? null : strings.get(i - 1);
    }

    private static String chars(DataInputStream in) throws IOException {
        int head = varint(in);
        if (head == 0) return null;
        int n = (head >>> 1) - 1;
        if ((head & 1) == 0) {
            byte[] b = new byte[n];
            in.readFully(b);
            return new String(b, java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        char[] c = new char[n];
        for (int i = 0; i < n; i++) c[i] = in.readChar();
        return new String(c);
    }

    private static When when(DataInputStream in) throws IOException {
        int kind = in.readUnsignedByte();
        if (kind == 2) return When.period(when(in), when(in));
        LocalDate day = LocalDate.ofEpochDay(varlong(in));
        if (kind == 0) return When.day(day);
        LocalTime time = LocalTime.ofNanoOfDay(varlong(in));
        ZoneOffset offset = ZoneOffset.ofTotalSeconds(unzig(varint(in)));
        return When.instant(OffsetDateTime.of(LocalDateTime.of(day, time), offset));
    }

    /**
     * A quantity as {@code quantity(DataOutputStream, Quantity)} wrote it: a kind byte, then a range's two ends or an
     * amount and its step. The kind byte: 0x7f (with 0x80 for a percentage) is a range; otherwise the bound's ordinal
     * (bits 0-4), 0x20 a yes/no state, 0x40 a bound the text wrote, 0x80 a percentage.
     */
    private static Quantity quantity(DataInputStream in) throws IOException {
        int kind = in.readUnsignedByte();
        Quantity q;
        if ((kind & 0x7f) == 0x7f) {
            q = Quantity.range(decimal(in), decimal(in));
        } else {
            BigDecimal amount = decimal(in);
            BigDecimal step = decimal(in);
            Bound bound = Bound.values()[kind & 0x1f];
            q = (kind & 0x40) != 0 ? Quantity.written(amount, bound, step) : Quantity.of(amount, bound, step);
            if ((kind & 0x20) != 0) q = q.asYesNo();
        }
        return (kind & 0x80) != 0 ? q.asPercent() : q;
    }

    private static BigDecimal decimal(DataInputStream in) throws IOException {
        int scale = unzig(varint(in));
        int n = varint(in);
        if (n == 0) return BigDecimal.valueOf(unzigLong(varlong(in)), scale);
        byte[] b = new byte[n];
        in.readFully(b);
        return new BigDecimal(new BigInteger(b), scale);
    }

    // ---- varints ------------------------------------------------------------------------------------------------

    private static int varint(DataInputStream in) throws IOException {
        return varint(in, in.readUnsignedByte());
    }

    private static int varint(DataInputStream in, int first) throws IOException {
        int v = first & 0x7f;
        int shift = 7;
        int b = first;
        while ((b & 0x80) != 0) {
            b = in.readUnsignedByte();
            v |= (b & 0x7f) << shift;
            shift += 7;
        }
        return v;
    }

    private static long varlong(DataInputStream in) throws IOException {
        long v = 0;
        int shift = 0;
        int b;
        do {
            b = in.readUnsignedByte();
            v |= (long) (b & 0x7f) << shift;
            shift += 7;
        } while ((b & 0x80) != 0);
        return v;
    }

    private static int unzig(int v) {
        return (v >>> 1) ^ -(v & 1);
    }

    private static long unzigLong(long v) {
        return (v >>> 1) ^ -(v & 1);
    }

    // ---- writing --------------------------------------------------------------------------------------------------

    /** Opens a spill in a new private folder under {@code root} (null: the system's temporary folder). */
    static Writer open(Path root, int buckets) {
        return new Writer(root, buckets);
    }

    /** The writing side, used by the loader's merge (one thread). */
    static final class Writer {
        final Path folder;
        final Thread cleanup;
        final DataOutputStream[] out;
        final int[] lastSeq;
        final List<String> strings = new ArrayList<>();
        final Map<String, Integer> numbers = new HashMap<>();
        final Map<Integer, Fact> kept = new HashMap<>();
        final Set<String> subjects = new HashSet<>();
        private boolean done;

        Writer(Path root, int buckets) {
            try {
                Path base = root != null ? root : Path.of(System.getProperty("java.io.tmpdir"));
                Files.createDirectories(base);
                folder = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                        ? Files.createTempDirectory(base, "factlint-spill-",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")))
                        : Files.createTempDirectory(base, "factlint-spill-");
            } catch (IOException | UnsupportedOperationException e) {
                throw new SpillFailed("cannot create a temporary folder for the spilled facts under "
                        + (root != null ? root : System.getProperty("java.io.tmpdir")) + ": " + Messages.io(io(e)), io(e));
            }
            Path f = folder;
            cleanup = new Thread(() -> delete(f), "factlint-spill-cleanup");
            Runtime.getRuntime().addShutdownHook(cleanup);
            out = new DataOutputStream[buckets];
            lastSeq = new int[buckets];
            Arrays.fill(lastSeq, -1);
        }

        private static IOException io(Exception e) {
            return e instanceof IOException x ? x : new IOException(e.getMessage(), e);
        }

        /** Appends {@code f} to its subject's bucket; {@code pending}: its references were not all declared yet. */
        void add(Fact f, boolean pending, long subjectPos, long sourcePos, boolean fatal) {
            int b = bucket(f.getSubject(), out.length);
            try {
                DataOutputStream o = out[b];
                if (o == null) {
                    o = out[b] = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(folder.resolve(name(b))), 1 << 15));
                }
                if (f.getSubject() != null) subjects.add(f.getSubject());
                varint(o, f.getSeq() - lastSeq[b]);
                lastSeq[b] = f.getSeq();
                Quantity q = f.getQuantity();
                int flags = (q != null ? F_QUANTITY : 0) | (f.getQuote() != null ? F_QUOTE : 0) | (f.getAt() != null ? F_AT : 0)
                        | (pending ? F_PENDING : 0) | (fatal ? F_FATAL : 0) | (f.getCertainty() != null ? F_CERTAINTY : 0)
                        | (f.isUnrecorded() ? F_UNRECORDED : 0) | (f.isProjection() ? F_PROJECTION : 0);
                o.writeByte(flags);
                str(o, f.getStoryId());
                chars(o, f.getId());
                str(o, f.getSubject());
                str(o, f.getAttribute());
                str(o, f.getStatus());
                str(o, f.getSource());
                Location l = f.getLocation();
                str(o, l.file());
                varint(o, l.line());
                varint(o, l.column());
                if (f.getAt() != null) when(o, f.getAt());
                if (q != null) quantity(o, q);
                if (f.getQuote() != null) chars(o, f.getQuote());
                if (f.getCertainty() != null) o.writeByte(f.getCertainty().ordinal());
                if (pending) {
                    varint(o, (int) (subjectPos >>> 32));
                    varint(o, (int) subjectPos);
                    varint(o, (int) (sourcePos >>> 32));
                    varint(o, (int) sourcePos);
                }
            } catch (IOException e) {
                throw failed(e);
            }
        }

        /** Keeps {@code f} in memory too: the engine needs it beside its bucket (a drafted or quoted fact). */
        void keep(Fact f) {
            kept.put(f.getSeq(), f);
        }

        private SpillFailed failed(IOException e) {
            return new SpillFailed("cannot write the spilled facts to " + folder + ": " + Messages.io(e), e);
        }

        /** Flushes and closes the bucket files: the facts can be read. */
        FactSpill finish(int count) {
            done = true;
            IOException first = null;
            for (DataOutputStream o : out) {
                if (o == null) continue;
                try {
                    o.close();
                } catch (IOException e) {
                    if (first == null) first = e;
                }
            }
            FactSpill s = new FactSpill(this, count);
            if (first != null) {
                s.close();
                throw failed(first);
            }
            return s;
        }

        /** Closes and deletes everything (the load failed). */
        void abandon() {
            if (!done) {
                for (DataOutputStream o : out) {
                    try {
                        if (o != null) o.close();
                    } catch (IOException e) {
                        // deleted next
                    }
                }
            }
            release(folder, cleanup);
        }

        private void str(DataOutputStream o, String s) throws IOException {
            if (s == null) {
                o.writeByte(0);
                return;
            }
            Integer n = numbers.get(s);
            if (n == null) {
                n = strings.size();
                strings.add(s);
                numbers.put(s, n);
            }
            varint(o, n + 1);
        }

        /** A string, every char kept: 0 for null, else (length + 1) * 2 + (Latin-1 ? 0 : 1), then the chars. */
        private static void chars(DataOutputStream o, String s) throws IOException {
            if (s == null) {
                o.writeByte(0);
                return;
            }
            boolean latin = true;
            for (int i = 0; i < s.length() && latin; i++) latin = s.charAt(i) < 0x100;
            varint(o, (s.length() + 1) << 1 | (latin ? 0 : 1));
            if (latin) {
                for (int i = 0; i < s.length(); i++) o.writeByte(s.charAt(i));
            } else {
                o.writeChars(s);
            }
        }

        private static void when(DataOutputStream o, When w) throws IOException {
            if (w.isPeriod()) {
                o.writeByte(2);
                when(o, w.from());
                when(o, w.to());
            } else if (w.isDay()) {
                o.writeByte(0);
                varlong(o, w.startDay().toEpochDay());
            } else {
                OffsetDateTime t = w.instant();
                o.writeByte(1);
                varlong(o, t.toLocalDate().toEpochDay());
                varlong(o, t.toLocalTime().toNanoOfDay());
                varint(o, zig(t.getOffset().getTotalSeconds()));
            }
        }

        private static void quantity(DataOutputStream o, Quantity q) throws IOException {
            int percent = q.isPercent() ? 0x80 : 0;
            if (q.isRange()) {
                o.writeByte(0x7f | percent);
                decimal(o, q.rangeMin());
                decimal(o, q.rangeMax());
            } else {
                o.writeByte(q.bound().ordinal() | (q.isYesNo() ? 0x20 : 0) | (q.isBoundWritten() ? 0x40 : 0) | percent);
                decimal(o, q.amount());
                decimal(o, q.step());
            }
        }

        private static void decimal(DataOutputStream o, BigDecimal d) throws IOException {
            varint(o, zig(d.scale()));
            BigInteger u = d.unscaledValue();
            if (u.bitLength() < 63) {
                o.writeByte(0);
                varlong(o, zigLong(u.longValue()));
            } else {
                byte[] b = u.toByteArray();
                varint(o, b.length);
                o.write(b);
            }
        }

        private static void varint(DataOutputStream o, int v) throws IOException {
            while ((v & ~0x7f) != 0) {
                o.writeByte((v & 0x7f) | 0x80);
                v >>>= 7;
            }
            o.writeByte(v);
        }

        private static void varlong(DataOutputStream o, long v) throws IOException {
            while ((v & ~0x7fL) != 0) {
                o.writeByte((int) ((v & 0x7f) | 0x80));
                v >>>= 7;
            }
            o.writeByte((int) v);
        }

        private static int zig(int v) {
            return (v << 1) ^ (v >> 31);
        }

        private static long zigLong(long v) {
            return (v << 1) ^ (v >> 63);
        }
    }
}
