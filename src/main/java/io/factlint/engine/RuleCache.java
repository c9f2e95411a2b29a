package io.factlint.engine;

import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.drools.wiring.api.classloader.ProjectClassLoader;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The compiled-rule cache: a rule pack compiled in one file per rule pack, either as the classes of Drools'
 * executable model ({@link ExecutableModel}: a cached run defines them and builds the knowledge base from them, with
 * no DRL parser, compiler or MVEL) or, for a pack the executable model cannot translate, as Drools' compiled
 * packages (written with Drools' object streams, with the bytecode Drools generated for them), after the pack's
 * parsed vocabulary and rule catalogue ({@link VocabularyCodec}: a cached run reads no YAML); the file is named by a SHA-256 key of every file under the
 * rules folder (relative path and bytes), the program's version and build, the Drools version and the Java
 * runtime. Any change to any of those gives another key, hence a fresh compilation.
 *
 * <p>An entry is never trusted: its header must carry the expected key and the SHA-256 of its payload, the payload
 * is read through a class allow-list, and the rules it yields must be the ones it lists. Anything else (a corrupt,
 * truncated, foreign or unreadable entry, or any failure of Drools' internal serialization, which is not a public
 * API) makes {@link #open} or {@link #rules} return no knowledge base, so the caller compiles and overwrites the entry. Entries are
 * written atomically (a temporary file renamed into place).
 */
final class RuleCache {
    /** Bumped whenever the entry layout or what goes into the key changes. */
    static final String FORMAT = "factlint-rule-cache/7";
    private static final byte[] MAGIC = "FLRULES1".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER = MAGIC.length + 32 + 8 + 32;
    private static final long MAX_ENTRY_BYTES = 256L * 1024 * 1024;
    /** How many entries (rule packs) to keep; older ones are removed when a new one is written. */
    private static final int KEEP = 16;
    private static final List<String> ALLOWED = List.of("java.lang.", "java.util.", "java.math.", "java.time.",
            "org.drools.", "org.kie.", "org.mvel2.", "io.factlint.");

    private final Path dir;

    RuleCache(Path dir) {
        this.dir = dir;
    }

    /** What {@link #rules} built: a knowledge base, or null with the reason. */
    record Loaded(InternalKnowledgeBase kieBase, String note) {
    }

    /** A compiled pack, serialized and ready to be written once it is known to be good; {@code kind} says how. */
    record Payload(byte[] bytes, String kind) {
    }

    /** The payload kinds: the executable model's classes, or Drools' serialized packages. */
    static final String MODEL = "executable-model";
    static final String PACKAGES = "packages";

    /** The identity of everything a compiled pack depends on: the rule files, this program, Drools, Java. */
    static byte[] key(Path rulesDir, List<Path> files) throws IOException {
        MessageDigest d = sha256();
        update(d, FORMAT);
        Properties v = versions();
        update(d, "factlint " + v.getProperty("version", "dev") + " build " + v.getProperty("build", ""));
        update(d, "drools " + droolsVersion());
        update(d, "java " + Runtime.version() + " " + System.getProperty("java.vm.vendor", ""));
        for (Path p : files) {
            update(d, rulesDir.relativize(p).toString().replace('\\', '/'));
            byte[] bytes = Files.readAllBytes(p);
            d.update(ByteBuffer.allocate(8).putLong(bytes.length).array());
            d.update(bytes);
        }
        return d.digest();
    }

    /** The Drools version this program runs with (from the build, else from Drools' jar manifest). */
    static String droolsVersion() {
        String built = versions().getProperty("drools");
        if (built != null && !built.isBlank() && !built.startsWith("$")) return built;
        String manifest = DroolsObjectOutputStream.class.getPackage().getImplementationVersion();
        return manifest != null ? manifest : "unknown";
    }

    private static Properties versions() {
        Properties p = new Properties();
        try (InputStream in = RuleCache.class.getResourceAsStream("/io/factlint/version.properties")) {
            if (in != null) p.load(in);
        } catch (IOException e) {
            // an unknown version keys the cache as "dev"
        }
        return p;
    }

    Path file(byte[] key) {
        return dir.resolve("rules-" + HexFormat.of().formatHex(key) + ".bin");
    }

    /**
     * An entry read and verified, with its vocabulary and catalogue decoded; its rules are still bytes (from
     * {@code rulesAt} of {@code all}), built with {@link #rules}.
     */
    record Opened(VocabularyCodec.Decoded vocabulary, byte[] all, int rulesAt) {
    }

    /** What {@link #open} found: an entry, or null with the reason. */
    record Found(Opened entry, String note) {
    }

    /**
     * Reads and verifies the entry for {@code key} and decodes its vocabulary and catalogue (a few milliseconds:
     * no YAML, no Jackson); {@code display} names a file given relative to the rules folder. Never throws for a
     * bad entry.
     */
    Found open(byte[] key, java.util.function.UnaryOperator<String> display) {
        Path f = file(key);
        byte[] all;
        try {
            if (!Files.isRegularFile(f)) return new Found(null, "no entry");
            if (Files.size(f) > MAX_ENTRY_BYTES) return new Found(null, "entry too large");
            all = Files.readAllBytes(f);
        } catch (IOException | RuntimeException e) {
            return new Found(null, "entry unreadable: " + e.getClass().getSimpleName());
        }
        try {
            String problem = verify(all, key);
            if (problem != null) return new Found(null, "entry ignored: " + problem);
            ByteArrayInputStream payload = new ByteArrayInputStream(all, HEADER, all.length - HEADER);
            DataInputStream head = new DataInputStream(payload);
            if (!FORMAT.equals(head.readUTF())) throw new IOException("format");
            int n = head.readInt();
            if (n < 0 || n > payload.available()) throw new IOException("vocabulary length");
            byte[] vocabulary = new byte[n];
            head.readFully(vocabulary);
            VocabularyCodec.Decoded decoded = VocabularyCodec.decode(vocabulary, display);
            return new Found(new Opened(decoded, all, all.length - payload.available()), "hit");
        } catch (OutOfMemoryError e) {
            throw e;
        } catch (Throwable e) { // any failure means "compile instead"
            return new Found(null, "entry ignored: cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** The knowledge base of an opened entry, or a null one (with the reason). Never throws for a bad entry. */
    static Loaded rules(Opened entry, java.util.function.UnaryOperator<String> display) {
        try {
            byte[] all = entry.all();
            InternalKnowledgeBase kbase = read(new ByteArrayInputStream(all, entry.rulesAt(), all.length - entry.rulesAt()), display);
            return new Loaded(kbase, "hit");
        } catch (OutOfMemoryError e) {
            throw e;
        } catch (Throwable e) { // Drools' internal serialization: any failure means "compile instead"
            return new Loaded(null, "entry ignored: cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Null when {@code all} is a complete entry for {@code key} whose payload matches its checksum. */
    static String verify(byte[] all, byte[] key) {
        if (all.length < HEADER || !Arrays.equals(all, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            return "not a factlint rule cache entry";
        }
        int at = MAGIC.length;
        if (!Arrays.equals(all, at, at + 32, key, 0, 32)) return "built for other rules or another program version";
        at += 32;
        long length = ByteBuffer.wrap(all, at, 8).getLong();
        at += 8;
        if (length != all.length - HEADER) return "truncated or overlong";
        byte[] sum = sha256().digest(Arrays.copyOfRange(all, HEADER, all.length));
        if (!Arrays.equals(all, at, at + 32, sum, 0, 32)) return "checksum mismatch";
        return null;
    }

    @SuppressWarnings("unchecked")
    private static InternalKnowledgeBase read(InputStream payload, java.util.function.UnaryOperator<String> display)
            throws IOException, ReflectiveOperationException {
        DataInputStream head = new DataInputStream(payload);
        String kind = head.readUTF();
        if (MODEL.equals(kind)) {
            List<String> manifest;
            Map<String, String> files;
            ExecutableModel.Classes classes;
            try (ObjectInputStream in = new ObjectInputStream(payload)) {
                in.setObjectInputFilter(RuleCache::allow);
                manifest = (List<String>) in.readObject();
                files = (Map<String, String>) in.readObject();
                Map<String, byte[]> bytes = (Map<String, byte[]>) in.readObject();
                List<String> models = (List<String>) in.readObject();
                Map<String, String> lambdas = (Map<String, String>) in.readObject();
                classes = new ExecutableModel.Classes(bytes, models, lambdas);
            }
            InternalKnowledgeBase kbase = ExecutableModel.load(classes, shown(files, display));
            if (!ruleNames(kbase).equals(manifest)) throw new IOException("rules differ from the entry's list");
            return kbase;
        }
        if (!PACKAGES.equals(kind)) throw new IOException("kind");
        InternalKnowledgeBase kbase = KnowledgeBaseFactory.newKnowledgeBase();
        ClassLoader cl = kbase.getRootClassLoader();
        List<KiePackage> packages;
        List<String> manifest;
        Map<String, String> files;
        try (DroolsObjectInputStream in = new DroolsObjectInputStream(payload, cl)) {
            in.setObjectInputFilter(RuleCache::allow);
            manifest = (List<String>) in.readObject();
            files = (Map<String, String>) in.readObject();
            Map<String, byte[]> classes = (Map<String, byte[]>) in.readObject();
            if (!classes.isEmpty()) {
                if (!(cl instanceof ProjectClassLoader pcl)) throw new IOException("no class store");
                pcl.storeClasses(classes);
            }
            packages = (List<KiePackage>) in.readObject();
        }
        kbase.addPackages((Collection) packages);
        if (!ruleNames(kbase).equals(manifest)) throw new IOException("rules differ from the entry's list");
        // the compiling run named each rule's file as it saw it (an absolute path outside the working folder)
        ExecutableModel.nameRuleFiles(kbase, shown(files, display));
        return kbase;
    }

    /** Each rule ({@code package/name}) to its file as this run shows it, from the entry's paths relative to the rules folder. */
    private static java.util.function.Function<String, String> shown(Map<String, String> files,
                                                                      java.util.function.UnaryOperator<String> display) {
        return rule -> {
            String rel = files.get(rule);
            return rel == null ? null : display.apply(rel);
        };
    }

    /** The class allow-list of the payload: Java collections and values, Drools, MVEL and factlint. */
    private static ObjectInputFilter.Status allow(ObjectInputFilter.FilterInfo info) {
        if (info.depth() > 2_000) return ObjectInputFilter.Status.REJECTED;
        Class<?> c = info.serialClass();
        if (c == null) return ObjectInputFilter.Status.UNDECIDED;
        while (c.isArray()) c = c.getComponentType();
        if (c.isPrimitive()) return ObjectInputFilter.Status.ALLOWED;
        String n = c.getName();
        for (String prefix : ALLOWED) {
            if (n.startsWith(prefix)) return ObjectInputFilter.Status.ALLOWED;
        }
        // classes Drools generated for the rules (consequences, invokers) live in the rules' own packages
        if (c.getClassLoader() instanceof ProjectClassLoader) return ObjectInputFilter.Status.ALLOWED;
        return ObjectInputFilter.Status.REJECTED;
    }

    /** Serializes compiled packages with the generated classes of {@code classLoader}'s store (if any). */
    static Payload serialize(byte[] vocabulary, Collection<? extends KiePackage> packages, ClassLoader classLoader,
                             List<String> ruleNames, Map<String, String> ruleFiles) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(256 * 1024);
        head(buf, vocabulary, PACKAGES);
        try (DroolsObjectOutputStream out = new DroolsObjectOutputStream(buf)) {
            out.writeObject(new ArrayList<>(ruleNames));
            out.writeObject(new java.util.TreeMap<>(ruleFiles));
            Map<String, byte[]> store = classLoader instanceof ProjectClassLoader pcl && pcl.getStore() != null
                    ? new HashMap<>(pcl.getStore()) : new HashMap<>();
            out.writeObject(store);
            out.writeObject(new ArrayList<>(packages));
        }
        return new Payload(buf.toByteArray(), PACKAGES);
    }

    /**
     * Serializes a pack's executable model: its generated classes, the names of its rules and each rule's file
     * ({@code package/name} to the path relative to the rules folder).
     */
    static Payload serialize(byte[] vocabulary, ExecutableModel.Classes classes, List<String> ruleNames,
                             Map<String, String> ruleFiles) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(1024 * 1024);
        head(buf, vocabulary, MODEL);
        try (ObjectOutputStream out = new ObjectOutputStream(buf)) {
            out.writeObject(new ArrayList<>(ruleNames));
            out.writeObject(new java.util.TreeMap<>(ruleFiles));
            out.writeObject(new java.util.TreeMap<>(classes.classes()));
            out.writeObject(new ArrayList<>(classes.models()));
            out.writeObject(new java.util.TreeMap<>(classes.lambdas()));
        }
        return new Payload(buf.toByteArray(), MODEL);
    }

    /** The payload's head: the format, the vocabulary and catalogue ({@link VocabularyCodec}), the kind of the rules. */
    private static void head(ByteArrayOutputStream buf, byte[] vocabulary, String kind) throws IOException {
        DataOutputStream d = new DataOutputStream(buf);
        d.writeUTF(FORMAT);
        d.writeInt(vocabulary.length);
        d.write(vocabulary);
        d.writeUTF(kind);
        d.flush();
    }

    /** Writes an entry for {@code key} atomically; returns null, or what went wrong (the check goes on). */
    String store(byte[] key, Payload payload) {
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "rules-", ".tmp");
            byte[] body = payload.bytes();
            try (OutputStream out = Files.newOutputStream(tmp)) {
                out.write(MAGIC);
                out.write(key);
                out.write(ByteBuffer.allocate(8).putLong(body.length).array());
                out.write(sha256().digest(body));
                out.write(body);
            }
            Path target = file(key);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
            prune(target);
            return null;
        } catch (IOException | RuntimeException e) {
            return "cannot write the rule cache in " + dir + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() != null ? ": " + e.getMessage() : "");
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort
                }
            }
        }
    }

    /** Keeps the newest {@link #KEEP} entries and removes temporary files left by crashed writers. */
    private void prune(Path keep) {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> entries = new ArrayList<>();
            Instant hourAgo = Instant.now().minus(Duration.ofHours(1));
            for (Path p : s.toList()) {
                String n = p.getFileName().toString();
                if (!n.startsWith("rules-")) continue;
                if (n.endsWith(".bin")) entries.add(p);
                else if (n.endsWith(".tmp") && modified(p).toInstant().isBefore(hourAgo)) Files.deleteIfExists(p);
            }
            if (entries.size() <= KEEP) return;
            entries.sort(Comparator.comparing(RuleCache::modified).reversed());
            for (Path p : entries.subList(KEEP, entries.size())) {
                if (!p.equals(keep)) Files.deleteIfExists(p);
            }
        } catch (IOException | RuntimeException e) {
            // pruning is housekeeping: never fails a check
        }
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    /** The names of a knowledge base's rules, sorted by package and name. */
    static List<String> ruleNames(KieBase kieBase) {
        return ruleNames(kieBase.getKiePackages());
    }

    static List<String> ruleNames(Collection<? extends KiePackage> packages) {
        List<String> names = new ArrayList<>();
        for (KiePackage p : packages) {
            for (Rule r : p.getRules()) names.add(p.getName() + "/" + r.getName());
        }
        names.sort(null);
        return names;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(MessageDigest d, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        d.update(ByteBuffer.allocate(4).putInt(b.length).array());
        d.update(b);
    }
}
