package io.factlint.serve;

import io.factlint.engine.CacheOptions;
import io.factlint.engine.RulePack;
import io.factlint.engine.RulePackException;
import io.factlint.model.Severity;
import io.factlint.review.WaiverFile;
import io.factlint.watch.ChangeWatcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The workbench's state: the compiled rule pack (kept warm), the latest check of the fact files, and a watcher that
 * re-checks when a fact, story text, waivers or rule file changes (recompiling on a rule change; a rule pack that
 * does not compile is kept as a list of problems for the page, and the last good rules stay compiled). Listeners hear
 * of every new state (the server turns that into server-sent events).
 */
public final class Workbench implements AutoCloseable {
    /** How long the folders must be quiet after a change before a re-check (a save is often several events). */
    static final Duration DEBOUNCE = Duration.ofMillis(25);

    /** What the workbench works on. {@code waivers}: the waivers file, or null to use (or create) the default one. */
    public record Config(List<Path> inputs, Path rules, Path waivers, Severity failOn, CacheOptions cache,
                         Duration timeout, Clock clock, Drafter drafter) {
    }

    /** One state of the workbench, numbered; {@code nanos}: when the change that led to it was seen (System.nanoTime). */
    record State(long version, CheckRun.Outcome outcome, CheckRun.Outcome lastGood, List<String> ruleErrors,
                 long changeSeenNanos, long checkedNanos) {
    }

    final Config config;
    final List<Path> inputs;
    final Path rulesDir;
    private final List<Consumer<State>> listeners = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    /** Files the workbench wrote itself, with the hash written (the watcher skips them when they are unchanged since). */
    private final java.util.Map<Path, String> ownWrites = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile RulePack pack;
    private volatile State state;
    private Thread watchThread;
    private ChangeWatcher watcher;
    final Edits edits;

    public Workbench(Config config) {
        this.config = config;
        this.inputs = config.inputs().stream().map(p -> p.toAbsolutePath().normalize()).toList();
        this.rulesDir = config.rules().toAbsolutePath().normalize();
        this.edits = new Edits(this);
    }

    /** Compiles the rules and checks once; false (with the problems in the state) when the rules do not compile. */
    public boolean start() {
        long t = System.nanoTime();
        List<String> ruleErrors = compile();
        refresh(ruleErrors, t);
        return ruleErrors.isEmpty();
    }

    /** Starts watching the files on a daemon thread. */
    public void watch() throws IOException {
        watcher = new ChangeWatcher();
        watcher.watchTree(rulesDir);
        registerInputs();
        watchThread = new Thread(this::watchLoop, "factlint-serve-watch");
        watchThread.setDaemon(true);
        watchThread.start();
    }

    private void registerInputs() throws IOException {
        for (Path p : config.inputs()) {
            if (Files.isDirectory(p)) watcher.watchTree(p);
            else watcher.watchFolder(parent(p));
        }
        if (config.waivers() != null) watcher.watchFolder(parent(config.waivers()));
        CheckRun.Outcome o = state == null ? null : state.lastGood();
        if (o != null && o.base() != null) {
            for (var s : o.base().stories()) {
                if (s.textFile() != null) watcher.watchFolder(parent(Path.of(s.textFile())));
            }
        }
    }

    private void watchLoop() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Set<Path> changed = watcher.await(DEBOUNCE, p -> !p.startsWith(rulesDir) || isRuleFile(p));
                long seen = System.nanoTime();
                // the workbench's own writes were re-checked when they were made
                changed.removeIf(p -> {
                    String h = ownWrites.remove(p);
                    return h != null && h.equals(Edits.hashOf(p));
                });
                if (changed.isEmpty()) continue;
                boolean rules = changed.stream().anyMatch(p -> p.startsWith(rulesDir));
                recheck(rules, seen);
                try {
                    registerInputs();
                } catch (IOException e) {
                    // a folder vanished: the next check reports what it cannot read
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Re-checks now (recompiling the rules first when {@code rules}); tells the listeners. */
    void recheck(boolean rules, long seenNanos) {
        synchronized (lock) {
            List<String> ruleErrors = rules ? compile() : state == null ? List.of() : state.ruleErrors();
            refresh(ruleErrors, seenNanos);
        }
    }

    private List<String> compile() {
        try {
            pack = RulePack.load(rulesDir, config.cache());
            return List.of();
        } catch (RulePackException e) {
            return List.copyOf(e.problems());
        } catch (RuntimeException e) {
            return List.of("the rule pack could not be loaded: " + e);
        }
    }

    private void refresh(List<String> ruleErrors, long seenNanos) {
        synchronized (lock) {
            long version = state == null ? 1 : state.version() + 1;
            CheckRun.Outcome outcome;
            if (pack == null) {
                outcome = new CheckRun.Outcome(null, null, List.of());
            } else {
                try {
                    Path w = config.waivers() != null && Files.exists(config.waivers()) ? config.waivers() : null;
                    outcome = CheckRun.run(pack, config.inputs(), w, config.failOn(), config.timeout(), config.clock());
                } catch (RuntimeException e) {
                    outcome = new CheckRun.Outcome(null, null, List.of("the check did not complete: " + e));
                }
            }
            CheckRun.Outcome good = outcome.ok() ? outcome : state == null ? null : state.lastGood();
            state = new State(version, outcome, good, ruleErrors, seenNanos, System.nanoTime());
        }
        State s = state;
        for (Consumer<State> l : listeners) l.accept(s);
    }

    /** Notes a write of the workbench's own, already re-checked. */
    void wrote(Path file, String hash) {
        ownWrites.put(file.toAbsolutePath().normalize(), hash);
    }

    State state() {
        return state;
    }

    RulePack pack() {
        return pack;
    }

    void onChange(Consumer<State> listener) {
        listeners.add(listener);
    }

    /** The waivers files read: the one given, else those among the fact folders. */
    List<Path> waiverFiles() {
        if (config.waivers() != null) return Files.exists(config.waivers()) ? List.of(config.waivers()) : List.of();
        return WaiverFile.discover(config.inputs());
    }

    /** Where a new waiver goes: the given file, the first one found, or waivers.json in the first fact folder. */
    Path waiverTarget() {
        if (config.waivers() != null) return config.waivers();
        List<Path> found = waiverFiles();
        if (!found.isEmpty()) return found.get(0);
        for (Path p : config.inputs()) {
            if (Files.isDirectory(p)) return p.resolve("waivers.json");
        }
        return parent(config.inputs().get(0)).resolve("waivers.json");
    }

    /**
     * True when {@code p} may be written: a fact file under one of the given paths, or the waivers file. The real
     * path is compared (a symbolic link out of the folders does not count as inside).
     */
    boolean writable(Path p) {
        Path target = real(p);
        if (config.waivers() != null && target.equals(real(config.waivers()))) return true;
        String n = target.getFileName() == null ? "" : target.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!(n.endsWith(".json") || n.endsWith(".yaml") || n.endsWith(".yml"))) return false;
        for (Path in : config.inputs()) {
            Path root = real(in);
            if (target.equals(root) || (Files.isDirectory(root) && target.startsWith(root))) return true;
        }
        return false;
    }

    /** The real path of {@code p}, or of its nearest existing ancestor with the rest appended. */
    static Path real(Path p) {
        return io.factlint.report.OutputPlan.canonical(p);
    }

    static Path parent(Path p) {
        Path a = p.toAbsolutePath().normalize().getParent();
        return a == null ? p.toAbsolutePath() : a;
    }

    private static boolean isRuleFile(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".drl") || n.endsWith(".yaml") || n.endsWith(".yml");
    }

    @Override
    public void close() throws IOException {
        if (watchThread != null) watchThread.interrupt();
        if (watcher != null) watcher.close();
    }
}
