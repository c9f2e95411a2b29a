package io.factlint.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Baselines: a JSON report of an earlier run, matched by fingerprint. */
class BaselineTest {
    @TempDir
    Path tmp;
    Path facts;
    Path story;
    Path baseline;

    @BeforeEach
    void firstRun() throws Exception {
        facts = CliRun.copy(Path.of("facts"), tmp.resolve("facts"));
        story = facts.resolve("nk-soldier-captured.json");
        baseline = tmp.resolve("previous.json");
        CliRun r = CliRun.run("check", facts.toString(), "--format", "json", "-o", baseline.toString());
        assertThat(r.code()).as(r.err()).isZero();
    }

    private JsonNode json(String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("check", facts.toString(), "--format", "json", "--baseline", baseline.toString()));
        args.addAll(List.of(extra));
        CliRun r = CliRun.run(args.toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isIn(0, 1);
        return new ObjectMapper().readTree(r.out());
    }

    /** Moves fact f3 (the "deceased" fact) to the top of the facts list: every line number changes. */
    private void moveAFact() throws Exception {
        String s = Files.readString(story);
        int start = s.indexOf("    {\n      \"id\": \"f3\"");
        int end = s.indexOf("    },\n", start) + "    },\n".length();
        String f3 = s.substring(start, end);
        s = s.substring(0, start) + s.substring(end);
        int first = s.indexOf("    {\n      \"id\": \"f1\"");
        Files.writeString(story, s.substring(0, first) + f3 + s.substring(first));
    }

    @Test
    void movingAFactWithinItsFileLeavesItsFindingUnchanged() throws Exception {
        JsonNode before = new ObjectMapper().readTree(baseline.toFile());
        int lineBefore = before.path("findings").get(0).path("location").path("line").asInt();
        moveAFact();
        JsonNode r = json();
        JsonNode f = r.path("findings").get(0);
        assertThat(f.path("rule").asText()).isEqualTo("status.changed");
        assertThat(f.path("location").path("line").asInt()).isNotEqualTo(lineBefore);
        assertThat(f.path("baseline").asText()).isEqualTo("unchanged");
        for (JsonNode x : r.path("findings")) assertThat(x.path("baseline").asText()).isEqualTo("unchanged");
        assertThat(r.path("summary").path("new").asInt()).isZero();
        assertThat(r.path("summary").path("unchanged").asInt()).isEqualTo(3);
        assertThat(r.path("baseline").path("fixed")).isEmpty();
    }

    @Test
    void newFindingsAreMarkedFixedOnesListedAndFailOnNewGatesOnlyOnNew() throws Exception {
        moveAFact();
        // a second source for killed_or_injured fixes source.single on dprk-troops; the lower figure is a new error
        String s = Files.readString(story);
        s = s.replaceFirst("(\"quote\": \"over 3000 North Korean soldiers[^\"]*\"\n    \\})",
                "$1,\n    {\"id\": \"f9\", \"subject\": \"dprk-troops\", \"attribute\": \"killed_or_injured\", \"value\": 2000, \"at\": \"2024-12-26\", \"source\": \"nis\"}");
        Files.writeString(story, s);
        JsonNode r = json();
        List<String> states = new ArrayList<>();
        r.path("findings").forEach(f -> states.add(f.path("rule").asText() + "=" + f.path("baseline").asText()));
        assertThat(states).contains("count.decreased=new", "status.changed=unchanged", "source.single=unchanged");
        assertThat(r.path("baseline").path("fixed")).hasSize(1);
        assertThat(r.path("baseline").path("fixed").get(0).path("rule").asText()).isEqualTo("source.single");
        assertThat(r.path("baseline").path("fixed").get(0).path("subject").asText()).isEqualTo("dprk-troops");

        CliRun text = CliRun.run("check", facts.toString(), "--baseline", baseline.toString());
        assertThat(text.out()).contains("[count.decreased]").contains("(new)")
                .contains(": fixed info [source.single] dprk-troops")
                .contains("against the baseline: ");
        assertThat(text.code()).isEqualTo(1);
        assertThat(CliRun.run("check", facts.toString(), "--baseline", baseline.toString(), "--fail-on-new").code()).isEqualTo(1);
    }

    @Test
    void failOnNewPassesWhenAllFindingsAtTheLevelWereThereBefore() throws Exception {
        moveAFact();
        assertThat(CliRun.run("check", facts.toString(), "--fail-on", "warning").code()).isEqualTo(1);
        CliRun r = CliRun.run("check", facts.toString(), "--fail-on", "warning", "--baseline", baseline.toString(), "--fail-on-new");
        assertThat(r.code()).as(r.out()).isZero();
        assertThat(r.out()).contains("passed (--fail-on warning, new findings only)");
    }

    @Test
    void aReportWithBaselineFieldsIsAValidBaselineItself() throws Exception {
        Path second = tmp.resolve("second.json");
        assertThat(CliRun.run("check", facts.toString(), "--format", "json", "--baseline", baseline.toString(), "-o", second.toString()).code()).isZero();
        baseline = second;
        assertThat(json().path("summary").path("unchanged").asInt()).isEqualTo(3);
    }

    @Test
    void aBrokenOrMissingBaselineIsAnInputErrorAndFailOnNewNeedsOne() throws Exception {
        Files.writeString(baseline, "{\"findings\": [ {\"rule\": 1} ]}");
        CliRun bad = CliRun.run("check", facts.toString(), "--baseline", baseline.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("previous.json:1:16: a finding of the baseline report must be an object with a \"rule\"");
        CliRun missing = CliRun.run("check", facts.toString(), "--baseline", tmp.resolve("none.json").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("none.json: baseline report not found");
        CliRun usage = CliRun.run("check", facts.toString(), "--fail-on-new");
        assertThat(usage.code()).isEqualTo(2);
        assertThat(usage.err()).contains("--fail-on-new needs --baseline");
    }
}
