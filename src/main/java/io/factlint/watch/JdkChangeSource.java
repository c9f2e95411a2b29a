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

/**
 * File-change events from Java's {@link WatchService}: whole folder trees (every sub-folder is registered, and new
 * ones as they appear) and single folders. Hidden files and folders and editor backups ({@code name~}) are ignored.
 * The production {@link ChangeSource}; {@link ChangeWatcher} adds the debounce.
 */
public final class JdkChangeSource implements ChangeSource {
    private final WatchService service;
    private final Map<WatchKey, Path> folders = new HashMap<>();
    private final Set<Path> trees = new HashSet<>();

    public JdkChangeSource() throws IOException {
        this.service = FileSystems.getDefault().newWatchService();
    }

    @Override
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

    @Override
    public void watchFolder(Path dir) throws IOException {
        Path d = dir.toAbsolutePath().normalize();
        if (Files.isDirectory(d)) register(d);
    }

    @Override
    public Set<Path> folders() {
        return new TreeSet<>(folders.values());
    }

    private void register(Path d) throws IOException {
        if (folders.containsValue(d)) return;
        WatchKey k = d.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                StandardWatchEventKinds.ENTRY_DELETE);
        folders.put(k, d);
    }

    @Override
    public Set<Path> poll(Duration timeout) throws InterruptedException {
        Set<Path> changed = new TreeSet<>();
        try {
            WatchKey k = timeout == null ? service.take() : service.poll(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
            while (k != null) {
                drain(k, changed);
                k = service.poll(); // the other folders' events already there
            }
        } catch (ClosedWatchServiceException e) {
            throw new Closed();
        }
        return changed;
    }

    private void drain(WatchKey key, Set<Path> changed) {
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
            changed.add(p);
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
