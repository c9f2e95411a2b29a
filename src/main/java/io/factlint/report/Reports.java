package io.factlint.report;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The report writers by format. Writers are stateless, so one instance of each serves every check. */
public final class Reports {
    private Reports() {
    }

    /**
     * Every writer there is. To add a format, add its writer here.
     * TODO(lead): add {@code new JsonReportWriter()} and {@code new TextReportWriter()} when they are on main.
     */
    private static final List<ReportWriter> WRITERS = List.of(
            new HtmlReportWriter(),
            new JunitReportWriter(),
            new SarifReportWriter(),
            new MarkdownReportWriter(),
            new GithubReportWriter());

    private static final Map<Format, ReportWriter> BY_FORMAT = index(WRITERS);

    private static Map<Format, ReportWriter> index(List<ReportWriter> writers) {
        Map<Format, ReportWriter> m = new EnumMap<>(Format.class);
        for (ReportWriter w : writers) {
            if (m.put(w.format(), w) != null) {
                throw new IllegalStateException("two writers for format " + w.format().id());
            }
        }
        return Collections.unmodifiableMap(m);
    }

    /** The writer of a format. */
    public static ReportWriter writer(Format format) {
        ReportWriter w = BY_FORMAT.get(format);
        if (w == null) throw new IllegalArgumentException("no report writer for format " + format.id());
        return w;
    }

    /** The formats that have a writer. */
    public static Set<Format> formats() {
        return BY_FORMAT.keySet();
    }
}
