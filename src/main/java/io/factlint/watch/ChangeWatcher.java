package io.factlint.watch;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Waits for files to change and debounces: {@link #await} blocks until a relevant change, then waits until the
 * events have been quiet for the debounce time (an editor's save is often several events: a temporary file, a
 * rename, a write) and returns every relevant path that changed meanwhile. The events come from a
 * {@link ChangeSource} and the quiet time is measured on a {@link Ticker}: Java's {@code WatchService} and
 * {@link System#nanoTime()} unless others are given (tests give scripted ones, and so drive a watch without real
 * time passing).
 */
public final class ChangeWatcher implements AutoCloseable {
    /** Opens a watcher: how the command line and the workbench get theirs ({@link #SYSTEM}), or a test its own. */
    @FunctionalInterface
    public interface Factory {
        /** The real file watcher and the system clock. */
        Factory SYSTEM = ChangeWatcher::new;

        ChangeWatcher open() throws IOException;
    }

    private final ChangeSource source;
    private final Ticker ticker;

    /** Java's {@code WatchService} and the system clock. */
    public ChangeWatcher() throws IOException {
        this(new JdkChangeSource(), Ticker.SYSTEM);
    }

    public ChangeWatcher(ChangeSource source, Ticker ticker) {
        this.source = source;
        this.ticker = ticker;
    }

    /** Watches {@code dir} and every folder below it (not hidden ones), now and as they are created. */
    public void watchTree(Path dir) throws IOException {
        source.watchTree(dir);
    }

    /** Watches the files directly in {@code dir} (registering a folder twice is harmless). */
    public void watchFolder(Path dir) throws IOException {
        source.watchFolder(dir);
    }

    /** The folders watched, sorted. */
    public Set<Path> folders() {
        return source.folders();
    }

    /** The clock the quiet time is measured on (for the caller's own timings, so they follow the same clock). */
    public Ticker ticker() {
        return ticker;
    }

    /**
     * Blocks until a path accepted by {@code relevant} changes, then collects changes until none came for
     * {@code debounce}, and returns the relevant changed paths (absolute, normalized). A lost-events overflow is
     * reported as the folder itself. Any change, relevant or not, restarts the quiet time.
     *
     * @throws ChangeSource.Closed when the source is closed (the way to stop watching from another thread)
     * @throws InterruptedException when the thread is interrupted
     */
    public Set<Path> await(Duration debounce, Predicate<Path> relevant) throws InterruptedException {
        long quiet = debounce.toNanos();
        Set<Path> changed = new TreeSet<>();
        while (changed.isEmpty()) {
            Set<Path> first = source.poll(null);
            if (first.isEmpty()) continue; // only ignored files changed
            add(first, changed, relevant);
            long deadline = ticker.nanoTime() + quiet;
            for (long left = quiet; left > 0; left = deadline - ticker.nanoTime()) {
                Set<Path> more = source.poll(Duration.ofNanos(left));
                if (more.isEmpty()) continue;
                add(more, changed, relevant);
                deadline = ticker.nanoTime() + quiet;
            }
        }
        return changed;
    }

    private static void add(Set<Path> paths, Set<Path> changed, Predicate<Path> relevant) {
        for (Path p : paths) {
            if (relevant.test(p)) changed.add(p);
        }
    }

    /** Closes the source: a waiting {@link #await} ends with {@link ChangeSource.Closed}. */
    @Override
    public void close() throws IOException {
        source.close();
    }
}
