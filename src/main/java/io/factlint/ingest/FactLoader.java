package io.factlint.ingest;

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
import java.util.SortedMap;
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

    /**
     * Reads every {@code *.json}, {@code *.yaml}, {@code *.yml} under the paths (files or folders, recursively),
     * sorted by path.
     *
     * @throws InputException with every problem of every file, if there is any
     */
    public FactBase load(List<Path> paths) throws InputException {
        try {
            return loadChecked(paths);
        } catch (InputException e) {
            throw e;
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
        List<ParsedFile> parsed = parseAll(files);

        List<InputError> errors = new ArrayList<>(walker.errors());
        parsed.forEach(f -> errors.addAll(f.errors));
        boolean complete = walker.errors().isEmpty() && parsed.stream().noneMatch(f -> f.fatal);

        SortedMap<String, Source> sources = declarations(parsed, f -> f.sources, Source::id, Source::location,
                FactLoader::sourceDifference, "source", errors);
        SortedMap<String, Entity> entities = declarations(parsed, f -> f.entities, Entity::id, Entity::location,
                FactLoader::entityDifference, "entity", errors);

        List<Story> stories = new ArrayList<>();
        Map<String, ParsedFile> storyIds = new HashMap<>();
        List<Fact> facts = new ArrayList<>();
        List<Claim> claims = new ArrayList<>();
        List<Mention> mentions = new ArrayList<>();
        List<Drafted> drafted = new ArrayList<>();
        List<IgnoredText> ignored = new ArrayList<>();
        for (ParsedFile f : parsed) {
            if (f.story == null) continue;
            Story story = f.story;
            ParsedFile first = storyIds.putIfAbsent(story.id(), f);
            if (first != null) {
                errors.add(new InputError(f.storyIdLocation, "duplicate story id " + q(story.id()) + " (first in "
                        + first.storyIdLocation + ")" + (f.storyIdLocation.line() == 1 && f.story.published() == null
                        ? "; a file without a story takes its file name as id" : "")));
            }
            stories.add(story);
            for (Draft d : f.facts) {
                boolean ok = resolve(d, f, entities, sources, complete, errors);
                if (ok && d.complete) {
                    Fact fact = Fact.builder().seq(facts.size()).storyId(story.id()).id(d.id).subject(d.subject)
                            .attribute(d.attribute).status(d.value instanceof String s ? s : null)
                            .quantity(d.value instanceof Quantity qv ? qv : null).at(d.at).source(d.source)
                            .certainty(d.certainty).quote(d.quote).location(d.location).build();
                    facts.add(fact);
                    if (d.drafted) drafted.add(new Drafted(fact, null));
                }
            }
            for (Draft d : f.claims) {
                boolean ok = resolve(d, f, entities, sources, complete, errors);
                if (ok && d.complete) {
                    Claim claim = new Claim(story.id(), d.id, d.text, d.subject, d.attribute, d.op,
                            d.value instanceof String s ? s : null, d.value instanceof Quantity qv ? qv : null,
                            d.at, d.location);
                    claims.add(claim);
                    if (d.drafted) drafted.add(new Drafted(null, claim));
                }
            }
            mentions.addAll(f.mentions);
            ignored.addAll(f.ignored);
        }
        if (!errors.isEmpty()) throw new InputException(errors.stream().distinct().toList());
        List<String> names = files.stream().map(FileWalker.InputFile::display).toList();
        return new FactBase(names, List.copyOf(stories), Collections.unmodifiableSortedMap(sources),
                Collections.unmodifiableSortedMap(entities), List.copyOf(facts), List.copyOf(claims),
                List.copyOf(mentions), List.copyOf(drafted), List.copyOf(ignored));
    }

    /** Parses the files on a few threads; the results come back in the files' order. */
    private List<ParsedFile> parseAll(List<FileWalker.InputFile> files) {
        if (files.size() <= 1) return files.stream().map(this::parse).toList();
        int threads = Math.min(files.size(), Math.max(1, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "factlint-ingest");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<ParsedFile>> futures = new ArrayList<>(files.size());
            for (FileWalker.InputFile f : files) futures.add(pool.submit(() -> parse(f)));
            List<ParsedFile> out = new ArrayList<>(files.size());
            for (int i = 0; i < files.size(); i++) {
                out.add(result(futures.get(i), files.get(i)));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private ParsedFile parse(FileWalker.InputFile f) {
        return new FileParser(f, factories, limits, statusWords, statusSet).parse();
    }

    private static ParsedFile result(Future<ParsedFile> future, FileWalker.InputFile file) {
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
        ParsedFile p = new ParsedFile(file);
        p.fatal = true;
        p.errors.add(new InputError(Location.of(file.display()), message));
        return p;
    }

    /**
     * Merges the sources (or entities) of all files into a sorted map: the first declaration in path order wins,
     * and a later one must say the same.
     */
    private static <T> SortedMap<String, T> declarations(List<ParsedFile> files, Function<ParsedFile, List<T>> of,
                                                   Function<T, String> id, Function<T, Location> location,
                                                   DifferenceFinder<T> difference, String what,
                                                   List<InputError> errors) {
        SortedMap<String, T> all = new TreeMap<>();
        for (ParsedFile f : files) {
            for (T t : of.apply(f)) {
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
        return all;
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
     * Checks that a fact's or claim's subject and source are declared. Undeclared references are reported only
     * when every file could be read in full (otherwise the declaration may sit in the unread part).
     */
    private static boolean resolve(Draft d, ParsedFile f, Map<String, Entity> entities, Map<String, Source> sources,
                                   boolean complete, List<InputError> errors) {
        boolean ok = true;
        if (d.subject != null && !entities.containsKey(d.subject)) {
            ok = false;
            if (complete) errors.add(new InputError(at(f, d.subjectPos), "undeclared entity " + q(d.subject)));
        }
        if (d.source != null && !sources.containsKey(d.source)) {
            ok = false;
            if (complete) errors.add(new InputError(at(f, d.sourcePos), "undeclared source " + q(d.source)));
        }
        return ok;
    }

    private static Location at(ParsedFile f, long pos) {
        return TokenCursor.location(f.file(), pos);
    }
}
