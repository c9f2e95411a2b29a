package io.factlint.ingest;

import io.factlint.model.text.Spelling;
import io.factlint.model.Claim;
import io.factlint.model.Entity;
import io.factlint.model.Fact;
import io.factlint.model.FactBase;
import io.factlint.model.Location;
import io.factlint.model.Drafted;
import io.factlint.model.IgnoredText;
import io.factlint.model.Mention;
import io.factlint.model.Quantity;
import io.factlint.model.Source;
import io.factlint.model.Story;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import static io.factlint.ingest.Messages.q;

/**
 * Reads fact files (JSON or YAML, see the fact file format) into one {@link FactBase}.
 *
 * <p>Files are parsed in parallel as token streams, with every problem reported at the position of the offending
 * token; then they are merged in path order: source and entity ids are global (a file may refer to a declaration
 * in another file), story ids must be unique, and facts are numbered in load order. If any file has any problem,
 * {@link #load} throws an {@link InputException} with all of them, sorted by file and position.
 *
 * <p>Instances are immutable and may be shared between threads.
 */
public final class FactLoader {
    private final Set<String> statusSet;
    private final List<String> statusWords;
    private final ParserLimits limits;
    private final ParserFactories factories;

    /** A loader accepting {@code statusWords} as the values of status facts, with the default limits. */
    public FactLoader(Set<String> statusWords) {
        this(statusWords, ParserLimits.defaults());
    }

    /** A loader accepting {@code statusWords} as the values of status facts, with the given limits. */
    public FactLoader(Set<String> statusWords, ParserLimits limits) {
        this.statusSet = Set.copyOf(statusWords);
        List<String> words = new ArrayList<>(statusWords);
        if (!(statusWords instanceof LinkedHashSet || statusWords instanceof SortedSet)) Collections.sort(words);
        this.statusWords = List.copyOf(words);
        this.limits = Objects.requireNonNull(limits);
        this.factories = new ParserFactories(limits);
    }

    /** The attributes the rule pack names (figures, their inputs, measures), or null: claim attributes are not checked. */
    private Set<String> figureNames;

    /**
     * Makes a claim on an attribute that no fact states and the rule pack does not name ({@code figures}: the
     * vocabulary's figures and measures; a typo such as {@code kiled}) an input error at the claim, with the
     * nearest known attribute as "did you mean".
     */
    public FactLoader checkingClaimAttributes(Set<String> figures) {
        this.figureNames = Set.copyOf(figures);
        return this;
    }

    /** The measures the rule pack knows cannot be negative, with why; empty: none is checked. */
    private Map<String, String> cannotBeNegative = Map.of();

    /**
     * Makes a fact stating a measure that cannot be negative ({@code measures}: attribute → why, as
     * {@link io.factlint.model.vocab.Vocabulary#cannotBeNegative()} gives them) "under 0" or "at most 0", and a plain
     * claim "under 0" or "< 0" on one, an input error at the value (docs/fact-files.md, Input errors).
     */
    public FactLoader refusingBelowZero(Map<String, String> measures) {
        this.cannotBeNegative = Map.copyOf(measures);
        return this;
    }

    /** The yes/no measures of the rule pack ({@code yesNo:}); empty: none is checked. */
    private Set<String> yesNo = Set.of();

    /**
     * Makes a fact of a yes/no measure ({@code yesNo:} of the rule pack: a state that holds, 1, or does not, 0)
     * stating anything but 0 or 1, and a plain claim (or a claim over a set) on one with another value, an op other
     * than {@code =} and {@code !=} or a tolerance, an input error at the value or the op (docs/claims.md, a yes/no
     * property).
     */
    public FactLoader checkingYesNo(java.util.Collection<String> measures) {
        this.yesNo = Set.copyOf(measures);
        return this;
    }

    /**
     * Checks the input against what the rule pack knows: claim attributes ({@link #checkingClaimAttributes}, with
     * the vocabulary's {@link io.factlint.model.vocab.Vocabulary#knownAttributes()}) and the measures that cannot be
     * negative ({@link #refusingBelowZero}). Every check run (the command line, the workbench, Spark) loads so.
     */
    public FactLoader checkingAgainst(io.factlint.model.vocab.Vocabulary vocabulary) {
        return checkingClaimAttributes(vocabulary.knownAttributes()).refusingBelowZero(vocabulary.cannotBeNegative())
                .checkingYesNo(vocabulary.yesNo());
    }

    /** When large inputs are spilled to disk ({@link FactSpill}); by default never. */
    private SpillPolicy spill = SpillPolicy.NEVER;

    /** Spills the facts of large inputs to temporary bucket files as {@code policy} says ({@link SpillPolicy}). */
    public FactLoader spilling(SpillPolicy policy) {
        this.spill = Objects.requireNonNull(policy);
        return this;
    }

    /** The claims on attributes nothing states or defines, as located errors (issue 10, point 11). */
    private void unknownClaimAttributes(Set<String> factAttributes, List<Claim> claims, List<InputError> errors) {
        if (figureNames == null) return;
        Set<String> known = new java.util.TreeSet<>(figureNames);
        known.addAll(factAttributes);
        for (Claim c : claims) {
            if (c.isStatusClaim() || known.contains(c.attribute())) continue;
            String near = null;
            int best = Integer.MAX_VALUE;
            for (String k : known) {
                int d = Spelling.distance(k, c.attribute());
                if (d < best) {
                    best = d;
                    near = k;
                }
            }
            boolean close = near != null && best <= Math.max(2, c.attribute().length() / 3);
            errors.add(new InputError(c.location(), "claim " + q(c.id()) + ": no fact states attribute "
                    + q(c.attribute()) + " and the rule pack does not name it" + (close ? "; did you mean " + q(near) + "?" : "")));
        }
    }


    /**
     * Reads every {@code *.json}, {@code *.yaml}, {@code *.yml} under the paths (files or folders, recursively),
     * sorted by path.
     *
     * @throws InputException with every problem of every file, if there is any
     */
    public FactBase load(List<Path> paths) throws InputException {
        try {
            return loadChecked(paths);
        } catch (InputException | FactSpill.SpillFailed e) {
            throw e;
        } catch (java.nio.file.InvalidPathException e) {
            String where = paths == null || paths.isEmpty() ? "." : FileWalker.display(paths.get(0));
            throw new InputException(List.of(new InputError(Location.of(where),
                    "cannot use the file name " + q(e.getInput()) + Messages.fileNameEncodingHint())));
        } catch (RuntimeException | StackOverflowError e) {
            String where = paths == null || paths.isEmpty() ? "." : FileWalker.display(paths.get(0));
            throw new InputException(List.of(new InputError(Location.of(where),
                    "cannot read the fact files: unexpected " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : ": " + Messages.firstLine(e.getMessage())))));
        }
    }

    private FactBase loadChecked(List<Path> paths) throws InputException {
        FileWalker walker = new FileWalker();
        for (Path p : paths) walker.add(p);
        List<FileWalker.InputFile> files = walker.files();
        Merge m = new Merge(walker.errors(), spill.spills(files) ? FactSpill.open(spill.dir(), spill.buckets()) : null);
        // each file is merged as soon as it is parsed (in path order) and its drafts dropped: the parsed files of a
        // large input are never all held at once, only the facts they give
        boolean done = false;
        try {
            parseEach(files, m::add);
            FactBase base = m.finish(walker, files);
            done = true;
            return base;
        } finally {
            if (!done && m.spill != null) m.spill.abandon();
        }
    }

    /**
     * The files merged so far, in path order. A fact or claim is built as its file is merged; whether its subject
     * and source are declared is known only after the last file (a file may refer to a declaration in a later one),
     * so the few whose references are not declared yet are kept and resolved at the end.
     */
    private final class Merge {
        final List<InputError> errors;
        final Map<InputError, Long> counts = new HashMap<>(); // "N more" lines and how many errors each stands for
        final List<String> unreadFiles = new ArrayList<>();
        // hashed while merging (each fact looks its subject and source up, twice when they are declared later);
        // sorted once, for the fact base
        final Map<String, Source> sources = new HashMap<>();
        final Map<String, Entity> entities = new HashMap<>();
        final List<Story> stories = new ArrayList<>();
        final Map<String, Location> storyIds = new HashMap<>();
        final List<Fact> facts = new ArrayList<>();
        final List<Claim> claims = new ArrayList<>();
        final List<Mention> mentions = new ArrayList<>();
        final List<Drafted> drafted = new ArrayList<>();
        final List<IgnoredText> ignored = new ArrayList<>();
        /** Drafts whose references were not all declared when their file was merged, with what was built. */
        final List<Pending> pending = new ArrayList<>();
        /**
         * The facts whose references were not all declared when their file was merged (all the facts of the files
         * that sort before the registry declaring their subjects): their numbers and positions only, not their drafts.
         */
        final PendingFacts pendingFacts = new PendingFacts();
        /** Where the facts go instead of {@link #facts} when the input is spilled; null: kept in memory. */
        final FactSpill.Writer spill;
        /** The number of facts built so far (the next fact's {@link Fact#getSeq()}). */
        int built;
        /** Spilled: the attributes stated, the references not declared when merged, the quoted facts of texts. */
        final Set<String> attributes = new java.util.HashSet<>();
        final Set<String> laterSubjects = new java.util.HashSet<>();
        final Set<String> laterSources = new java.util.HashSet<>();

        Merge(List<InputError> walkerErrors, FactSpill.Writer spill) {
            this.errors = new ArrayList<>(walkerErrors);
            this.spill = spill;
        }

        /** Hands a built fact over: to the list, or to its bucket file (and, if the engine needs it, kept too). */
        private void hand(Fact fact, Draft d, boolean declared, boolean fatal, Story story) {
            if (spill == null) {
                facts.add(fact);
                return;
            }
            boolean later = !declared && d.form == null;
            spill.add(fact, later, d.subjectPos, d.sourcePos, fatal);
            attributes.add(fact.getAttribute());
            if (later) {
                if (d.subject != null && !entities.containsKey(d.subject)) laterSubjects.add(d.subject);
                if (d.source != null && !sources.containsKey(d.source)) laterSources.add(d.source);
            }
            // drafted facts, facts with a claim form, and the quotes a story's text is checked against
            if (d.drafted || d.form != null || (story.text() != null && fact.getQuote() != null)) spill.keep(fact);
        }

        void add(ParsedFile f) {
            errors.addAll(f.errors);
            if (f.errors.more > 0) {
                InputError more = new InputError(f.errors.firstNotKept.location(), Messages.count(f.errors.more)
                        + " more error" + (f.errors.more == 1 ? "" : "s") + " in this file not shown (the limit is "
                        + "--parser-limit errors-per-file=" + limits.maxErrorsPerFile() + ")");
                errors.add(more);
                counts.put(more, f.errors.more);
            }
            if (f.fatal) unreadFiles.add(f.file());
            declare(f.sources, sources, Source::id, Source::location, FactLoader::sourceDifference, "source", errors);
            declare(f.entities, entities, Entity::id, Entity::location, FactLoader::entityDifference, "entity", errors);
            if (f.story == null) return;
            Story story = f.story;
            Location first = storyIds.putIfAbsent(story.id(), f.storyIdLocation);
            if (first != null) {
                errors.add(new InputError(f.storyIdLocation, "duplicate story id " + q(story.id()) + " (first in "
                        + first + ")" + (f.storyIdLocation.line() == 1 && f.story.published() == null
                        ? "; a file without a story takes its file name as id" : "")));
            }
            stories.add(story);
            for (Draft d : f.facts) {
                if (!d.complete) {
                    // not built, but its undeclared references are still reported
                    if (!declaredYet(d)) pending.add(new Pending(d, f.file(), f.fatal, null));
                    continue;
                }
                Fact fact = Fact.builder().seq(built++).storyId(story.id()).id(d.id).subject(d.subject)
                        .attribute(d.attribute).status(d.value instanceof String s ? s : null)
                        .quantity(d.value instanceof Quantity qv ? qv : null)
                        .unrecorded(d.value == ValueGrammar.Unrecorded.VALUE).at(d.at).source(d.source)
                        .certainty(d.certainty).quote(d.quote).location(d.location).projection(d.projection).build();
                boolean declared = declaredYet(d);
                hand(fact, d, declared, f.fatal, story);
                if (d.drafted) drafted.add(new Drafted(fact, null));
                if (!declared) {
                    if (d.form != null) pending.add(new Pending(d, f.file(), f.fatal, fact));
                    else if (spill == null) pendingFacts.add(facts.size() - 1, d.subjectPos, d.sourcePos, f.fatal);
                }
            }
            for (Draft d : f.claims) {
                if (!d.complete) {
                    // not built, but its undeclared references are still reported
                    if (!declaredYet(d)) pending.add(new Pending(d, f.file(), f.fatal, null));
                    continue;
                }
                Claim claim = new Claim(story.id(), d.id, d.text, d.subject, d.attribute, d.op,
                        d.value instanceof String s ? s : null, d.value instanceof Quantity qv ? qv : null,
                        d.at, d.location, claimOptions(d));
                claims.add(claim);
                if (d.drafted) drafted.add(new Drafted(null, claim));
                if (!declaredYet(d)) pending.add(new Pending(d, f.file(), f.fatal, claim));
            }
            mentions.addAll(f.mentions);
            ignored.addAll(f.ignored);
        }

        /** A claim's fields beyond "attribute op value at a time", with {@code {"unrecorded": true}} as its value. */
        private static io.factlint.model.ClaimOptions claimOptions(Draft d) {
            io.factlint.model.ClaimOptions o = d.form == null ? null : d.form.options();
            if (d.value != ValueGrammar.Unrecorded.VALUE) return o;
            return (o == null ? io.factlint.model.ClaimOptions.NONE : o).withUnrecorded();
        }

        /** Whether every entity and source {@code d} names is declared by the files merged so far. */
        private boolean declaredYet(Draft d) {
            if (d.subject != null && !entities.containsKey(d.subject)) return false;
            if (d.source != null && !sources.containsKey(d.source)) return false;
            if (d.form != null) {
                for (String e : d.form.versus) if (!entities.containsKey(e)) return false;
                for (String e : d.form.rankAmong) if (!entities.containsKey(e)) return false;
                for (String e : d.form.among) if (!entities.containsKey(e)) return false;
                if (d.form.accordingTo != null && !sources.containsKey(d.form.accordingTo)) return false;
            }
            return true;
        }

        FactBase finish(FileWalker walker, List<FileWalker.InputFile> files) throws InputException {
            if (spill != null) return finishSpilled(this, walker, files);
            String unread = unread(unreadFiles, walker);
            // what refers to an entity or a source that no file declares is reported, and is no fact nor claim
            Set<Object> unresolved = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            for (int i = 0; i < pendingFacts.size; i++) {
                Fact fact = facts.get(pendingFacts.fact[i]);
                if (!resolveLater(fact, pendingFacts.pos[2 * i], pendingFacts.pos[2 * i + 1], pendingFacts.fatal.get(i),
                        entities, sources, unread, errors)) unresolved.add(fact);
            }
            for (Pending p : pending) {
                if (!resolve(p.draft(), p.file(), p.fatal(), entities, sources, unread, errors) && p.built() != null) {
                    unresolved.add(p.built());
                }
            }
            List<Fact> fs = facts;
            List<Claim> cs = claims;
            List<Drafted> ds = drafted;
            if (!unresolved.isEmpty()) {
                fs = facts.stream().filter(x -> !unresolved.contains(x)).toList();
                cs = claims.stream().filter(x -> !unresolved.contains(x)).toList();
                ds = drafted.stream().filter(x -> !unresolved.contains(x.fact()) && !unresolved.contains(x.claim())).toList();
            }
            Set<String> stated = new java.util.HashSet<>();
            for (Fact x : fs) stated.add(x.getAttribute());
            unknownClaimAttributes(stated, cs, errors);
            if (!errors.isEmpty()) throw capped(errors.stream().distinct().sorted().toList(), counts);
            List<String> names = files.stream().map(FileWalker.InputFile::display).toList();
            return new FactBase(names, List.copyOf(stories), Collections.unmodifiableSortedMap(new TreeMap<>(sources)),
                    Collections.unmodifiableSortedMap(new TreeMap<>(entities)), List.copyOf(fs), List.copyOf(cs),
                    List.copyOf(mentions), List.copyOf(ds), List.copyOf(ignored));
        }
    }

    /**
     * {@link Merge#finish} of a spilled input: the facts are in their bucket files, whose references are resolved
     * here. A reference that no file declares is rare (an input error): only then are the bucket files read again,
     * for the located errors of every fact that names it, exactly as {@link Merge#finish} gives them.
     */
    private FactBase finishSpilled(Merge m, FileWalker walker, List<FileWalker.InputFile> files) throws InputException {
        String unread = unread(m.unreadFiles, walker);
        FactSpill spilled = m.spill.finish(m.built);
        boolean ok = false;
        try {
            Set<Integer> dropped = new java.util.HashSet<>();
            Set<Object> unresolvedClaims = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            Set<String> stated = m.attributes;
            boolean undeclared = !m.entities.keySet().containsAll(m.laterSubjects) || !m.sources.keySet().containsAll(m.laterSources);
            for (Pending p : m.pending) {
                if (!resolve(p.draft(), p.file(), p.fatal(), m.entities, m.sources, unread, m.errors) && p.built() != null) {
                    if (p.built() instanceof Fact f) dropped.add(f.getSeq());
                    else unresolvedClaims.add(p.built());
                }
            }
            if (undeclared) {
                try {
                    spilled.forEachPending((fact, subjectPos, sourcePos, fatal) -> {
                        if (!resolveLater(fact, subjectPos, sourcePos, fatal, m.entities, m.sources, unread, m.errors)) {
                            dropped.add(fact.getSeq());
                        }
                    });
                } catch (java.io.IOException e) {
                    throw new FactSpill.SpillFailed("cannot read the spilled facts in " + spilled.folder() + ": " + Messages.io(e), e);
                }
            }
            if (!dropped.isEmpty()) {
                // the attributes of the facts that remain (an input error is reported anyway)
                Set<String> remaining = new java.util.HashSet<>();
                stated = remaining;
                try {
                    spilled.forEachAttribute(s -> !dropped.contains(s), remaining::add);
                } catch (java.io.IOException e) {
                    throw new FactSpill.SpillFailed("cannot read the spilled facts in " + spilled.folder() + ": " + Messages.io(e), e);
                }
            }
            List<Claim> cs = unresolvedClaims.isEmpty() ? m.claims
                    : m.claims.stream().filter(x -> !unresolvedClaims.contains(x)).toList();
            List<Drafted> ds = m.drafted.stream().filter(x -> (x.fact() == null || !dropped.contains(x.fact().getSeq()))
                    && !unresolvedClaims.contains(x.claim())).toList();
            unknownClaimAttributes(stated, cs, m.errors);
            if (!m.errors.isEmpty()) throw capped(m.errors.stream().distinct().sorted().toList(), m.counts);
            spilled.drop(dropped);
            List<String> names = files.stream().map(FileWalker.InputFile::display).toList();
            FactBase base = new FactBase(names, List.copyOf(m.stories), Collections.unmodifiableSortedMap(new TreeMap<>(m.sources)),
                    Collections.unmodifiableSortedMap(new TreeMap<>(m.entities)), spilled, List.copyOf(cs),
                    List.copyOf(m.mentions), List.copyOf(ds), List.copyOf(m.ignored));
            ok = true;
            return base;
        } finally {
            if (!ok) spilled.close();
        }
    }

    /** Facts to resolve once every file is merged: their numbers, packed subject and source positions, fatal files. */
    private static final class PendingFacts {
        int[] fact = new int[64];
        long[] pos = new long[128];
        final java.util.BitSet fatal = new java.util.BitSet();
        int size;

        void add(int factIndex, long subjectPos, long sourcePos, boolean fatalFile) {
            if (size == fact.length) {
                fact = java.util.Arrays.copyOf(fact, size * 2);
                pos = java.util.Arrays.copyOf(pos, size * 4);
            }
            fact[size] = factIndex;
            pos[2 * size] = subjectPos;
            pos[2 * size + 1] = sourcePos;
            if (fatalFile) fatal.set(size);
            size++;
        }
    }

    /** A draft to resolve once every file is merged; {@code built}: its fact or claim (null: it was incomplete). */
    private record Pending(Draft draft, String file, boolean fatal, Object built) {
    }

    /**
     * The input errors: the first {@link ParserLimits#maxErrors()} (sorted), and a line at the first one left out
     * saying how many more there were (counting what each per-file "more" line among them stands for), with the total.
     */
    private InputException capped(List<InputError> sorted, Map<InputError, Long> counts) {
        // a per-file "N more" line stands for N errors and is none itself
        long total = 0;
        for (InputError e : sorted) total += counts.getOrDefault(e, 1L);
        int cap = limits.maxErrors();
        if (sorted.size() <= cap) return new InputException(sorted, total);
        // cut between two positions, so that the line about the rest sorts after every error shown
        while (cap < sorted.size() && sorted.get(cap).location().equals(sorted.get(cap - 1).location())) cap++;
        if (cap == sorted.size()) return new InputException(sorted, total);
        long more = 0;
        for (InputError e : sorted.subList(cap, sorted.size())) more += counts.getOrDefault(e, 1L);
        List<InputError> out = new ArrayList<>(sorted.subList(0, cap));
        out.add(new InputError(sorted.get(cap).location(), Messages.count(more) + " more input error"
                + (more == 1 ? "" : "s") + " not shown (the limit is --parser-limit errors=" + limits.maxErrors() + ")"));
        return new InputException(out, total);
    }

    /**
     * Parses the files on a few threads and hands each to {@code merge} in the files' order, with at most a few
     * files per thread parsed ahead of the merge: memory holds the parsed files in flight, not all of them.
     */
    private void parseEach(List<FileWalker.InputFile> files, java.util.function.Consumer<ParsedFile> merge) {
        if (files.size() <= 1) {
            for (FileWalker.InputFile f : files) merge.accept(parse(f));
            return;
        }
        int threads = Math.min(files.size(), Math.max(1, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "factlint-ingest");
            t.setDaemon(true);
            return t;
        });
        try {
            int ahead = threads * 4;
            java.util.ArrayDeque<Future<ParsedFile>> window = new java.util.ArrayDeque<>();
            int next = 0;
            for (int i = 0; i < files.size(); i++) {
                for (; next < files.size() && next <= i + ahead; next++) {
                    FileWalker.InputFile f = files.get(next);
                    window.add(pool.submit(() -> parse(f)));
                }
                merge.accept(result(window.poll(), files.get(i)));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private ParsedFile parse(FileWalker.InputFile f) {
        return new FileParser(f, factories, limits, statusWords, statusSet, cannotBeNegative, yesNo).parse();
    }

    private ParsedFile result(Future<ParsedFile> future, FileWalker.InputFile file) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(file, "interrupted while reading");
        } catch (ExecutionException e) {
            Throwable c = e.getCause() == null ? e : e.getCause();
            return failed(file, "cannot read file: unexpected " + c.getClass().getSimpleName());
        }
    }

    private static ParsedFile failed(FileWalker.InputFile file, String message) {
        ParsedFile p = new ParsedFile(file, 1);
        p.fatal = true;
        p.errors.add(new InputError(Location.of(file.display()), message));
        return p;
    }

    /**
     * Merges one file's sources (or entities) into the sorted map of all files so far: the first declaration in
     * path order wins, and a later one must say the same.
     */
    private static <T> void declare(List<T> declared, Map<String, T> all, Function<T, String> id,
                                    Function<T, Location> location, DifferenceFinder<T> difference, String what,
                                    List<InputError> errors) {
        for (T t : declared) {
            T first = all.putIfAbsent(id.apply(t), t);
            if (first != null) {
                String diff = difference.find(first, t);
                if (diff != null) {
                    errors.add(new InputError(location.apply(t), what + " " + q(id.apply(t))
                            + " is declared differently at " + location.apply(first) + " (" + diff + ")"));
                }
            }
        }
    }

    /** The first field in which two declarations differ, as {@code name "A" vs "B"}; null if they agree. */
    @FunctionalInterface
    private interface DifferenceFinder<T> {
        String find(T first, T second);
    }

    private static String sourceDifference(Source a, Source b) {
        String d = differ("name", a.name(), b.name());
        if (d == null) d = differ("kind", a.kind().id(), b.kind().id());
        return d != null ? d : differ("url", a.url(), b.url());
    }

    private static String entityDifference(Entity a, Entity b) {
        String d = differ("name", a.name(), b.name());
        return d != null ? d : differ("kind", a.kind(), b.kind());
    }

    private static String differ(String field, String a, String b) {
        if (Objects.equals(a, b)) return null;
        return field + " " + (a == null ? "absent" : q(a)) + " vs " + (b == null ? "absent" : q(b));
    }

    /**
     * Checks that a fact's or claim's subject and source are declared. Undeclared references are reported for every
     * file that was read to its end (in a file cut short, the reference may be to a declaration in the unread part);
     * {@code unread} names the files that were not, as a hint that a declaration may be there (null if none).
     */
    /**
     * Resolves the references of a fact whose subject or source was not declared yet when its file was merged
     * ({@code subjectPos}, {@code sourcePos}: their tokens); false, with a located error, if a file declares neither.
     */
    private static boolean resolveLater(Fact fact, long subjectPos, long sourcePos, boolean fatal, Map<String, Entity> entities,
                                        Map<String, Source> sources, String unread, List<InputError> errors) {
        if ((fact.getSubject() == null || entities.containsKey(fact.getSubject()))
                && (fact.getSource() == null || sources.containsKey(fact.getSource()))) return true;
        // undeclared: the draft's references again, for the located error
        Draft d = new Draft(false, fact.getLocation());
        d.subject = fact.getSubject();
        d.subjectPos = subjectPos;
        d.source = fact.getSource();
        d.sourcePos = sourcePos;
        return resolve(d, fact.getLocation().file(), fatal, entities, sources, unread, errors);
    }

    private static boolean resolve(Draft d, String file, boolean fatal, Map<String, Entity> entities,
                                   Map<String, Source> sources, String unread, List<InputError> errors) {
        boolean ok = true;
        String hint = unread == null ? "" : " (" + unread + " and may declare it)";
        if (d.subject != null && !entities.containsKey(d.subject)) {
            ok = false;
            if (!fatal) errors.add(new InputError(at(file, d.subjectPos), "undeclared entity " + q(d.subject) + hint));
        }
        if (d.source != null && !sources.containsKey(d.source)) {
            ok = false;
            if (!fatal) errors.add(new InputError(at(file, d.sourcePos), "undeclared source " + q(d.source) + hint));
        }
        if (d.form != null) {
            List<String> named = new ArrayList<>(d.form.versus);
            named.addAll(d.form.rankAmong);
            named.addAll(d.form.among);
            List<Long> positions = new ArrayList<>(d.form.versusPos);
            positions.addAll(d.form.rankPos);
            positions.addAll(d.form.amongPos);
            for (int i = 0; i < named.size(); i++) {
                String e = named.get(i);
                if (!entities.containsKey(e)) {
                    ok = false;
                    if (!fatal) errors.add(new InputError(at(file, positions.get(i)), "undeclared entity " + q(e) + hint));
                }
            }
            if (d.form.accordingTo != null && !sources.containsKey(d.form.accordingTo)) {
                ok = false;
                if (!fatal) {
                    errors.add(new InputError(at(file, d.form.accordingToPos), "undeclared source " + q(d.form.accordingTo)
                            + " in \"according_to\"" + hint));
                }
            }
        }
        return ok;
    }

    /**
     * The files not read to their end, as "a.json could not be read to its end" or "a.json and 2 more files could not
     * be read to their ends"; null if every file was.
     */
    private static String unread(List<String> unreadFiles, FileWalker walker) {
        List<String> names = new ArrayList<>(unreadFiles);
        for (InputError e : walker.errors()) names.add(e.location().file());
        if (names.isEmpty()) return null;
        return names.size() == 1 ? names.get(0) + " could not be read to its end"
                : names.get(0) + " and " + (names.size() - 1) + " more file" + (names.size() == 2 ? "" : "s")
                        + " could not be read to their ends";
    }

    private static Location at(String file, long pos) {
        return TokenCursor.location(file, pos);
    }
}
