package io.factlint.cli.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * The state file of a daemon: {@code CACHE/daemon/NAME.state}, where NAME is the folder the daemon serves with
 * {@code %} written {@code %25} and {@code /} written {@code %2F} (the launcher builds the same name in bash,
 * without a process). Six lines: port, token, pid, the jar's stamp ({@code size-mtime in seconds}, as
 * {@code stat -c %s-%Y}), the jar's path, the folder. Readable by its owner only (0600), in a folder only the
 * owner can enter (0700).
 *
 * @param port  the loopback port
 * @param token the secret every request must carry
 * @param pid   the daemon's process id
 * @param stamp the stamp of the jar the daemon runs
 * @param jar   the jar's absolute path
 * @param dir   the folder the daemon serves (its working directory, as the launcher's {@code $PWD} names it)
 */
public record DaemonState(int port, String token, long pid, String stamp, String jar, String dir) {
    /** The longest file name the state file may have (file systems allow 255 bytes). */
    static final int MAX_NAME = 200;

    /** The state file of the daemon for {@code dir} under {@code cacheDir}; null when the folder's name is too long. */
    static Path file(Path cacheDir, String dir) {
        String name = dir.replace("%", "%25").replace("/", "%2F");
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME || name.contains("\n")) return null;
        return cacheDir.resolve("daemon").resolve(name + ".state");
    }

    String text() {
        return port + "\n" + token + "\n" + pid + "\n" + stamp + "\n" + jar + "\n" + dir + "\n";
    }

    /** Writes the state file atomically, readable by the owner only; its folder is created 0700. */
    void write(Path file) throws IOException {
        Path folder = file.getParent();
        if (!Files.isDirectory(folder)) {
            try {
                Files.createDirectories(folder.getParent());
                Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (FileAlreadyExistsException e) {
                // made by a concurrent start
            }
        }
        Path tmp = folder.resolve(file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(tmp, text(), StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The state in {@code file}, or null when there is none or it is not a state file. */
    static DaemonState read(Path file) {
        if (file == null) return null;
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.size() < 6) return null;
            return new DaemonState(Integer.parseInt(lines.get(0)), lines.get(1), Long.parseLong(lines.get(2)), lines.get(3),
                    lines.get(4), lines.get(5));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Whether the daemon's process is alive. */
    boolean alive() {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** The stamp of {@code jar}: its size and modification time in seconds, as the launcher's {@code stat -c %s-%Y}. */
    static String stamp(Path jar) {
        try {
            return Files.size(jar) + "-" + Files.getLastModifiedTime(jar).to(java.util.concurrent.TimeUnit.SECONDS);
        } catch (IOException e) {
            return "x";
        }
    }
}
