package io.factlint.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.factlint.check.CheckOutcome;
import io.factlint.check.Gate;
import io.factlint.model.BaselineState;
import io.factlint.model.CheckResult;
import io.factlint.model.Claim;
import io.factlint.model.ClaimVerdict;
import io.factlint.model.Fact;
import io.factlint.model.Figure;
import io.factlint.model.Finding;
import io.factlint.model.FixedFinding;
import io.factlint.model.Interval;
import io.factlint.model.Location;
import io.factlint.model.Severity;
import io.factlint.model.Waiver;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * The JSON report of cli-and-reports.md: tool, summary, findings, figures, claims. Field order is fixed (records),
 * so identical input gives byte-identical output. Unbounded interval ends are {@code null}.
 */
public final class JsonReportWriter implements ReportWriter {
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .build();

    static {
        // JSON escapes C0 controls itself; DEL, C1 controls (CSI U+009B), U+2028/U+2029 and bidi controls are
        // escaped too (SafeText.unsafe), so a JSON report printed to a terminal or a CI log carries none raw
        MAPPER.getFactory().setCharacterEscapes(new ConsoleSafeEscapes());
    }

    /** {@code \\uXXXX} for every character {@link io.factlint.model.SafeText#unsafe} names. */
    private static final class ConsoleSafeEscapes extends com.fasterxml.jackson.core.io.CharacterEscapes {
        private final int[] ascii = standardAsciiEscapesForJSON();

        ConsoleSafeEscapes() {
            ascii[0x7F] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public com.fasterxml.jackson.core.SerializableString getEscapeSequence(int ch) {
            if (!io.factlint.model.SafeText.unsafe(ch)) return null;
            return new com.fasterxml.jackson.core.io.SerializedString(io.factlint.model.SafeText.escape(String.valueOf((char) ch)));
        }
    }

    @Override
    public Format format() {
        return Format.JSON;
    }

    @Override
    public void write(CheckOutcome outcome, ReportOptions options, OutputStream out) throws IOException {
        MAPPER.writeValue(out, report(outcome, options));
        out.write('\n');
    }

    /** The report as records, in the order they are written. */
    public static Report report(CheckOutcome outcome, ReportOptions o) {
        CheckResult r = outcome.result();
        Gate g = outcome.gate();
        return new Report(new Tool("factlint", o.toolVersion()),
                o.timestamp() == null ? null : o.timestamp().toString(),
                new Summary(outcome.stories(), r.facts().facts().size(), r.facts().claims().size(),
                        r.count(Severity.ERROR), r.count(Severity.WARNING), r.count(Severity.INFO), r.countWaived(),
                        r.baseline() == null ? null : r.count(BaselineState.NEW),
                        r.baseline() == null ? null : r.count(BaselineState.UNCHANGED),
                        r.baseline() == null ? null : (long) r.baseline().fixed().size(),
                        g.passed(), g.failOnLabel(), g.failOnNew() ? Boolean.TRUE : null),
                mapped(r.findings(), JsonReportWriter::finding),
                r.baseline() == null ? null : new BaselineJson(r.baseline().file(),
                        r.baseline().fixed().stream().map(JsonReportWriter::fixed).toList()),
                mapped(r.figures(), JsonReportWriter::figure),
                mapped(r.verdicts(), JsonReportWriter::claim));
    }

    /**
     * {@code from} with {@code as} applied to each element when it is read: the writer turns one finding at a time
     * into its record and drops it, instead of holding a second copy of every finding of a large report.
     */
    private static <T, R> List<R> mapped(List<T> from, java.util.function.Function<T, R> as) {
        List<T> source = from instanceof java.util.RandomAccess ? from : List.copyOf(from);
        return new MappedList<>(source, as);
    }

    private static final class MappedList<T, R> extends java.util.AbstractList<R> implements java.util.RandomAccess {
        private final List<T> from;
        private final java.util.function.Function<T, R> as;

        MappedList(List<T> from, java.util.function.Function<T, R> as) {
            this.from = from;
            this.as = as;
        }

        @Override
        public R get(int index) {
            return as.apply(from.get(index));
        }

        @Override
        public int size() {
            return from.size();
        }
    }

    /** {@code baseline} is present only with {@code --baseline}: the baseline file and its findings that are gone. */
    public record Report(Tool tool, @JsonInclude(JsonInclude.Include.NON_NULL) String generated, Summary summary,
                         List<FindingJson> findings, @JsonInclude(JsonInclude.Include.NON_NULL) BaselineJson baseline,
                         List<FigureJson> figures, List<ClaimJson> claims) {
    }

    public record Tool(String name, String version) {
    }

    /**
     * Counts of all findings by severity (waived ones included), how many are waived, and with a baseline how many
     * are new, unchanged and fixed. {@code passed} honours waivers and {@code --fail-on-new}.
     */
    public record Summary(long stories, long facts, long claims, long errors, long warnings, long infos, long waived,
                          @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("new") Long added,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Long unchanged,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Long fixed,
                          boolean passed, String failOn,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Boolean failOnNew) {
    }

    /**
     * A finding. {@code waived} is always there; {@code waiver} only when a waiver applies; {@code baseline}
     * ({@code new} or {@code unchanged}) only with {@code --baseline}.
     */
    public record FindingJson(String rule, String severity, String message, String subject, String claim,
                              String fingerprint, LocationJson location, List<FactJson> facts, boolean waived,
                              @JsonInclude(JsonInclude.Include.NON_NULL) WaiverJson waiver,
                              @JsonInclude(JsonInclude.Include.NON_NULL) String baseline) {
    }

    /** The waiver that applies to a finding, and where it is written. */
    public record WaiverJson(String reason, String author, String expires, String file, int line, int column) {
        static WaiverJson of(Waiver w) {
            return w == null ? null : new WaiverJson(w.reason(), w.author(), w.expires().toString(),
                    w.location().file(), w.location().line(), w.location().column());
        }
    }

    /** The baseline file and the findings it had that are gone now. */
    public record BaselineJson(String file, List<FixedJson> fixed) {
    }

    /** A finding of the baseline that is gone; its facts are given by reference only. */
    public record FixedJson(String rule, String severity, String message, String subject, String claim,
                            String fingerprint, LocationJson location, List<RefJson> facts) {
    }

    public record RefJson(String ref) {
    }

    public record LocationJson(String file, int line, int column) {
        static LocationJson of(Location l) {
            return new LocationJson(l.file(), l.line(), l.column());
        }
    }

    public record FactJson(String ref, String file, int line, int column) {
    }

    /**
     * An interval. An unbounded end is {@code null} (the contract); {@code minInfinite} / {@code maxInfinite} then
     * say which infinity it is ({@code "negative"} or {@code "positive"}), so that an overflowed figure
     * {@code (∞, ∞)} is told from {@code (−∞, ∞)}. They are absent for a finite end.
     */
    public record IntervalJson(Double min, Double max, boolean minOpen, boolean maxOpen,
                               @JsonInclude(JsonInclude.Include.NON_NULL) String minInfinite,
                               @JsonInclude(JsonInclude.Include.NON_NULL) String maxInfinite) {
        static IntervalJson of(Interval i) {
            return new IntervalJson(Double.isInfinite(i.min()) ? null : i.min(), Double.isInfinite(i.max()) ? null : i.max(),
                    i.minOpen(), i.maxOpen(), infinity(i.min()), infinity(i.max()));
        }

        private static String infinity(double end) {
            if (!Double.isInfinite(end)) return null;
            return end > 0 ? "positive" : "negative";
        }
    }

    /**
     * A figure; {@code kind} is the figures.yaml kind of a derived figure ({@code ratio}, {@code expr}) and
     * {@code description} its figures.yaml description. Both are absent for a stated value (and the description
     * for a definition that has none), so reports of earlier versions read the same.
     */
    public record FigureJson(String subject, String attribute, String at, IntervalJson conventional, IntervalJson strict,
                             List<String> from, String arithmetic, String strictArithmetic,
                             @JsonInclude(JsonInclude.Include.NON_NULL) String kind,
                             @JsonInclude(JsonInclude.Include.NON_NULL) String description) {
    }

    /**
     * A claim; {@code form} only for the claim forms of docs/claims.md (change, aggregate, versus, rank, ...);
     * {@code accordingTo} (the source whose statements alone judged it) and {@code unchecked} (the parts no rule
     * checks) only when the claim names them.
     */
    public record ClaimJson(String ref, String text, String subject, String attribute, String op, String value, String at,
                            String verdict, String strictVerdict, String figure, List<String> facts, String reason,
                            LocationJson location, @JsonInclude(JsonInclude.Include.NON_NULL) FormJson form,
                            @JsonInclude(JsonInclude.Include.NON_NULL) String accordingTo,
                            @JsonInclude(JsonInclude.Include.NON_NULL) List<String> unchecked) {
    }

    /**
     * The claim fields of docs/claims.md as the check read them (defaults filled in), and the interval the claim
     * was judged on on both readings ({@code kind}: the form; {@code unit}: a duration's or a gap's, days or years;
     * for a claim over a set, the interval is the number of members that meet its condition; {@code membersComplete}
     * only when the claim says each member's own facts are complete; {@code oneOf} only on "one of the highest").
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FormJson(String kind, String since, String change, String from, String maxAge, String aggregate,
                           List<String> versus, String compare, List<String> rankAmong, String rankKind, String order,
                           Boolean complete, Double toleranceRelative, Double toleranceAbsolute, String window,
                           IntervalJson conventional, IntervalJson strict, String rankOver, String trend,
                           String unit, String quantifier, String quantifierOp, String quantifierValue,
                           List<String> among, String amongKind, Boolean membersComplete, Boolean oneOf, String per,
                           Boolean unrecorded) {
        static FormJson of(ClaimVerdict v) {
            Claim c = v.claim();
            if (c.isPlain()) return null;
            io.factlint.model.ClaimOptions o = c.options();
            Figure f = v.figure();
            return new FormJson(o.form(), o.since() == null ? null : o.since().iso(), o.change(),
                    o.from() == null ? null : o.from().words(), o.maxAge(), o.aggregate(),
                    o.versus().isEmpty() ? null : o.versus(), o.compare(), o.rankAmong().isEmpty() ? null : o.rankAmong(),
                    o.rankKind(), o.order(), o.complete() ? Boolean.TRUE : null, o.toleranceRelative(),
                    o.toleranceAbsolute(), o.window(), f == null ? null : IntervalJson.of(f.conventional()),
                    f == null ? null : IntervalJson.of(f.strict()), o.rankOverIso(),
                    o.trend(), o.unit(), o.quantifier(), o.quantifierOp() == null ? null : o.quantifierOp().symbol(),
                    o.quantifierCount() == null ? null : o.quantifierCount().words(),
                    o.among().isEmpty() ? null : o.among(), o.amongKind(), o.membersComplete() ? Boolean.TRUE : null,
                    o.oneOf() ? Boolean.TRUE : null, o.per(), o.unrecorded() ? Boolean.TRUE : null);
        }
    }

    private static FindingJson finding(Finding f) {
        return new FindingJson(f.rule(), f.severity().id(), f.message(), f.subject(), f.claimRef(), f.fingerprint(),
                LocationJson.of(f.location()), f.facts().stream().map(JsonReportWriter::fact).toList(), f.waived(),
                WaiverJson.of(f.review().waiver()), f.review().baseline() == null ? null : f.review().baseline().id());
    }

    private static FixedJson fixed(FixedFinding f) {
        return new FixedJson(f.rule(), f.severity().id(), f.message(), f.subject(), f.claimRef(), f.fingerprint(),
                LocationJson.of(f.location()), f.factRefs().stream().map(RefJson::new).toList());
    }

    private static FactJson fact(Fact f) {
        Location l = f.getLocation();
        return new FactJson(f.getRef(), l.file(), l.line(), l.column());
    }

    private static FigureJson figure(Figure f) {
        return new FigureJson(f.subject(), f.attribute(), f.at().iso(), IntervalJson.of(f.conventional()),
                IntervalJson.of(f.strict()), f.fromRefs(), f.arithmetic(), f.strictArithmetic(), f.kind(), f.description());
    }

    private static ClaimJson claim(ClaimVerdict v) {
        Claim c = v.claim();
        Figure f = v.figure();
        String figure = f == null ? null : switch (String.valueOf(f.kind())) {
            // a claim over a set is judged on how many members meet its condition, a gap claim on the gaps' lengths
            case "set" -> "members that meet the condition on " + f.at().display() + ": " + f.display();
            case "gap" -> "gaps between the events of " + f.attribute() + " of " + f.subject() + " within "
                    + f.at().display() + ", in " + c.options().unit() + ": " + f.display();
            // a rate's figure is the total per day, week, month or year, not the total
            default -> f.attribute() + " of " + f.subject() + " on " + f.at().display()
                    + (c.options().per() == null ? "" : ", per " + c.options().per()) + ": " + f.display();
        };
        return new ClaimJson(c.getRef(), c.text(), c.subject(), c.attribute(), c.op() == null ? null : c.op().symbol(),
                c.valueWords().isEmpty() ? null : c.valueWords(), c.at().iso(),
                v.verdict().id(), v.strictVerdict().id(), figure, v.facts().stream().map(Fact::getRef).sorted().toList(),
                v.reason(), LocationJson.of(c.location()), FormJson.of(v), c.options().accordingTo(),
                c.options().unchecked().isEmpty() ? null : c.options().unchecked());
    }
}
