package io.factlint.report;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.LinkOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file so that readers see either the earlier file or the complete new one, never a part: the body
 * writes a temporary file in the target's folder, which is flushed to disk and then moved over the target in one
 * atomic step. If the body fails, the temporary file is deleted and the earlier file is left as it was. A temporary
 * file that a killed run left behind ({@code .NAME.*.tmp}) is deleted by the next write of the same file once it is
 * older than {@link #STALE}.
 */
public final class AtomicFiles {
    private static final String TEMP_SUFFIX = ".tmp";
    /** A temporary file older than this was left by a killed run: no live run takes that long to write a report. */
    static final Duration STALE = Duration.ofMinutes(1);

    private AtomicFiles() {
    }

    /**
     * Writes {@code target} with {@code body}. The stream given to the body is buffered; the body need not close
     * it (closing it only flushes).
     *
     * @throws IOException what the body or the file system threw; the target is then unchanged
     */
    public static void write(Path target, IOConsumer<OutputStream> body) throws IOException {
        prepare(target, body).commit();
    }

    /**
     * A file written in full and flushed to disk beside its target, not yet moved over it: {@link #commit} renames
     * it into place, {@link #discard} deletes it. Lets a caller write several files and replace them only when all
     * were written.
     */
    public static final class Prepared {
        private final Path temp;
        private final Path target;
        private boolean open = true;

        private Prepared(Path temp, Path target) {
            this.temp = temp;
            this.target = target;
        }

        /** Moves the file over its target (atomic where the file system allows it). */
        public void commit() throws IOException {
            if (!open) throw new IllegalStateException("already committed or discarded: " + target);
            try {
                move(temp, target);
                open = false;
                syncDirectory(target.getParent());
            } finally {
                if (open) discard();
            }
        }

        /** As {@link #discard}, unless committed or discarded already. */
        public void discardIfOpen() {
            if (open) discard();
        }

        /** Deletes the temporary file; the target stays as it was. Never throws. */
        public void discard() {
            open = false;
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                // left behind: the next write of this target deletes it once it is stale
            }
        }
    }

    /**
     * Writes the temporary file of {@code target} with {@code body} and flushes it to disk.
     *
     * @throws IOException what the body or the file system threw; no temporary file is then left behind
     */
    public static Prepared prepare(Path target, IOConsumer<OutputStream> body) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        if (dir != null) Files.createDirectories(dir);
        cleanStaleTemps(dir, absolute.getFileName().toString());
        Path temp = createTemp(absolute);
        boolean done = false;
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                OutputStream raw = Channels.newOutputStream(channel);
                OutputStream buffered = new java.io.BufferedOutputStream(raw, 1 << 16);
                body.accept(new FilterOutputStream(buffered) {
                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        out.write(b, off, len);
                    }

                    @Override
                    public void close() throws IOException {
                        flush(); // the file is closed after fsync, not by the body
                    }
                });
                buffered.flush();
                channel.force(true);
            }
            done = true;
            return new Prepared(temp, absolute);
        } finally {
            if (!done) Files.deleteIfExists(temp);
        }
    }

    /** A new empty file beside the target, hidden and named after it: {@code .factlint.html.1a2b3c4d.tmp}. */
    private static Path createTemp(Path target) throws IOException {
        Path dir = target.getParent();
        String name = target.getFileName().toString();
        for (int attempt = 0; ; attempt++) {
            byte[] random = new byte[6];
            ThreadLocalRandom.current().nextBytes(random);
            Path temp = (dir == null ? Path.of(".") : dir)
                    .resolve(tempPrefix(name) + HexFormat.of().formatHex(random) + TEMP_SUFFIX);
            try {
                return Files.createFile(temp);
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) throw e;
            }
        }
    }

    /** {@code .factlint.json.} for {@code factlint.json}: temporary files are hidden, and never end like a report. */
    static String tempPrefix(String fileName) {
        return "." + fileName + ".";
    }

    /**
     * Deletes the temporary files a killed run left beside {@code fileName} ({@code .NAME.*.tmp} older than
     * {@link #STALE}). Best effort: a file that cannot be deleted stays, and a fresh one may belong to a run that is
     * still writing.
     */
    static void cleanStaleTemps(Path dir, String fileName) {
        if (dir == null) return;
        String prefix = tempPrefix(fileName);
        Instant before = Instant.now().minus(STALE);
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, p -> {
            String n = p.getFileName().toString();
            return n.startsWith(prefix) && n.endsWith(TEMP_SUFFIX) && n.length() > prefix.length() + TEMP_SUFFIX.length();
        })) {
            for (Path p : s) {
                try {
                    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                    if (a.isRegularFile() && a.lastModifiedTime().toInstant().isBefore(before)) Files.deleteIfExists(p);
                } catch (IOException e) {
                    // in use or gone: leave it
                }
            }
        } catch (IOException | DirectoryIteratorException e) {
            // an unreadable folder fails the write itself, with a better message
        }
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // a file system without atomic renames (rare for a temp file in the same folder): replace as well as we can
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Makes the rename durable where the platform allows it (POSIX); elsewhere it is a no-op. */
    private static void syncDirectory(Path dir) {
        if (dir == null) return;
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open a folder as a channel; the rename has happened all the same
        }
    }
}
