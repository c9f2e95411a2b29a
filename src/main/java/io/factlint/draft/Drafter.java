package io.factlint.draft;

import io.factlint.model.Bound;
import io.factlint.model.text.NumberReader;
import io.factlint.model.text.ReadNumber;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an article into a draft fact file: numbers with their hedges (through {@link NumberReader}, the reader the
 * quote rules use), dates relative to publication, status events of people, sources from attribution, claim
 * candidates. A hand-written deterministic grammar of JDK regular expressions over sentences and clauses (see
 * docs/draft.md): every quote it proposes is a verbatim clause of the text, so it passes the quote rules.
 */
public final class Drafter {
    private static final String WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";
    private static final String MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
            + "|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?";
    private static final Pattern DATE = Pattern.compile(
            "(?<wdx>(?:(?:earlier|later|late|early)\\s+)?(?:on\\s+|last\\s+|this\\s+)?(?<wd>" + WEEKDAYS + ")(?:\\s+(?:morning|afternoon|evening|night))?"
            + "(?:\\s*\\((?<paren>[^)]{1,24})\\)|,?\\s+(?<wdmd>(?:" + MONTHS + ")\\s+\\d{1,2}(?:st|nd|rd|th)?|\\d{1,2}(?:st|nd|rd|th)?\\s+(?:" + MONTHS + ")))?)"
            + "|(?<ordx>on\\s+the\\s+(?<ord>\\d{1,2})(?:st|nd|rd|th))"
            + "|(?<mdx>(?:on\\s+)?(?<md>(?:" + MONTHS + ")\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?|\\d{1,2}(?:st|nd|rd|th)?\\s+(?:" + MONTHS + ")(?:\\s+\\d{4})?))"
            + "|(?<rel>\\byesterday\\b|\\btoday\\b|\\blast\\s+week\\b|\\bthis\\s+week\\b|\\blast\\s+month\\b)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?][\"”’)]?)\\s+(?=[\"“(]?[A-Z(])");
    private static final Pattern ABBREVIATION = Pattern.compile(
            "(?:\\b(?:Mr|Mrs|Ms|Dr|Gen|Col|Lt|Sgt|St|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|No|U\\.S|U\\.K|a\\.m|p\\.m|Inc|Corp|vs)|\\b[A-Z])\\.$");
    // a comma breaks a clause, except inside a number ("3, 835"), before the date of a weekday ("on Tuesday, November
    // 19": one date) and before a date's year ("November 19, 2024")
    private static final Pattern CLAUSE_BREAK = Pattern.compile(",\\s+(?!\\d{3}\\b)(?!\\d{4}\\b)"
            + "(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.?\\s+\\d)|;\\s+|:\\s+|\\s+[–—]\\s+|[\"“”]");
    private static final Pattern ACCORDING = Pattern.compile(
            "^(?:According to|Citing|As reported by|Quoting)\\s+(?:(?:reports?|a report|a statement|statements|figures|data)\\s+(?:from|by)\\s+)?(?<src>[^,]{2,120}?),\\s+",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern REPORTED_BY = Pattern.compile(
            "^(?:Reported|Announced|Stated|Confirmed|Published|Posted)\\s+by\\s+(?<src>[^,]{2,120}?),\\s+");
    private static final Pattern REFERENCES = Pattern.compile(
            "\\(?(?:This article drew references from|This article drew on reporting (?:from|by)|With reporting (?:from|by)|Additional reporting by)\\s+(?<src>[^)]+?)\\.?\\)?\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern COMPARISON_BEFORE = Pattern.compile(
            "\\b(?<verb>exceeded|exceeds|surpassed|surpasses|topped|tops|passed|outnumbered|rose above|fell below|dropped below|is more than|are more than|was more than|were more than|is less than|was less than|is now|are now|stood at|accounts for|accounted for|made up|make up|makes up)\\s+$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CHANGE = Pattern.compile("\\b(?<verb>doubled|tripled|trebled|halved|quadrupled)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern CONCLUSION = Pattern.compile(
            "^(?:.*?\\b(?:indicates|indicated|shows|showed|means|meant|suggests|suggested|implies|confirms)\\s+that\\s+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern TITLE = Pattern.compile(
            "^(?:(?:[A-Z][\\p{L}-]+\\s+)*?(?:President|Prime Minister|Minister|Foreign Minister|Defence Minister|Defense Minister|spokesperson|spokesman|spokeswoman|Governor|Mayor|General|Gen\\.|Colonel|Commander|Chancellor|Secretary|Senator|official)\\s+)(?<name>[A-Z][\\p{L}'’-]+(?:\\s+[A-Z][\\p{L}'’-]+){1,2})$");
    private static final Pattern STOP = Pattern.compile(
            "(?i)have|has|had|were|was|are|is|been|be|being|will|would|could|may|might|in|to|of|on|at|for|from|by|with|during|since|near|into|across|after|before|over|under|per|among|and|or|but|who|that|which|while|as|than|the|a|an|this|these|those|their|its|his|her|our|now|so|had|also");
    private static final Pattern UNCONFIRMED = Pattern.compile(
            "\\b(?:reportedly|unconfirmed|unverified|allegedly|could not (?:be )?(?:independently )?(?:verified|confirmed)|not (?:been )?(?:independently )?verified)\\b", Pattern.CASE_INSENSITIVE);
    /** The text before a number that is the whole of a share: "half of the ", "30 % of its ", "one in five of the ". */
    private static final Pattern WHOLE_OF_A_SHARE = Pattern.compile(
            "(?i)\\b(?:half|halves|thirds?|quarters?|fifths?|tenths?|per ?cent|percent|%|majority|minority|most|all)\\s+of\\s+(?:the\\s+|its\\s+|their\\s+|his\\s+|her\\s+)?$");
    /** A noun phrase that is only an article or a determiner ("An" of "An estimated 4,000"): no speaker. */
    private static final Pattern ARTICLE = Pattern.compile("(?i)a|an|the|some|any|every|each");
    private static final Pattern PRONOUN = Pattern.compile("(?i)^(?:it|this|that|they|he|she|there|we|i|you|these|those|which|who)$");

    private final String text;
    private final OffsetDateTime published;
    private final LocalDate day;
    private final DraftVocabulary v;
    private final String headline;
    private final Map<String, Draft.Source> sources = new LinkedHashMap<>();
    private final Map<String, Draft.Entity> entities = new LinkedHashMap<>();
    private final Map<String, String> personKeys = new LinkedHashMap<>();
    private final List<Draft.Fact> facts = new ArrayList<>();
    private final List<Draft.Claim> claims = new ArrayList<>();
    private final List<Draft.Mention> mentions = new ArrayList<>();
    private final List<Draft.Mention> allDates = new ArrayList<>();
    private final List<int[]> lineStarts = new ArrayList<>();
    /**
     * The attribution patterns of the vocabulary's verbs, compiled once a draft (not once a sentence): "X said /
     * stated / confirmed (on Friday) (that | , “)"; "X said at least 200 ..." (the clause follows the verb
     * directly); postposed, "..., X said."
     */
    private final Pattern speakerThat, speakerDirect, speakerAfter;
    private static final Pattern ACCORDING_AFTER = Pattern.compile(",\\s+according to\\s+(?<np>[^,;:“\"]{2,80}?)\\.?$",
            Pattern.CASE_INSENSITIVE);

    /**
     * The patterns built from the vocabulary's words (status phrases, attribute phrases, source names), compiled once
     * a draft: compiling them again for every clause made a long article take minutes.
     */
    private final Map<String, Pattern> compiled = new java.util.HashMap<>();

    private Pattern cached(String regex) {
        return cached(regex, 0);
    }

    private Pattern cached(String regex, int flags) {
        return compiled.computeIfAbsent(flags + "\u0000" + regex, k -> Pattern.compile(regex, flags));
    }

    private String articleSource;
    private String lastGroup;
    private int unmapped;

    private Drafter(String text, OffsetDateTime published, DraftVocabulary v, String headline) {
        this.text = text;
        this.published = published;
        this.day = published.toLocalDate();
        this.v = v;
        this.headline = headline;
        String verbs = String.join("|", v.verbs());
        speakerThat = Pattern.compile("^(?<np>[^,;:“\"]{2,120}?)\\s+(?<verb>" + verbs + ")\\b(?<rest>[^,;:“\"]{0,120}?)(?:\\s+that\\s+|,\\s*[“\"]|:\\s*[“\"]?)");
        speakerDirect = Pattern.compile("^(?<np>[^,;:“\"]{2,120}?)\\s+(?<verb>" + verbs + ")(?<rest>)\\s+(?!that\\b|on\\b|in\\b)");
        speakerAfter = Pattern.compile(",\\s+(?<np>[\\p{L}][^,;:“\"]{1,80}?)\\s+(?:" + verbs + ")\\b(?<rest>[^,;]*?)\\.?$");
    }

    /** Drafts the facts of {@code text}, an article published at {@code published}, as story {@code id}. */
    public static Draft draft(String text, OffsetDateTime published, String id, DraftVocabulary vocabulary) {
        return draft(text, published, id, vocabulary, null);
    }

    /** As {@link #draft(String, OffsetDateTime, String, DraftVocabulary)}, with the story's headline if known. */
    public static Draft draft(String text, OffsetDateTime published, String id, DraftVocabulary vocabulary, String headline) {
        Drafter d = new Drafter(text, published, vocabulary, headline);
        d.run();
        return new Draft(id, published.toString(), List.copyOf(d.sources.values()), List.copyOf(d.entities.values()),
                List.copyOf(d.facts), List.copyOf(d.claims), List.copyOf(d.mentions), List.copyOf(d.allDates));
    }

    /** Reads {@code --published}: an ISO date-time with offset ({@code 2024-12-27T21:00+09:00}). */
    public static OffsetDateTime parsePublished(String s) {
        try {
            return OffsetDateTime.parse(s);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("invalid publication time \"" + s
                    + "\": expected an ISO date-time with offset, e.g. 2024-12-27T21:00+09:00");
        }
    }

    // ---------------------------------------------------------------- the article

    private record Sentence(int start, int end, String s) {
    }

    /** An event found in a clause, completed once the whole article is read (a status's date may come later). */
    private record Pending(int index, String subject, String status, LocalDate clauseDate, LocalDate attributionDate) {
    }

    private final List<Pending> pending = new ArrayList<>();

    private void run() {
        int pos = 0;
        for (String line : text.split("\n", -1)) {
            lineStarts.add(new int[]{pos});
            pos += line.length() + 1;
        }
        List<Sentence> sentences = sentences();
        for (Sentence s : sentences) {
            Matcher refs = REFERENCES.matcher(s.s());
            if (refs.find() && refs.start() == 0 || refs.find(0) && s.s().startsWith("(")) {
                articleSource = source(refs.group("src").trim(), "");
            }
        }
        for (Sentence s : sentences) sentence(s);
        completeStatuses();
        headlineClaim();
    }

    private List<Sentence> sentences() {
        List<Sentence> out = new ArrayList<>();
        int pos = 0;
        for (String para : text.split("\n", -1)) {
            int base = pos;
            pos += para.length() + 1;
            if (para.isBlank()) continue;
            Matcher m = SENTENCE_END.matcher(para);
            int from = 0;
            while (m.find()) {
                if (ABBREVIATION.matcher(para.substring(Math.max(0, m.start() - 6), m.start())).find()) continue;
                out.add(new Sentence(base + from, base + m.start(), para.substring(from, m.start())));
                from = m.end();
            }
            String rest = para.substring(from).stripTrailing();
            if (!rest.isEmpty()) out.add(new Sentence(base + from, base + from + rest.length(), rest));
        }
        return out;
    }

    private record Attribution(String source, String certainty, LocalDate date, int contentStart) {
    }

    private Attribution attribution(Sentence s) {
        String t = s.s();
        int start = 0;
        String src = null;
        String certainty = null;
        LocalDate date = null;
        Matcher acc = ACCORDING.matcher(t);
        Matcher rep = REPORTED_BY.matcher(t);
        boolean accFound = acc.find();
        if (accFound || rep.find()) {
            Matcher m = accFound ? acc : rep;
            String raw = m.group("src");
            DateHit d = firstDate(raw, 0);
            if (d != null) {
                date = d.date();
                raw = raw.substring(0, d.start()).trim();
            }
            src = source(raw, raw);
            start = m.end();
        }
        // "X said / stated / confirmed (on Friday) (that | , “)": the speaker of the clause wins over "according to"
        Matcher sv = speakerThat.matcher(t.substring(start));
        boolean found = sv.find();
        if (found && !NumberReader.figures(sv.group("rest")).isEmpty()) {
            // "Ukraine said 30 tanks were destroyed in a claim that ...": a figure before "that" is what was said,
            // and this "that" starts a relative clause; the clause follows the verb directly
            found = false;
        }
        if (!found) {
            // "X said at least 200 ...": the clause follows the verb directly
            sv = speakerDirect.matcher(t.substring(start));
            found = sv.find();
        }
        boolean taken = false;
        if (found) {
            String np = sv.group("np").trim();
            String first = np.split("\\s+")[0];
            boolean named = Character.isUpperCase(np.charAt(0)) || np.startsWith("the ") && np.length() > 4 && Character.isUpperCase(np.charAt(4));
            // "An estimated 4,000 ...": an article before a verb of the list is a hedge, not a speaker
            boolean article = ARTICLE.matcher(np).matches();
            if (!PRONOUN.matcher(first).matches() && named && !article && np.split("\\s+").length <= 10) {
                taken = true;
                String rest = sv.group("rest");
                src = source(np, np + " " + rest);
                DateHit d = firstDate(rest, 0);
                if (d != null) date = d.date();
                if (sv.group("verb").equalsIgnoreCase("confirmed")) certainty = "confirmed";
                start += sv.end();
            }
        }
        if (!taken && src == null) {
            // postposed: "..., X said." / "..., according to X."
            Matcher post = speakerAfter.matcher(t);
            Matcher acc2 = ACCORDING_AFTER.matcher(t);
            if (post.find() && !PRONOUN.matcher(post.group("np").split("\\s+")[0]).matches()) {
                src = source(post.group("np").trim(), post.group("np") + " " + post.group("rest"));
                DateHit d = firstDate(post.group("rest"), 0);
                if (d != null) date = d.date();
            } else if (acc2.find()) {
                src = source(acc2.group("np").trim(), acc2.group("np"));
            }
        }
        return new Attribution(src, certainty, date, start);
    }

    private void sentence(Sentence s) {
        if (REFERENCES.matcher(s.s()).find() && s.s().startsWith("(")) return;
        Attribution a = attribution(s);
        if (UNCONFIRMED.matcher(s.s()).find()) {
            // "..., but the figure could not be verified": the hedge of another clause covers the sentence's figures
            a = new Attribution(a.source(), "unconfirmed", a.date(), a.contentStart());
        }
        String src = a.source() != null ? a.source() : defaultSource();
        for (DateHit d : dates(s.s())) {
            mention(d, s.start());
            allDates.add(new Draft.Mention(d.text(), d.date(), d.weekday(), lineOf(s.start() + d.start())));
        }
        // clauses of the content (after the attribution), with their offsets in the article
        String t = s.s();
        int from = a.contentStart();
        Matcher br = CLAUSE_BREAK.matcher(t);
        List<int[]> clauses = new ArrayList<>();
        int cs = from;
        while (br.find(cs)) {
            if (br.start() < cs) break;
            clauses.add(new int[]{cs, br.start()});
            cs = br.end();
        }
        clauses.add(new int[]{cs, t.length()});
        for (int[] c : clauses) {
            int b = c[0], e = c[1];
            while (b < e && " ().”“\"'".indexOf(t.charAt(b)) >= 0) b++;
            while (e > b && " ().,”“\"'!?".indexOf(t.charAt(e - 1)) >= 0) e--;
            // keep a closing parenthesis that closes one inside the clause: "(SOF)"
            if (e < t.length() && t.charAt(e) == ')' && t.substring(b, e).contains("(")) e++;
            if (e - b < 3) continue;
            clause(t.substring(b, e), s.start() + b, src, a);
        }
    }

    private String defaultSource() {
        if (articleSource != null) return articleSource;
        sources.putIfAbsent("unattributed", new Draft.Source("unattributed", "(no source named in the text)", "other"));
        return "unattributed";
    }

    private void clause(String c, int offset, String src, Attribution a) {
        // "could not be verified" hedges a figure, it does not make the clause hypothetical
        String lower = " " + UNCONFIRMED.matcher(c).replaceAll(" ").toLowerCase(Locale.ROOT) + " ";
        for (String h : v.hypothetical()) {
            if (lower.contains(" " + h + " ")) return;
        }
        String certainty = a.certainty();
        if (c.matches("(?i).*\\b(?:it has been|it was|has been|have been) confirmed\\b.*")) certainty = "confirmed";
        if (UNCONFIRMED.matcher(c).find()) certainty = "unconfirmed";
        List<DateHit> dates = dates(c);
        LocalDate clauseDate = dates.isEmpty() ? null : dates.get(0).date();
        LocalDate clauseDateTo = dates.isEmpty() ? null : dates.get(0).to();
        LocalDate at = clauseDate != null ? clauseDate : a.date();
        LocalDate atTo = clauseDate != null ? clauseDateTo : null;
        int line = lineOf(offset);
        Matcher change = CHANGE.matcher(c);
        if (change.find()) {
            String attr = attributeNear(c, change.start(), change.end());
            claims.add(new Draft.Claim("c" + (claims.size() + 1), claimText(c), lastGroup, attr, "=", null,
                    BigDecimal.valueOf(switch (change.group("verb").toLowerCase(Locale.ROOT)) {
                        case "tripled", "trebled" -> 3; case "quadrupled" -> 4; case "halved" -> 0; default -> 2;
                    }), line, "\"" + change.group("verb") + "\" is a change since an earlier time: write it with since and change "
                    + "(see docs/claims.md) or delete it", false));
        }
        for (ReadNumber n : NumberReader.figures(c)) number(c, offset, n, src, certainty, at, atTo, line);
        statuses(c, offset, src, certainty, dates, a.date(), line);
    }

    // ---------------------------------------------------------------- numbers

    private void number(String c, int offset, ReadNumber n, String src, String certainty, LocalDate at, LocalDate atTo, int line) {
        String before = c.substring(0, n.start());
        Matcher cmp = COMPARISON_BEFORE.matcher(before);
        boolean share = n.role() == ReadNumber.Role.FRACTION || n.percent();
        String attr = attributeNear(c, n.start(), n.end());
        String figure = attr == null ? null : v.figureByNumerator().get(attr);
        BigDecimal value = n.percent() ? n.value().movePointLeft(2) : n.value();
        boolean compares = cmp.find();
        if (compares || share && figure != null) {
            String op = switch (n.bound()) {
                case OVER -> ">";
                case AT_LEAST -> ">=";
                case UNDER -> "<";
                case AT_MOST -> "<=";
                case ABOUT, NEARLY -> "~";
                default -> "=";
            };
            if (compares) {
                String verb = cmp.group("verb").toLowerCase(Locale.ROOT);
                if (verb.matches("exceed.*|surpass.*|top.*|passed|outnumbered|rose above|.* more than")) op = ">";
                else if (verb.matches("reach.*")) op = ">=";
                else if (verb.matches("fell below|dropped below|.* less than")) op = "<";
            }
            String subject = groupAfter(c, "(?:among|of)\\s+(?:the\\s+)?");
            if (subject == null) subject = lastGroup;
            String cattr = share && figure != null ? figure : attr;
            String note = cattr == null ? "no attribute in rules/vocabulary/draft.yaml matches this claim: name it"
                    : share && figure == null ? "no figure in figures.yaml has " + attr + " as numerator: add one or edit"
                    : null;
            claims.add(new Draft.Claim("c" + (claims.size() + 1), claimText(c), subject,
                    cattr == null ? placeholder() : cattr, op, null, value, line, note, subject != null));
            return;
        }
        String subject = counted(c, n);
        String note = null;
        if (WHOLE_OF_A_SHARE.matcher(before).find()) {
            // "more than half of the 300 soldiers were killed": 300 is the whole, not the number killed
            attr = placeholder();
            note = "the whole that the share before it is of (\"" + n.text() + "\"), not what the verb counts: name its"
                    + " attribute (deployed, population, ...)";
        } else if (attr == null) {
            attr = placeholder();
            note = "no attribute in rules/vocabulary/draft.yaml matches \"" + n.text() + "\": name what it counts";
        }
        if (subject == null) {
            subject = entity("unknown-subject", "group", "(what the number counts: name it)");
            note = (note == null ? "" : note + "; ") + "no subject found: name what the number counts";
        }
        facts.add(new Draft.Fact("f" + (facts.size() + 1), subject, attr, null, n.isRange() ? null : value, n.bound(),
                n.isRange() ? scaled(n.value(), n) : null, n.isRange() ? scaled(n.max(), n) : null, at, atTo, src, certainty,
                c, line, note, true));
    }

    private static BigDecimal scaled(BigDecimal x, ReadNumber n) {
        return n.percent() ? x.movePointLeft(2) : x;
    }

    private String placeholder() {
        return "unmapped_" + (++unmapped);
    }

    private static String claimText(String c) {
        Matcher m = CONCLUSION.matcher(c);
        return m.find() ? c.substring(m.end()) : c;
    }

    /** The vocabulary attribute whose phrase is nearest to {@code start..end} in the clause (the longest on a tie). */
    private String attributeNear(String c, int start, int end) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        int bestLength = 0;
        String lower = c.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, List<String>> e : v.attributes().entrySet()) {
            for (String phrase : e.getValue()) {
                Matcher m = cached("\\b" + Pattern.quote(phrase) + "\\b").matcher(lower);
                while (m.find()) {
                    int d = m.start() >= end ? m.start() - end : m.end() <= start ? start - m.end() : 0;
                    if (d < bestDistance || d == bestDistance && phrase.length() > bestLength) {
                        best = e.getKey();
                        bestDistance = d;
                        bestLength = phrase.length();
                    }
                }
            }
        }
        return best;
    }

    /** The group a number counts: the noun phrase after it, qualified by the clause's actor when bare. */
    private String counted(String c, ReadNumber n) {
        String after = c.substring(n.end());
        if (after.matches("(?is)^\\s+of\\s.*") || after.isBlank()) {
            String actor = actor(c);
            return actor == null ? lastGroup : group(actor);
        }
        String np = nounPhrase(after);
        if (np == null) return lastGroup;
        if (np.equals(np.toLowerCase(Locale.ROOT))) {
            String actor = actor(c);
            if (actor != null) np = v.demonyms().getOrDefault(actor, actor) + " " + np;
        }
        return group(np);
    }

    private String groupAfter(String c, String lead) {
        Matcher m = cached("\\b" + lead + "(?<rest>.*)$", Pattern.CASE_INSENSITIVE).matcher(c);
        while (m.find()) {
            String np = nounPhrase(" " + m.group("rest"));
            if (np != null && !np.equals(np.toLowerCase(Locale.ROOT))) return group(np);
            if (m.start("rest") >= c.length()) break;
            m.region(m.start() + 1, c.length());
        }
        return null;
    }

    /** Up to five words after the number, up to a verb, a preposition or punctuation: "North Korean soldiers". */
    private static String nounPhrase(String after) {
        Matcher w = Pattern.compile("\\G\\s+([\\p{L}][\\p{L}'’-]*)").matcher(after);
        List<String> words = new ArrayList<>();
        while (w.find() && words.size() < 5) {
            String word = w.group(1);
            if (STOP.matcher(word).matches()) break;
            words.add(word);
        }
        return words.isEmpty() ? null : String.join(" ", words);
    }

    /** The proper noun that opens the clause, the actor of its verb: "North Korea has deployed ...". */
    private static String actor(String c) {
        Matcher m = Pattern.compile("^(?:The\\s+|the\\s+)?((?:[A-Z][\\p{L}'’-]*)(?:\\s+[A-Z][\\p{L}'’-]*)*)\\s+(?:has|have|had|is|are|was|were|won|lost|sent|took|saw|got|kept|held|fell|rose|said|\\p{Ll}+ed)\\b").matcher(c);
        return m.find() && !PRONOUN.matcher(m.group(1)).matches() && !ARTICLE.matcher(m.group(1)).matches() ? m.group(1) : null;
    }

    private String group(String np) {
        String id = entity(slug(np), "group", np);
        lastGroup = id;
        return id;
    }

    private String entity(String id, String kind, String name) {
        entities.putIfAbsent(id, new Draft.Entity(id, kind, name));
        return id;
    }

    // ---------------------------------------------------------------- statuses of people

    private void statuses(String c, int offset, String src, String certainty, List<DateHit> dates, LocalDate attributionDate, int line) {
        String people = String.join("|", v.people());
        String np = "(?<np>\\b(?:[Tt]he|[Aa]n?|[Oo]ne)\\s+(?:[\\p{L}'’-]+\\s+){0,4}?(?:" + people + ")\\b)";
        String lowerClause = c.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, List<String>> st : v.statuses().entrySet()) {
            for (String phrase : st.getValue()) {
                // every pattern below needs the phrase's first word: most clauses have none of them (a long article's
                // time went to running these patterns on clauses that could not match)
                if (!lowerClause.contains(phrase.split(" ")[0].toLowerCase(Locale.ROOT))) continue;
                String verb = "(?<v>" + Pattern.quote(phrase).replace(" ", "\\E\\s+\\Q") + ")\\b";
                // "NP (participle phrase)? (has been | was | had)? VERB"   and   "VERB NP" (active)
                Pattern passive = cached(np + "(?<mod>(?:\\s+who\\s+(?:was|were|had been|has been))?\\s+\\p{Ll}+ed\\s+(?:on|in|by|during|near)\\s+[^,]{1,40}?)??"
                        + "(?:\\s+who)?\\s+(?:(?:has|have|had|was|were|is|remains|remained|remain)\\s+)?(?:(?:been|reportedly|since|later|also|then)\\s+){0,2}" + verb, Pattern.CASE_INSENSITIVE);
                Pattern active = cached("(?<![Tt]he\\s|[Aa]\\s|[Aa]n\\s)\\b" + verb + "\\s+" + np, Pattern.CASE_INSENSITIVE);
                Pattern participle = cached(np + "\\s+" + verb + "\\s+(?:on|in|during|near)\\b", Pattern.CASE_INSENSITIVE);
                for (Pattern p : List.of(passive, active, participle)) {
                    Matcher m = p.matcher(c);
                    while (m.find()) {
                        String before = c.substring(0, m.start("v")).toLowerCase(Locale.ROOT);
                        if (before.matches("(?s).*\\b(?:seemed|seems|appeared|appears|looked|being|feared|believed|to)\\s+$")) continue;
                        String subject = person(m.group("np"));
                        LocalDate d = dateAfter(c, dates, m.end("v"));
                        if (d == null && m.end() > m.end("v")) d = dateAfter(c, dates, m.end());
                        int index = facts.size();
                        boolean known = v.lifecycle().contains(st.getKey());
                        facts.add(new Draft.Fact("f" + (index + 1), subject, "status", st.getKey(), null, null, null, null,
                                null, null, src, certainty, c, line,
                                known ? null : "\"" + st.getKey() + "\" is not a status of the lifecycle (rules/vocabulary/lifecycle.yaml): add it there, or record a measure",
                                known));
                        pending.add(new Pending(index, subject, st.getKey(), d, attributionDate));
                    }
                }
            }
        }
    }

    /** The date written right after a verb ("died earlier on Friday"), before the next verb of the clause. */
    private static LocalDate dateAfter(String c, List<DateHit> dates, int verbEnd) {
        for (DateHit d : dates) {
            if (d.start() >= verbEnd && d.start() - verbEnd <= 20) return d.date();
        }
        return null;
    }

    /** The entity of a person noun phrase; later mentions ("the North Korean soldier", "the soldier") are the same person. */
    private String person(String np) {
        String name = np.replaceFirst("^(?i)(?:the|an?|one)\\s+", "");
        String[] words = name.split("\\s+");
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            if (i == words.length - 1 || Character.isUpperCase(words[i].charAt(0))) key.append(key.isEmpty() ? "" : " ").append(words[i].toLowerCase(Locale.ROOT));
        }
        String k = key.toString();
        String id = personKeys.get(k);
        if (id == null) {
            for (Map.Entry<String, String> e : personKeys.entrySet()) {
                if (e.getKey().endsWith(" " + k) || k.endsWith(" " + e.getKey())) {
                    id = e.getValue();
                    break;
                }
            }
        }
        if (id == null) {
            id = entity(slug(name), "person", name);
            personKeys.put(k, id);
        }
        return id;
    }

    /** A status takes the date written with it, else the date written for the same status elsewhere, else its attribution's. */
    private void completeStatuses() {
        Map<String, LocalDate> known = new HashMap<>();
        for (Pending p : pending) {
            if (p.clauseDate() != null) known.putIfAbsent(p.subject() + "\u0000" + p.status(), p.clauseDate());
        }
        for (Pending p : pending) {
            LocalDate d = p.clauseDate() != null ? p.clauseDate() : known.getOrDefault(p.subject() + "\u0000" + p.status(), p.attributionDate());
            Draft.Fact f = facts.get(p.index());
            facts.set(p.index(), new Draft.Fact(f.id(), f.subject(), f.attribute(), f.status(), null, null, null, null, d, null,
                    f.source(), f.certainty(), f.quote(), f.line(), f.note(), f.valid()));
        }
    }

    /** The story's present status of the person whose status changes last: the headline's claim, as a candidate. */
    private void headlineClaim() {
        Draft.Fact last = null;
        for (Draft.Fact f : facts) {
            if (!f.isStatus() || !f.valid()) continue;
            LocalDate d = f.at() == null ? day : f.at();
            if (last == null || !d.isBefore(last.at() == null ? day : last.at())) last = f;
        }
        if (last == null) return;
        claims.add(0, new Draft.Claim("headline", headline != null ? headline : last.quote(), last.subject(), "status", "=",
                last.status(), null, last.line(), headline != null ? null
                : "the status the story presents at publication: put the headline's words in text, or delete", true));
    }

    // ---------------------------------------------------------------- sources

    private String source(String raw, String context) {
        String name = raw.trim().replaceFirst("^(?:the|The|a|A|an|An|his|her|their|its)\\s+", "");
        Matcher quoted = Pattern.compile("[“\"]([^”\"]+)[”\"]").matcher(name);
        if (quoted.find()) name = quoted.group(1).trim();
        String lower = name.toLowerCase(Locale.ROOT);
        DraftVocabulary.KnownSource best = null;
        int bestLength = 0;
        // "The Guardian and Yonhap News Agency" names several sources at once: it is a source of its own
        for (DraftVocabulary.KnownSource k : lower.contains(" and ") ? List.<DraftVocabulary.KnownSource>of() : v.sources()) {
            List<String> all = new ArrayList<>(k.aliases());
            all.add(k.name());
            for (String alias : all) {
                String a = alias.toLowerCase(Locale.ROOT);
                if ((lower.equals(a) || cached("\\b" + Pattern.quote(a) + "(?:\\b|$)").matcher(lower).find()) && a.length() > bestLength) {
                    best = k;
                    bestLength = a.length();
                }
            }
        }
        if (best != null) {
            sources.putIfAbsent(best.id(), new Draft.Source(best.id(), best.name(), best.kind()));
            return best.id();
        }
        Matcher title = TITLE.matcher(name);
        if (title.find()) name = title.group("name");
        String kind = "other";
        String ctx = (raw + " " + context).toLowerCase(Locale.ROOT);
        outer:
        for (Map.Entry<String, List<String>> e : v.sourceKinds().entrySet()) {
            for (String w : e.getValue()) {
                if (cached("\\b" + Pattern.quote(w) + "\\b").matcher(ctx).find()) {
                    kind = e.getKey();
                    break outer;
                }
            }
        }
        String id = slug(name);
        sources.putIfAbsent(id, new Draft.Source(id, name, kind));
        return id;
    }

    // ---------------------------------------------------------------- dates

    private record DateHit(int start, int end, String text, LocalDate date, LocalDate to, DayOfWeek weekday, boolean explicit) {
    }

    private DateHit firstDate(String s, int from) {
        List<DateHit> d = dates(s);
        return d.isEmpty() ? null : d.get(0);
    }

    private List<DateHit> dates(String s) {
        List<DateHit> out = new ArrayList<>();
        Matcher m = DATE.matcher(s);
        while (m.find()) {
            DateHit d = date(m);
            if (d != null) out.add(d);
        }
        return out;
    }

    private DateHit date(Matcher m) {
        if (m.group("wd") != null) {
            DayOfWeek wd = DayOfWeek.valueOf(m.group("wd").toUpperCase(Locale.ROOT));
            LocalDate latest = day.with(TemporalAdjusters.previousOrSame(wd));
            String written = m.group("paren") != null ? m.group("paren") : m.group("wdmd");
            if (written != null) {
                LocalDate given = dayOrMonthDay(written.trim());
                if (given != null) return new DateHit(m.start(), m.end(), m.group().trim(), given, null, wd, true);
            }
            String lead = m.group("wdx").toLowerCase(Locale.ROOT);
            if (lead.startsWith("last ")) latest = day.minusDays(1).with(TemporalAdjusters.previousOrSame(wd));
            return new DateHit(m.start(), m.end(), m.group().trim(), latest, null, wd, false);
        }
        if (m.group("ord") != null) {
            LocalDate d = dayOfMonth(Integer.parseInt(m.group("ord")));
            return d == null ? null : new DateHit(m.start(), m.end(), m.group(), d, null, null, true);
        }
        if (m.group("md") != null) {
            LocalDate d = dayOrMonthDay(m.group("md"));
            return d == null ? null : new DateHit(m.start(), m.end(), m.group(), d, null, null, true);
        }
        String rel = m.group("rel").toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        return switch (rel) {
            case "yesterday" -> new DateHit(m.start(), m.end(), m.group(), day.minusDays(1), null, null, false);
            case "today" -> new DateHit(m.start(), m.end(), m.group(), day, null, null, false);
            case "last week" -> {
                LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
                yield new DateHit(m.start(), m.end(), m.group(), monday, monday.plusDays(6), null, false);
            }
            case "this week" -> {
                LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                yield new DateHit(m.start(), m.end(), m.group(), monday, day, null, false);
            }
            default -> {
                LocalDate first = day.withDayOfMonth(1).minusMonths(1);
                yield new DateHit(m.start(), m.end(), m.group(), first, first.plusMonths(1).minusDays(1), null, false);
            }
        };
    }

    /** "26th", "26", "December 27", "27 December", "Dec. 27, 2024": in the past of publication when no year is written. */
    private LocalDate dayOrMonthDay(String s) {
        Matcher dm = Pattern.compile("(?i)^(\\d{1,2})(?:st|nd|rd|th)?$").matcher(s);
        if (dm.find()) return dayOfMonth(Integer.parseInt(dm.group(1)));
        Matcher md = Pattern.compile("(?i)^(?:on\\s+)?(?:(?<m1>[A-Za-z]+)\\.?\\s+(?<d1>\\d{1,2})(?:st|nd|rd|th)?|(?<d2>\\d{1,2})(?:st|nd|rd|th)?\\s+(?<m2>[A-Za-z]+)\\.?)(?:,?\\s+(?<y>\\d{4}))?$").matcher(s.trim());
        if (!md.find()) return null;
        int month = month(md.group("m1") != null ? md.group("m1") : md.group("m2"));
        int d = Integer.parseInt(md.group("d1") != null ? md.group("d1") : md.group("d2"));
        if (month == 0) return null;
        try {
            if (md.group("y") != null) return LocalDate.of(Integer.parseInt(md.group("y")), month, d);
            LocalDate x = LocalDate.of(day.getYear(), month, d);
            return x.isAfter(day) ? x.minusYears(1) : x;
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /**
     * "the 26th": the latest such day on or before publication; a month without it is skipped ("the 31st", written
     * on 5 March, is 31 January); null for a day no month has.
     */
    private LocalDate dayOfMonth(int d) {
        if (d < 1 || d > 31) return null;
        if (d <= day.getDayOfMonth()) return day.withDayOfMonth(d);
        for (int back = 1; back <= 2; back++) {
            java.time.YearMonth m = java.time.YearMonth.from(day).minusMonths(back);
            if (d <= m.lengthOfMonth()) return m.atDay(d);
        }
        return null;
    }

    private static int month(String s) {
        String m = s.toLowerCase(Locale.ROOT);
        String[] names = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
        for (int i = 0; i < names.length; i++) if (m.startsWith(names[i])) return i + 1;
        return 0;
    }

    private void mention(DateHit d, int sentenceStart) {
        if (!d.explicit()) return;
        String t = d.text().replaceFirst("(?i)^(?:earlier|later|late|early)\\s+", "");
        for (Draft.Mention m : mentions) if (m.text().equals(t)) return;
        mentions.add(new Draft.Mention(t, d.date(), d.weekday(), lineOf(sentenceStart + d.start())));
    }

    // ---------------------------------------------------------------- helpers

    /** The 1-based line of {@code offset}: the last line starting at or before it (a binary search: an article of
     * 50,000 lines has thousands of numbers, each located). */
    private int lineOf(int offset) {
        int lo = 0, hi = lineStarts.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts.get(mid)[0] <= offset) lo = mid;
            else hi = mid - 1;
        }
        return lo + 1;
    }

    /** "a wounded North Korean soldier" -> {@code wounded-north-korean-soldier}. */
    static String slug(String s) {
        String x = java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("['’]", "").replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return x.isEmpty() ? "x" : x.length() > 60 ? x.substring(0, 60).replaceAll("-+$", "") : x;
    }

    static Comparator<Draft.Fact> byLine() {
        return Comparator.comparingInt(Draft.Fact::line);
    }
}
