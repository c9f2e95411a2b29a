package io.factlint.cli;

import io.factlint.draft.Draft;
import io.factlint.draft.DraftVocabulary;
import io.factlint.draft.DraftWriter;
import io.factlint.model.Story;
import io.factlint.model.When;
import io.factlint.serve.Drafter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The workbench's "run draft" action over {@code io.factlint.draft}: drafts the story's text as {@code factlint draft}
 * does, into {@code <story>.draft.yaml} beside the story file (story id {@code <story>-draft}, so that it does not
 * clash with the story already there). A second run merges into that file: only new entries are added
 * ({@link DraftWriter#merge}). The vocabulary is read from the rule pack's folder on each run, so an edit of
 * {@code draft.yaml} counts without a restart.
 */
final class ServeDrafter implements Drafter {
    private final Path rules;

    ServeDrafter(Path rules) {
        this.rules = rules;
    }

    @Override
    public String draft(Story story, Path folder) throws IOException {
        if (story.textFile() == null) throw new IOException("story " + story.id() + " has no text file");
        if (story.published() == null) throw new IOException("story " + story.id() + " has no publication time");
        Path text = Path.of(story.textFile());
        String article = DraftCommand.readArticleOrFail(text);
        String id = story.id() + "-draft";
        Draft draft = io.factlint.draft.Drafter.draft(article, published(story.published()), id,
                DraftVocabulary.load(rules), story.headline());
        Path target = folder.resolve(story.id() + ".draft.yaml");
        Path dir = target.toAbsolutePath().normalize().getParent();
        String result;
        boolean merging = Files.exists(target);
        String existing = "";
        if (merging) {
            existing = Files.readString(target, StandardCharsets.UTF_8);
            try {
                result = DraftWriter.merge(existing, draft);
            } catch (DraftWriter.MergeException e) {
                throw new IOException(e.at(target.toString()));
            }
            if (result.equals(existing.endsWith("\n") ? existing : existing + "\n")) return target + ": nothing new in " + text;
        } else {
            Path schema = rules.toAbsolutePath().normalize().getParent().resolve("schema").resolve("facts.schema.json");
            result = DraftWriter.render(draft, slashes(dir.relativize(schema)),
                    slashes(dir.relativize(text.toAbsolutePath().normalize())), text.getFileName().toString());
        }
        io.factlint.report.AtomicFiles.write(target, o -> o.write(result.getBytes(StandardCharsets.UTF_8)));
        // what the file holds now that it did not (as factlint draft counts it), the path as the page's others read
        DraftWriter.Added added = DraftWriter.added(existing, result);
        Path cwd = Path.of("").toAbsolutePath();
        Path shown = target.toAbsolutePath().normalize().startsWith(cwd) ? cwd.relativize(target.toAbsolutePath().normalize()) : target;
        return "drafted " + added.facts() + " facts, " + added.claims() + " claims into " + slashes(shown)
                + (merging ? " (new entries only)" : "") + "; review each drafted entry";
    }

    /** The story's publication time as an instant (a day: its start, UTC; a period: its start). */
    static OffsetDateTime published(When w) {
        if (w.isPeriod()) return published(w.from());
        if (w.isInstant()) return io.factlint.draft.Drafter.parsePublished(w.iso());
        return w.startDay().atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    private static String slashes(Path p) {
        return p.toString().replace('\\', '/');
    }
}
