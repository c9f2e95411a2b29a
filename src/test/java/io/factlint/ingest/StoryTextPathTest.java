package io.factlint.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A fact file is data: the only other file it can make factlint read is its story's text, and only inside the fact
 * file's own folder tree: no absolute path, no {@code ../} that leaves the folder, no symbolic link out of it.
 */
class StoryTextPathTest {
    private static final FactLoader LOADER = new FactLoader(Set.of("active", "captured", "deceased"));

    @TempDir
    Path dir;

    private Path story(String text) throws Exception {
        Path facts = dir.resolve("facts");
        Files.createDirectories(facts.resolve("texts"));
        Files.writeString(facts.resolve("texts/story.txt"), "the text");
        Files.writeString(dir.resolve("secret.txt"), "outside");
        Path f = facts.resolve("story.json");
        Files.writeString(f, "{\"story\": {\"published\": \"2024-12-27\", \"text\": \"" + text + "\"}}");
        return f;
    }

    @ParameterizedTest
    @ValueSource(strings = {"texts/story.txt", "./texts/story.txt", "texts/../texts/story.txt"})
    void aTextInsideTheFolderIsRead(String text) throws Exception {
        assertThat(LOADER.load(List.of(story(text))).stories().get(0).text()).isEqualTo("the text");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../secret.txt", "texts/../../secret.txt", "..", "/etc/passwd"})
    void aTextOutsideTheFolderIsAnInputError(String text) throws Exception {
        Path f = story(text);
        InputException e = catchThrowableOfType(InputException.class, () -> LOADER.load(List.of(f)));
        assertThat(e).as(text).isNotNull();
        assertThat(e.errors()).hasSize(1);
        InputError error = e.errors().get(0);
        assertThat(error.location().line()).isEqualTo(1);
        assertThat(error.message()).containsAnyOf("must be relative", "leaves the fact file's folder");
    }

    @Test
    void aSymbolicLinkOutOfTheFolderIsAnInputError() throws Exception {
        Path f = story("texts/link.txt");
        try {
            Files.createSymbolicLink(f.getParent().resolve("texts/link.txt"), dir.resolve("secret.txt"));
        } catch (UnsupportedOperationException | java.io.IOException e) {
            org.junit.jupiter.api.Assumptions.abort("no symbolic links here: " + e);
        }
        InputException e = catchThrowableOfType(InputException.class, () -> LOADER.load(List.of(f)));
        assertThat(e).isNotNull();
        assertThat(e.errors().get(0).message()).contains("leads out of the fact file's folder");
    }
}
