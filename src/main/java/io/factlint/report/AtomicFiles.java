package io.factlint.report;

import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.LinkOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file so that a reader sees either the earlier file or the complete new one: the body goes to a temporary
 * file in the same folder, which is forced to disk and then renamed over the target. On failure the temporary file
 * is deleted and the earlier file is left as it was. The temporary file is hidden ({@code .NAME.random.tmp}); one
 * that a killed run left behind is deleted by the next write of the same file once it is a minute old.
 */
public final class AtomicFiles {

    /** The body of a file. */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private static final String TEMP_SUFFIX = ".tmp";
    /** A temporary file older than this was left by a killed run: no live run takes that long to write a report. */
    static final Duration STALE = Duration.ofMinutes(1);

    private AtomicFiles() {
    }

    /** {@code .factlint.json.} for {@code factlint.json}: temporary files are hidden, and never end like a report. */
    static String tempPrefix(String fileName) {
        return "." + fileName + ".";
    }

    /**
     * Deletes the temporary files a killed run left beside {@code fileName} ({@code .NAME.*.tmp} older than
     * {@link #STALE}). Best effort: a file that cannot be deleted stays.
     */
    static void cleanStaleTemps(Path dir, String fileName) {
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

    public static void write(Path target, Body body) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        Files.createDirectories(dir);
        cleanStaleTemps(dir, abs.getFileName().toString());
        Path tmp = Files.createTempFile(dir, tempPrefix(abs.getFileName().toString()), TEMP_SUFFIX);
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                 OutputStream out = new java.io.BufferedOutputStream(java.nio.channels.Channels.newOutputStream(ch), 1 << 16)) {
                body.writeTo(out);
                out.flush();
                ch.force(true);
            }
            Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException | Error e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }
}
