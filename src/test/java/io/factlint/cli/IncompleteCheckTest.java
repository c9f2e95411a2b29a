package io.factlint.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** A check that did not complete never exits 0 or 1: a rule that halts the session, a story text that never ends. */
class IncompleteCheckTest {
    @TempDir
    Path dir;

    @Test
    void aRuleThatHaltsEndsTheCheckWithExitThree() throws Exception {
        Path facts = CliRun.copy(Path.of("facts"), dir.resolve("facts"));
        Path rules = CliRun.rulesWith(dir, "zz-halt.drl", """
                package factlint.rules.bad;

                import io.factlint.model.*;

                rule "stops early"
                salience 1000
                when
                    Story()
                then
                    drools.halt();
                end
                """);
        CliRun r = CliRun.run("check", "--rules", rules.toString(), "--fail-on", "never", facts.toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(3);
        assertThat(r.err()).contains("the check did not complete").contains("\"stops early\"").contains("halt");
        assertThat(r.out()).doesNotContain("passed");
    }

    @Test
    void aStoryTextThatIsAFifoIsAnInputError() throws Exception {
        Path facts = CliRun.copy(Path.of("facts"), dir.resolve("facts"));
        Path text = facts.resolve("nk-soldier-captured.txt");
        Files.delete(text);
        assertThat(new ProcessBuilder("mkfifo", text.toString()).start().waitFor()).isZero();
        // no writer: reading it would block forever
        CliRun r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> CliRun.run("check", facts.toString()));
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("nk-soldier-captured.json:").contains("not a regular file");
        assertThat(Files.isRegularFile(text)).isFalse();
    }
}
