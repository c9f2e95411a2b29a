package io.factlint.report;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
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
 * atomic step. If the body fails, the temporary file is deleted and the earlier file is left as it was.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /**
     * Writes {@code target} with {@code body}. The stream given to the body is buffered; the body need not close
     * it (closing it only flushes).
     *
     * @throws IOException what the body or the file system threw; the target is then unchanged
     */
    public static void write(Path target, IOConsumer<OutputStream> body) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        if (dir != null) Files.createDirectories(dir);
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
            move(temp, absolute);
            done = true;
            syncDirectory(dir);
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
                    .resolve("." + name + "." + HexFormat.of().formatHex(random) + ".tmp");
            try {
                return Files.createFile(temp);
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) throw e;
            }
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
