package io.factlint.rules;

import io.factlint.model.Claim;
import io.factlint.model.Drafted;
import io.factlint.model.Fact;
import io.factlint.model.IgnoredText;
import io.factlint.model.Location;
import io.factlint.model.Story;
import io.factlint.model.text.NumberReader;
import io.factlint.model.text.ReadNumber;
import org.kie.api.runtime.rule.RuleContext;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * What the draft rules need: the numbers of a story text that no fact's quote (nor a claim's text, nor an ignored
 * phrase) covers, located in the text file; and the finding for a drafted entry. The numbers are read by
 * {@link NumberReader}, the reader of the quote rules and of drafting, so the three agree on what a number is.
 */
public final class TextBacking {
    private TextBacking() {
    }

    /** A number of a story text, where it is in the text file. */
    public record TextNumber(String text, Location location) {
    }

    /**
     * The figures of {@code story}'s text (no years, days, clock times, nor "one" alone) that lie in no occurrence of
     * a fact's quote, a claim's text or an ignored phrase, in text order.
     */
    public static List<TextNumber> unbacked(Story story, Collection<?> facts, Collection<?> claims, Collection<?> ignored) {
        String text = story.text();
        Folded folded = Folded.of(text);
        List<int[]> covered = new ArrayList<>();
        for (Object o : facts) if (o instanceof Fact f && f.getQuote() != null) covered.addAll(folded.occurrences(f.getQuote()));
        for (Object o : claims) if (o instanceof Claim c && c.text() != null) covered.addAll(folded.occurrences(c.text()));
        for (Object o : ignored) if (o instanceof IgnoredText i) covered.addAll(folded.occurrences(i.text()));
        List<TextNumber> out = new ArrayList<>();
        for (ReadNumber n : NumberReader.figures(text)) {
            boolean in = false;
            for (int[] span : covered) {
                if (span[0] <= n.start() && n.end() <= span[1]) {
                    in = true;
                    break;
                }
            }
            if (!in) out.add(new TextNumber(n.text(), locate(story.textFile(), text, n.start())));
        }
        return out;
    }

    /** The finding of {@code draft.unreviewed} for one drafted fact or claim (at the claim, or at the fact). */
    public static Reported unreviewed(RuleContext ctx, Drafted d, Args args) {
        return d.isClaim() ? Findings.ofClaim(ctx, d.claim(), args) : Findings.of(ctx, d.subject(), args, d.fact());
    }

    /** {@code file:line:col} of a character of the text (1-based; columns count UTF-16 units, as SARIF's default). */
    static Location locate(String file, String text, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Location(file, line, offset - lineStart + 1);
    }

    /** A text folded as {@link QuoteText#fold} folds it, with each folded character's offset in the original. */
    record Folded(String text, int[] origin) {
        static Folded of(String s) {
            StringBuilder b = new StringBuilder(s.length());
            int[] map = new int[s.length() + 1];
            boolean space = false;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                char f = switch (c) {
                    case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033', '\u00AB', '\u00BB' -> '"';
                    case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032' -> '\'';
                    case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212' -> '-';
                    case '\u00A0', '\u2007', '\u202F' -> ' ';
                    default -> Character.isWhitespace(c) ? ' ' : c;
                };
                if (f == ' ') {
                    if (space) continue;
                    space = true;
                } else {
                    space = false;
                }
                map[b.length()] = i;
                b.append(f);
            }
            map[b.length()] = s.length();
            return new Folded(b.toString(), map);
        }

        /** Every occurrence of {@code phrase} (folded), as original offsets [start, end). */
        List<int[]> occurrences(String phrase) {
            String p = QuoteText.fold(phrase);
            List<int[]> out = new ArrayList<>();
            if (p.isEmpty()) return out;
            for (int at = text.indexOf(p); at >= 0; at = text.indexOf(p, at + 1)) {
                int end = at + p.length();
                out.add(new int[]{origin[at], origin[end - 1] + 1});
            }
            return out;
        }
    }
}
