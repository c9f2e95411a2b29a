package io.factlint.project;

import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10.20: the launcher run from another folder than the project's (no {@code rules/} in the working folder)
 * says once, in one line, that there is no rules folder, where it looked and how to point at one, and exits 2.
 */
class RunFromAnotherFolderTest {
    @TempDir
    Path tmp;

    @Test
    @Execution(ExecutionMode.CONCURRENT) // child processes in its own folders: beside this class's other tests (pom.xml)
    void checkWithoutARulesFolderSaysSoOnceAndHowToPointAtOne() throws Exception {
        Path launcher = Launcher.install(tmp.resolve("app"));
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        String facts = Path.of("facts").toAbsolutePath().toString();
        Launcher.Run r = Launcher.run(elsewhere, Map.of(), List.of(launcher.toString(), "check", facts));
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        List<String> lines = r.err().lines().toList();
        assertThat(lines).as(r.err()).hasSize(1);
        assertThat(lines.get(0)).isEqualTo("factlint: no rules folder at " + elsewhere.toRealPath().resolve("rules")
                + " (run from the folder that holds rules/, or point at one with --rules DIR); nothing checked");

        // pointed at the rules, the same check from the same folder runs
        Launcher.Run pointed = Launcher.run(elsewhere, Map.of(), List.of(launcher.toString(), "check", facts,
                "--rules", Path.of("rules").toAbsolutePath().toString()));
        assertThat(pointed.code()).as(pointed.err()).isZero();
        assertThat(pointed.out()).contains("1 story, 5 facts");
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT) // child processes in its own folders: beside this class's other tests (pom.xml)
    void otherRuleCommandsSayTheSame() throws Exception {
        Path launcher = Launcher.install(tmp.resolve("app"));
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Launcher.Run r = Launcher.run(elsewhere, Map.of(), List.of(launcher.toString(), "rules", "--rules", "my-rules"));
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err().lines().toList()).as(r.err()).singleElement().asString()
                .startsWith("factlint: no rules folder at " + elsewhere.toRealPath().resolve("my-rules") + " (")
                .contains("--rules DIR");
    }
}
