package io.factlint.report;

import io.factlint.model.Finding;
import io.factlint.model.Location;
import io.factlint.model.Severity;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GithubReportWriterTest {
    private final GithubReportWriter writer = new GithubReportWriter();

    private static final String F = "file=" + Fixtures.STORY_FILE;

    @Test
    void oneAnnotationPerFinding() {
        assertThat(Render.text(writer, Fixtures.seed(), Render.FAIL_ON_ERROR)).isEqualTo(""
                + "::error " + F + ",line=23,col=5,title=[status.stale]::soldier-1 (wounded North Korean soldier): claim "
                + "\"North Korean soldier captured by Ukrainian forces\" says captured, but by 27 Dec 2024 21:00 +09:00 the "
                + "status is deceased (27 Dec 2024; National Intelligence Service (South Korea))\n"
                + "::warning " + F + ",line=18,col=5,title=[status.changed]::soldier-1 (wounded North Korean soldier): status "
                + "changed from captured (26 Dec 2024; Militarnyi, National Intelligence Service (South Korea)) to deceased "
                + "(27 Dec 2024; National Intelligence Service (South Korea)); text presenting soldier-1 as captured is out of "
                + "date\n"
                + "::notice " + F + ",line=18,col=5,title=[source.single]::soldier-1 (wounded North Korean soldier): status "
                + "deceased rests on one source only (National Intelligence Service (South Korea))\n"
                + "::notice " + F + ",line=20,col=5,title=[source.single]::dprk-troops (North Korean troops sent to Russia): "
                + "killed_or_injured rests on one source only (Volodymyr Zelenskyy on X)\n");
    }

    @Test
    void escapesMessagesAndProperties() {
        Finding f = new Finding("rule:x,y", Severity.ERROR, "100% done: a, b\r\n::error::injected", null, null,
                List.of(), new Location("facts/a,b:c%.json", 3, 0));
        assertThat(GithubReportWriter.line(f)).isEqualTo(
                "::error file=facts/a%2Cb%3Ac%25.json,line=3,title=[rule%3Ax%2Cy]::100%25 done: a, b%0D%0A::error::injected");
        Finding noLine = new Finding("r", Severity.INFO, "m", null, null, List.of(), Location.of("facts/x.json"));
        assertThat(GithubReportWriter.line(noLine)).isEqualTo("::notice file=facts/x.json,title=[r]::m");
    }

    @Test
    void hostileFindingsStayOneLineEach() {
        String out = Render.text(writer, Fixtures.hostile(), Render.FAIL_ON_ERROR);
        assertThat(out.lines()).hasSize(5).allSatisfy(l -> assertThat(l).startsWith("::"));
        assertThat(out).doesNotContain("\r").contains("%0D%0A::error::injected").contains("100%25 done")
                .contains("file=" + Fixtures.HOSTILE_FILE + ",line=88,col=16,");
    }

    @Test
    void aWaivedFindingIsANoticeSaysWaivedAndNewOnesSayNew() {
        List<String> lines = Render.text(writer, Fixtures.reviewed(), Render.FAIL_ON_ERROR).lines().toList();
        assertThat(lines).hasSize(4); // fixed findings are not annotated
        assertThat(lines.get(0)).isEqualTo("::notice " + F + ",line=23,col=5,title=[status.stale]::waived: soldier-1 "
                + "(wounded North Korean soldier): claim \"North Korean soldier captured by Ukrainian forces\" says captured, "
                + "but by 27 Dec 2024 21:00 +09:00 the status is deceased (27 Dec 2024; National Intelligence Service (South "
                + "Korea)) (until 2025-03-31 by K. Chief: " + Fixtures.WAIVER_REASON + "; " + Fixtures.WAIVERS_FILE + ":2:5)");
        assertThat(lines.get(1)).startsWith("::warning " + F + ",line=18,col=5,title=[status.changed]::")
                .endsWith(" is out of date"); // unchanged since the baseline
        assertThat(lines.get(2)).doesNotEndWith("(new)");
        assertThat(lines.get(3)).endsWith("(new)");
    }

    @Test
    void hostileWaiversStayOnTheirLine() {
        String out = Render.text(writer, Fixtures.hostileReviewed(), Render.FAIL_ON_ERROR);
        assertThat(out.lines()).hasSize(5).allSatisfy(l -> assertThat(l).startsWith("::"));
        assertThat(out.lines().findFirst().orElseThrow()).startsWith("::notice ").contains("::waived: ");
        assertThat(out).doesNotContain("\r");
    }

    @Test
    void escapesControlCharacters() {
        String controls = "bel\u0007 bs\b esc\u001b[31m del\u007f nel\u0085 csi\u009b2J";
        Finding f = new Finding("r", Severity.ERROR, controls, null, null, List.of(),
                new Location("facts/\u001b]0;x\u0007.json", 3, 1));
        String line = GithubReportWriter.line(f);
        assertThat(line.codePoints().filter(c -> c < 0x20 || (c >= 0x7f && c <= 0x9f)).count()).as(line).isZero();
        assertThat(line).isEqualTo("::error file=facts/\\u001b]0;x\\u0007.json,line=3,col=1,title=[r]::"
                + "bel\\u0007 bs\\u0008 esc\\u001b[31m del\\u007f nel\\u0085 csi\\u009b2J");
    }
}
