package io.factlint.report;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The report writers by format. Writers are stateless, so one instance of each serves every check. */
public final class Reports {
    /** Every writer there is. To add a format, add its writer here. */
    private static final List<ReportWriter> WRITERS = List.of(
            new TextReportWriter(),
            new JsonReportWriter(),
            new HtmlReportWriter(),
            new JunitReportWriter(),
            new SarifReportWriter(),
            new MarkdownReportWriter(),
            new GithubReportWriter());

    private static final Map<Format, ReportWriter> BY_FORMAT = index(WRITERS);

    private Reports() {
    }

    private static Map<Format, ReportWriter> index(List<ReportWriter> writers) {
        Map<Format, ReportWriter> m = new EnumMap<>(Format.class);
        for (ReportWriter w : writers) {
            if (m.put(w.format(), w) != null) {
                throw new IllegalStateException("two writers for format " + w.format().id());
            }
        }
        return Collections.unmodifiableMap(m);
    }

    /** The writer of {@code f}; throws if the format has none. */
    public static ReportWriter writer(Format f) {
        ReportWriter w = BY_FORMAT.get(f);
        if (w == null) throw new IllegalArgumentException("no writer for format " + f.id());
        return w;
    }

    public static boolean supports(Format f) {
        return BY_FORMAT.containsKey(f);
    }

    /** The formats that have a writer. */
    public static Set<Format> formats() {
        return BY_FORMAT.keySet();
    }
}
