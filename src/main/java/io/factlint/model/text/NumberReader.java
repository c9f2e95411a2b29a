package io.factlint.model.text;

import io.factlint.model.Bound;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads numbers as newsrooms write them; shared by the quote rules and by drafting, so that a drafted quote always
 * states the number the draft records. A hand-written grammar of JDK regular expressions (see docs/draft.md for why
 * no library): deterministic, locale-free, linear in the text.
 *
 * <ul>
 *   <li>digits with thousands commas ("11,000"), the typo "3, 835" (3835, or 3 and 835), a decimal comma "2,78"
 *       (2.78, or 278), decimals ("3.5");</li>
 *   <li>number words: "three thousand", "twenty-three", "eleven thousand five hundred", "a hundred", "two dozen";</li>
 *   <li>fractions in words: "a quarter", "half", "two thirds", "one in twenty" ({@link ReadNumber.Role#FRACTION});</li>
 *   <li>percentages: "33%", "33 %", "33 per cent", "33 percent", "33 percentage points";</li>
 *   <li>scales and money: "3.5 million", "$2.78 billion", "2.78bn", "$5m", "€1.2 trillion", "5k", naira written
 *   "₦950 billion" or, as Nigerian newsrooms do, "N2.1 trillion" (an N right before the digits), and the
 *   shillings, rupees and cedis of "KSh37.3 billion", "Sh500", "Rs500" and "GH₵20" (the code right before the
 *   digits); "1.1m" or "5k" with no money is the number, and the scaled value another reading;</li>
 *   <li>ranges: "10,000 to 12,000", "10,000-12,000", "between 10,000 and 12,000", "10 to 12 million";</li>
 *   <li>hedges before the number, as the fact format's bounds: over, more than, above, exceeding → over; at least,
 *       no fewer than → at_least; fewer than, less than, under, below → under; up to, as many as, at most, no more
 *       than → at_most; nearly, almost, close to → nearly; some, about, around, roughly, approximately, an estimated
 *       → about; and after it "or more" → at_least, "-plus" → over;</li>
 *   <li>what is not a figure: years, days of dates ("December 27", "the 26th"), clock times ("21:00", "9 a.m."),
 *       the word "one" alone, and numbers that are part of a name (see {@link ReadNumber.Role}): digits joined to
 *       letters ("COVID-19", "G20", "MH17", "F-35", "H1N1", "A320-200"; never read), and a plain integer right
 *       after a name word of {@link #NAME_WORDS} ("Section 230", "Vision 2030", "Doing Business 2020", "Boeing
 *       737-800") with no scale, percent or hedge to it and no unit or counted noun after it ("Flight 6 Hours" is a
 *       figure); a name word that is also a verb ({@link #VERB_NAME_WORDS}) is none in capitals, after "to" or
 *       before "new", "more" ("UNIONS FORM 12", "To Route 4000", "Form 12 New Branches").</li>
 * </ul>
 */
public final class NumberReader {
    private static final Map<String, Integer> UNITS = Map.ofEntries(
            Map.entry("zero", 0), Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4),
            Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9),
            Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("thirteen", 13),
            Map.entry("fourteen", 14), Map.entry("fifteen", 15), Map.entry("sixteen", 16), Map.entry("seventeen", 17),
            Map.entry("eighteen", 18), Map.entry("nineteen", 19), Map.entry("twenty", 20), Map.entry("thirty", 30),
            Map.entry("forty", 40), Map.entry("fifty", 50), Map.entry("sixty", 60), Map.entry("seventy", 70),
            Map.entry("eighty", 80), Map.entry("ninety", 90));
    private static final Map<String, BigDecimal> SCALES = Map.of(
            "hundred", BigDecimal.valueOf(100), "thousand", BigDecimal.valueOf(1_000),
            "million", BigDecimal.valueOf(1_000_000), "billion", BigDecimal.valueOf(1_000_000_000),
            "trillion", new BigDecimal("1000000000000"), "dozen", BigDecimal.valueOf(12));
    /** Abbreviated scales, written right after digits: "2.78bn", "$5m", "5k". */
    private static final Map<String, BigDecimal> SHORT_SCALES = Map.of(
            "k", BigDecimal.valueOf(1_000), "m", BigDecimal.valueOf(1_000_000), "mn", BigDecimal.valueOf(1_000_000),
            "bn", BigDecimal.valueOf(1_000_000_000), "b", BigDecimal.valueOf(1_000_000_000),
            "tn", new BigDecimal("1000000000000"), "trn", new BigDecimal("1000000000000"));
    private static final Map<String, BigDecimal> DENOMINATORS = Map.ofEntries(
            Map.entry("half", BigDecimal.valueOf(2)), Map.entry("halves", BigDecimal.valueOf(2)),
            Map.entry("third", BigDecimal.valueOf(3)), Map.entry("thirds", BigDecimal.valueOf(3)),
            Map.entry("quarter", BigDecimal.valueOf(4)), Map.entry("quarters", BigDecimal.valueOf(4)),
            Map.entry("fifth", BigDecimal.valueOf(5)), Map.entry("fifths", BigDecimal.valueOf(5)),
            Map.entry("sixth", BigDecimal.valueOf(6)), Map.entry("eighth", BigDecimal.valueOf(8)),
            Map.entry("tenth", BigDecimal.valueOf(10)), Map.entry("tenths", BigDecimal.valueOf(10)));
    private static final Set<String> MONTHS = Set.of("january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
            "sep", "sept", "oct", "nov", "dec");

    /**
     * Name words: a plain integer right after one of them, written with its capital ("Section 230", "Vision 2030",
     * "Doing Business 2020", or in capitals, "SECTION 230"), is part of the name ({@link ReadNumber.Role#NAME}), not
     * a figure: laws and their parts, plans and editions, aircraft and craft, products, roads, market indexes. A
     * word followed by a number that has a scale, a percent sign, a hedge, a currency, a decimal point or a
     * thousands comma ("Vision 2030 million", "Section 5%", "Section 1,000") keeps the number a figure, and so does
     * a number before a unit or a counted noun of {@link #COUNTED_WORDS} ("Flight 6 hours", "Act 30 days").
     *
     * <p>A built-in lexicon, not a vocabulary of the rule pack (rules/vocabulary/*.yaml): the reader is one static
     * reader shared by the quote rules, {@code text.unbacked_number}, drafting and the HTML report, which marks a
     * story text's figures from a finished report with no rule pack at hand; a lexicon of the pack would let the
     * report, a draft made with one pack and a check made with another read different figures in the same text
     * (docs/draft.md, "The number reader"). Lower-case words ("section 230", "flight 200") are not read as names:
     * a common noun before a number is as often a count of it. Words are matched as spelled here ("iPhone", "HB",
     * "S.") or in capitals ("SECTION"); a word that is also an everyday verb is {@link #VERB_NAME_WORDS}.
     */
    static final Set<String> NAME_WORDS = Set.of(
            // laws, their parts, forms and ballots; bills of US legislatures (HB 1557, SB 8, HR 1, H.R. 1, S. 2938)
            "Act", "Amendment", "Article", "Bill", "Chapter", "Clause", "Decree", "Directive", "Form", "Measure", "Prop",
            "Proposition", "Regulation", "Resolution", "Section", "Title", "Executive Order", "HB", "SB", "HR", "H.R.",
            "S.",
            // plans, programmes, the editions of reports and events, and graded scales of alerts and storms
            "Agenda", "Vision", "Doing Business", "Census", "Expo", "World Cup", "Formula", "Category", "Stage",
            "Alert Level",
            // craft, aircraft, flights and their terminals
            "Airbus", "Apollo", "Artemis", "Boeing", "Flight", "Soyuz", "Terminal",
            // products, broadcasters, places, diseases, roads and market indexes
            "Windows", "Xbox", "iPhone", "Model", "Tesla Model", "Channel", "Area", "COVID", "Covid", "Route", "Highway",
            "Interstate", "FTSE", "Nasdaq", "Nikkei", "S&P");

    /**
     * Name words of one word that are also everyday verbs ("Unions Form 12 New Branches", "Army To Route 4000
     * Troops"): only their capital makes them a name, so they are none where the capital says nothing or the verb
     * is plain: written in capitals ("UNIONS FORM 12"; an all-caps name word that is no verb, "SECTION 230",
     * "DOING BUSINESS 2020", or an acronym, "FTSE 100", stays a name), right after "to" (an infinitive, "to Bill";
     * "opposition to Bill 21" is read as a figure too, a false alarm rather than a silenced figure), or before a
     * count's word of {@link #COUNT_WORDS} ("Form 12 new branches").
     */
    static final Set<String> VERB_NAME_WORDS = Set.of("Act", "Bill", "Decree", "Form", "Measure", "Model", "Route", "Stage");

    /** Makers whose possessive still names a model: "Boeing's 737 MAX" (but "the Bill's 30 clauses" counts). */
    static final Set<String> MAKERS = Set.of("Airbus", "Boeing");

    /**
     * Units and counted nouns: a number right before one ("Flight 6 Hours Late", "The Act 30 days after",
     * "30-day", "Boeing 300 jobs") is a figure after any name word. Time and measure units, and the nouns of
     * counted people and homes that no name's number modifies.
     */
    static final Set<String> COUNTED_WORDS = Set.of(
            "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "night", "nights", "week", "weeks",
            "month", "months", "year", "years", "decade", "decades",
            "km", "kilometre", "kilometres", "kilometer", "kilometers", "mile", "miles", "metre", "metres", "meter",
            "meters", "feet", "kg", "kilograms", "tonnes", "tons", "litres", "liters", "gallons", "barrels", "acres",
            "hectares",
            "people", "persons", "troops", "soldiers", "civilians", "households", "families", "homes", "houses", "jobs");

    /** Words a count takes after its number ("12 new branches", "300 more"): after a verb-like name word, a count. */
    static final Set<String> COUNT_WORDS = Set.of("new", "more", "extra", "additional", "further");

    private static final String UNIT_WORDS = String.join("|", UNITS.keySet().stream()
            .sorted((a, b) -> b.length() - a.length()).toList());
    private static final String NUMBER_WORD = "(?:" + UNIT_WORDS + "|hundred|thousand|million|billion|trillion)";
    private static final String FRACTION_WORD = "(?:half|halves|thirds?|quarters?|fifths?|sixth|eighth|tenths?)";

    /**
     * One atom: a clock time, a number in digits (with an ordinal suffix, a percent sign or an abbreviated scale
     * read afterwards), a fraction in words, "one in twenty", or a run of number words.
     */
    private static final Pattern ATOM = Pattern.compile(
            "(?<isodate>(?<![\\p{L}\\p{N}])\\d{4}-\\d{2}-\\d{2}(?:T\\d{2}:\\d{2}(?::\\d{2})?(?:Z|[+-]\\d{2}:?\\d{2})?)?(?![\\p{N}]))|"
            + "(?<time>(?<![\\p{L}\\p{N}])\\d{1,2}:\\d{2}(?![\\p{N}]))"
            + "|(?<digits>(?:(?<![\\p{L}\\p{N}.,])|(?<=(?<![\\p{L}\\p{N}])(?-i:N|KSh|Ksh|KES|TSh|USh|Sh|Rs|GHS))(?=\\d))(?<!\\p{L}-)(?:\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d{1,3}(?:, \\d{3})+(?![\\p{N}])|\\d+,\\d{1,2}(?![\\p{N},])|\\d+(?:\\.\\d+)?|\\.\\d+)(?![\\p{N}]))"
            + "|(?<onein>\\b(?:one|1) in (?<den>\\d+|" + UNIT_WORDS + "|hundred|thousand)\\b)"
            + "|(?<fraction>\\b(?:(?<num>a|an|one|two|three|four|five|six|seven|eight|nine)[\\s-]+)?" + FRACTION_WORD + "\\b)"
            + "|(?<words>\\b(?:(?:a|an)\\s+(?=(?:hundred|thousand|million|billion|trillion|dozen)\\b))?" + NUMBER_WORD
            + "(?:(?:\\s+and\\s+|[\\s-]+)" + NUMBER_WORD + ")*(?:\\s+dozen)?\\b|\\b(?:a|an)\\s+dozen\\b)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern AFTER_DIGITS = Pattern.compile(
            "^(?:(?<ord>st|nd|rd|th)\\b|\\s?(?<long>bn|mn|trn|tn)\\b|(?<short>k|m|b)\\b|\\s*(?<clock>a\\.m\\.|p\\.m\\.|am\\b|pm\\b))",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SCALE_AFTER = Pattern.compile(
            "^\\s+(?<scale>hundred|thousand|million|billion|trillion)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern PERCENT_AFTER = Pattern.compile(
            "^(?:[\\s\u00A0\u202F]?%|\\s+(?:per ?cent|percent|percentage points?|pc)\\b)", Pattern.CASE_INSENSITIVE);
    private static final Pattern CURRENCY_BEFORE = Pattern.compile(
            "(?<cur>US\\$|A\\$|C\\$|HK\\$|\\$|€|£|¥|₩|₹|₽|₦|₵|(?<![\\p{L}\\p{N}])N(?=\\d)"
            + "|(?<![\\p{L}\\p{N}])(?-i:KSh|Ksh|TSh|USh|Sh|Rs|GH₵)\\s?|(?:USD|EUR|GBP|JPY|KRW|CNY|RUB|UAH|NGN|KES|GHS|ZAR|INR)\\s?)$");
    private static final Pattern RANGE_LINK = Pattern.compile(
            "^(?:\\s*[-–—]\\s*|\\s+to\\s+|\\s+and\\s+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern BETWEEN_BEFORE = Pattern.compile("\\bbetween\\s+$", Pattern.CASE_INSENSITIVE);
    private static final Pattern HEDGE_BEFORE = Pattern.compile(
            "(?<![\\p{L}])(?<hedge>more than|over|above|exceeding|in excess of|upwards of|at least|no fewer than|no less than|a minimum of"
            + "|fewer than|less than|under|below|just under|up to|as many as|at most|no more than|a maximum of"
            + "|nearly|almost|close to|just shy of|some|about|around|roughly|approximately|an estimated|estimated|an approximate"
            + "|exactly|precisely|just)\\s+$", Pattern.CASE_INSENSITIVE);
    private static final Pattern HEDGE_AFTER = Pattern.compile(
            "^(?:(?<more>\\s+or more\\b)|(?<plus>-?plus\\b|\\+))", Pattern.CASE_INSENSITIVE);
    private static final Pattern YEAR_CONTEXT_BEFORE = Pattern.compile(
            "(?:\\b(?:in|since|of|until|till|by|from|to|before|after|during|early|late|mid|year|years|summer|winter|spring|autumn|fall|"
            + "january|february|march|april|may|june|july|august|september|october|november|december)\\s*-?|,\\s*|\\(|'|^)$",
            Pattern.CASE_INSENSITIVE);
    private static final MathContext FRACTION_PRECISION = new MathContext(10);
    // the small patterns of the code below, compiled once (String.matches and String.split compile theirs per call)
    private static final Pattern COMMA_SPACE = Pattern.compile(", ");
    private static final Pattern DECIMAL_COMMA = Pattern.compile("\\d+,\\d{1,2}");
    private static final Pattern ALL_DIGITS = Pattern.compile("\\d+");
    private static final Pattern WORD_GAP = Pattern.compile("[\\s-]+");
    private static final Pattern PLAIN_DIGITS = Pattern.compile("[\\d.,\\s]+");
    private static final Pattern DIGITS_AND_DOTS = Pattern.compile("[\\d.]+");
    private static final Pattern SCALED_END = Pattern.compile("(?is).*\\d\\s*(?:thousand|million|billion|trillion|bn|mn|tn|trn|k|m|b)");
    private static final Pattern MONTH_BEFORE = Pattern.compile("([a-z]+)\\.?\\s+$");
    private static final Pattern MONTH_AFTER = Pattern.compile("^\\s+(?:of\\s+)?([a-z]+)");
    private static final Pattern LOWER_WORD_AFTER = Pattern.compile("^\\s+\\p{Ll}.*");
    /** "as early as", "as late as": a year follows (an earlier year than 1900 too). */
    private static final Pattern EARLY_LATE = Pattern.compile("(?i)\\bas (?:early|late) as\\s+$");
    /**
     * The words before a year earlier than 1900: those of {@link #YEAR_CONTEXT_BEFORE} that name a time, not "of",
     * "by", "from", "to", an apostrophe or the start ("rose to 1500.", "a total of 1200 Kenyans", "up from 1100,"
     * and "fell by 1800 and" are counts).
     */
    private static final Pattern OLD_YEAR_BEFORE = Pattern.compile(
            "\\b(?:in|since|until|till|before|after|during|early|late|mid|year|summer|winter|spring|autumn|fall|"
            + "january|february|march|april|may|june|july|august|september|october|november|december)\\s*-?$",
            Pattern.CASE_INSENSITIVE);
    /** What may follow a year before 1900: punctuation, the end, "the", "a", "an", "and", or a capital. */
    private static final Pattern OLD_YEAR_AFTER = Pattern.compile("(?:\\s*$|[,.;:)\\]]|\\s+(?:the|a|an|and)\\b|\\s+\\p{Lu})");
    private static final Pattern NAIRA_TOKEN = Pattern.compile("N\\d+");
    private static final Pattern OPENING = Pattern.compile("^[(\\[\"'\u201C\u2018]+");
    private static final Pattern WORD_AFTER = Pattern.compile("^(?:\\s+|-)(\\p{L}+)");
    private static final Pattern POSSESSIVE = Pattern.compile("(.+)['\u2019]s");

    private NumberReader() {
    }

    /** Every number of {@code text}, in order of position. */
    public static List<ReadNumber> read(String text) {
        List<ReadNumber> atoms = atoms(text);
        List<ReadNumber> out = new ArrayList<>();
        for (int i = 0; i < atoms.size(); i++) {
            ReadNumber a = atoms.get(i);
            if (i + 1 < atoms.size()) {
                ReadNumber range = range(text, a, atoms.get(i + 1));
                if (range != null) {
                    out.add(range);
                    i++;
                    continue;
                }
            }
            out.add(a);
        }
        return out;
    }

    /** The figures of {@code text}: numbers a fact should back (no years, days, times, nor "one" alone). */
    public static List<ReadNumber> figures(String text) {
        return read(text).stream().filter(ReadNumber::isFigure).toList();
    }

    private static List<ReadNumber> atoms(String text) {
        List<ReadNumber> out = new ArrayList<>();
        Matcher m = ATOM.matcher(text);
        m.useTransparentBounds(true);
        m.useAnchoringBounds(false);
        int pos = 0;
        while (pos < text.length() && (pos = nextAtom(m, text, pos)) >= 0) {
            ReadNumber n = atom(text, m);
            pos = m.end();
            if (n != null && (out.isEmpty() || n.start() >= out.get(out.size() - 1).end())) {
                out.add(n);
                pos = Math.max(pos, n.end());
            }
        }
        return out;
    }

    /**
     * What {@code m.find(from)} finds, tried only where an atom can start: {@link #ATOM} is a long alternation with
     * look-behinds, and {@code find} tries all of it at every character of a story text. Every alternative consumes
     * an ASCII digit or a dot first, or (after {@code \\b}) an ASCII letter that begins "a", a number word or a
     * fraction word; so a position is skipped only if its character is ASCII and none of those, or a letter right
     * after an ASCII letter, digit or underscore (no word boundary). The match is then tried there, the match
     * (groups, start, end) being the same as {@code find}'s, as the leftmost one. Returns its start, or -1.
     */
    private static int nextAtom(Matcher m, String text, int from) {
        int n = text.length();
        for (int p = from; p < n; p++) {
            char c = text.charAt(p);
            if (c < 0x80) {
                if (c >= '0' && c <= '9' || c == '.') {
                    // a digit or a dot can start the digit alternatives
                } else if (STARTS_WORD[c]) {
                    if (p > 0) {
                        char b = text.charAt(p - 1);
                        if (b < 0x80 && (b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '_')) continue;
                    }
                } else {
                    continue;
                }
            }
            m.region(p, n);
            if (m.lookingAt()) return p;
        }
        return -1;
    }

    /** ASCII letters (either case) that begin "a", "an", a number word or a fraction word of {@link #ATOM}. */
    private static final boolean[] STARTS_WORD = new boolean[128];

    static {
        for (String w : List.of("a", "an", "hundred", "thousand", "million", "billion", "trillion", "dozen", "half",
                "halves", "third", "thirds", "quarter", "quarters", "fifth", "fifths", "sixth", "eighth", "tenth",
                "tenths")) {
            STARTS_WORD[w.charAt(0)] = true;
        }
        for (String w : UNITS.keySet()) STARTS_WORD[w.charAt(0)] = true;
        for (int c = 'a'; c <= 'z'; c++) if (STARTS_WORD[c]) STARTS_WORD[Character.toUpperCase(c)] = true;
    }

    private static ReadNumber atom(String text, Matcher m) {
        int start = m.start();
        int end = m.end();
        if (m.group("isodate") != null) {
            // 2025-03-01: a date written as ISO-8601, not a figure (nor three)
            return new ReadNumber(start, end, m.group(), new BigDecimal(m.group().substring(8, 10)), null, Bound.EXACTLY,
                    false, null, ReadNumber.Role.DAY, List.of());
        }
        if (m.group("time") != null) {
            return new ReadNumber(start, end, m.group(), new BigDecimal(m.group().replace(":", ".")), null, Bound.EXACTLY,
                    false, null, ReadNumber.Role.TIME, List.of());
        }
        BigDecimal value;
        List<BigDecimal> alternatives = new ArrayList<>();
        ReadNumber.Role role = ReadNumber.Role.COUNT;
        boolean digits = m.group("digits") != null;
        if (digits) {
            String d = m.group("digits");
            if (d.contains(", ")) {
                value = new BigDecimal(d.replace(", ", ""));
                for (String part : COMMA_SPACE.split(d)) alternatives.add(new BigDecimal(part));
            } else if (DECIMAL_COMMA.matcher(d).matches()) {
                value = new BigDecimal(d.replace(',', '.'));
                alternatives.add(new BigDecimal(d.replace(",", "")));
            } else {
                value = new BigDecimal(d.replace(",", ""));
            }
            Matcher after = AFTER_DIGITS.matcher(text).region(end, text.length());
            after.useTransparentBounds(false);
            if (after.lookingAt()) {
                if (after.group("ord") != null) {
                    return new ReadNumber(start, after.end(), text.substring(start, after.end()), value, null,
                            Bound.EXACTLY, false, null, ReadNumber.Role.DAY, List.of());
                }
                if (after.group("clock") != null) {
                    return new ReadNumber(start, after.end(), text.substring(start, after.end()), value, null,
                            Bound.EXACTLY, false, null, ReadNumber.Role.TIME, List.of());
                }
                String abbr = after.group("long") != null ? after.group("long") : after.group("short");
                BigDecimal s = SHORT_SCALES.get(abbr.toLowerCase(Locale.ROOT));
                // "5m" is five metres, "5k" a race, unless money is meant; "bn" and "tn" are always scales
                if (after.group("long") != null || currencyBefore(text, start) != null) {
                    value = value.multiply(s);
                    alternatives.clear();
                    end = after.end();
                } else {
                    // without money it may still be the scale ("the 1.1m record", "2.5m people"): another reading
                    alternatives.add(value.multiply(s));
                }
            }
        } else if (m.group("onein") != null) {
            String den = m.group("den").toLowerCase(Locale.ROOT);
            BigDecimal d = ALL_DIGITS.matcher(den).matches() ? new BigDecimal(den) : wordsValue(den);
            if (d == null || d.signum() == 0) return null;
            value = BigDecimal.ONE.divide(d, FRACTION_PRECISION).stripTrailingZeros();
            role = ReadNumber.Role.FRACTION;
        } else if (m.group("fraction") != null) {
            String[] parts = WORD_GAP.split(m.group("fraction").toLowerCase(Locale.ROOT));
            String word = parts[parts.length - 1];
            BigDecimal num = parts.length == 1 || parts[0].equals("a") || parts[0].equals("an") ? BigDecimal.ONE
                    : BigDecimal.valueOf(UNITS.get(parts[0]));
            // "half" alone, "a quarter", "two thirds"; a bare "quarter" or "third" is a period or a rank, not a share
            if (parts.length == 1 && !word.equals("half")) return null;
            if (word.endsWith("s") && parts.length > 1 && num.compareTo(BigDecimal.ONE) == 0) return null;
            value = num.divide(DENOMINATORS.get(word), FRACTION_PRECISION).stripTrailingZeros();
            role = ReadNumber.Role.FRACTION;
        } else {
            String w = m.group("words");
            value = wordsValue(w.toLowerCase(Locale.ROOT));
            if (value == null) return null;
            if (w.trim().equalsIgnoreCase("one")) role = ReadNumber.Role.ONE;
        }
        return finish(text, start, end, value, alternatives, role, digits);
    }

    /** Scale, percent, currency, hedges and the role of a year or a day, around an atom. */
    private static ReadNumber finish(String text, int start, int end, BigDecimal value, List<BigDecimal> alternatives,
                                     ReadNumber.Role role, boolean digits) {
        int written = start; // where the digits start, before a currency or a hedge is taken in
        boolean scaled = end > start && !PLAIN_DIGITS.matcher(text.substring(start, end)).matches();
        Matcher sc = SCALE_AFTER.matcher(text).region(end, text.length());
        if (digits && sc.lookingAt()) {
            BigDecimal s = SCALES.get(sc.group("scale").toLowerCase(Locale.ROOT));
            value = value.multiply(s);
            alternatives = new ArrayList<>();
            end = sc.end();
            scaled = true;
        }
        boolean percent = false;
        Matcher pc = PERCENT_AFTER.matcher(text).region(end, text.length());
        if (role != ReadNumber.Role.FRACTION && pc.lookingAt()) {
            percent = true;
            end = pc.end();
            if (role == ReadNumber.Role.ONE) role = ReadNumber.Role.COUNT;
        }
        String currency = currencyBefore(text, start);
        // a bare N is naira only before an amount written as money ("N2.1 trillion", "N5,000", the first end of
        // "N10-20 billion"), not in "N95"
        if ("N".equals(currency) && !scaled && text.substring(start, end).indexOf(',') < 0 && !rangeFollows(text, end)) {
            return null;
        }
        if (currency != null) {
            start -= currency.length();
            currency = currency.trim();
            if (role == ReadNumber.Role.ONE) role = ReadNumber.Role.COUNT;
        }
        Bound bound = Bound.EXACTLY;
        Matcher hb = HEDGE_BEFORE.matcher(text).region(Math.max(0, start - 30), start);
        hb.useTransparentBounds(true);
        if (hb.find()) {
            Bound b = hedge(hb.group("hedge"));
            if (b != null) {
                bound = b;
                start = hb.start("hedge");
                if (role == ReadNumber.Role.ONE) role = ReadNumber.Role.COUNT;
            }
        }
        Matcher ha = HEDGE_AFTER.matcher(text).region(end, text.length());
        if (bound == Bound.EXACTLY && ha.lookingAt()) {
            bound = ha.group("more") != null ? Bound.AT_LEAST : Bound.OVER;
            end = ha.end();
        }
        if (digits && role == ReadNumber.Role.COUNT && !percent && currency == null && !scaled) {
            if (bound == Bound.EXACTLY && start == written && alternatives.isEmpty()
                    && ALL_DIGITS.matcher(text.substring(start, end)).matches() && isName(text, start, end)) {
                role = ReadNumber.Role.NAME;
            } else if (isDay(text, start, end, value)) role = ReadNumber.Role.DAY;
            else if (bound == Bound.EXACTLY && isYear(text, start, end, value)) role = ReadNumber.Role.YEAR;
        }
        return new ReadNumber(start, end, text.substring(start, end), value, null, bound, percent, currency, role,
                alternatives);
    }

    /** Two atoms joined by "-", "to" or ("between" ...) "and", of the same kind: one range. */
    private static ReadNumber range(String text, ReadNumber a, ReadNumber b) {
        if (a.role() != ReadNumber.Role.COUNT || b.role() != ReadNumber.Role.COUNT) return null;
        if (b.bound() != Bound.EXACTLY) return null;
        String between = text.substring(a.end(), b.start());
        Matcher link = RANGE_LINK.matcher(between);
        if (!link.matches()) {
            // the first atom's percent or scale may be written once, after the second: "10-12%", "10 to 12 million"
            return null;
        }
        boolean and = between.trim().equalsIgnoreCase("and");
        boolean opened = BETWEEN_BEFORE.matcher(text.substring(Math.max(0, a.start() - 10), a.start())).find();
        if (and && !opened) return null;
        BigDecimal lo = a.value();
        BigDecimal hi = b.value();
        boolean percent = a.percent() || b.percent();
        // a scale written once at the end applies to both ends: "10 to 12 million", "$2-3bn"
        if (lo.compareTo(hi) < 0 && hi.compareTo(lo.multiply(BigDecimal.valueOf(100))) > 0
                && DIGITS_AND_DOTS.matcher(withoutCurrency(a)).matches() && SCALED_END.matcher(b.text()).matches()) {
            BigDecimal[] s = {BigDecimal.valueOf(1_000), BigDecimal.valueOf(1_000_000), BigDecimal.valueOf(1_000_000_000),
                    new BigDecimal("1000000000000")};
            for (BigDecimal x : s) {
                BigDecimal scaled = lo.multiply(x);
                if (scaled.compareTo(hi) < 0 && hi.compareTo(scaled.multiply(BigDecimal.TEN)) < 0) {
                    lo = scaled;
                    break;
                }
            }
        }
        if (lo.compareTo(hi) >= 0 || a.bound() != Bound.EXACTLY) return null;
        int start = a.start();
        if (opened && a.bound() == Bound.EXACTLY) {
            Matcher bm = BETWEEN_BEFORE.matcher(text).region(Math.max(0, a.start() - 10), a.start());
            bm.useTransparentBounds(true);
            if (bm.find()) start = bm.start();
        }
        return new ReadNumber(start, b.end(), text.substring(start, b.end()), lo, hi, Bound.EXACTLY, percent,
                a.currency() != null ? a.currency() : b.currency(), ReadNumber.Role.COUNT, List.of(a.value()));
    }

    /** The number's text after its currency sign or code: "10" of "₦10", "$5" or "NGN 5". */
    private static String withoutCurrency(ReadNumber n) {
        String t = n.text();
        if (n.currency() == null) return t;
        int at = t.indexOf(n.currency());
        return at < 0 ? t : t.substring(at + n.currency().length()).trim();
    }

    /** Whether "-", "to" or "and" and another amount ("20", "N20") follow {@code end}: the first end of a range. */
    private static boolean rangeFollows(String text, int end) {
        Matcher m = RANGE_LINK.matcher(text).region(end, text.length());
        if (!m.lookingAt()) return false;
        int i = m.end();
        if (i < text.length() && text.charAt(i) == 'N') i++;
        return i < text.length() && Character.isDigit(text.charAt(i));
    }

    private static String currencyBefore(String text, int start) {
        Matcher c = CURRENCY_BEFORE.matcher(text).region(Math.max(0, start - 4), start);
        c.useTransparentBounds(true);
        return c.find() ? c.group("cur") : null;
    }

    /**
     * Whether the plain integer from {@code start} to {@code end} is part of a name: right after a name word of
     * {@link #NAME_WORDS} and one space ("Section 230", "Doing Business 2020", "Boeing's 737"), or joined by a hyphen
     * to a token of letters and digits ("A320-200") or to a name's number ("Boeing 737-800"); and not before a unit
     * or counted noun ("Flight 6 Hours"). A token the reader reads as naira ("N10-20") is no name.
     */
    private static boolean isName(String text, int start, int end) {
        if (start < 2) return false;
        String next = wordAfter(text, end);
        if (COUNTED_WORDS.contains(next)) return false;
        char gap = text.charAt(start - 1);
        if (gap == '-') {
            int t = start - 1;
            while (t > 0 && Character.isLetterOrDigit(text.charAt(t - 1))) t--;
            String token = text.substring(t, start - 1);
            if (token.isEmpty() || t > 0 && (text.charAt(t - 1) == '-' || text.charAt(t - 1) == '.' || text.charAt(t - 1) == ',')) return false;
            if (ALL_DIGITS.matcher(token).matches()) return isName(text, t, start - 1);
            return token.chars().anyMatch(Character::isLetter) && token.chars().anyMatch(Character::isDigit)
                    && !NAIRA_TOKEN.matcher(token).matches();
        }
        if (gap != ' ' && gap != '\u00A0') return false;
        int e = start - 1;
        int b = e;
        while (b > 0 && !Character.isWhitespace(text.charAt(b - 1))) b--;
        String word = OPENING.matcher(text.substring(b, e)).replaceFirst("");
        String before = null;
        if (b >= 2 && text.charAt(b - 1) == ' ') {
            int a = b - 1;
            while (a > 0 && !Character.isWhitespace(text.charAt(a - 1))) a--;
            before = OPENING.matcher(text.substring(a, b - 1)).replaceFirst("");
        }
        if (oneNameWord(word, before, next)) return true;
        return before != null && nameWord(before + " " + word) != null;
    }

    /**
     * Whether one word names what the number after it numbers: a name word, but a verb-like one only with a
     * capital that says something and no infinitive or count around it ({@link #VERB_NAME_WORDS}); a maker's
     * possessive ("Boeing's").
     */
    private static boolean oneNameWord(String word, String before, String next) {
        Matcher possessive = POSSESSIVE.matcher(word);
        if (possessive.matches()) {
            String maker = nameWord(possessive.group(1));
            return maker != null && MAKERS.contains(maker);
        }
        String name = nameWord(word);
        if (name == null) return false;
        if (!VERB_NAME_WORDS.contains(name)) return true;
        return word.equals(name) && !"to".equalsIgnoreCase(before) && !COUNT_WORDS.contains(next);
    }

    /** The word (lower-cased) right after {@code end}, past spaces or a hyphen ("days" of "30 days", "30-day"); or "". */
    private static String wordAfter(String text, int end) {
        Matcher m = WORD_AFTER.matcher(text).region(end, text.length());
        return m.lookingAt() ? m.group(1).toLowerCase(Locale.ROOT) : "";
    }

    /**
     * The name word of {@link #NAME_WORDS} that {@code words} writes, as spelled there ("Section", "iPhone", "HB")
     * or in capitals ("SECTION", "DOING BUSINESS"); null if none.
     */
    private static String nameWord(String words) {
        if (NAME_WORDS.contains(words)) return words;
        if (words.isEmpty() || !Character.isUpperCase(words.charAt(0))) return null;
        if (!words.equals(words.toUpperCase(Locale.ROOT))) return null;
        return NAME_WORDS_IN_CAPITALS.get(words);
    }

    /**
     * {@link #NAME_WORDS} by their spelling in capitals ("SECTION" → "Section"), made once; of two spellings with
     * the same capitals ("COVID", "Covid") the first in alphabetical order, so the choice never depends on a set's order.
     */
    private static final java.util.Map<String, String> NAME_WORDS_IN_CAPITALS = NAME_WORDS.stream()
            .collect(java.util.stream.Collectors.toUnmodifiableMap(w -> w.toUpperCase(Locale.ROOT), w -> w,
                    (a, b) -> a.compareTo(b) <= 0 ? a : b));

    /** A number of 1 to 31 right beside a month name: "December 27", "27 December", "Dec. 27". */
    private static boolean isDay(String text, int start, int end, BigDecimal value) {
        if (value.scale() > 0 || value.compareTo(BigDecimal.ONE) < 0 || value.compareTo(BigDecimal.valueOf(31)) > 0) return false;
        String before = text.substring(Math.max(0, start - 12), start).toLowerCase(Locale.ROOT);
        Matcher mb = MONTH_BEFORE.matcher(before);
        if (mb.find() && MONTHS.contains(mb.group(1))) return true;
        String after = text.substring(end, Math.min(text.length(), end + 12)).toLowerCase(Locale.ROOT);
        Matcher ma = MONTH_AFTER.matcher(after);
        return ma.find() && MONTHS.contains(ma.group(1));
    }

    /**
     * A four-digit number from 1900 to 2100 written as a year: after "in", "since", a month, or before punctuation; and
     * an earlier one from 1000 after a word that names a time ({@link #OLD_YEAR_BEFORE}) and before punctuation, the
     * end, "the", "a", "and" or a capital ("as early as 1526, enslaved Africans", "in 1619 the first"; "in 1500 cases",
     * "rose to 1500." and "a total of 1200 Kenyans" stay counts).
     */
    private static boolean isYear(String text, int start, int end, BigDecimal value) {
        if (value.scale() > 0 || value.compareTo(BigDecimal.valueOf(1000)) < 0 || value.compareTo(BigDecimal.valueOf(2100)) > 0) return false;
        if (text.substring(start, end).contains(",")) return false;
        if (value.compareTo(BigDecimal.valueOf(1900)) < 0) {
            if (end - start != 4) return false;
            String before = text.substring(Math.max(0, start - 14), start);
            return (OLD_YEAR_BEFORE.matcher(before).find() || EARLY_LATE.matcher(before).find())
                    && OLD_YEAR_AFTER.matcher(text.substring(end)).lookingAt();
        }
        String before = text.substring(Math.max(0, start - 12), start);
        if (YEAR_CONTEXT_BEFORE.matcher(before).find()) return true;
        String after = text.substring(end, Math.min(text.length(), end + 3));
        return after.isEmpty() || !LOWER_WORD_AFTER.matcher(after).matches() && !after.startsWith("-");
    }

    private static Bound hedge(String words) {
        return switch (words.toLowerCase(Locale.ROOT)) {
            case "more than", "over", "above", "exceeding", "in excess of", "upwards of" -> Bound.OVER;
            case "at least", "no fewer than", "no less than", "a minimum of" -> Bound.AT_LEAST;
            case "fewer than", "less than", "under", "below", "just under" -> Bound.UNDER;
            case "up to", "as many as", "at most", "no more than", "a maximum of" -> Bound.AT_MOST;
            case "nearly", "almost", "close to", "just shy of" -> Bound.NEARLY;
            case "some", "about", "around", "roughly", "approximately", "an estimated", "estimated", "an approximate" -> Bound.ABOUT;
            case "exactly", "precisely", "just" -> Bound.EXACTLY;
            default -> null;
        };
    }

    /** The value of a run of number words: "three thousand", "twenty-three", "a hundred", "two dozen". */
    static BigDecimal wordsValue(String words) {
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal group = BigDecimal.ZERO;
        boolean any = false;
        for (String w : WORD_GAP.split(words)) {
            if (w.isEmpty() || w.equals("and")) continue;
            if (w.equals("a") || w.equals("an")) {
                group = group.add(BigDecimal.ONE);
                any = true;
                continue;
            }
            Integer unit = UNITS.get(w);
            BigDecimal scale = SCALES.get(w);
            if (unit != null) {
                group = group.add(BigDecimal.valueOf(unit));
                any = true;
            } else if (scale != null) {
                if (!any) group = BigDecimal.ONE;
                if (scale.compareTo(BigDecimal.valueOf(100)) <= 0) {
                    group = group.multiply(scale);
                } else {
                    total = total.add(group.multiply(scale));
                    group = BigDecimal.ZERO;
                }
                any = true;
            } else {
                return null;
            }
        }
        return any ? total.add(group) : null;
    }
}
