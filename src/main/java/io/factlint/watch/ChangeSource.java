package io.factlint.watch;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/**
 * Where file-change events come from: in production {@link JdkChangeSource} (Java's {@code WatchService}); in tests
 * a scripted source, so that a watch can be driven event by event without real time passing.
 */
public interface ChangeSource extends AutoCloseable {
    /** Watches {@code dir} and every folder below it (not hidden ones), now and as they are created. */
    void watchTree(Path dir) throws IOException;

    /** Watches the files directly in {@code dir} (registering a folder twice is harmless). */
    void watchFolder(Path dir) throws IOException;

    /** The folders watched, sorted. */
    Set<Path> folders();

    /**
     * Waits at most {@code timeout} ({@code null}: without limit) for changes and returns the paths that changed
     * (absolute, normalized; a folder itself when events were lost); an empty set when the time passed first, or
     * when only ignored files (hidden ones, editor backups) changed.
     *
     * @throws Closed when the source is closed, before or while waiting: the end of the events
     * @throws InterruptedException when the waiting thread is interrupted
     */
    Set<Path> poll(Duration timeout) throws InterruptedException;

    /** Ends the events: a waiting or later {@link #poll} throws {@link Closed}. */
    @Override
    void close() throws IOException;

    /**
     * The source was closed: no more events. An {@link InterruptedException}, so that a caller that only knows
     * "stop waiting" treats both alike.
     */
    final class Closed extends InterruptedException {
        private static final long serialVersionUID = 1L;

        public Closed() {
            super("the change events ended (the source was closed)");
        }
    }
}
