package io.factlint.report;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The writer of each report format. */
public final class Reports {
    private static final Map<Format, ReportWriter> WRITERS = new EnumMap<>(Format.class);

    static {
        for (ReportWriter w : List.of(new TextReportWriter(), new JsonReportWriter())) {
            WRITERS.put(w.format(), w);
        }
    }

    private Reports() {
    }

    /** The writer of {@code f}; throws if the format has none yet. */
    public static ReportWriter writer(Format f) {
        ReportWriter w = WRITERS.get(f);
        if (w == null) throw new IllegalArgumentException("no writer for format " + f.id());
        return w;
    }

    public static boolean supports(Format f) {
        return WRITERS.containsKey(f);
    }
}
