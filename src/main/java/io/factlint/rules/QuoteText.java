package io.factlint.rules;

import io.factlint.model.Quantity;
import io.factlint.model.text.NumberReader;
import io.factlint.model.text.ReadNumber;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Quotes against the story text: folding for comparison, and the numbers a quote states (in digits, with
 * thousands separators, or in words such as "three thousand").
 */
public final class QuoteText {
    private QuoteText() {
    }

    /** Folds white space runs to one space, typographic quotes to straight ones and dashes to a hyphen. */
    public static String fold(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFC);
        StringBuilder b = new StringBuilder(n.length());
        // one pass: each character mapped, and each run of \s (after mapping) written as one space, as the
        // regular expression SPACE replaced it before; then trimmed
        boolean inSpace = false;
        for (int i = 0, len = n.length(); i < len; i++) {
            char c = n.charAt(i);
            char f = switch (c) {
                case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033', '\u00AB', '\u00BB' -> '"';
                case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032' -> '\'';
                case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212' -> '-';
                case '\u00A0', '\u2007', '\u202F' -> ' ';
                default -> c;
            };
            if (f == ' ' || f == '\t' || f == '\n' || f == '\u000B' || f == '\f' || f == '\r') {
                if (!inSpace) b.append(' ');
                inSpace = true;
            } else {
                b.append(f);
                inSpace = false;
            }
        }
        return b.toString().trim();
    }

    /**
     * True when {@code quote} occurs in {@code text} after folding both (for a newsroom's own rules; the default
     * quote rule matches against the {@link StoryText} the engine folded once per story).
     */
    public static boolean occursIn(String quote, String text) {
        return fold(text).contains(fold(quote));
    }

    /**
     * The figures a text states, in order, as {@link NumberReader} reads them: digits ("2,500", "3.5 million",
     * "$2.78 billion", "33%"), words ("three thousand", "a quarter"), ranges. Years, days of dates, clock times
     * and the word "one" alone are not figures.
     */
    public static List<BigDecimal> numbers(String text) {
        return NumberReader.figures(text).stream().map(ReadNumber::value).toList();
    }

    /**
     * True when the quote states numbers and none of them is a number the quantity states. A fall is written
     * without a sign: a negative value (a change of -73 %) is stated by its size when the quote says it went down
     * ("decreased 73%", "a 73 per cent drop"), and only then ("rose 73%" does not state -73 %).
     */
    public static boolean numberMismatch(String quote, Quantity q) {
        List<ReadNumber> read = NumberReader.read(quote); // read once: the figures, then the other numbers
        List<ReadNumber> said = read.stream().filter(ReadNumber::isFigure).toList();
        if (said.isEmpty()) return false;
        Boolean fall = null; // looked for once, and only when a value is negative
        // a value written as a percentage ({"percent": 5.7}) is stated by a bare 5.7 too: a table whose column
        // header carries the % sign
        List<BigDecimal> values = new java.util.ArrayList<>(q.statedNumbers());
        // "no province has a $1,500 fine" states 0 in words; its number is what was counted, not the count
        for (BigDecimal v : values) if (v.signum() == 0 && saysNone(quote)) return false;
        if (q.isPercent()) for (BigDecimal v : q.statedNumbers()) values.add(v.movePointRight(2));
        for (ReadNumber n : said) {
            for (BigDecimal v : values) {
                if (n.states(v)) return false;
                if (v.signum() < 0) {
                    if (fall == null) fall = saysFall(quote);
                    if (fall && n.states(v.negate())) return false;
                }
            }
        }
        // a number the reader takes for no figure may still be the fact's: a rank written as an ordinal ("comes in
        // 9th"), a year that is the value (not the day of a date, nor "one")
        for (ReadNumber n : read) {
            if (!ordinalOrYear(n)) continue;
            for (BigDecimal v : values) if (n.states(v)) return false;
        }
        // only years used as a name's adjective left ("a 2013 study", "the 2020 budget"): they state no figure
        for (ReadNumber n : said) if (!namingYear(quote, n)) return true;
        return false;
    }

    /** An ordinal ("9th": a rank) or a year, which the reader takes for no figure but a fact may state. */
    private static final Pattern ORDINAL = Pattern.compile("\\d+(?:st|nd|rd|th)", Pattern.CASE_INSENSITIVE);

    private static boolean ordinalOrYear(ReadNumber n) {
        return n.role() == ReadNumber.Role.YEAR || n.role() == ReadNumber.Role.DAY && ORDINAL.matcher(n.text()).matches();
    }

    /**
     * A plain integer from 1900 to 2100 that names a thing by its year, not a count: after "a", "an", "the", "this",
     * "that", "its", "their", "his", "her" or "our" and before a word that names such a thing ({@link #NAMED_BY_YEAR}:
     * "a 2013 study", "the 2020 budget", "its 2019 report"; "the 2000 people" and "a 2000 strong contingent" are
     * counts). Only the quote check reads it so (a story text's "a 2013 study" is the reader's business): such a year
     * never raises a mismatch alone.
     */
    private static final Pattern DETERMINER = Pattern.compile("(?i)\\b(?:a|an|the|this|that|its|their|his|her|our)\\s+$");
    private static final Pattern LOWER_WORD = Pattern.compile("^\\s+(\\p{Ll}[\\p{L}-]*)");
    private static final Pattern FOUR_DIGITS = Pattern.compile("\\d{4}");
    /** Things newsrooms name by their year: studies, reports, budgets, elections, laws, seasons, events. */
    private static final java.util.Set<String> NAMED_BY_YEAR = java.util.Set.of(
            "study", "studies", "report", "reports", "survey", "surveys", "census", "poll", "polls", "audit", "review",
            "budget", "budgets", "election", "elections", "vote", "referendum", "law", "act", "bill", "amendment",
            "constitution", "treaty", "agreement", "accord", "deal", "plan", "strategy", "policy", "guidelines",
            "regulations", "ruling", "decision", "judgment", "order", "estimate", "estimates", "forecast", "projection",
            "figures", "data", "statistics", "season", "campaign", "edition", "summit", "conference", "olympics",
            "games", "championship", "tournament", "crisis", "pandemic", "outbreak", "epidemic", "flood", "floods",
            "earthquake", "drought", "storm", "hurricane", "war", "protests", "uprising", "revolution", "coup", "attack",
            "attacks", "model", "version", "class", "cohort", "paper", "article", "index", "ranking", "rankings");

    static boolean namingYear(String quote, ReadNumber n) {
        if (n.percent() || n.currency() != null || n.isRange() || !n.alternatives().isEmpty()
                || n.bound() != io.factlint.model.Bound.EXACTLY || !FOUR_DIGITS.matcher(n.text()).matches()) return false;
        int y = n.value().intValue();
        if (y < 1900 || y > 2100) return false;
        java.util.regex.Matcher word = LOWER_WORD.matcher(quote.substring(n.end()));
        if (!word.find() || !NAMED_BY_YEAR.contains(word.group(1))) return false;
        return DETERMINER.matcher(quote.substring(Math.max(0, n.start() - 8), n.start())).find();
    }

    /**
     * Words of a fall: the stems of decrease, decline, drop, fall, fell, down, cut, reduce, lower, shrink, slump,
     * plunge, plummet, slide, and the word fewer ("less" is not one: "less than 73 %" says no fall).
     */
    private static final Pattern FALL = Pattern.compile(
            "\\b(decreas|declin|drop|fall|fell|down|cut|reduc|lower|shr[iu]nk|slump|plung|plummet|slid|fewer\\b)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** Words that state none: no, none, zero, nobody, no one, nothing, not a single, not one. */
    private static final Pattern NONE = Pattern.compile(
            "\\b(no|none|zero|nobody|nothing|not a single|not one|no one)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    static boolean saysNone(String quote) {
        return NONE.matcher(quote).find();
    }

    static boolean saysFall(String quote) {
        return FALL.matcher(quote).find();
    }

    /** The numbers of a quote as an editor writes them: {@code 2,500}. */
    public static String numbersWords(String quote) {
        return String.join(", ", NumberReader.figures(quote).stream().filter(n -> !namingYear(quote, n))
                .map(QuoteText::words).toList());
    }

    private static String words(ReadNumber n) {
        String v = io.factlint.model.Interval.number(n.value().doubleValue())
                + (n.max() == null ? "" : "–" + io.factlint.model.Interval.number(n.max().doubleValue()));
        return n.percent() ? v + " %" : v;
    }
}
