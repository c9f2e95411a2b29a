package io.factlint.ingest;

import io.factlint.model.Location;

import java.io.File;
import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns the paths a user names into the fact files to read, sorted by their displayed name. Folders are walked
 * recursively, following symbolic links that stay inside the folder named (a link that leads back to a folder above
 * it is an error, not a hang; a link that leads out of it is an error and is not read, so a link in a checked
 * folder cannot make factlint read, or quote in a message, a file outside it: name such a file or folder on the
 * command line to check it);
 * hidden files and folders (names starting with a dot) inside a folder are skipped. A file named explicitly is
 * read whatever its extension, except that it must be {@code .json}, {@code .yaml} or {@code .yml}.
 * A file named {@code waivers.json}, {@code waivers.yaml} or {@code waivers.yml} inside a folder is a waivers
 * file (see {@code io.factlint.review.WaiverFile}), not a fact file, and is skipped.
 */
final class FileWalker {

    /** A file to read: where it is, and how it is shown in messages and reports. */
    record InputFile(Path path, String display, boolean yaml) {
    }

    private final List<InputFile> files = new ArrayList<>();
    private final List<InputError> errors = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();

    List<InputFile> files() {
        List<InputFile> sorted = new ArrayList<>(files);
        sorted.sort(Comparator.comparing(InputFile::display));
        return sorted;
    }

    List<InputError> errors() {
        return errors;
    }

    /** Adds the fact files at or under {@code given}. */
    void add(Path given) {
        String shown = display(given);
        if (!Files.exists(given)) {
            String why = Files.exists(given, LinkOption.NOFOLLOW_LINKS) ? "broken symbolic link" : "no such file or folder";
            errors.add(new InputError(Location.of(shown), why));
            return;
        }
        if (!Files.isDirectory(given)) {
            if (!Files.isRegularFile(given)) {
                errors.add(new InputError(Location.of(shown), "not a regular file"));
            } else if (!isFactFile(given)) {
                errors.add(new InputError(Location.of(shown), "not a fact file (expected .json, .yaml or .yml)"));
            } else {
                addFile(given);
            }
            return;
        }
        try {
            Path root = given.toRealPath();
            Files.walkFileTree(given, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (dir.equals(given)) return FileVisitResult.CONTINUE;
                    if (hidden(dir)) return FileVisitResult.SKIP_SUBTREE;
                    if (!inside(dir, root)) {
                        errors.add(new InputError(Location.of(display(dir)), leadsOut(given)));
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (!hidden(file) && isFactFile(file) && !isWaiversFile(file)) {
                        if (attrs.isSymbolicLink() && !Files.exists(file)) {
                            errors.add(new InputError(Location.of(display(file)), "broken symbolic link"));
                        } else if (attrs.isRegularFile() && !inside(file, root)) {
                            errors.add(new InputError(Location.of(display(file)), leadsOut(given)));
                        } else if (attrs.isRegularFile()) {
                            addFile(file);
                        } else if (!attrs.isDirectory()) {
                            errors.add(new InputError(Location.of(display(file)), "not a regular file"));
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    if (!hidden(file)) {
                        String why = e instanceof FileSystemLoopException
                                ? "symbolic link loop: this folder contains itself; not followed"
                                : "cannot read: " + Messages.io(e);
                        errors.add(new InputError(Location.of(display(file)), why));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                    if (e != null) errors.add(new InputError(Location.of(display(dir)), "cannot read folder: " + Messages.io(e)));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException | RuntimeException e) {
            errors.add(new InputError(Location.of(shown), "cannot read folder: "
                    + (e instanceof IOException io ? Messages.io(io) : String.valueOf(e.getMessage()))));
        }
    }

    /** True if the real path of {@code p} (links resolved) lies in {@code root} (a real path) or below it. */
    private static boolean inside(Path p, Path root) {
        try {
            return p.toRealPath().startsWith(root);
        } catch (IOException e) {
            return true; // unreadable: reading it reports why
        }
    }

    private static String leadsOut(Path folder) {
        return "symbolic link leads out of the checked folder " + display(folder)
                + "; not read (name its target on the command line to check it)";
    }

    private void addFile(Path file) {
        String shown = display(file);
        String key;
        try {
            key = file.toRealPath().toString();
        } catch (IOException e) {
            key = shown;
        }
        if (seen.add(key)) files.add(new InputFile(file, shown, isYaml(file)));
    }

    /** The path as given, normalized, with {@code /} separators. */
    static String display(Path p) {
        String s = p.normalize().toString();
        if (File.separatorChar != '/') s = s.replace(File.separatorChar, '/');
        return s.isEmpty() ? "." : s;
    }

    private static boolean hidden(Path p) {
        Path name = p.getFileName();
        return name != null && name.toString().startsWith(".") && !name.toString().equals(".")
                && !name.toString().equals("..");
    }

    static boolean isFactFile(Path p) {
        String n = name(p);
        return n.endsWith(".json") || isYaml(p);
    }

    /** The names reserved for waivers files among the fact files. */
    static boolean isWaiversFile(Path p) {
        String n = name(p);
        return n.equals("waivers.json") || n.equals("waivers.yaml") || n.equals("waivers.yml");
    }

    static boolean isYaml(Path p) {
        String n = name(p);
        return n.endsWith(".yaml") || n.endsWith(".yml");
    }

    private static String name(Path p) {
        Path f = p.getFileName();
        return f == null ? "" : f.toString().toLowerCase(Locale.ROOT);
    }
}
