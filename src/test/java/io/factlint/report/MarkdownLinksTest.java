package io.factlint.report;

import io.factlint.model.CheckResult;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No text of a fact file adds a link, an image or a mention to the Markdown report as GitHub renders it: rendered
 * with cmark-gfm (GitHub's renderer, Debian package {@code cmark-gfm}) and its GitHub extensions (autolink: bare
 * URLs, {@code www.} and e-mail addresses). Mentions are GitHub's own pass over the rendered text, so the test
 * looks for {@code @name} in the rendered text. Runs wherever {@code cmark-gfm} is installed; on CI
 * ({@code .ci/install-tools} installs it, {@code FACTLINT_REQUIRE_TOOLS=1}) a missing renderer fails the test.
 */
class MarkdownLinksTest {
    static final String LINKS = "see https://evil.example/x and HTTP://EVIL.EXAMPLE/y, www.evil.example and WWW.Evil.example/z "
            + "<https://evil.example/auto> <mail@evil.example> mail@evil.example mailto:a@evil.example xmpp:a@evil.example "
            + "ftp://evil.example/f ![img](https://evil.example/i.png) [x](javascript:alert(1)) "
            + "[ref][1] cc @someone and @org/team";
    private static final Pattern MENTION = Pattern.compile("(?<![\\p{L}\\p{N}_])@[A-Za-z0-9]");

    @Test
    void noTextAddsALinkUnderCmarkGfm() throws Exception {
        Document benign = render(Fixtures.seed());
        Document hostile = render(Fixtures.tainted(LINKS));
        assertThat(hostile.text()).contains("evil.example").contains("someone");
        assertThat(hostile.select("a").size()).as(hostile.body().html()).isEqualTo(benign.select("a").size());
        assertThat(hostile.select("img")).isEmpty();
        assertThat(MENTION.matcher(hostile.text()).find()).as(hostile.text()).isFalse();
    }

    static Document render(CheckResult r) throws Exception {
        Path cmark = Path.of("/usr/bin/cmark-gfm");
        if (!Files.isExecutable(cmark)) {
            if ("1".equals(System.getenv("FACTLINT_REQUIRE_TOOLS"))) throw new AssertionError("cmark-gfm is not installed");
            Assumptions.abort("cmark-gfm is not installed (apt-get install cmark-gfm)");
        }
        Path md = Files.createTempFile("factlint", ".md");
        try {
            Files.write(md, Render.bytes(new MarkdownReportWriter(), r, Render.FAIL_ON_ERROR));
            Process p = new ProcessBuilder(List.of(cmark.toString(), "-e", "autolink", "-e", "table", "-e", "strikethrough",
                    "-e", "tagfilter", "-e", "tasklist", md.toString())).redirectErrorStream(true).start();
            byte[] html = p.getInputStream().readAllBytes();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isZero();
            return Jsoup.parse(new String(html, StandardCharsets.UTF_8));
        } finally {
            Files.delete(md);
        }
    }
}
