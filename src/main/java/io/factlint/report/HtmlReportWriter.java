package io.factlint.report;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.WriterOutput;
import io.factlint.check.CheckOutcome;
import io.factlint.report.html.HtmlView;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * The HTML report for editors: one self-contained page (inline CSS and one inline script, nothing loaded from the
 * network) rendered with the precompiled jte template {@code src/main/jte/report.jte}. jte's HTML content type
 * escapes every value for its context; the page's Content-Security-Policy allows only the script whose SHA-256
 * hash it names, so even a script element that slipped into the page could not run.
 */
public final class HtmlReportWriter implements ReportWriter {
    /** The package the jte-maven-plugin generates the templates into (see pom.xml). */
    static final String TEMPLATE_PACKAGE = "io.factlint.report.jte";

    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(null, ContentType.Html,
            HtmlReportWriter.class.getClassLoader(), TEMPLATE_PACKAGE);
    private static final String CSS = resource("html/report.css");
    private static final String SCRIPT = resource("html/report.js");

    @Override
    public Format format() {
        return Format.HTML;
    }

    @Override
    public void write(CheckOutcome outcome, ReportOptions options, OutputStream out) throws IOException {
        if (outcome.result().facts().facts() instanceof io.factlint.model.SpilledFacts spilled) {
            // the report counts each story's facts and draws every subject's series: it needs every fact
            throw new OutputPlan.Refused(spilled.refusal("the HTML report (its charts draw every subject's series)")
                    + "; nothing written: use --format json, sarif, junit, markdown or text for an input this large");
        }
        HtmlView view = HtmlView.of(outcome, options.toolVersion(), options.timestamp(), CSS, SCRIPT);
        Writer w = new TextOnlyWriter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)));
        ENGINE.render("report.jte", view, new WriterOutput(w));
        w.flush();
    }

    /**
     * Replaces what an HTML document may not contain (control characters other than tab, LF and CR, lone
     * surrogates and noncharacters) with U+FFFD, after escaping; a surrogate pair split across two writes stays a pair.
     * A CR or a CR LF in the text (a fact file written on Windows) becomes LF, as an HTML parser reads it anyway: the
     * report keeps LF line ends whatever its input.
     */
    static final class TextOnlyWriter extends java.io.FilterWriter {
        private char pendingHigh;
        private boolean afterCr;

        TextOnlyWriter(Writer out) {
            super(out);
        }

        @Override
        public void write(int c) throws IOException {
            char ch = (char) c;
            boolean lf = afterCr && ch == '\n';
            afterCr = ch == '\r';
            if (lf) return; // the LF of a CR LF, written with the CR
            if (ch == '\r') ch = '\n';
            if (pendingHigh != 0) {
                char high = pendingHigh;
                pendingHigh = 0;
                if (Character.isLowSurrogate(ch)) {
                    if (nonCharacter(Character.toCodePoint(high, ch))) {
                        out.write('\uFFFD');
                    } else {
                        out.write(high);
                        out.write(ch);
                    }
                    return;
                }
                out.write('\uFFFD');
            }
            if (Character.isHighSurrogate(ch)) {
                pendingHigh = ch;
            } else if (Character.isLowSurrogate(ch) || (ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') || (ch >= 0x7F && ch <= 0x9F)
                    || nonCharacter(ch)) {
                out.write('\uFFFD');
            } else {
                out.write(ch);
            }
        }

        /**
         * Unicode's noncharacters (U+FDD0..U+FDEF and U+xFFFE, U+xFFFF of every plane), parse errors in HTML; a
         * parser may take U+FFFF for the end of the input (jsoup does) and drop the rest of the page.
         */
        static boolean nonCharacter(int cp) {
            return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
        }

        @Override
        public void write(char[] cbuf, int off, int len) throws IOException {
            for (int i = off; i < off + len; i++) write(cbuf[i]);
        }

        @Override
        public void write(String str, int off, int len) throws IOException {
            for (int i = off; i < off + len; i++) write(str.charAt(i));
        }

        @Override
        public void flush() throws IOException {
            if (pendingHigh != 0) {
                pendingHigh = 0;
                out.write('\uFFFD');
            }
            super.flush();
        }
    }

    /** The CSP source expression ({@code sha256-...}) of the inline script, as the page's policy lists it. */
    public static String scriptHash() {
        return HtmlView.hashOf(SCRIPT);
    }

    /** A text resource beside this class, with line ends made LF so the script's hash is the same everywhere. */
    private static String resource(String name) {
        try (InputStream in = HtmlReportWriter.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
