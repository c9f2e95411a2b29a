package io.factlint.ingest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.factlint.ingest.Messages.q;

/**
 * Reads the story text a fact file names ({@code story.text}): a UTF-8 file (a BOM is dropped) relative to the fact
 * file, in its folder or below it, also through symbolic links, no larger than the document limit.
 */
final class StoryTextReader {
    /** The text and the path it is shown as. */
    record Text(String shown, String text) {
    }

    private StoryTextReader() {
    }

    /**
     * Reads the text named {@code name} by the fact file {@code factFile} (shown as {@code shownFile}); null,
     * with an error at {@code pos}, if it cannot.
     */
    static Text read(Path factFile, String shownFile, String name, long pos, ParserLimits limits, TokenCursor errors) {
        if (name.isBlank()) {
            errors.error(pos, "empty story text path");
            return null;
        }
        Path given;
        try {
            given = Path.of(name);
        } catch (RuntimeException e) {
            errors.error(pos, "invalid story text path " + q(name) + Messages.fileNameEncodingHint());
            return null;
        }
        if (given.isAbsolute() || given.getRoot() != null) {
            errors.error(pos, "story text path " + q(name) + " must be relative to the fact file");
            return null;
        }
        if (given.normalize().startsWith("..")) {
            errors.error(pos, "story text path " + q(name) + " leaves the fact file's folder; the text must be in that folder or below it");
            return null;
        }
        Path base = factFile.getParent();
        Path target = base == null ? given : base.resolve(given);
        Path shownParent = Path.of(shownFile).getParent();
        String shown = FileWalker.display(shownParent == null ? given : shownParent.resolve(given));
        try {
            // a symbolic link must not lead out either: a fact file is data and reads nothing outside its folder
            if (Files.exists(target) && !target.toRealPath().startsWith(
                    (base == null ? Path.of("") : base).toAbsolutePath().toRealPath())) {
                errors.error(pos, "story text " + q(name) + " leads out of the fact file's folder (a symbolic link?); the text must be in that folder or below it");
                return null;
            }
            if (Files.isDirectory(target)) {
                errors.error(pos, "story text " + q(name) + " is a folder, not a file (" + shown + ")");
                return null;
            }
            long size = Files.size(target);
            if (size > limits.maxDocumentLength()) {
                errors.error(pos, "story text " + q(name) + " is too large: " + Messages.bytes(size));
                return null;
            }
            byte[] bytes = Files.readAllBytes(target);
            int skip = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                    && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, skip, bytes.length - skip)).toString();
            return new Text(shown, text);
        } catch (java.nio.file.NoSuchFileException e) {
            errors.error(pos, "story text file not found: " + shown + missingFolder(base, given, shownParent));
        } catch (CharacterCodingException e) {
            errors.error(pos, "story text " + q(name) + " is not valid UTF-8 (" + shown + ")");
        } catch (IOException e) {
            errors.error(pos, "cannot read story text " + q(name) + ": " + Messages.io(e) + " (" + shown + ")");
        }
        return null;
    }

    /**
     * {@code "sub/../t.txt"} names {@code t.txt} only if {@code sub} exists: the system resolves {@code ..} after
     * {@code sub}. When a folder on the way is missing, says which ({@code (the folder facts/sub does not exist)}).
     */
    private static String missingFolder(Path base, Path given, Path shownParent) {
        for (int i = 1; i < given.getNameCount(); i++) {
            Path prefix = given.subpath(0, i);
            if (prefix.getFileName().toString().equals("..") || prefix.getFileName().toString().equals(".")) continue;
            Path folder = base == null ? prefix : base.resolve(prefix);
            if (!Files.isDirectory(folder)) {
                Path shown = shownParent == null ? prefix : shownParent.resolve(prefix);
                return " (the folder " + FileWalker.display(shown) + " on the way, in " + q(given.toString())
                        + ", does not exist)";
            }
        }
        return "";
    }
}
