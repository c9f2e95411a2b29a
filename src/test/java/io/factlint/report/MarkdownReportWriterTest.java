package io.factlint.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownReportWriterTest {
    private final MarkdownReportWriter writer = new MarkdownReportWriter();

    private static final String F = Fixtures.STORY_FILE;

    @Test
    void seedSummary() {
        String md = Render.text(writer, Fixtures.seed(), Render.FAIL_ON_ERROR);
        assertThat(md).startsWith("## factlint: ❌ FAIL\n\n"
                + "Checked 1 story and 5 facts with `--fail-on error`: 1 error, 1 warning, 2 infos.\n\n"
                + "- `nk-soldier-captured`: North Korean soldier captured by Ukrainian forces (published 27 Dec 2024 21:00 +09:00)\n");
        assertThat(md).contains("| Severity | Location | Rule | Message |\n| --- | --- | --- | --- |\n"
                + "| error ❌ | " + F + ":23:5 | `status.stale` | soldier-1 (wounded North Korean soldier): claim \"North "
                + "Korean soldier captured by Ukrainian forces\" says captured, but by 27 Dec 2024 21:00 +09:00 the status is "
                + "deceased (27 Dec 2024; National Intelligence Service (South Korea)) |\n"
                + "| warning | " + F + ":18:5 | `status.changed` | ");
        assertThat(md).contains("| info | " + F + ":20:5 | `source.single` | dprk-troops (North Korean troops sent to "
                + "Russia): killed\\_or\\_injured rests on one source only (Volodymyr Zelenskyy on X) |\n");
        assertThat(md).contains("| `nk-soldier-captured#c1` | the scale of casualties among North Korean soldiers has "
                + "exceeded a quarter | ✅ supported | ❔ undetermined (differs) | casualty\\_share of dprk-troops is "
                + "(25.0 %, 36.4 %) (killed\\_or\\_injured (3,000, 4,000) (stated for 23 Dec 2024), deployed (11,000, "
                + "12,000) (stated for 27 Dec 2024 21:00 +09:00)) on 27 Dec 2024 21:00 +09:00; the claim &gt; 25.0 % is "
                + "supported (strict reading "
                + "(0.0 %, ∞): undetermined) |\n");
        assertThat(md).contains("| `nk-soldier-captured#headline` | North Korean soldier captured by Ukrainian forces | "
                + "❌ contradicted | ❌ contradicted | status of soldier-1 on 27 Dec 2024 21:00 +09:00 is deceased (stated "
                + "for 27 Dec 2024); the claim says = captured |\n");
        assertThat(md).contains("| North Korean troops sent to Russia | `casualty_share` | 27 Dec 2024 21:00 +09:00 | "
                + "(25.0 %, 36.4 %)<br>(3,000, 4,000) / (11,000, 12,000) = (25.0 %, 36.4 %) | (0.0 %, ∞)<br>"
                + "(3,000, ∞) / (11,000, ∞) = (0.0 %, ∞) | `nk-soldier-captured#f4`, `nk-soldier-captured#f5` |\n");
        assertThat(md).endsWith("\n<sub>factlint 0.1.0</sub>\n");
    }

    @Test
    void passWhenNothingReachesFailOn() {
        assertThat(Render.text(writer, Fixtures.seed(), Render.NEVER)).startsWith("## factlint: ✅ PASS\n")
                .contains("`--fail-on never`").doesNotContain("| error ❌ |");
    }

    @Test
    void escapesCellsSoNothingBreaksOutOfTheTable() {
        assertThat(MarkdownReportWriter.escapeText(Fixtures.MARKDOWN))
                .isEqualTo("\\| pipe \\` tick \\*star\\* \\_under\\_ \\[link\\](javascript:x) \\~strike\\~ \\$math\\$ \\\\ back");
        assertThat(MarkdownReportWriter.escapeText("<img src=x onerror=alert(1)> & a\r\nb\nc\u2028d\u0000e"))
                .isEqualTo("&lt;img src=x onerror=alert(1)&gt; &amp; a b c d\uFFFDe");
        assertThat(MarkdownReportWriter.code("status.changed")).isEqualTo("`status.changed`");
        assertThat(MarkdownReportWriter.code("a`b|c")).isEqualTo("a\\`b\\|c");
    }

    @Test
    void hostileTextsStayInTheirCells() {
        String md = Render.text(writer, Fixtures.hostile(), Render.FAIL_ON_ERROR);
        assertThat(md).doesNotContain("<script").doesNotContain("<img").doesNotContain("<svg").doesNotContain("<iframe")
                .doesNotContain("\u0000").doesNotContain("\r");
        // every table row keeps its columns: the only unescaped pipes are the cell separators
        md.lines().filter(l -> l.startsWith("| error") || l.startsWith("| warning") || l.startsWith("| info"))
                .forEach(l -> assertThat(l.replace("\\|", "").chars().filter(c -> c == '|').count()).isEqualTo(5));
        // head + 5 findings (the desk rule's too), head + 2 claims, head + 1 figure
        assertThat(md.lines().filter(l -> l.startsWith("| ")).count()).isEqualTo(2 + 5 + 2 + 2 + 2 + 1);
    }

    @Test
    void deterministic() {
        assertThat(Render.bytes(writer, Fixtures.hostile(), Render.STAMPED))
                .isEqualTo(Render.bytes(writer, Fixtures.hostile(), Render.STAMPED));
    }

    @Test
    void waivedNewAndFixedFindings() {
        String md = Render.text(writer, Fixtures.reviewed(), Render.FAIL_ON_ERROR);
        assertThat(md).startsWith("## factlint: ✅ PASS\n\n"
                + "Checked 1 story and 5 facts with `--fail-on error`: 1 error, 1 warning, 2 infos (1 waived). "
                + "Against the baseline `" + Fixtures.BASELINE_FILE + "`: 1 new, 3 unchanged, 2 fixed.\n");
        assertThat(md).contains("| error 💤 waived | " + F + ":23:5 | `status.stale` | soldier-1 ")
                .contains("(27 Dec 2024; National Intelligence Service (South Korea))<br>**Waived** until 2025-03-31 by "
                        + "K. Chief: " + Fixtures.WAIVER_REASON + " (" + Fixtures.WAIVERS_FILE + ":2:5) |\n")
                .contains("| warning | " + F + ":18:5 | `status.changed` | ")
                .contains("| info 🆕 new | " + F + ":20:5 | `source.single` | ")
                .contains("| info | " + F + ":18:5 | `source.single` | ");
        String earlier = Fixtures.EARLIER_FILE;
        assertThat(md).contains("### Fixed since the baseline\n\nIn the baseline `" + Fixtures.BASELINE_FILE
                + "`, gone now:\n\n"
                + "| Severity | Location | Rule | Message |\n| --- | --- | --- | --- |\n"
                + "| error ✔️ fixed | " + earlier + ":28:5 | `date.weekday_mismatch` | mention \"on Friday (December "
                + "27)\": 27 Dec 2024 is a Friday, not a Thursday |\n"
                + "| info ✔️ fixed | " + earlier + ":19:5 | `desk.deployment_unsourced` | the deployment figure of "
                + "dprk-troops rests on no military source |\n");
        // --fail-on info, new only: the new info fails
        assertThat(Render.text(writer, Fixtures.reviewed(), Render.NEW_ON_INFO)).startsWith("## factlint: ❌ FAIL\n\n"
                + "Checked 1 story and 5 facts with `--fail-on info` (new findings only): ")
                .contains("| info ❌ 🆕 new |");
        // --fail-on warning, new only: the warning is unchanged since the baseline
        assertThat(Render.text(writer, Fixtures.reviewed(), Render.NEW_ON_WARNING)).startsWith("## factlint: ✅ PASS\n\n")
                .doesNotContain("❌ 🆕");
        // without a baseline: no fixed section
        assertThat(Render.text(writer, Fixtures.waivedOnly(), Render.FAIL_ON_ERROR)).doesNotContain("Fixed since")
                .doesNotContain("🆕").contains("| error 💤 waived |");
    }

    @Test
    void hostileWaiversAndFixedFindingsStayInTheirCells() {
        String md = Render.text(writer, Fixtures.hostileReviewed(), Render.FAIL_ON_ERROR);
        assertThat(md).doesNotContain("<script").doesNotContain("<img").doesNotContain("<iframe").doesNotContain("\r");
        md.lines().filter(l -> l.matches("\\| (error|warning|info) .*"))
                .forEach(l -> assertThat(l.replace("\\|", "").chars().filter(c -> c == '|').count()).as(l).isEqualTo(5));
        assertThat(md.lines().filter(l -> l.contains("✔️ fixed"))).hasSize(1); // the weekday error
    }
}
