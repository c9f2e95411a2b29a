package io.factlint.watch;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Waits for files to change, with Java's {@link WatchService}: whole folder trees (every sub-folder is registered,
 * and new ones as they appear) and single folders. {@link #await} blocks until a relevant change, then waits until
 * the folders have been quiet for the debounce time (an editor's save is often several events: a temporary file,
 * a rename, a write), and returns every path that changed meanwhile. Hidden files and folders are ignored.
 */
public final class ChangeWatcher implements AutoCloseable {
    private final WatchService service;
    private final Map<WatchKey, Path> folders = new HashMap<>();
    private final Set<Path> trees = new HashSet<>();

    public ChangeWatcher() throws IOException {
        this.service = FileSystems.getDefault().newWatchService();
    }

    /** Watches {@code dir} and every folder below it (not hidden ones), now and as they are created. */
    public void watchTree(Path dir) throws IOException {
        Path root = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) return;
        trees.add(root);
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                if (!d.equals(root) && hidden(d)) return FileVisitResult.SKIP_SUBTREE;
                register(d);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Watches the files directly in {@code dir} (registering a folder twice is harmless). */
    public void watchFolder(Path dir) throws IOException {
        Path d = dir.toAbsolutePath().normalize();
        if (Files.isDirectory(d)) register(d);
    }

    /** The folders watched, sorted. */
    public Set<Path> folders() {
        return new TreeSet<>(folders.values());
    }

    private void register(Path d) throws IOException {
        if (folders.containsValue(d)) return;
        WatchKey k = d.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                StandardWatchEventKinds.ENTRY_DELETE);
        folders.put(k, d);
    }

    /**
     * Blocks until a path accepted by {@code relevant} changes, then collects changes until none came for
     * {@code debounce}, and returns the relevant changed paths (absolute, normalized). A lost-events overflow is
     * reported as the folder itself.
     *
     * @throws InterruptedException when the thread is interrupted (the way to stop watching from another thread)
     */
    public Set<Path> await(Duration debounce, Predicate<Path> relevant) throws InterruptedException {
        Set<Path> changed = new TreeSet<>();
        try {
            while (changed.isEmpty()) {
                drain(service.take(), changed, relevant);
                WatchKey k;
                while ((k = service.poll(debounce.toMillis(), TimeUnit.MILLISECONDS)) != null) {
                    drain(k, changed, relevant);
                }
            }
        } catch (ClosedWatchServiceException e) {
            throw new InterruptedException("the watch service was closed");
        }
        return changed;
    }

    private void drain(WatchKey key, Set<Path> changed, Predicate<Path> relevant) {
        Path dir = folders.get(key);
        for (WatchEvent<?> e : key.pollEvents()) {
            if (dir == null) continue;
            if (e.kind() == StandardWatchEventKinds.OVERFLOW) {
                changed.add(dir);
                continue;
            }
            Path p = dir.resolve((Path) e.context()).normalize();
            if (hidden(p) || p.getFileName().toString().endsWith("~")) continue;
            if (e.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(p) && inTree(p)) {
                try {
                    watchTree(p);
                } catch (IOException ignored) {
                    // gone again, or unreadable: the next check reports what it cannot read
                }
            }
            if (relevant.test(p)) changed.add(p);
        }
        if (!key.reset()) folders.remove(key);
    }

    private boolean inTree(Path p) {
        return trees.stream().anyMatch(p::startsWith);
    }

    private static boolean hidden(Path p) {
        Path n = p.getFileName();
        return n != null && n.toString().startsWith(".");
    }

    @Override
    public void close() throws IOException {
        service.close();
    }
}
