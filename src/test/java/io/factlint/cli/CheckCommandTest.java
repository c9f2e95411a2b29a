package io.factlint.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The check command end to end, in-process, on real files. */
class CheckCommandTest {
    private static final String SEED = "facts/nk-soldier-captured.json";

    @Test
    void theSeedStoryWarnsOfTheStatusChangeAndSupportsTheClaim() {
        Cli r = Cli.run("check");
        assertThat(r.exit()).isZero();
        assertThat(r.out().lines().toList()).contains(
                SEED + ":31:5: warning [status.changed] soldier-1 (wounded North Korean soldier): status changed from captured"
                        + " (26 Dec 2024; Militarnyi, National Intelligence Service (South Korea)) to deceased (27 Dec 2024;"
                        + " National Intelligence Service (South Korea)); text presenting soldier-1 as captured is out of date",
                "1 story, 5 facts, 2 claims: 0 errors, 1 warning, 2 infos; passed (--fail-on error)");
        assertThat(r.out()).contains("claim nk-soldier-captured#c1 supported (strict reading: undetermined)",
                "casualty_share of dprk-troops is (25.0 %, 36.4 %)");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void failOnWarningFailsTheSeedStoryAndNeverPassesEverything() {
        assertThat(Cli.run("check", "--fail-on", "warning").exit()).isEqualTo(1);
        assertThat(Cli.run("check", "--fail-on", "info").exit()).isEqualTo(1);
        assertThat(Cli.run("check", "src/test/resources/conformance/c02-status-impossible/facts", "--fail-on", "never").exit()).isZero();
        assertThat(Cli.run("check", "src/test/resources/conformance/c02-status-impossible/facts").exit()).isEqualTo(1);
    }

    @Test
    void jsonReportFollowsTheContractAndIsByteIdenticalAcrossRuns() throws Exception {
        Cli a = Cli.run("check", "--format", "json");
        Cli b = Cli.run("check", "--format", "json");
        assertThat(a.exit()).isZero();
        assertThat(a.out()).isEqualTo(b.out());
        JsonNode j = new ObjectMapper().readTree(a.out());
        assertThat(j.at("/tool/name").asText()).isEqualTo("factlint");
        assertThat(j.at("/summary/stories").asInt()).isEqualTo(1);
        assertThat(j.at("/summary/facts").asInt()).isEqualTo(5);
        assertThat(j.at("/summary/warnings").asInt()).isEqualTo(1);
        assertThat(j.at("/summary/infos").asInt()).isEqualTo(2);
        assertThat(j.at("/summary/passed").asBoolean()).isTrue();
        JsonNode f = j.at("/findings/0");
        assertThat(f.get("rule").asText()).isEqualTo("status.changed");
        assertThat(f.at("/facts/0/ref").asText()).isEqualTo("nk-soldier-captured#f1");
        assertThat(f.at("/facts/0/file").asText()).isEqualTo(SEED);
        assertThat(f.at("/facts/0/line").asInt()).isEqualTo(21);
        JsonNode fig = j.at("/figures/0");
        assertThat(fig.get("attribute").asText()).isEqualTo("casualty_share");
        assertThat(fig.at("/conventional/min").asDouble()).isEqualTo(0.25);
        assertThat(fig.at("/conventional/max").asDouble()).isCloseTo(0.3636, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(fig.at("/strict/max").isNull()).isTrue();
        assertThat(fig.get("arithmetic").asText()).isEqualTo("(3,000, 4,000) / (11,000, 12,000) = (25.0 %, 36.4 %)");
        JsonNode claim = j.at("/claims/1");
        assertThat(claim.get("ref").asText()).isEqualTo("nk-soldier-captured#c1");
        assertThat(claim.get("verdict").asText()).isEqualTo("supported");
        assertThat(claim.get("strictVerdict").asText()).isEqualTo("undetermined");
    }

    @Test
    void reportsGoToFilesAndAFolder(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("r.json");
        Cli r = Cli.run("check", "--format", "json", "-o", file.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(new ObjectMapper().readTree(file.toFile()).at("/summary/facts").asInt()).isEqualTo(5);
        Path dir = tmp.resolve("out/");
        Cli both = Cli.run("check", "--format", "text", "--format", "json", "-o", dir + "/");
        assertThat(both.exit()).isZero();
        assertThat(both.out()).contains("[status.changed]");
        assertThat(dir.resolve("factlint.json")).exists();
        try (var s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactly("factlint.json");
        }
    }

    @Test
    void inputErrorsAreLocatedExitTwoAndLeaveTheEarlierReportAlone(@TempDir Path tmp) throws Exception {
        Path facts = tmp.resolve("facts");
        Files.createDirectories(facts);
        Files.writeString(facts.resolve("a.json"), "{\"story\": {\"published\": \"2024-02-30\"},\n \"facts\": [{\"id\": 1}]}\n");
        Files.writeString(facts.resolve("b.json"), "{\"bogus\": true}\n");
        Path report = tmp.resolve("report.json");
        Files.writeString(report, "earlier report");
        Cli r = Cli.run("check", facts.toString(), "--format", "json", "-o", report.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        List<String> lines = r.err().lines().toList();
        assertThat(lines).contains(facts.resolve("a.json") + ":1:25: invalid date \"2024-02-30\": February 2024 has no day 30",
                facts.resolve("a.json") + ":2:19: expected a string for \"id\", found a number");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith(facts.resolve("b.json") + ":1:2: "));
        assertThat(lines.get(lines.size() - 1)).contains("nothing checked, no report written");
        assertThat(r.err()).doesNotContain("Exception", "\tat ");
        assertThat(Files.readString(report)).isEqualTo("earlier report");
    }

    @Test
    void aRuleThatDoesNotCompileStopsTheCheckWithItsFileAndLine(@TempDir Path tmp) throws Exception {
        Path rules = tmp.resolve("rules");
        Files.createDirectories(rules);
        Files.writeString(rules.resolve("broken.drl"), "package x;\n\nrule \"broken\"\nwhen\n    NoSuchType()\nthen\nend\n");
        Cli r = Cli.run("check", "--rules", rules.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains(rules.resolve("broken.drl") + ":5: ", "NoSuchType");
    }

    @Test
    void badUsageExitsTwo() {
        assertThat(Cli.run("check", "--no-such-option").exit()).isEqualTo(2);
        assertThat(Cli.run("check", "--fail-on", "sometimes").exit()).isEqualTo(2);
        Cli two = Cli.run("check", "--format", "json", "--format", "text");
        assertThat(two.exit()).isEqualTo(2);
        assertThat(two.err()).contains("give -o FOLDER");
    }

    @Test
    void parserLimitsCanBeChangedFromTheCommandLine() {
        Cli small = Cli.run("check", "--parser-limit", "file-bytes=100");
        assertThat(small.exit()).isEqualTo(2);
        assertThat(small.err()).startsWith(SEED + ":").contains("too large");
        assertThat(Cli.run("check", "--parser-limit", "file-bytes=100000000", "--parser-limit", "depth=500").exit()).isZero();
        Cli unknown = Cli.run("check", "--parser-limit", "width=3");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown parser limit \"width\" (expected one of: depth, file-bytes,");
        assertThat(Cli.run("check", "--parser-limit", "depth=2").err()).contains("depth=2: depth must be at least 8");
    }
}
