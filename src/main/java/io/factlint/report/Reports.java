package io.factlint.report;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;

/**
 * The report writers by format. Writers are stateless, so one instance of each serves every check. A writer is
 * made when its format is first asked for: a text-only check does not pay for the JSON, XML, HTML template or
 * SARIF machinery of the other writers (their static state costs tens of milliseconds of start-up).
 */
public final class Reports {
    /** Every writer there is. To add a format, add its writer here. */
    private static final Map<Format, Supplier<ReportWriter>> FACTORIES = factories();

    private static final AtomicReferenceArray<ReportWriter> MADE = new AtomicReferenceArray<>(Format.values().length);

    private Reports() {
    }

    private static Map<Format, Supplier<ReportWriter>> factories() {
        Map<Format, Supplier<ReportWriter>> m = new EnumMap<>(Format.class);
        // lambdas, not constructor references: a reference loads and links its class (and SARIF's links Jackson's
        // databind) when the map is made, a lambda only when its format is asked for
        m.put(Format.TEXT, () -> new TextReportWriter());
        m.put(Format.JSON, () -> new JsonReportWriter());
        m.put(Format.HTML, () -> new HtmlReportWriter());
        m.put(Format.JUNIT, () -> new JunitReportWriter());
        m.put(Format.SARIF, () -> new SarifReportWriter());
        m.put(Format.MARKDOWN, () -> new MarkdownReportWriter());
        m.put(Format.GITHUB, () -> new GithubReportWriter());
        m.put(Format.CLAIMREVIEW, () -> new ClaimReviewWriter(ClaimReviewWriter.Newsroom.fromEnvironment(System.getenv())));
        return Collections.unmodifiableMap(m);
    }

    /** The writer of {@code f}; throws if the format has none. */
    public static ReportWriter writer(Format f) {
        Supplier<ReportWriter> factory = FACTORIES.get(f);
        if (factory == null) throw new IllegalArgumentException("no writer for format " + f.id());
        ReportWriter w = MADE.get(f.ordinal());
        if (w != null) return w;
        w = factory.get();
        if (w.format() != f) throw new IllegalStateException("the writer for format " + f.id() + " writes " + w.format().id());
        return MADE.compareAndSet(f.ordinal(), null, w) ? w : MADE.get(f.ordinal());
    }

    public static boolean supports(Format f) {
        return FACTORIES.containsKey(f);
    }

    /** The formats that have a writer. */
    public static Set<Format> formats() {
        return FACTORIES.keySet();
    }
}
