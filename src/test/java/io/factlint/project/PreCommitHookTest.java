package io.factlint.project;

import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10.19: {@code .pre-commit-hooks.yaml}. The manifest is read as pre-commit reads it and its {@code entry} is
 * run as pre-commit runs it (through the real launcher): exit 0 on the seed story, exit 1 on a copy with a planted
 * contradiction.
 */
class PreCommitHookTest {
    @TempDir
    Path tmp;

    private static JsonNode hook() throws Exception {
        JsonNode hooks = new YAMLMapper().readTree(Path.of(".pre-commit-hooks.yaml").toFile());
        assertThat(hooks.isArray()).isTrue();
        assertThat(hooks).hasSize(1);
        return hooks.get(0);
    }

    @Test
    void manifestDeclaresTheFactlintHook() throws Exception {
        JsonNode hook = hook();
        assertThat(hook.path("id").asText()).isEqualTo("factlint");
        assertThat(hook.path("name").asText()).isNotBlank();
        assertThat(hook.path("language").asText()).isIn("script", "system");
        assertThat(hook.path("pass_filenames").isBoolean()).isTrue();
        assertThat(hook.path("pass_filenames").asBoolean()).isFalse();
        // pre-commit matches "files" with Python's re.search
        Pattern files = Pattern.compile(hook.path("files").asText());
        for (String f : List.of("facts/story.json", "facts/story.yaml", "facts/story.yml", "facts/story.txt", "rules/vocabulary.yaml")) {
            assertThat(files.matcher(f).find()).as(f).isTrue();
        }
        for (String f : List.of("README.md", "src/Main.java", "facts/story.json.bak")) {
            assertThat(files.matcher(f).find()).as(f).isFalse();
        }
    }

    /** The hook run in the repository that holds it ({@code repo: local}): {@code sh -c entry} in its root. */
    @Test
    @Execution(ExecutionMode.CONCURRENT) // child processes in its own folders: beside this class's other tests (pom.xml)
    void entryInTheRepositoryRootPassesTheSeedStoryAndFailsAPlantedContradiction() throws Exception {
        String entry = hook().path("entry").asText();
        Path repo = tmp.resolve("repo");
        Launcher.install(repo, ".pre-commit-hooks.yaml");
        Launcher.copy(Path.of("facts"), repo.resolve("facts"));
        Launcher.copy(Path.of("rules"), repo.resolve("rules"));
        Launcher.Run ok = Launcher.run(repo, Map.of(), List.of("sh", "-c", entry));
        assertThat(ok.code()).as(ok.err() + ok.out()).isZero();
        assertThat(ok.out()).contains("1 story, 5 facts");

        Launcher.plantContradiction(repo.resolve("facts"));
        Launcher.Run bad = Launcher.run(repo, Map.of(), List.of("sh", "-c", entry));
        assertThat(bad.code()).as(bad.err() + bad.out()).isEqualTo(1);
        assertThat(bad.out()).contains("facts/nk-soldier-captured.json:48:5: error [status.stale]");
    }

    /**
     * The hook from a remote repository ({@code language: script}): pre-commit splits the entry, resolves its first
     * word in the hook's repository and runs it in the repository being committed, whose facts/ and rules/ it checks.
     */
    @Test
    @Execution(ExecutionMode.CONCURRENT) // child processes in its own folders: beside this class's other tests (pom.xml)
    void entryAsARemoteScriptHookChecksTheCommittingRepository() throws Exception {
        JsonNode hook = hook();
        String[] words = hook.path("entry").asText().trim().split("\\s+");
        Path hookRepo = tmp.resolve("hook");
        Launcher.install(hookRepo);
        List<String> cmd = new ArrayList<>();
        cmd.add(hook.path("language").asText().equals("script") ? hookRepo.resolve(words[0]).normalize().toString() : words[0]);
        cmd.addAll(List.of(words).subList(1, words.length));
        Path user = tmp.resolve("newsroom");
        Launcher.copy(Path.of("facts"), user.resolve("facts"));
        Launcher.copy(Path.of("rules"), user.resolve("rules"));
        assertThat(Launcher.run(user, Map.of(), cmd).code()).isZero();
        Launcher.plantContradiction(user.resolve("facts"));
        Launcher.Run bad = Launcher.run(user, Map.of(), cmd);
        assertThat(bad.code()).as(bad.err() + bad.out()).isEqualTo(1);
        assertThat(bad.out()).contains("error [status.stale]");
    }
}
