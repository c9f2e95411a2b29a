package io.factlint.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Where each report of a check goes ({@code --format} and {@code -o}), which targets are refused, and how the
 * reports are written.
 *
 * <ul>
 *   <li><b>Targets.</b> Without {@code -o} the one format goes to standard output. {@code -o PATH} is a folder when
 *   several formats are asked for, when PATH is a folder, or when it ends in {@code /} (kept: {@code Path} would
 *   drop it); then each format gets its {@link Format#defaultFileName()} there, except text, which goes to the
 *   console. Otherwise PATH is the file of the one format.</li>
 *   <li><b>Inputs are never targets</b> ({@link #refuseFactInputs}, {@link #refuseFile}, {@link #refuseFolder}):
 *   compared by real path, so a symbolic link to an input is refused too. A fact file named on the command line,
 *   an existing fact-like file ({@code .json .yaml .yml}) beside one (unless it is a factlint report), a fact-like
 *   name anywhere in a fact folder or in a folder a symbolic link in it leads to (the next check would read it), the
 *   waivers files, the baseline, the story texts, anything in the rules folder.</li>
 *   <li><b>Writing</b> ({@link #write}): every report going to a regular file is first written in full to a
 *   temporary file beside its target and flushed to disk; only when all succeeded are they renamed into place, one
 *   after the other. A target that exists and is not a regular file (a device such as {@code /dev/null}, a FIFO),
 *   directly or through a symbolic link, is written in place: never replaced by a regular file. A symbolic link to a
 *   regular file stays a link: the file it points to is replaced. Any failure is a {@link WriteFailed} (exit 3)
 *   with the target and the system's reason.</li>
 * </ul>
 *
 * <p>What is not atomic across files: the renames of several reports happen one after the other, so a crash (or a
 * failing rename, which needs a file system error between two renames of one folder) between two of them leaves
 * some reports new and some old, each one complete. Targets written in place (devices, FIFOs) are written after
 * the renames and are not atomic at all.
 */
public final class OutputPlan {
    private static final int MAX_WALKED_FOLDERS = 100_000;

    /** A target that may not be written: bad usage (exit 2), nothing written. */
    public static final class Refused extends IllegalArgumentException {
        public Refused(String message) {
            super(message);
        }
    }

    /** A report that could not be written (exit 3): {@code could not write the report TARGET: reason}. */
    public static final class WriteFailed extends IOException {
        public WriteFailed(Path target, IOException cause) {
            super("could not write the report " + target + ": " + reason(cause), cause);
        }
    }

    private final Map<Format, Path> destinations;

    private OutputPlan(Map<Format, Path> destinations) {
        this.destinations = destinations;
    }

    /**
     * The plan for {@code formats} (in order, without repeats; empty: text) and {@code output} as typed (null: no
     * {@code -o}).
     *
     * @throws Refused for formats that cannot share standard output or are not in this build
     */
    public static OutputPlan of(Collection<Format> formats, String output) {
        Set<Format> fs = new LinkedHashSet<>(formats.isEmpty() ? List.of(Format.TEXT) : formats);
        for (Format f : fs) {
            if (!Reports.supports(f)) throw new Refused("format " + f.id() + " is not available in this build");
        }
        Map<Format, Path> d = new LinkedHashMap<>();
        if (output == null) {
            if (fs.size() > 1) {
                throw new Refused("several formats (" + String.join(", ", fs.stream().map(Format::id).toList())
                        + ") cannot share standard output: give -o FOLDER");
            }
            fs.forEach(f -> d.put(f, null));
            return new OutputPlan(d);
        }
        Path out;
        try {
            out = Path.of(output);
        } catch (InvalidPathException e) {
            throw new Refused("-o " + output + ": not a valid path (" + e.getReason() + ")");
        }
        boolean folder = fs.size() > 1 || Files.isDirectory(out) || output.endsWith("/")
                || output.endsWith(out.getFileSystem().getSeparator());
        if (folder) {
            // text still goes to the console, where an editor reads it; the other formats go into the folder
            fs.forEach(f -> d.put(f, f == Format.TEXT ? null : out.resolve(f.defaultFileName())));
        } else {
            fs.forEach(f -> d.put(f, out));
        }
        return new OutputPlan(d);
    }

    /** Each format with its file, or null for standard output, in the order asked for. */
    public Map<Format, Path> destinations() {
        return destinations;
    }

    /** The files the reports go to. */
    public List<Path> files() {
        return destinations.values().stream().filter(p -> p != null).toList();
    }

    /**
     * Refuses the fact inputs as targets: a named fact file, an existing fact-like file beside one (unless it is a
     * factlint report), and a fact-like name inside a fact folder or a folder a symbolic link in it leads to.
     */
    public void refuseFactInputs(List<Path> inputs) {
        for (Path in : inputs) {
            if (Files.isDirectory(in)) {
                for (Path folder : foldersRead(in)) {
                    for (Path d : files()) {
                        Path target = canonical(d);
                        if (factName(target) && target.startsWith(folder)) {
                            throw new Refused("the report " + d + (Files.exists(target) ? " would overwrite a fact file" : " would be read as a fact file")
                                    + ": it is inside the fact folder "
                                    + in + (folder.equals(canonical(in)) ? "" : " (through a symbolic link to " + folder + ")")
                                    + ", where the next check would read it; write reports outside the fact folders");
                        }
                    }
                }
            } else {
                refuseFile(in, "the fact file");
                Path input = canonical(in);
                for (Path d : files()) {
                    Path target = canonical(d);
                    if (factName(target) && input.getParent() != null && input.getParent().equals(target.getParent())
                            && Files.isRegularFile(target) && !isReport(target)) {
                        throw new Refused("the report " + d + " would overwrite " + target.getFileName()
                                + ", a fact file beside the fact file " + in + "; reports go outside the fact files");
                    }
                }
            }
        }
    }

    /** Refuses {@code input} (a waivers file, the baseline, a story text: {@code what}) as a target, by real path. */
    public void refuseFile(Path input, String what) {
        if (input == null) return;
        Path real = canonical(input);
        for (Path d : files()) {
            if (canonical(d).equals(real)) {
                throw new Refused("the report " + d + " would overwrite " + what + " " + input
                        + "; reports go outside the check's inputs");
            }
        }
    }

    /** Refuses every target inside {@code folder} (the rules folder: {@code what}), by real path. */
    public void refuseFolder(Path folder, String what) {
        if (folder == null) return;
        Path real = canonical(folder);
        for (Path d : files()) {
            if (canonical(d).startsWith(real)) {
                throw new Refused("the report " + d + " would overwrite a file of " + what + " " + folder
                        + "; reports go outside the check's inputs");
            }
        }
    }

    /**
     * Renders and writes each report. A report going to a regular file (or to a path that does not exist yet) is
     * rendered straight into a temporary file beside it, never held whole in memory (the JSON report of millions of
     * facts is larger than the heap such a check runs in: 160 MB per million generated facts); the temporary files
     * are renamed into place only when every report was rendered, so a renderer that fails (also one that refuses,
     * {@link Refused}) leaves every earlier report as it was. Then the in-place targets (devices, FIFOs) are
     * written, then standard output through {@code stdout}; those reports are rendered into memory first.
     *
     * @return the files written, in order
     * @throws WriteFailed naming the target that failed; when it failed before the renames, no target changed
     */
    public List<Path> render(Map<Format, IOConsumer<OutputStream>> renderers, StandardOutput stdout) throws IOException {
        Map<Format, byte[]> toStdout = new LinkedHashMap<>();
        Map<Path, byte[]> inPlace = new LinkedHashMap<>();
        List<AtomicFiles.Prepared> prepared = new ArrayList<>();
        List<Path> preparedFor = new ArrayList<>();
        List<Path> written = new ArrayList<>();
        try {
            for (Map.Entry<Format, IOConsumer<OutputStream>> e : renderers.entrySet()) {
                Path target = destinations.get(e.getKey());
                if (target == null) {
                    toStdout.put(e.getKey(), inMemory(e.getValue()));
                    continue;
                }
                BasicFileAttributes a;
                Path real;
                try {
                    real = resolve(target);
                    a = attributes(real);
                    if (a != null && a.isDirectory()) throw new FileSystemException(target.toString(), null, "a folder is in the way");
                } catch (IOException x) {
                    throw new WriteFailed(target, x);
                }
                if (a != null && !a.isRegularFile()) {
                    inPlace.put(target, inMemory(e.getValue()));
                    continue;
                }
                try {
                    prepared.add(AtomicFiles.prepare(real, e.getValue()));
                    preparedFor.add(target);
                } catch (IOException x) {
                    throw new WriteFailed(target, x);
                }
            }
            commitAll(prepared, preparedFor, written);
        } finally {
            prepared.forEach(AtomicFiles.Prepared::discardIfOpen);
        }
        for (Map.Entry<Path, byte[]> e : inPlace.entrySet()) {
            try (OutputStream o = Files.newOutputStream(resolve(e.getKey()), StandardOpenOption.WRITE)) {
                o.write(e.getValue());
            } catch (IOException x) {
                throw new WriteFailed(e.getKey(), x);
            }
            written.add(e.getKey());
        }
        for (Map.Entry<Format, byte[]> e : toStdout.entrySet()) stdout.print(e.getKey(), e.getValue());
        return written;
    }

    private static byte[] inMemory(IOConsumer<OutputStream> renderer) throws IOException {
        java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
        renderer.accept(buf);
        return buf.toByteArray();
    }

    /** Prints a report to standard output; throws when it did not arrive. */
    @FunctionalInterface
    public interface StandardOutput {
        void print(Format format, byte[] report) throws IOException;
    }

    /** The file a target names: the end of its symbolic links when it exists, else the path itself. */
    private static Path resolve(Path target) throws IOException {
        return Files.exists(target) ? target.toRealPath() : target.toAbsolutePath();
    }

    private static BasicFileAttributes attributes(Path p) {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class);
        } catch (IOException e) {
            return null;
        }
    }

    /** The real paths of the folders a check of {@code folder} reads: the folder and every folder a link leads to. */
    private static Set<Path> foldersRead(Path folder) {
        Set<Path> out = new LinkedHashSet<>();
        out.add(canonical(folder));
        try (Stream<Path> s = Files.walk(folder, FileVisitOption.FOLLOW_LINKS)) {
            s.filter(p -> Files.isSymbolicLink(p) && Files.isDirectory(p)).limit(MAX_WALKED_FOLDERS)
                    .forEach(p -> out.add(canonical(p)));
        } catch (IOException | java.io.UncheckedIOException e) {
            // an unreadable or looping tree is the loader's to report; the folder itself is still refused
        }
        return out;
    }

    private static boolean factName(Path target) {
        String name = target.getFileName() == null ? "" : target.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".json") || name.endsWith(".yaml") || name.endsWith(".yml");
    }

    /** True when the file begins as a report factlint wrote (JSON or SARIF: its tool is named factlint). */
    private static boolean isReport(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            String head = new String(in.readNBytes(2048), StandardCharsets.UTF_8);
            return head.contains("\"name\" : \"factlint\"");
        } catch (IOException e) {
            return false;
        }
    }

    /** The real path of {@code p}, or of its nearest existing ancestor with the rest appended. */
    public static Path canonical(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        if (existing == null) return abs;
        try {
            return existing.toRealPath().resolve(existing.relativize(abs));
        } catch (IOException e) {
            return abs;
        }
    }

    /** The system's reason for a failed write, without the Java class: "No space left on device", "Not a directory". */
    static String reason(IOException e) {
        if (e instanceof FileSystemException f && f.getReason() != null) return f.getReason();
        if (e instanceof java.nio.file.NoSuchFileException) return "no such file or folder";
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
        if (e instanceof java.nio.file.FileAlreadyExistsException) return "a file is in the way";
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    /** Commits each prepared file in order (its target at the same index of {@code targets}), adding it to {@code written}. */
    private static void commitAll(List<AtomicFiles.Prepared> prepared, List<Path> targets, List<Path> written) throws WriteFailed {
        for (int i = 0; i < prepared.size(); i++) {
            try {
                prepared.get(i).commit();
                written.add(targets.get(i));
            } catch (IOException x) {
                throw new WriteFailed(targets.get(i), x);
            }
        }
    }
}
