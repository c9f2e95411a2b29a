package io.factlint.watch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A scripted {@link ChangeSource} and the {@link Ticker} it moves: each step happens at a time on this clock (an
 * action, such as a real edit of a real file, then its change events). A poll that waits past the next step's time
 * moves the clock to it and delivers it; one that times out first moves the clock by its timeout. Once the script
 * is played, the next wait without limit finds the source closed, which ends a watch. No real time passes.
 */
public final class ScriptedChanges implements ChangeSource, Ticker {
    /** What a step does before its events are seen (e.g. writes a file). */
    @FunctionalInterface
    public interface Action {
        void run() throws IOException;
    }

    private record Step(long atNanos, Action action, Set<Path> paths) {
    }

    private final Deque<Step> steps = new ArrayDeque<>();
    private final Set<Path> folders = new TreeSet<>();
    private final List<Duration> waits = new ArrayList<>();
    private long now;
    private boolean closed;

    /** At {@code millis} on this clock, {@code action} runs and then {@code paths} (made absolute) change. */
    public ScriptedChanges at(long millis, Action action, Path... paths) {
        long at = millis * 1_000_000;
        if (!steps.isEmpty() && steps.peekLast().atNanos() > at) throw new IllegalArgumentException("steps out of order");
        Set<Path> abs = new TreeSet<>();
        Arrays.stream(paths).forEach(p -> abs.add(p.toAbsolutePath().normalize()));
        steps.add(new Step(at, action, abs));
        return this;
    }

    /** At {@code millis}, {@code paths} change (nothing is done to them). */
    public ScriptedChanges at(long millis, Path... paths) {
        return at(millis, () -> { }, paths);
    }

    /** A watcher reading this script on this clock. */
    public ChangeWatcher watcher() {
        return new ChangeWatcher(this, this);
    }

    @Override
    public long nanoTime() {
        return now;
    }

    /** This clock's time in milliseconds. */
    public long millis() {
        return now / 1_000_000;
    }

    /** Every wait asked for, in order ({@code null}: without limit). */
    public List<Duration> waits() {
        return waits;
    }

    public boolean closed() {
        return closed;
    }

    @Override
    public void watchTree(Path dir) {
        folders.add(dir.toAbsolutePath().normalize());
    }

    @Override
    public void watchFolder(Path dir) {
        folders.add(dir.toAbsolutePath().normalize());
    }

    @Override
    public Set<Path> folders() {
        return new TreeSet<>(folders);
    }

    @Override
    public Set<Path> poll(Duration timeout) throws InterruptedException {
        waits.add(timeout);
        if (closed) throw new Closed();
        Step next = steps.peekFirst();
        if (next == null) {
            if (timeout == null) {
                closed = true; // the script is played: nothing will ever come
                throw new Closed();
            }
            now += timeout.toNanos();
            return Set.of();
        }
        if (timeout != null && next.atNanos() > now + timeout.toNanos()) {
            now += timeout.toNanos();
            return Set.of();
        }
        steps.removeFirst();
        now = Math.max(now, next.atNanos());
        try {
            next.action().run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return next.paths();
    }

    @Override
    public void close() {
        closed = true;
    }
}
