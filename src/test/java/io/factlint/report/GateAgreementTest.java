package io.factlint.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.factlint.check.ExitCode;
import io.factlint.check.Gate;
import io.factlint.model.CheckResult;
import io.factlint.model.Finding;
import io.factlint.model.Severity;
import org.jsoup.Jsoup;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every writer's verdict agrees with the {@link Gate} (and so with the exit code): waived findings never count, and
 * with --fail-on-new unchanged ones do not either.
 */
class GateAgreementTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Arguments> cases() {
        Map<String, CheckResult> results = Map.of("seed", Fixtures.seed(), "reviewed", Fixtures.reviewed(),
                "waivedOnly", Fixtures.waivedOnly());
        List<Arguments> out = new ArrayList<>();
        for (String name : List.of("seed", "reviewed", "waivedOnly")) {
            for (Severity failOn : new Severity[]{Severity.ERROR, Severity.WARNING, Severity.INFO, null}) {
                for (boolean onlyNew : new boolean[]{false, true}) {
                    out.add(Arguments.of(name, results.get(name), new Render.Gated("0.1.0", failOn, null, onlyNew)));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("cases")
    void everyFormatSaysWhatTheExitCodeSays(String name, CheckResult r, Render.Gated o) throws Exception {
        Gate gate = o.outcome(r).gate();
        boolean passed = gate.passed();
        assertThat(r.findings().stream().noneMatch(gate::counts)).isEqualTo(passed);
        assertThat(r.findings().stream().filter(gate::counts).count()).isEqualTo(gate.failing());
        assertThat(gate.exitCode()).isEqualTo(passed ? ExitCode.OK : ExitCode.FINDINGS);

        assertThat(Render.text(new TextReportWriter(), r, o).strip().lines().reduce((a, b) -> b).orElseThrow())
                .contains(passed ? "; passed (--fail-on " : "; failed (--fail-on ");
        assertThat(JSON.readTree(Render.bytes(new JsonReportWriter(), r, o)).at("/summary/passed").asBoolean())
                .isEqualTo(passed);
        assertThat(JSON.readTree(Render.bytes(new SarifReportWriter(), r, o)).at("/runs/0/properties/passed").asBoolean())
                .isEqualTo(passed);
        assertThat(Jsoup.parse(Render.text(new HtmlReportWriter(), r, o)).title())
                .isEqualTo("factlint report: " + (passed ? "PASS" : "FAIL"));
        assertThat(Render.text(new MarkdownReportWriter(), r, o)).startsWith("## factlint: " + (passed ? "✅ PASS" : "❌ FAIL"));
        String junit = Render.text(new JunitReportWriter(), r, o);
        assertThat(junit.contains("<failure ")).isEqualTo(!passed);
        // a waived finding is never marked as failing anywhere
        String md = Render.text(new MarkdownReportWriter(), r, o);
        assertThat(md.lines().filter(l -> l.contains("💤 waived"))).allSatisfy(l -> assertThat(l).doesNotContain("❌"));
        long failingHtml = Jsoup.parse(Render.text(new HtmlReportWriter(), r, o)).select("li.finding .blocking").size();
        assertThat(failingHtml).isEqualTo(gate.failing());
        assertThat(r.findings().stream().filter(Finding::waived)).allSatisfy(f -> assertThat(gate.counts(f)).isFalse());
    }
}
