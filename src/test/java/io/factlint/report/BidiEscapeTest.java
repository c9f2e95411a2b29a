package io.factlint.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 15.9: U+202E and the other bidi controls never pass raw into text, GitHub or Markdown output. */
class BidiEscapeTest {
    private static final String EVIL = "txt.\u202Eexe and \u2066x\u2069 \u200F \u061C";

    @Test
    void bidiControlsAreShownEscapedInTextGithubAndMarkdown() {
        for (String out : new String[]{TextReportWriter.oneLine(EVIL), GithubReportWriter.data(EVIL),
                MarkdownReportWriter.escapeText(EVIL)}) {
            assertThat(out.codePoints().filter(io.factlint.model.SafeText::unsafe).count()).as(out).isZero();
        }
        assertThat(TextReportWriter.oneLine(EVIL)).isEqualTo("txt.\\u202eexe and \\u2066x\\u2069 \\u200f \\u061c");
        assertThat(MarkdownReportWriter.escapeText(EVIL)).contains("\\u202e").contains("\\u061c");
    }
}
