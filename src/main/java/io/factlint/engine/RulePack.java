package io.factlint.engine;

import io.factlint.model.RuleInfo;
import io.factlint.model.vocab.Vocabulary;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.compiler.builder.impl.KnowledgeBuilderImpl;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.stream.Stream;

/**
 * A compiled rule pack: the DRL files of a rules folder ({@code *.drl}, recursively, sorted by path) compiled into
 * one knowledge base, the vocabulary ({@code *.yaml}), and the rule catalogue ({@link RuleCatalogue}: the
 * {@code rules:} key of those YAML files). A rule is a check rule when it carries {@code @id}; its severity,
 * description, what makes it fire, an example, what to do and its message are the id's catalogue entry, one per id
 * however many DRL rules share it ({@link RuleInfo#metadata()} for {@code factlint explain} and the reports' rule help).
 */
public final class RulePack {
    private final Path dir;
    private final KieBase kieBase;
    private final Vocabulary vocabulary;
    private final List<RuleInfo> rules;
    private final RuleCatalogue catalogue;

    private RulePack(Path dir, KieBase kieBase, Vocabulary vocabulary, List<RuleInfo> rules, RuleCatalogue catalogue) {
        this.dir = dir;
        this.kieBase = kieBase;
        this.vocabulary = vocabulary;
        this.rules = rules;
        this.catalogue = catalogue;
    }

    /** The rule catalogue: per rule id its severity, texts and message template. */
    public RuleCatalogue catalogue() { return catalogue; }

    /**
     * The finding a rule reported, with its id's severity and message rendered from the catalogue's template. A rule
     * that passes other arguments than its template uses (the compile-time check reads literal {@code args(...)}
     * calls only) is an {@link IllegalStateException} naming both.
     */
    public io.factlint.model.Finding finding(io.factlint.rules.Reported r) {
        RuleCatalogue.Entry e = catalogue.get(r.rule());
        if (e == null) {
            throw new IllegalStateException("rule \"" + r.ruleName() + "\" reports rule id " + r.rule() + ", which has no catalogue entry");
        }
        io.factlint.rules.MessageTemplate m = e.message(r.variant());
        if (m == null) {
            throw new IllegalStateException("rule \"" + r.ruleName() + "\" (" + r.rule() + ") names no message of the entry at "
                    + e.where() + (r.variant() == null ? ": add @message(\"...\")" : ": it has no wording \"" + r.variant() + "\""));
        }
        java.util.Set<String> passed = r.args().values().keySet();
        if (!passed.equals(m.names())) {
            throw new IllegalStateException("rule \"" + r.ruleName() + "\" passes " + passed + " but the message of " + r.rule()
                    + " (" + e.messageWhere(r.variant()) + ") uses " + m.names());
        }
        // the facts that decide the finding, and a count of the rest: a finding stays small however many facts agree
        List<io.factlint.model.Fact> distinct = r.facts().stream().distinct().toList();
        List<io.factlint.model.Fact> named = io.factlint.model.Finding.decisive(distinct);
        int rest = distinct.size() - named.size();
        String text = m.render(r.args().values());
        if (rest > 0) {
            text += " (" + rest + " more fact" + (rest == 1 ? "" : "s")
                    + " of the same attributes, times, sources and values not listed)";
        }
        return new io.factlint.model.Finding(r.rule(), e.severity(), text, r.subject(), r.claimRef(), named, r.location());
    }

    public Path dir() { return dir; }
    public KieBase kieBase() { return kieBase; }
    public Vocabulary vocabulary() { return vocabulary; }
    /** The check rules, one entry per rule id, sorted by id. */
    public List<RuleInfo> rules() { return rules; }

    /** Reads the vocabulary of {@code dir} only (no DRL compilation): what the fact loader needs. */
    public static Vocabulary loadVocabulary(Path dir) throws RulePackException {
        RuleFiles files = RuleFiles.of(dir);
        return VocabularyLoader.load(files.yaml(), files::display);
    }

    /**
     * The vocabulary of {@code dir}'s pack as its compiled-rule cache entry holds it (what {@link #start} reads before
     * the rules, parsing no YAML), or null when the cache holds no usable entry for the pack. For the start-up
     * breakdown ({@code io.factlint.cli.StartupPhases}); a check calls {@link #start}.
     */
    public static Vocabulary cachedVocabulary(Path dir, CacheOptions cache) throws RulePackException {
        Opening o = open(RuleFiles.of(dir), cache);
        return o.entry() == null ? null : o.entry().vocabulary().vocabulary();
    }

    /** Compiles the rule pack of {@code dir} (no cache). */
    public static RulePack load(Path dir) throws RulePackException {
        return load(dir, CacheOptions.disabled(), Phases.NONE);
    }

    /** The rule pack of {@code dir}, from the compiled-rule cache when it holds this pack, else compiled (and cached). */
    public static RulePack load(Path dir, CacheOptions cache) throws RulePackException {
        return load(dir, cache, Phases.NONE);
    }

    /**
     * As {@link #load(Path, CacheOptions)}, recording the time of reading the vocabulary, compiling, loading and
     * storing the cache in {@code phases}, and whether the cache was used (note {@code rules}).
     */
    public static RulePack load(Path dir, CacheOptions cache, Phases phases) throws RulePackException {
        return start(dir, cache, phases).get();
    }

    /**
     * Starts loading the rule pack of {@code dir}: when the compiled-rule cache holds this pack, its entry is read on
     * the calling thread and gives the vocabulary and the rule catalogue (no YAML is parsed), and the rules are built
     * from it on a background thread, so that a caller can read its fact files (which need only the vocabulary)
     * before it waits for the rules with {@link Pending#get()}. Without an entry the vocabulary is parsed from the
     * YAML files and the rules are compiled in {@code get()}, on the calling thread, exactly as
     * {@link #load(Path, CacheOptions, Phases)} does; reading the cache has no side effect, so a pending load that
     * is never completed changes nothing.
     */
    public static Pending start(Path dir, CacheOptions cache, Phases phases) throws RulePackException {
        RuleFiles files = RuleFiles.of(dir);
        long t = System.nanoTime();
        FutureTask<CacheLookup> lookup = null;
        Vocabulary vocabulary = null;
        RuleCatalogue catalogue = null;
        boolean fromCache = false;
        if (cache.enabled()) {
            Opening o = open(files, cache);
            if (o.entry() != null) {
                vocabulary = o.entry().vocabulary().vocabulary();
                catalogue = o.entry().vocabulary().catalogue();
                fromCache = true;
                lookup = new FutureTask<>(() -> build(files, o));
                Thread th = new Thread(lookup, "factlint-rule-cache");
                th.setDaemon(true);
                th.start();
            } else {
                lookup = new FutureTask<>(o::missed);
                lookup.run();
            }
        }
        RulePackException vocabularyProblem = null;
        if (!fromCache) {
            Parsed parsed = parse(files);
            vocabulary = parsed.vocabulary();
            catalogue = parsed.catalogue();
            vocabularyProblem = parsed.problem();
        }
        phases.since("rules.vocabulary", t);
        phases.note("rules.vocabulary", fromCache ? "from cache" : "parsed");
        return new Pending(dir, files, cache, phases, vocabulary, catalogue, fromCache, vocabularyProblem, lookup);
    }

    /** The vocabulary and catalogue parsed from the YAML files, or their located problems. */
    private record Parsed(Vocabulary vocabulary, RuleCatalogue catalogue, RulePackException problem) {
    }

    private static Parsed parse(RuleFiles files) {
        Vocabulary vocabulary = null;
        RuleCatalogue catalogue = null;
        List<String> problems = new ArrayList<>();
        try {
            vocabulary = VocabularyLoader.load(files.yaml(), files::display);
        } catch (RulePackException e) {
            problems.addAll(e.problems());
        }
        try {
            catalogue = RuleCatalogue.load(files.yaml(), files::display);
        } catch (RulePackException e) {
            problems.addAll(e.problems());
        }
        return new Parsed(vocabulary, catalogue, problems.isEmpty() ? null : new RulePackException(problems));
    }

    /**
     * {@code -Dfactlint.keepRules=true} (the warm daemon, {@code factlint daemon}): knowledge bases read from the
     * cache are kept in memory by their cache key (which covers every file of the rules folder, so a changed rule,
     * vocabulary or catalogue file gives another key and is read afresh) and by the rules folder's name; the last
     * four are kept.
     */
    private static final boolean KEEP = Boolean.getBoolean("factlint.keepRules");
    private static final Map<String, KieBase> KEPT = new java.util.LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, KieBase> eldest) {
            return size() > 4;
        }
    };

    /** What the background read of the cache found: a knowledge base with its rules, or why not (and the key). */
    private record CacheLookup(RuleCache rc, byte[] key, KieBase kieBase, String why, long nanos) {
    }

    /** The cache entry of a pack, opened (its vocabulary decoded), or why there is none, with the key. */
    private record Opening(RuleCache rc, byte[] key, RuleCache.Opened entry, String why) {
        CacheLookup missed() {
            return new CacheLookup(rc, key, null, why, 0); // the time of looking is the vocabulary's (rules.vocabulary)
        }
    }

    private static Opening open(RuleFiles files, CacheOptions cache) {
        RuleCache rc = new RuleCache(cache.dir());
        byte[] key;
        try {
            key = RuleCache.key(files.dir(), files.all());
        } catch (IOException | RuntimeException e) {
            return new Opening(rc, null, null, "cache unusable: " + e.getClass().getSimpleName());
        }
        RuleCache.Found found = rc.open(key, rel -> files.display(files.dir().resolve(rel)));
        return new Opening(rc, key, found.entry(), found.entry() == null ? "cache " + found.note() : null);
    }

    private static CacheLookup build(RuleFiles files, Opening o) {
        long t = System.nanoTime();
        String kept = KEEP ? java.util.HexFormat.of().formatHex(o.key()) + " " + files.display(files.dir()) : null;
        if (kept != null) {
            KieBase k;
            synchronized (KEPT) {
                k = KEPT.get(kept);
            }
            if (k != null) return new CacheLookup(o.rc(), o.key(), k, null, System.nanoTime() - t);
        }
        RuleCache.Loaded loaded = RuleCache.rules(o.entry(), rel -> files.display(files.dir().resolve(rel)));
        long nanos = System.nanoTime() - t; // opening the entry counts as rules.vocabulary
        if (loaded.kieBase() != null) {
            if (kept != null) {
                synchronized (KEPT) {
                    KEPT.put(kept, loaded.kieBase());
                }
            }
            return new CacheLookup(o.rc(), o.key(), loaded.kieBase(), null, nanos);
        }
        return new CacheLookup(o.rc(), o.key(), null, "cache " + loaded.note(), nanos);
    }

    /** The YAML files of the pack: each file's name as this run shows it, to its path relative to the rules folder. */
    private static Map<String, String> yamlNames(RuleFiles files) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (Path p : files.yaml()) m.put(files.display(p), files.dir().relativize(p).toString().replace('\\', '/'));
        return m;
    }

    /** A rule pack being loaded: its vocabulary is read, its rules come with {@link #get()}. */
    public static final class Pending {
        private final Path dir;
        private final RuleFiles files;
        private final CacheOptions cache;
        private final Phases phases;
        private final Vocabulary vocabulary;
        private final RuleCatalogue catalogue;
        private final boolean fromCache;
        private final RulePackException vocabularyProblem;
        private final FutureTask<CacheLookup> lookup;

        private Pending(Path dir, RuleFiles files, CacheOptions cache, Phases phases, Vocabulary vocabulary,
                        RuleCatalogue catalogue, boolean fromCache, RulePackException vocabularyProblem,
                        FutureTask<CacheLookup> lookup) {
            this.dir = dir;
            this.files = files;
            this.cache = cache;
            this.phases = phases;
            this.vocabulary = vocabulary;
            this.catalogue = catalogue;
            this.fromCache = fromCache;
            this.vocabularyProblem = vocabularyProblem;
            this.lookup = lookup;
        }

        /** The vocabulary, or null when it does not load ({@link #get()} then throws its problems). */
        public Vocabulary vocabulary() {
            return vocabulary;
        }

        /** Whether {@link #get()} would not wait for the cache (it may still compile). */
        public boolean done() {
            return lookup == null || lookup.isDone();
        }

        /** The rule pack: from the cache when it holds this pack, else compiled (and cached). */
        public RulePack get() throws RulePackException {
            if (vocabularyProblem != null) throw vocabularyProblem;
            long t = System.nanoTime();
            CacheLookup found = lookup == null ? null : await(lookup);
            if (lookup != null) phases.since("rules.wait", t);
            return finish(dir, files, cache, phases, vocabulary, catalogue, fromCache, found);
        }

        private static CacheLookup await(FutureTask<CacheLookup> lookup) {
            boolean interrupted = false;
            try {
                while (true) {
                    try {
                        return lookup.get();
                    } catch (InterruptedException e) {
                        interrupted = true;
                    } catch (ExecutionException e) {
                        Throwable c = e.getCause();
                        if (c instanceof OutOfMemoryError oom) throw oom;
                        return new CacheLookup(null, null, null, "cache unusable: "
                                + (c == null ? e : c).getClass().getSimpleName(), 0);
                    }
                }
            } finally {
                if (interrupted) Thread.currentThread().interrupt();
            }
        }
    }

    private static RulePack finish(Path dir, RuleFiles files, CacheOptions cache, Phases phases, Vocabulary vocabulary,
                                   RuleCatalogue catalogue, boolean fromCache, CacheLookup found) throws RulePackException {
        long t = System.nanoTime();
        RuleCache rc = null;
        byte[] key = null;
        String why = "cache off";
        if (cache.enabled() && found != null) {
            rc = found.rc() != null ? found.rc() : new RuleCache(cache.dir());
            key = found.key();
            if (key != null) phases.add("rules.cache-load", found.nanos());
            if (found.kieBase() != null) {
                List<RuleInfo> rules = null;
                try {
                    rules = describe(found.kieBase(), catalogue);
                } catch (RulePackException | RuntimeException e) {
                    why = "cache entry ignored: its rules do not describe";
                }
                if (rules != null) {
                    phases.note("rules", "from cache " + rc.file(key));
                    return new RulePack(dir, found.kieBase(), vocabulary, rules, catalogue);
                }
            } else {
                why = found.why();
            }
        }
        if (fromCache) {
            // the entry's rules did not load: compile from the files, with the vocabulary and catalogue they give
            Parsed parsed = parse(files);
            if (parsed.problem() != null) throw parsed.problem();
            vocabulary = parsed.vocabulary();
            catalogue = parsed.catalogue();
            t = phases.since("rules.vocabulary", t);
        }
        Compiled compiled = compile(files, catalogue);
        t = phases.since("rules.compile", t);
        InternalKnowledgeBase kbase = KnowledgeBaseFactory.newKnowledgeBase();
        RuleCache.Payload payload = null;
        String stored = null;
        byte[] words = null;
        if (key != null) {
            try {
                words = VocabularyCodec.encode(vocabulary, catalogue, yamlNames(files));
            } catch (IOException | RuntimeException e) {
                stored = "not cached: " + e.getClass().getSimpleName();
            }
        }
        if (words != null) {
            // the executable model (what a cached run loads fastest); a pack it cannot translate is cached as Drools'
            // packages, serialized before the knowledge base takes them over (it wires and may change them)
            List<String> names = RuleCache.ruleNames(compiled.packages());
            Map<String, String> byRule = ruleFiles(files, compiled.packages());
            String modelProblem = null;
            if (!Boolean.parseBoolean(System.getProperty("factlint.executableModel", "true"))) {
                modelProblem = "-Dfactlint.executableModel=false";
            } else if ((modelProblem = ExecutableModel.unsafe(compiled.packages())) != null) {
                // the packages, below
            } else try {
                payload = RuleCache.serialize(words, ExecutableModel.build(compiled.sources(), new java.util.HashSet<>(names)),
                        names, byRule);
                t = phases.since("rules.model", t);
            } catch (IOException | RuntimeException | LinkageError e) {
                modelProblem = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            }
            if (payload == null) {
                try {
                    payload = RuleCache.serialize(words, compiled.packages(), compiled.classLoader(), names, byRule);
                } catch (IOException | RuntimeException e) {
                    stored = "not cached: " + e.getClass().getSimpleName();
                }
            }
            if (modelProblem != null) phases.note("rules.model", "not used: " + Engine.oneLine(modelProblem, 300));
        }
        kbase.addPackages(compiled.packages());
        List<RuleInfo> rules = describe(kbase, catalogue);
        t = phases.since("rules.build", t);
        if (payload != null) {
            String problem = rc.store(key, payload);
            stored = problem == null ? "stored " + rc.file(key) + " (" + payload.kind() + ")" : problem;
            phases.since("rules.cache-store", t);
        }
        phases.note("rules", "compiled (" + why + ")" + (stored != null ? "; " + stored : ""));
        return new RulePack(dir, kbase, vocabulary, rules, catalogue);
    }

    /** Each rule ({@code package/name}) to its DRL file's path relative to the rules folder. */
    private static Map<String, String> ruleFiles(RuleFiles files, List<KiePackage> packages) {
        Map<String, String> relative = new java.util.HashMap<>();
        for (Path p : files.drl()) relative.put(files.display(p), files.dir().relativize(p).toString().replace('\\', '/'));
        Map<String, String> byRule = new TreeMap<>();
        for (KiePackage p : packages) {
            for (Rule r : p.getRules()) {
                String file = r instanceof RuleImpl ri && ri.getResource() != null ? ri.getResource().getSourcePath() : null;
                if (file != null && relative.containsKey(file)) byRule.put(p.getName() + "/" + r.getName(), relative.get(file));
            }
        }
        return byRule;
    }

    /** The files of a rules folder, sorted, with the names to show for them. */
    record RuleFiles(Path dir, List<Path> drl, List<Path> yaml, List<Path> all) {
        static RuleFiles of(Path dir) throws RulePackException {
            if (!Files.isDirectory(dir)) {
                throw new RulePackException.MissingFolder(dir);
            }
            List<Path> drl = new ArrayList<>();
            List<Path> yaml = new ArrayList<>();
            List<Path> all = new ArrayList<>();
            try (Stream<Path> s = Files.walk(dir)) {
                // a hidden file or folder (an editor's backup, .git) is no part of the pack, as in a fact folder
                s.filter(Files::isRegularFile).filter(p -> !hidden(dir.relativize(p))).sorted(Comparator.comparing(p -> dir.relativize(p).toString().replace('\\', '/')))
                        .forEach(p -> {
                            all.add(p);
                            String n = p.getFileName().toString();
                            if (n.endsWith(".drl")) drl.add(p);
                            else if (n.endsWith(".yaml") || n.endsWith(".yml")) yaml.add(p);
                        });
            } catch (IOException | java.io.UncheckedIOException e) {
                throw new RulePackException(List.of(dir + ": cannot read the rules folder: " + e.getMessage()));
            }
            if (drl.isEmpty()) throw new RulePackException(List.of(dir + ": no *.drl rule files"));
            return new RuleFiles(dir, drl, yaml, all);
        }

        String display(Path p) {
            return p.normalize().toString().replace('\\', '/');
        }

        private static boolean hidden(Path relative) {
            for (Path part : relative) if (part.toString().startsWith(".")) return true;
            return false;
        }
    }

    private static Compiled compile(RuleFiles files, RuleCatalogue catalogue) throws RulePackException {
        KnowledgeBuilder kb = KnowledgeBuilderFactory.newKnowledgeBuilder();
        List<String> problems = new ArrayList<>();
        List<RuleSourceCheck.Source> sources = new ArrayList<>();
        Map<String, byte[]> compiledSources = new java.util.LinkedHashMap<>();
        for (Path p : files.drl()) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(p);
            } catch (IOException e) {
                problems.add(files.display(p) + ": cannot read: " + e.getMessage());
                continue;
            }
            sources.add(new RuleSourceCheck.Source(files.display(p), new String(bytes, java.nio.charset.StandardCharsets.UTF_8)));
            byte[] mapped = LegacyImports.map(bytes);
            compiledSources.put(files.display(p), mapped);
            Resource r = ResourceFactory.newByteArrayResource(mapped);
            r.setSourcePath(files.display(p));
            kb.add(r, ResourceType.DRL);
        }
        java.util.Set<String> located = new java.util.HashSet<>();
        List<String[]> unlocated = new ArrayList<>();
        for (KnowledgeBuilderError e : kb.getErrors()) {
            String where = e.getResource() != null ? e.getResource().getSourcePath() : "rules";
            int line = line(e);
            String message = e.getMessage().replaceAll("\\s+", " ").trim();
            if (e instanceof org.drools.compiler.compiler.RuleBuildError rb && rb.getRule() != null
                    && !message.contains("rule \"" + rb.getRule().getName() + "\"")) {
                message += " (in rule \"" + rb.getRule().getName() + "\")";
            }
            if (line > 0) {
                located.add(where);
                problems.add(where + ":" + line + ": " + message);
            } else {
                unlocated.add(new String[]{where, message});
            }
        }
        // "Parser returned a null Package" follows a located parse error of the same file: it adds nothing
        for (String[] u : unlocated) {
            if (!(u[1].startsWith("Parser returned a null Package") && located.contains(u[0]))) problems.add(u[0] + ": " + u[1]);
        }
        if (problems.isEmpty()) problems.addAll(RuleSourceCheck.check(sources, catalogue));
        if (!problems.isEmpty()) throw new RulePackException(problems.stream().distinct().toList());
        ClassLoader cl = kb instanceof KnowledgeBuilderImpl impl ? impl.getRootClassLoader() : null;
        return new Compiled(List.copyOf(kb.getKnowledgePackages()), cl, compiledSources);
    }

    /**
     * The DRL line of a compile error: the error's own, or that of the construct it is about (Drools gives none for
     * e.g. an evaluator that does not support a type, or an expression it cannot analyse), or 0.
     */
    private static int line(KnowledgeBuilderError e) {
        int[] lines = e.getLines();
        if (lines != null && lines.length > 0 && lines[0] > 0) return lines[0];
        if (e instanceof org.drools.compiler.compiler.DescrBuildError d) {
            if (d.getDescr() != null && d.getDescr().getLine() > 0) return d.getDescr().getLine();
            if (d.getParentDescr() != null && d.getParentDescr().getLine() > 0) return d.getParentDescr().getLine();
        }
        return 0;
    }

    /**
     * The compiled packages of a rule pack, the class loader holding the classes generated for them, and the DRL as
     * compiled (display name to bytes).
     */
    private record Compiled(List<KiePackage> packages, ClassLoader classLoader, Map<String, byte[]> sources) {
    }

    /**
     * The check rules, one per id, from the catalogue: the DRL file and name of the first rule (by name) carrying the
     * id, and the entry's severity and texts. A rule id without an entry is a problem (the compile-time check places it
     * at its line; a pack from the cache was checked when it was compiled, with the same catalogue).
     */
    static List<RuleInfo> describe(KieBase kieBase, RuleCatalogue catalogue) throws RulePackException {
        Map<String, RuleInfo> byId = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        List<Rule> all = new ArrayList<>();
        for (KiePackage p : kieBase.getKiePackages()) all.addAll(p.getRules());
        all.sort(Comparator.comparing(Rule::getName));
        for (Rule r : all) {
            Map<String, Object> meta = r.getMetaData();
            if (!meta.containsKey("id")) continue;
            String file = r instanceof RuleImpl ri && ri.getResource() != null ? ri.getResource().getSourcePath() : "";
            String id = String.valueOf(meta.get("id"));
            if (byId.containsKey(id)) continue;
            RuleCatalogue.Entry e = catalogue.get(id);
            if (e == null) {
                problems.add(file + ": rule \"" + r.getName() + "\": rule id " + id + " has no entry in the rule catalogue");
                continue;
            }
            byId.put(id, new RuleInfo(id, e.severity(), e.description(), file, r.getName(), e.metadata()));
        }
        if (!problems.isEmpty()) throw new RulePackException(problems);
        return List.copyOf(byId.values());
    }
}
