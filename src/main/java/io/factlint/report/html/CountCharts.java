package io.factlint.report.html;

import io.factlint.model.CheckResult;
import io.factlint.model.Fact;
import io.factlint.model.FactBase;
import io.factlint.model.Interval;
import io.factlint.model.Series;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The counts timeline of the HTML report: every measured attribute of an entity over time, all sources on one
 * inline SVG chart (no script, no external file). Each fact is a vertical bar over its conventional interval at
 * its time (a dot for an exact value), one colour per source, a source's values joined by a line. Built from the
 * series the engine computed once ({@link CheckResult#series()}). Every text is XML-escaped here, as the SVG is
 * written into the page unescaped.
 */
final class CountCharts {
    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf"};
    private static final int W = 560, H = 180, LEFT = 70, RIGHT = 20, TOP = 14, BOTTOM = 34;

    private CountCharts() {
    }

    static List<HtmlView.CountChartView> of(CheckResult r, FactBase fb, Function<String, String> entityKey,
                                            Function<Set<String>, String> storyKeys) {
        TreeMap<String, Series> sorted = new TreeMap<>();
        for (Series s : r.series()) {
            if (!s.isStatus()) sorted.put(s.subject() + "\u0000" + s.attribute(), s);
        }
        List<HtmlView.CountChartView> out = new ArrayList<>();
        for (Series s : sorted.values()) {
            List<String> rows = new ArrayList<>();
            Set<String> stories = new TreeSet<>();
            for (Series.Point p : s.points()) {
                for (Fact f : p.facts()) {
                    stories.add(f.getStoryId());
                    rows.add(p.at().display() + ": " + f.valueWords() + " (" + fb.sourceName(f.getSource()) + ", " + f.getRef() + ")");
                }
            }
            out.add(new HtmlView.CountChartView(s.subject(), fb.entityName(s.subject()), s.attribute(),
                    entityKey.apply(s.subject()), storyKeys.apply(stories), svg(s, fb), rows));
        }
        return out;
    }

    static String svg(Series s, FactBase fb) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        List<String> sources = new ArrayList<>(new TreeSet<>(s.points().stream().flatMap(p -> p.facts().stream())
                .map(Fact::getSource).toList()));
        for (Series.Point p : s.points()) {
            for (Fact f : p.facts()) {
                Interval i = f.getConventional();
                if (i == null) continue;
                if (Double.isFinite(i.min())) lo = Math.min(lo, i.min());
                if (Double.isFinite(i.max())) hi = Math.max(hi, i.max());
            }
        }
        if (!(lo <= hi)) { lo = 0; hi = 1; }
        if (lo == hi) { lo = lo - Math.max(1, Math.abs(lo) * 0.1); hi = hi + Math.max(1, Math.abs(hi) * 0.1); }
        int n = s.points().size();
        StringBuilder b = new StringBuilder();
        b.append("<svg class=\"count-chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(W).append(' ')
                .append(H + 16 * sources.size()).append("\" role=\"img\" aria-label=\"")
                .append(esc(s.attribute() + " of " + fb.entityName(s.subject()) + " over time")).append("\">");
        b.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(H - BOTTOM).append("\" x2=\"").append(W - RIGHT)
                .append("\" y2=\"").append(H - BOTTOM).append("\" stroke=\"#999\"/>");
        b.append(text(4, y(hi, lo, hi) + 4, Interval.number(hi), "start"));
        b.append(text(4, y(lo, lo, hi) + 4, Interval.number(lo), "start"));
        for (int k = 0; k < n; k++) {
            b.append(text(x(k, n), H - BOTTOM + 16, s.points().get(k).at().display(), "middle"));
        }
        for (int si = 0; si < sources.size(); si++) {
            String src = sources.get(si);
            String colour = COLOURS[si % COLOURS.length];
            List<String> line = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                for (Fact f : s.points().get(k).facts()) {
                    Interval i = f.getConventional();
                    if (!src.equals(f.getSource()) || i == null) continue;
                    double a = Double.isFinite(i.min()) ? i.min() : lo, z = Double.isFinite(i.max()) ? i.max() : hi;
                    double cx = x(k, n) + (si - (sources.size() - 1) / 2.0) * 4;
                    b.append("<g><title>").append(esc(f.getRef() + ": " + f.valueWords() + " (" + fb.sourceName(src) + ")"))
                            .append("</title>");
                    if (i.isPoint()) {
                        b.append("<circle cx=\"").append(f2(cx)).append("\" cy=\"").append(f2(y(a, lo, hi)))
                                .append("\" r=\"3\" fill=\"").append(colour).append("\"/>");
                    } else {
                        b.append("<line x1=\"").append(f2(cx)).append("\" y1=\"").append(f2(y(a, lo, hi))).append("\" x2=\"")
                                .append(f2(cx)).append("\" y2=\"").append(f2(y(z, lo, hi))).append("\" stroke=\"").append(colour)
                                .append("\" stroke-width=\"3\"/>");
                    }
                    b.append("</g>");
                    line.add(f2(cx) + "," + f2(y((a + z) / 2, lo, hi)));
                }
            }
            if (line.size() > 1) {
                b.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-opacity=\"0.5\" points=\"")
                        .append(String.join(" ", line)).append("\"/>");
            }
            int ly = H + 16 * si;
            b.append("<rect x=\"").append(LEFT).append("\" y=\"").append(ly - 9).append("\" width=\"10\" height=\"10\" fill=\"")
                    .append(colour).append("\"/>");
            b.append(text(LEFT + 16, ly, fb.sourceName(src), "start"));
        }
        return b.append("</svg>").toString();
    }

    private static double x(int k, int n) {
        return n == 1 ? (LEFT + W - RIGHT) / 2.0 : LEFT + 20 + k * (W - RIGHT - LEFT - 40) / (double) (n - 1);
    }

    private static double y(double v, double lo, double hi) {
        return TOP + (H - TOP - BOTTOM) * (1 - (v - lo) / (hi - lo));
    }

    private static String text(double x, double y, String t, String anchor) {
        return "<text x=\"" + f2(x) + "\" y=\"" + f2(y) + "\" font-size=\"10\" text-anchor=\"" + anchor + "\">" + esc(t) + "</text>";
    }

    private static String f2(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c < 0x20 && c != '\t' && c != '\n' ? ' ' : c);
            }
        }
        return b.toString();
    }
}
