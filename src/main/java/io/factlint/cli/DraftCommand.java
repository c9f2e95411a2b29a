package io.factlint.cli;

import io.factlint.check.ExitCode;
import io.factlint.draft.Draft;
import io.factlint.draft.DraftVocabulary;
import io.factlint.draft.DraftWriter;
import io.factlint.draft.Drafter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.OffsetDateTime;
import java.util.concurrent.Callable;

/**
 * {@code factlint draft ARTICLE.txt --published DATE-TIME}: proposes a commented YAML fact file for an article,
 * or adds what is new to the existing one. Never replaces what a file holds; nothing is written on an error.
 */
@Command(name = "draft", mixinStandardHelpOptions = true,
        description = "Draft a fact file from an article: numbers with hedges, dates, statuses, sources, quotes, claim "
                + "candidates, each marked drafted: true for review. An existing draft only gains what is new.")
final class DraftCommand implements Callable<Integer> {
    /** Larger articles are refused: wire copy is a few kilobytes; a bigger file is not an article. */
    static final long MAX_BYTES = 4L * 1024 * 1024;

    @Parameters(paramLabel = "ARTICLE", description = "The article, plain UTF-8 text.")
    Path article;

    @Option(names = "--published", paramLabel = "DATE-TIME", description = "Publication time, ISO with offset: 2024-12-27T21:00+09:00.")
    String published;

    @Option(names = "--id", paramLabel = "ID", description = "Story id (default: the article's file name).")
    String id;

    @Option(names = "--headline", paramLabel = "TEXT", description = "The headline, drafted as the story's status claim.")
    String headline;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "The fact file (default: ARTICLE with .yaml); "
            + "must be in the article's folder or above it. An existing file gains only new entries.")
    Path output;

    @Option(names = "--rules", paramLabel = "DIR", defaultValue = "rules", description = "The rule pack whose vocabulary (draft.yaml, lifecycle, figures) drafting uses (default: ${DEFAULT-VALUE}).")
    Path rules;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** A bad input: reported as {@code where: message}, exit 2, nothing written. */
    private static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            if (published == null) throw new Refused("--published is required: the publication time, e.g. --published 2024-12-27T21:00+09:00 (relative dates are resolved against it)");
            OffsetDateTime when;
            try {
                when = Drafter.parsePublished(published);
            } catch (IllegalArgumentException e) {
                throw new Refused("--published: " + e.getMessage());
            }
            String text = readArticle(article);
            String name = article.getFileName().toString();
            String storyId = id != null ? id : name.replaceFirst("\\.[^.]*$", "");
            if (!storyId.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) throw new Refused("--id: \"" + storyId + "\" cannot be a story id: use letters, digits, '.', '_' and '-'");
            Path target = output != null ? output : article.resolveSibling(name.replaceFirst("\\.[^.]*$", "") + ".yaml");
            Path targetDir = target.toAbsolutePath().normalize().getParent();
            Path articleAbs = article.toAbsolutePath().normalize();
            if (!articleAbs.startsWith(targetDir)) {
                throw new Refused(display(target) + ": the fact file must be in the article's folder or above it (its story.text may not leave its folder)");
            }
            if (!target.toString().matches(".*\\.ya?ml$")) throw new Refused(display(target) + ": a draft is YAML: name the file .yaml");
            DraftVocabulary vocab;
            try {
                vocab = DraftVocabulary.load(rules);
            } catch (IOException e) {
                throw new Refused(display(rules) + ": cannot read the drafting vocabulary: " + e.getMessage());
            }
            Draft draft = Drafter.draft(text, when, storyId, vocab, headline);
            String textPath = display(targetDir.relativize(articleAbs));
            String result;
            boolean merging = Files.exists(target);
            String existing = "";
            if (merging) {
                if (!Files.isRegularFile(target)) throw new Refused(display(target) + ": not a regular file");
                try {
                    existing = readArticle(target);
                } catch (Refused e) {
                    throw new Refused("cannot merge into " + e.getMessage());
                }
                try {
                    result = DraftWriter.merge(existing, draft);
                } catch (DraftWriter.MergeException e) {
                    throw new Refused(e.at(display(target)));
                }
                if (result.equals(existing.endsWith("\n") ? existing : existing + "\n")) {
                    out.println(display(target) + ": nothing new in " + display(article));
                    return ExitCode.OK.code();
                }
            } else {
                Path schema = rules.toAbsolutePath().normalize().getParent().resolve("schema").resolve("facts.schema.json");
                result = DraftWriter.render(draft, display(targetDir.relativize(schema)), textPath, name);
            }
            write(target, result, merging);
            DraftWriter.Added added = DraftWriter.added(existing, result);
            out.println((merging ? "added to " : "wrote ") + display(target) + ": " + added.facts() + " facts, "
                    + added.claims() + " claims, " + added.mentions() + " date mentions drafted from " + display(article)
                    + (added.commentedOut() == 0 ? "" : " (and " + added.commentedOut() + " commented out, each with its TODO)")
                    + "; review each drafted: true entry, then run factlint check " + display(target));
            return ExitCode.OK.code();
        } catch (Refused e) {
            err.println("factlint: " + e.getMessage());
            return ExitCode.INPUT_ERROR.code();
        } catch (IOException e) {
            err.println("factlint: cannot write the draft: " + e.getMessage());
            return ExitCode.INPUT_ERROR.code();
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** {@link #readArticle} for callers outside the command: a refusal is an {@link IOException} with its message. */
    static String readArticleOrFail(Path p) throws IOException {
        try {
            return readArticle(p);
        } catch (Refused e) {
            throw new IOException(e.getMessage());
        }
    }

    /** The article as text: a regular file, not empty, not binary, UTF-8, at most {@link #MAX_BYTES}. */
    static String readArticle(Path p) throws Refused {
        String where = display(p);
        if (!Files.exists(p)) throw new Refused(where + ": no such file");
        if (!Files.isRegularFile(p)) throw new Refused(where + ": not a regular file");
        byte[] bytes;
        try {
            long size = Files.size(p);
            if (size > MAX_BYTES) throw new Refused(where + ": too large for an article (" + size + " bytes; at most " + MAX_BYTES + ")");
            bytes = Files.readAllBytes(p);
        } catch (IOException e) {
            throw new Refused(where + ": cannot read: " + e.getMessage());
        }
        int line = 1, col = 1;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) throw new Refused(where + ":" + line + ":" + col + ": binary content (a NUL byte): not a text article");
            if (bytes[i] == '\n') { line++; col = 1; } else if ((bytes[i] & 0xC0) != 0x80) col++;
        }
        int skip = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, skip, bytes.length - skip);
        CharBuffer chars = CharBuffer.allocate(bytes.length + 1);
        CoderResult r = dec.decode(in, chars, true);
        if (r.isError()) {
            int at = in.position();
            int l = 1, c = 1;
            for (int i = skip; i < at; i++) {
                if (bytes[i] == '\n') { l++; c = 1; } else if ((bytes[i] & 0xC0) != 0x80) c++;
            }
            throw new Refused(where + ":" + l + ":" + c + ": not valid UTF-8 (byte 0x"
                    + String.format("%02X", bytes[at] & 0xFF) + "): save the article as UTF-8");
        }
        dec.flush(chars);
        String text = chars.flip().toString().replace("\r\n", "\n");
        if (text.isBlank()) throw new Refused(where + ": empty article: nothing to draft");
        return text;
    }

    /** A new file appears whole or not at all and never replaces one; a merge replaces the file atomically. */
    private static void write(Path target, String content, boolean replace) throws IOException, Refused {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".factlint-draft", ".tmp");
        try {
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            if (replace) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } else {
                try {
                    Files.createLink(target, tmp);
                } catch (FileAlreadyExistsException e) {
                    throw new Refused(display(target) + " appeared while drafting; not overwritten");
                } catch (UnsupportedOperationException | IOException e) {
                    Files.move(tmp, target);
                }
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static String display(Path p) {
        return p.normalize().toString().replace('\\', '/');
    }

}
