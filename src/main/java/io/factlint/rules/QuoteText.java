package io.factlint.rules;

import io.factlint.model.Quantity;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Quotes against the story text: folding for comparison, and the numbers a quote states (in digits, with
 * thousands separators, or in words such as "three thousand").
 */
public final class QuoteText {
    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final Pattern NUMBER = Pattern.compile(
            "(?<![\\p{L}\\p{N}.,])(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?(?![\\p{N}])(?:\\s*(st|nd|rd|th)\\b)?(?:\\s+(thousand|million|billion)\\b)?",
            Pattern.CASE_INSENSITIVE);
    private static final Map<String, Integer> UNITS = Map.ofEntries(
            Map.entry("zero", 0), Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4),
            Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9),
            Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("thirteen", 13),
            Map.entry("fourteen", 14), Map.entry("fifteen", 15), Map.entry("sixteen", 16), Map.entry("seventeen", 17),
            Map.entry("eighteen", 18), Map.entry("nineteen", 19), Map.entry("twenty", 20), Map.entry("thirty", 30),
            Map.entry("forty", 40), Map.entry("fifty", 50), Map.entry("sixty", 60), Map.entry("seventy", 70),
            Map.entry("eighty", 80), Map.entry("ninety", 90));
    private static final Map<String, Long> SCALES = Map.of("hundred", 100L, "thousand", 1_000L, "million", 1_000_000L,
            "billion", 1_000_000_000L);

    private static String lastText;
    private static String lastFolded;

    private QuoteText() {
    }

    /** Folds white space runs to one space, typographic quotes to straight ones and dashes to a hyphen. */
    public static String fold(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFC);
        StringBuilder b = new StringBuilder(n.length());
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            switch (c) {
                case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033', '\u00AB', '\u00BB' -> b.append('"');
                case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032' -> b.append('\'');
                case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212' -> b.append('-');
                case '\u00A0', '\u2007', '\u202F' -> b.append(' ');
                default -> b.append(c);
            }
        }
        return SPACE.matcher(b).replaceAll(" ").trim();
    }

    /** True when {@code quote} occurs in {@code text} after folding both. */
    public static boolean occursIn(String quote, String text) {
        return foldedText(text).contains(fold(quote));
    }

    private static synchronized String foldedText(String text) {
        if (text != lastText) {
            lastFolded = fold(text);
            lastText = text;
        }
        return lastFolded;
    }

    /** The numbers a text states, in order: digits ("2,500", "3.5 million") and words ("three thousand"). Ordinals are skipped. */
    public static List<BigDecimal> numbers(String text) {
        List<BigDecimal> out = new ArrayList<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            if (m.group(3) != null) continue; // 26th, 23rd: a day, not a count
            BigDecimal v = new BigDecimal(m.group(1).replace(",", "") + (m.group(2) == null ? "" : m.group(2)));
            if (m.group(4) != null) v = v.multiply(BigDecimal.valueOf(SCALES.get(m.group(4).toLowerCase())));
            out.add(v);
        }
        out.addAll(wordNumbers(text));
        return out;
    }

    /** Numbers written in words: "three thousand", "twenty-five", "eleven thousand five hundred". */
    static List<BigDecimal> wordNumbers(String text) {
        List<BigDecimal> out = new ArrayList<>();
        long total = 0, group = 0;
        boolean in = false;
        for (String w : text.toLowerCase().split("[^a-z]+")) {
            Integer unit = UNITS.get(w);
            Long scale = SCALES.get(w);
            if (unit != null) {
                group += unit;
                in = true;
            } else if (scale != null && in) {
                if (scale == 100) {
                    group *= 100;
                } else {
                    total += group * scale;
                    group = 0;
                }
            } else if (w.equals("and") && in) {
                continue;
            } else {
                if (in) out.add(BigDecimal.valueOf(total + group));
                total = group = 0;
                in = false;
            }
        }
        if (in) out.add(BigDecimal.valueOf(total + group));
        return out;
    }

    /** True when the quote states numbers and none of them is a number the quantity states. */
    public static boolean numberMismatch(String quote, Quantity q) {
        List<BigDecimal> said = numbers(quote);
        if (said.isEmpty()) return false;
        for (BigDecimal n : said) {
            for (BigDecimal v : q.statedNumbers()) {
                if (n.compareTo(v) == 0) return false;
            }
        }
        return true;
    }

    /** The numbers of a quote as an editor writes them: {@code 2,500}. */
    public static String numbersWords(String quote) {
        return String.join(", ", numbers(quote).stream().map(n -> io.factlint.model.Interval.number(n.doubleValue())).toList());
    }
}
