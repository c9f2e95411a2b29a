package io.factlint.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownReportWriterTest {
    private final MarkdownReportWriter writer = new MarkdownReportWriter();

    @Test
    void seedSummary() {
        String md = Render.text(writer, Fixtures.seed(), Render.FAIL_ON_ERROR);
        assertThat(md).startsWith("## factlint: ❌ FAIL\n\n"
                + "Checked 1 story and 5 facts with `--fail-on error`: 1 error, 1 warning, 2 infos.\n\n"
                + "- `nk-soldier-captured`: North Korean soldier captured by Ukrainian forces (published 27 Dec 2024)\n");
        assertThat(md).contains("| Severity | Location | Rule | Message |\n| --- | --- | --- | --- |\n"
                + "| error ❌ | facts/nk-soldier-captured.json:68:7 | `status.stale` | The headline says the wounded "
                + "North Korean soldier is captured on 27 Dec 2024, but National Intelligence Service (South Korea) "
                + "reported the soldier deceased on 27 Dec 2024. |\n"
                + "| warning | facts/nk-soldier-captured.json:20:7 | `status.changed` | ");
        assertThat(md).contains("| info | facts/nk-soldier-captured.json:44:7 | `source.single` | killed\\_or\\_injured "
                + "over 3,000 of North Korean troops in Kursk rests on one source only: Volodymyr Zelenskyy on X. |\n");
        assertThat(md).contains("| `nk-soldier-captured#c1` | the scale of casualties among North Korean soldiers has "
                + "exceeded a quarter | ✅ supported | ❔ undetermined (differs) | ");
        assertThat(md).contains("| `nk-soldier-captured#h1` | North Korean soldier captured by Ukrainian forces | "
                + "❌ contradicted | ❌ contradicted | ");
        assertThat(md).contains("| North Korean troops in Kursk | `casualty_share` | 27 Dec 2024 | (25.0 %, 36.4 %)<br>"
                + "killed\\_or\\_injured / deployed = (3,000, 4,000) / (11,000, 12,000) = (25.0 %, 36.4 %) | (0.0 %, ∞)<br>");
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
        assertThat(md.lines().filter(l -> l.startsWith("| ")).count()).isEqualTo(2 + 4 + 2 + 2 + 2 + 1);
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
                + "Against the baseline `factlint-baseline.json`: 2 new, 2 unchanged, 2 fixed.\n");
        assertThat(md).contains("| error 💤 waived | facts/nk-soldier-captured.json:68:7 | `status.stale` | The headline says ")
                .contains("deceased on 27 Dec 2024.<br>**Waived** until 2025-03-31 by K. Chief: "
                        + Fixtures.WAIVER_REASON + " (facts/waivers.yaml:2:5) |\n")
                .contains("| warning 🆕 new | facts/nk-soldier-captured.json:20:7 | `status.changed` | ")
                .contains("| info 🆕 new | facts/nk-soldier-captured.json:44:7 | `source.single` | ")
                .contains("| info | facts/nk-soldier-captured.json:36:7 | `source.single` | ");
        assertThat(md).contains("### Fixed since the baseline\n\nIn the baseline `factlint-baseline.json`, gone now:\n\n"
                + "| Severity | Location | Rule | Message |\n| --- | --- | --- | --- |\n"
                + "| error ✔️ fixed | facts/nk-soldier-captured.json:52:7 | `quote.not_in_text` | The quote of "
                + "nk-soldier-captured#f5 does not occur in the story text. |\n"
                + "| warning ✔️ fixed | facts/nk-soldier-captured.json | `old.rule` | A rule that is gone now. |\n");
        // --fail-on warning, new only: the new warning fails
        assertThat(Render.text(writer, Fixtures.reviewed(), Render.NEW_ON_WARNING)).startsWith("## factlint: ❌ FAIL\n\n"
                + "Checked 1 story and 5 facts with `--fail-on warning` (new findings only): ")
                .contains("| warning ❌ 🆕 new |");
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
        assertThat(md.lines().filter(l -> l.contains("✔️ fixed"))).hasSize(2);
    }
}
