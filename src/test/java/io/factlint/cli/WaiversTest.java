package io.factlint.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Waivers through the command line, on a copy of the seed story. */
class WaiversTest {
    static final Map<String, String> FEB_1 = Map.of("FACTLINT_TODAY", "2025-02-01");
    static final String STATUS_CHANGED = """
            waivers:
              - rule: status.changed
                subject: soldier-1
                reason: "The text says he was captured on the 26th and died on the 27th."
                author: "J. Editor"
                expires: 2025-03-31
            """;

    @TempDir
    Path tmp;
    Path facts;

    @BeforeEach
    void seed() {
        facts = CliRun.copy(Path.of("facts"), tmp.resolve("facts"));
    }

    private CliRun check(Map<String, String> env, String... extra) {
        String[] args = new String[extra.length + 2];
        args[0] = "check";
        args[1] = facts.toString();
        System.arraycopy(extra, 0, args, 2, extra.length);
        return CliRun.run(env, args);
    }

    @Test
    void withoutWaiversTheSeedStoryFailsOnWarning() {
        assertThat(check(FEB_1, "--fail-on", "warning").code()).isEqualTo(1);
    }

    @Test
    void aWaivedFindingIsShownMarkedAndDoesNotFail() throws Exception {
        Files.writeString(facts.resolve("waivers.yaml"), STATUS_CHANGED);
        CliRun text = check(FEB_1, "--fail-on", "warning");
        assertThat(text.code()).as(text.err()).isEqualTo(0);
        assertThat(text.out()).contains("warning [status.changed]")
                .contains("(waived until 2025-03-31 by J. Editor: The text says he was captured on the 26th and died on the 27th.; "
                        + facts.resolve("waivers.yaml").normalize().toString().replace('\\', '/') + ":2:5)")
                .contains("1 warning, 2 infos (1 waived); passed (--fail-on warning)");

        CliRun json = check(FEB_1, "--fail-on", "warning", "--format", "json");
        JsonNode report = new ObjectMapper().readTree(json.out());
        JsonNode f = report.path("findings").get(0);
        assertThat(f.path("rule").asText()).isEqualTo("status.changed");
        assertThat(f.path("waived").asBoolean()).isTrue();
        assertThat(f.path("waiver").path("reason").asText()).startsWith("The text says");
        assertThat(f.path("waiver").path("author").asText()).isEqualTo("J. Editor");
        assertThat(f.path("waiver").path("expires").asText()).isEqualTo("2025-03-31");
        assertThat(f.path("waiver").path("line").asInt()).isEqualTo(2);
        assertThat(report.path("summary").path("waived").asInt()).isEqualTo(1);
        assertThat(report.path("summary").path("passed").asBoolean()).isTrue();
        assertThat(report.path("findings").get(1).path("waived").asBoolean()).isFalse();
        assertThat(report.path("findings").get(1).has("waiver")).isFalse();
    }

    @Test
    void theWaiversFileIsNotReadAsAFactFile() throws Exception {
        Files.writeString(facts.resolve("waivers.json"), """
                {"waivers": [{"rule": "status.changed", "facts": ["nk-soldier-captured#f1", "nk-soldier-captured#f2", "nk-soldier-captured#f3"],
                  "reason": "accepted", "author": "me", "expires": "2025-12-31"}]}
                """);
        CliRun r = check(FEB_1, "--fail-on", "warning");
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        assertThat(r.out()).contains("1 story, 5 facts").contains("(1 waived)");
    }

    @Test
    void anExpiredWaiverNoLongerAppliesAndIsReportedAtItsEntry() throws Exception {
        Files.writeString(facts.resolve("waivers.yaml"), STATUS_CHANGED);
        CliRun r = check(Map.of("FACTLINT_TODAY", "2025-04-01"), "--fail-on", "warning");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).doesNotContain("waived until")
                .contains("waivers.yaml:2:5: warning [waiver.expired] waiver for status.changed (subject soldier-1) expired on 2025-03-31")
                .contains("1 finding it covers counts again");
        // the expiry day itself still applies
        assertThat(check(Map.of("FACTLINT_TODAY", "2025-03-31"), "--fail-on", "warning").code()).isZero();
    }

    @Test
    void sourceDateEpochSetsTodayToo() throws Exception {
        Files.writeString(facts.resolve("waivers.yaml"), STATUS_CHANGED);
        // 2025-04-01T00:00:00Z
        CliRun r = check(Map.of("SOURCE_DATE_EPOCH", "1743465600"), "--fail-on", "warning");
        assertThat(r.out()).contains("[waiver.expired]");
    }

    @Test
    void aWaiverThatMatchesNothingIsAWarning() throws Exception {
        Files.writeString(facts.resolve("waivers.yaml"), STATUS_CHANGED.replace("soldier-1", "dprk-troops"));
        CliRun r = check(FEB_1);
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("waivers.yaml:2:5: warning [waiver.unused] waiver for status.changed (subject dprk-troops) matches no finding");
        assertThat(check(FEB_1, "--fail-on", "warning").code()).isEqualTo(1);
    }

    @Test
    void aFingerprintWaiverAndAnExplicitWaiversFile() throws Exception {
        CliRun json = check(FEB_1, "--format", "json");
        String fp = new ObjectMapper().readTree(json.out()).path("findings").get(0).path("fingerprint").asText();
        Path w = tmp.resolve("elsewhere.json");
        Files.writeString(w, "{\"waivers\": [{\"rule\": \"status.changed\", \"fingerprint\": \"" + fp
                + "\", \"reason\": \"ok\", \"author\": \"me\", \"expires\": \"2025-02-01\"}]}");
        CliRun r = check(FEB_1, "--waivers", w.toString(), "--fail-on", "warning");
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("(waived until 2025-02-01 by me: ok;");
    }

    @Test
    void aMalformedWaiverIsAnInputErrorWithItsPosition() throws Exception {
        Files.writeString(facts.resolve("waivers.yaml"), """
                waivers:
                  - rule: status.chnged
                    subject: soldier-1
                    author: "J. Editor"
                    expires: 31/03/2025
                    note: x
                """);
        CliRun r = check(FEB_1);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        String w = facts.resolve("waivers.yaml").normalize().toString().replace('\\', '/');
        assertThat(r.err()).contains(w + ":2:11: unknown rule id \"status.chnged\"")
                .contains(w + ":2:5: missing field \"reason\"")
                .contains(w + ":5:14: \"expires\" must be an ISO date such as 2025-03-31, not \"31/03/2025\"")
                .contains(w + ":6:5: unknown field \"note\" in a waiver")
                .contains("4 input errors; nothing checked, no report written");
    }

    @Test
    void malformedSyntaxAndAMissingExplicitFileAreInputErrors() throws Exception {
        Files.writeString(facts.resolve("waivers.json"), "{\"waivers\": [{\"rule\": \"status.changed\",, }]}");
        CliRun r = check(FEB_1);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).containsPattern("waivers\\.json:1:\\d+: malformed JSON: ");
        Files.delete(facts.resolve("waivers.json"));
        CliRun missing = check(FEB_1, "--waivers", tmp.resolve("nope.yaml").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.yaml: waivers file not found");
    }

    @Test
    void aWaiverMustSayWhatItCovers() throws Exception {
        Files.writeString(facts.resolve("waivers.yaml"), """
                waivers:
                  - rule: status.changed
                    reason: "all of them"
                    author: me
                    expires: 2025-03-31
                """);
        CliRun r = check(FEB_1);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(":2:5: a waiver must say what it covers");
    }

    @Test
    void aBadFactlintTodayIsBadUsage() {
        CliRun r = check(Map.of("FACTLINT_TODAY", "tomorrow"));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("FACTLINT_TODAY must be an ISO date");
    }
}
