package io.factlint.project;

import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10.19: the GitHub Action. Its logic, {@code scripts/action-check.sh}, runs here as the action's steps run it
 * ({@code check}, then {@code gate} with the recorded exit code) through the real launcher, in a working folder that
 * holds a copy of the seed story and the rules; and {@code action.yml} is parsed to check that its steps call the
 * script, upload SARIF with {@code if: always()} and fail the job only after the uploads.
 */
class ActionScriptTest {
    @TempDir
    Path tmp;

    private Path script;
    private Path work;
    private Path ghOutput;

    @BeforeEach
    void setUp() throws Exception {
        Launcher.install(tmp.resolve("app"), "scripts/action-check.sh");
        script = tmp.resolve("app/scripts/action-check.sh");
        work = Files.createDirectories(tmp.resolve("work"));
        Launcher.copy(Path.of("facts"), work.resolve("facts"));
        Launcher.copy(Path.of("rules"), work.resolve("rules"));
        ghOutput = tmp.resolve("github-output.txt");
        Files.writeString(ghOutput, "");
    }

    private Launcher.Run step(Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("bash", script.toString()));
        cmd.addAll(List.of(args));
        Map<String, String> all = new LinkedHashMap<>(env);
        all.put("GITHUB_OUTPUT", ghOutput.toString());
        return Launcher.run(work, all, cmd);
    }

    /** The step outputs the script recorded ({@code name=value} lines of $GITHUB_OUTPUT). */
    private Map<String, String> outputs() throws Exception {
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : Files.readAllLines(ghOutput)) {
            int eq = line.indexOf('=');
            m.put(line.substring(0, eq), line.substring(eq + 1));
        }
        return m;
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT) // child processes in its own folders: beside this class's other tests (pom.xml)
    void seedStoryPassesWithTheReportsWrittenAndWarningAnnotations() throws Exception {
        Launcher.Run check = step(Map.of("FACTLINT_FORMATS", "json, html"), "check");
        assertThat(check.code()).as(check.err() + check.out()).isZero();
        assertThat(outputs()).containsEntry("exit-code", "0").containsEntry("report-dir", "factlint-reports")
                .containsEntry("sarif", "factlint-reports/factlint.sarif");
        Path reports = work.resolve("factlint-reports");
        for (String f : List.of("factlint.json", "factlint.html", "factlint.sarif", "factlint-github.txt")) {
            assertThat(reports.resolve(f)).isNotEmptyFile();
        }
        JsonNode sarif = new ObjectMapper().readTree(reports.resolve("factlint.sarif").toFile());
        assertThat(sarif.path("version").asText()).isEqualTo("2.1.0");
        assertThat(new ObjectMapper().readTree(reports.resolve("factlint.json").toFile()).toString()).contains("status.changed");
        // the annotations reach the log: a warning on the fact file's line, no error
        assertThat(check.out()).contains("::warning file=facts/nk-soldier-captured.json,line=31,col=5,title=[status.changed]::")
                .doesNotContain("::error");
        Launcher.Run gate = step(Map.of(), "gate", outputs().get("exit-code"));
        assertThat(gate.code()).isZero();
        assertThat(gate.out()).doesNotContain("::error");
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT) // child processes in its own folders: beside this class's other tests (pom.xml)
    void plantedContradictionAnnotatesTheLineWritesTheReportsThenFailsAtTheGate() throws Exception {
        Launcher.plantContradiction(work.resolve("facts"));
        Launcher.Run check = step(Map.of(), "check");
        // the check step itself succeeds, so that the uploads run before the job fails
        assertThat(check.code()).as(check.err() + check.out()).isZero();
        assertThat(outputs()).containsEntry("exit-code", "1").containsEntry("sarif", "factlint-reports/factlint.sarif");
        assertThat(check.out()).contains("::error file=facts/nk-soldier-captured.json,line=48,col=5,title=[status.stale]::");
        JsonNode sarif = new ObjectMapper().readTree(work.resolve("factlint-reports/factlint.sarif").toFile());
        List<String> errors = new ArrayList<>();
        sarif.path("runs").path(0).path("results").forEach(r -> {
            if (r.path("level").asText().equals("error")) errors.add(r.path("ruleId").asText());
        });
        assertThat(errors).containsExactly("status.stale");
        assertThat(work.resolve("factlint-reports/factlint.html")).isNotEmptyFile();
        Launcher.Run gate = step(Map.of(), "gate", outputs().get("exit-code"));
        assertThat(gate.code()).isEqualTo(1);
        assertThat(gate.out()).startsWith("::error title=factlint::findings at or above fail-on (error)");
        // both in one (other CI systems): the gate's exit code
        assertThat(step(Map.of(), "").code()).isEqualTo(1);
        // fail-on never: the same findings pass
        Files.writeString(ghOutput, "");
        assertThat(step(Map.of("FACTLINT_FAIL_ON", "never"), "check").code()).isZero();
        assertThat(outputs()).containsEntry("exit-code", "0");
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT) // child processes in its own folders: beside this class's other tests (pom.xml)
    void badInputRecordsExit2WithoutASarifToUpload() throws Exception {
        Files.writeString(work.resolve("facts/broken.json"), "{\"story\": ", StandardCharsets.UTF_8);
        Launcher.Run check = step(Map.of("FACTLINT_OUTPUT", "out/reports/"), "check");
        assertThat(check.code()).isZero();
        assertThat(outputs()).containsEntry("exit-code", "2").containsEntry("report-dir", "out/reports")
                .doesNotContainKey("sarif");
        assertThat(check.err()).contains("broken.json:1:");
        assertThat(work.resolve("out/reports/factlint.sarif")).doesNotExist();
        Launcher.Run gate = step(Map.of(), "gate", "2");
        assertThat(gate.code()).isEqualTo(2);
        assertThat(gate.out()).contains("::error title=factlint::bad input");
        // no code recorded (the check step broke): the gate never passes
        assertThat(step(Map.of(), "gate", "").code()).isEqualTo(3);
    }

    @Test
    void actionYmlSetsUpJavaRunsTheScriptUploadsAlwaysAndFailsLast() throws Exception {
        JsonNode action = new YAMLMapper().readTree(Path.of("action.yml").toFile());
        assertThat(action.path("runs").path("using").asText()).isEqualTo("composite");
        JsonNode inputs = action.path("inputs");
        assertThat(inputs.has("paths") && inputs.has("formats") && inputs.has("fail-on") && inputs.has("output")).isTrue();
        List<JsonNode> steps = new ArrayList<>();
        action.path("runs").path("steps").forEach(steps::add);
        assertThat(steps).hasSizeGreaterThanOrEqualTo(4);

        JsonNode java = steps.get(0);
        assertThat(java.path("uses").asText()).startsWith("actions/setup-java@");
        assertThat(java.path("with").path("java-version").asText()).isEqualTo("${{ inputs.java-version }}");
        assertThat(inputs.path("java-version").path("default").asText()).isEqualTo("17");

        int check = indexOf(steps, s -> s.path("id").asText().equals("check"));
        assertThat(steps.get(check).path("run").asText()).isEqualTo("\"$GITHUB_ACTION_PATH/scripts/action-check.sh\" check");
        JsonNode env = steps.get(check).path("env");
        String scriptText = Files.readString(Path.of("scripts/action-check.sh"));
        for (String[] pair : new String[][]{{"FACTLINT_PATHS", "paths"}, {"FACTLINT_FORMATS", "formats"},
                {"FACTLINT_FAIL_ON", "fail-on"}, {"FACTLINT_OUTPUT", "output"}, {"FACTLINT_RULES", "rules"}}) {
            assertThat(env.path(pair[0]).asText()).isEqualTo("${{ inputs." + pair[1] + " }}");
            assertThat(scriptText).contains("${" + pair[0] + ":-");
        }

        int sarif = indexOf(steps, s -> s.path("uses").asText().startsWith("github/codeql-action/upload-sarif@"));
        assertThat(steps.get(sarif).path("if").asText()).startsWith("always()");
        assertThat(steps.get(sarif).path("with").path("sarif_file").asText()).isEqualTo("${{ steps.check.outputs.sarif }}");
        int artifact = indexOf(steps, s -> s.path("uses").asText().startsWith("actions/upload-artifact@"));
        assertThat(steps.get(artifact).path("if").asText()).startsWith("always()");

        JsonNode gate = steps.get(steps.size() - 1);
        assertThat(gate.path("if").asText()).isEqualTo("always()");
        assertThat(gate.path("run").asText()).isEqualTo("\"$GITHUB_ACTION_PATH/scripts/action-check.sh\" gate \"$FACTLINT_EXIT_CODE\"");
        assertThat(gate.path("env").path("FACTLINT_EXIT_CODE").asText()).isEqualTo("${{ steps.check.outputs.exit-code }}");
        assertThat(check).isLessThan(sarif);
        assertThat(sarif).isLessThan(steps.size() - 1);
        assertThat(artifact).isLessThan(steps.size() - 1);
        for (JsonNode s : steps) {
            if (s.has("run")) assertThat(s.path("shell").asText()).as(s.toString()).isEqualTo("bash");
        }

        // every input the steps read is declared; no input reaches a run line directly (script injection)
        String text = Files.readString(Path.of("action.yml"));
        Matcher m = Pattern.compile("\\$\\{\\{\\s*inputs\\.([a-z-]+)").matcher(text);
        while (m.find()) assertThat(inputs.has(m.group(1))).as(m.group()).isTrue();
        for (JsonNode s : steps) {
            assertThat(s.path("run").asText()).doesNotContain("${{");
        }
        assertThat(Files.isExecutable(Path.of("scripts/action-check.sh"))).isTrue();
    }

    private static int indexOf(List<JsonNode> steps, java.util.function.Predicate<JsonNode> p) {
        for (int i = 0; i < steps.size(); i++) if (p.test(steps.get(i))) return i;
        throw new AssertionError("no such step in action.yml");
    }
}
