package io.factlint.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A baseline fingerprint and a {@code facts:} waiver identify the problem (rule, subject, attribute, times), not
 * every supporting fact: a fact from a corroborating source leaves an existing finding unchanged.
 */
class FingerprintStabilityTest {
    @TempDir
    Path dir;

    /** The seed story plus a second source for the soldier's death on 27 Dec (the status.changed finding's later time). */
    private Path corroborate(Path facts) throws Exception {
        Path f = facts.resolve("nk-soldier-captured.json");
        Files.writeString(f, Files.readString(f).replaceFirst("\\{\\s*\"id\": \"f3\"",
                "{\"id\": \"f3b\", \"subject\": \"soldier-1\", \"attribute\": \"status\", \"value\": \"deceased\", "
                        + "\"at\": \"2024-12-27\", \"source\": \"gur\"},\n    $0"));
        return f;
    }

    @Test
    void aCorroboratingFactKeepsTheBaselineFingerprint() throws Exception {
        Path facts = CliRun.copy(Path.of("facts"), dir.resolve("facts"));
        Path baseline = dir.resolve("baseline.json");
        assertThat(CliRun.run("check", facts.toString(), "--format", "json", "-o", baseline.toString()).code()).isZero();
        corroborate(facts);
        CliRun r = CliRun.run("check", facts.toString(), "--baseline", baseline.toString(), "--fail-on", "warning", "--fail-on-new");
        assertThat(r.out()).as(r.err()).contains("Ukrainian military intelligence (GUR)");
        assertThat(r.out()).contains(" 0 new,").doesNotContain("fixed warning [status.changed]");
        assertThat(r.code()).as(r.out()).isZero();
    }

    @Test
    void aCorroboratingFactKeepsAFactsWaiver() throws Exception {
        Path facts = CliRun.copy(Path.of("facts"), dir.resolve("facts"));
        Files.writeString(dir.resolve("waivers.yaml"), """
                waivers:
                  - rule: status.changed
                    facts: [nk-soldier-captured#f1, nk-soldier-captured#f2, nk-soldier-captured#f3]
                    reason: the story says he died
                    author: desk
                    expires: 2999-12-31
                """);
        corroborate(facts);
        CliRun r = CliRun.run("check", facts.toString(), "--waivers", dir.resolve("waivers.yaml").toString(), "--fail-on", "warning");
        assertThat(r.out()).as(r.err()).contains("Ukrainian military intelligence (GUR)").contains("waived until").doesNotContain("waiver.unused");
    }
}
