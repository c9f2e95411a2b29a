package io.factlint.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.factlint.model.Certainty;
import io.factlint.model.Entity;
import io.factlint.model.Fact;
import io.factlint.model.Location;
import io.factlint.model.IgnoredText;
import io.factlint.model.Mention;
import io.factlint.model.Op;
import io.factlint.model.Quantity;
import io.factlint.model.Source;
import io.factlint.model.SourceKind;
import io.factlint.model.Story;
import io.factlint.model.When;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.factlint.ingest.Messages.q;

/**
 * Reads one fact file from Jackson's token stream (JSON or YAML) straight into the model, recording every problem
 * at the start of the offending token. It never builds a tree of the file: values it does not know are skipped
 * token by token (without recursion), so a deep or large document costs no stack and little memory.
 *
 * <p>This class owns the document structure: the tables of the objects' fields ({@link #TOP}, {@link #STORY},
 * {@link #SOURCE}, {@link #ENTITY}, {@link #FACT}, {@link #CLAIM}, {@link #MENTION}), the defaults a story gives
 * its facts, and the checks that need the whole file. Values are read by {@link ValueGrammar}, tokens come from
 * {@link TokenCursor}, the story text is read by {@link StoryTextReader}.
 *
 * <p>Semantic problems (unknown fields, wrong types, bad dates, ...) are collected and reading goes on; a syntax
 * error, an encoding error or an exceeded limit ends the file ({@link ParsedFile#fatal}).
 */
final class FileParser {

    /** The story object's fields, filled in as they are read. */
    static final class StoryFields {
        boolean present;
        String id;
        Location idLocation;
        Location location;
        String headline;
        When published;
        boolean publishedBroken;
        String textFile;
        String text;
    }

    /** A source's or an entity's fields. */
    static final class DeclarationFields {
        String id;
        String name;
        String kind;
        SourceKind sourceKind = SourceKind.OTHER;
        String url;
    }

    /** A mention's fields; {@code ok} is false if one is invalid. */
    static final class MentionFields {
        String text;
        LocalDate date;
        DayOfWeek weekday;
        boolean ok = true;
    }

    // ---------------------------------------------------------------- the document's objects (the schema)

    static final Fields<FileParser> TOP = Fields.<FileParser>named("top level")
            .optional("$schema", (g, fp, f, pos) -> g.string(f))
            .optional("story", (g, fp, f, pos) -> fp.story())
            .optional("sources", (g, fp, f, pos) -> g.cursor().array(f, fp::source))
            .optional("entities", (g, fp, f, pos) -> g.cursor().array(f, fp::entity))
            .optional("facts", (g, fp, f, pos) -> g.cursor().array(f, () -> fp.statement(false)))
            .optional("claims", (g, fp, f, pos) -> g.cursor().array(f, () -> fp.statement(true)))
            .optional("mentions", (g, fp, f, pos) -> g.cursor().array(f, fp::mention))
            .build();

    static final Fields<FileParser> STORY = Fields.<FileParser>named("story")
            .optional("id", (g, fp, f, pos) -> {
                String id = g.id(f);
                if (id != null) {
                    fp.story.id = id;
                    fp.story.idLocation = g.cursor().location(pos);
                }
            })
            .optional("headline", (g, fp, f, pos) -> fp.story.headline = g.string(f))
            .required("published", (g, fp, f, pos) -> {
                fp.story.published = g.point(f);
                if (fp.story.published == null) fp.story.publishedBroken = true;
            })
            .optional("text", (g, fp, f, pos) -> {
                String t = g.string(f);
                if (t != null) fp.storyText(t, pos);
            })
            .optional("ignore", (g, fp, f, pos) -> g.cursor().array(f, fp::ignore))
            .build();

    /** An entry of the story's {@code ignore} list: a phrase of the text whose numbers need no fact. */
    static final class IgnoreFields {
        String text;
        String reason;
    }

    static final Fields<IgnoreFields> IGNORE = Fields.<IgnoreFields>named("ignore")
            .required("text", (g, i, f, pos) -> i.text = g.string(f))
            .required("reason", (g, i, f, pos) -> i.reason = g.string(f))
            .build();

    static final Fields<DeclarationFields> SOURCE = Fields.<DeclarationFields>named("source")
            .required("id", (g, d, f, pos) -> d.id = g.id(f))
            .required("name", (g, d, f, pos) -> d.name = g.string(f))
            .optional("kind", (g, d, f, pos) -> d.sourceKind = g.sourceKind(f))
            .optional("url", (g, d, f, pos) -> d.url = g.string(f))
            .build();

    static final Fields<DeclarationFields> ENTITY = Fields.<DeclarationFields>named("entity")
            .required("id", (g, d, f, pos) -> d.id = g.id(f))
            .optional("kind", (g, d, f, pos) -> d.kind = g.string(f))
            .required("name", (g, d, f, pos) -> d.name = g.string(f))
            .build();

    private static final Fields.Reader<Draft> ID = (g, d, f, pos) -> {
        d.id = g.id(f);
        d.idPos = pos;
    };
    private static final Fields.Reader<Draft> SUBJECT = (g, d, f, pos) -> {
        d.subject = g.internedString(f);
        d.subjectPos = pos;
    };
    private static final Fields.Reader<Draft> ATTRIBUTE = (g, d, f, pos) -> d.attribute = g.attribute(f);
    private static final Fields.Reader<Draft> VALUE = (g, d, f, pos) -> {
        d.value = g.value(f, true);
        d.valuePos = pos;
    };
    private static final Fields.Reader<Draft> DRAFTED = (g, d, f, pos) -> {
        Boolean b = g.bool(f);
        if (b == null) d.complete = false;
        else d.drafted = b;
    };
    private static final Fields.Reader<Draft> AT = (g, d, f, pos) -> {
        d.atGiven = true;
        // a date, a date-time, a period, or a year "2020" / month "2020-03" as that period
        d.at = ClaimFormFields.yearMonthOrWhen(g, f, pos);
    };

    static final Fields<Draft> FACT = Fields.<Draft>named("fact")
            .required("id", ID)
            .required("subject", SUBJECT)
            .required("attribute", ATTRIBUTE)
            .required("value", VALUE)
            .optional("at", AT)
            .required("source", (g, d, f, pos) -> {
                d.source = g.internedString(f);
                d.sourcePos = pos;
            })
            .optional("certainty", (g, d, f, pos) -> {
                Certainty c = g.certainty(f);
                if (c == null) d.complete = false;
                else d.certainty = c;
            })
            .optional("quote", (g, d, f, pos) -> d.quote = g.string(f))
            .optional("projection", (g, d, f, pos) -> {
                // a forecast for the fact's time, not a report of it (docs/claims.md, Predictions)
                JsonToken t = g.cursor().current();
                if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
                    d.projection = t == JsonToken.VALUE_TRUE;
                } else {
                    g.cursor().typeError(f, "true or false", t);
                    d.complete = false;
                }
            })
            .optional("drafted", DRAFTED)
            .build();

    static final Fields<Draft> CLAIM = ClaimFormFields.addTo(Fields.<Draft>named("claim")
            .required("id", ID)
            .optional("text", (g, d, f, pos) -> d.text = g.string(f))
            .required("subject", SUBJECT)
            .required("attribute", ATTRIBUTE)
            .required("op", (g, d, f, pos) -> {
                d.opPos = pos;
                d.op = g.op(f);
                if (d.op == null) d.complete = false;
            })
            .required("value", VALUE)
            .optional("at", AT)
            .optional("drafted", DRAFTED))
            .build();

    static final Fields<MentionFields> MENTION = Fields.<MentionFields>named("mention")
            .required("text", (g, m, f, pos) -> m.text = g.string(f))
            .required("date", (g, m, f, pos) -> m.ok &= (m.date = g.parsed(f, Iso::date)) != null)
            .optional("weekday", (g, m, f, pos) -> m.ok &= (m.weekday = g.parsed(f, Iso::weekday)) != null)
            .build();

    /** Every object of the format by its name, as the JSON Schema's {@code $defs} call it (top level: "top"). */
    static Map<String, Fields<?>> objects() {
        Map<String, Fields<?>> m = new LinkedHashMap<>();
        m.put("top", TOP);
        m.put("story", STORY);
        m.put("source", SOURCE);
        m.put("entity", ENTITY);
        m.put("fact", FACT);
        m.put("claim", CLAIM);
        m.put("mention", MENTION);
        m.put("ignore", IGNORE);
        m.put("quantity", ValueGrammar.QUANTITY);
        m.put("unrecorded", ValueGrammar.UNRECORDED);
        m.put("period", ValueGrammar.PERIOD);
        return m;
    }

    private final ParsedFile out;
    private final String file;
    private final ParserFactories factories;
    private final ParserLimits limits;
    private final List<String> statusWords;
    private final Set<String> statusSet;
    /** The measures the rule pack knows cannot be negative, with why ({@code Vocabulary#cannotBeNegative}). */
    private final Map<String, String> cannotBeNegative;
    /** The yes/no measures of the rule pack ({@code Vocabulary#yesNo}): 0 or 1 only. */
    private final Set<String> yesNo;
    private final List<InputError> missingFieldErrors = new ArrayList<>();
    private TokenCursor c;
    private ValueGrammar g;

    private final StoryFields story = new StoryFields();
    /** The file has facts, claims or mentions (and so a story, even if it declares none). */
    private boolean hasContent;

    FileParser(FileWalker.InputFile input, ParserFactories factories, ParserLimits limits,
               List<String> statusWords, Set<String> statusSet, Map<String, String> cannotBeNegative, Set<String> yesNo) {
        this.out = new ParsedFile(input, limits.maxErrorsPerFile());
        this.file = input.display();
        this.factories = factories;
        this.limits = limits;
        this.statusWords = statusWords;
        this.statusSet = statusSet;
        this.cannotBeNegative = cannotBeNegative;
        this.yesNo = yesNo;
    }

    /** Reads the file; never throws. */
    ParsedFile parse() {
        Path path = out.input.path();
        try {
            long size = Files.size(path);
            if (size > limits.maxDocumentLength()) {
                fatal(1, 1, "file too large: " + Messages.bytes(size) + " (the limit is "
                        + Messages.bytes(limits.maxDocumentLength()) + ")");
                return out;
            }
        } catch (IOException e) {
            fatal(0, 0, "cannot read file: " + Messages.io(e));
            return out;
        }
        if (!out.input.yaml()) {
            ParsedFile fast = parseBytes(path);
            if (fast != null) return fast;
            // not UTF-8 text, or the parser stopped (a syntax error, a limit): read it again through the stream
            // checks and the character parser, which locate and word every such error
            return new FileParser(out.input, factories, limits, statusWords, statusSet, cannotBeNegative, yesNo).parseStream(path);
        }
        return parseStream(path);
    }

    /**
     * A JSON file of valid UTF-8 text, read at once and parsed from its bytes (Jackson's byte parser, which decodes
     * only the strings it returns; columns are recounted in UTF-16 code units on lines with non-ASCII text). Null if
     * the file is not valid UTF-8 text or its reading ended early: the caller then reads it through
     * {@link #parseStream}, so every syntax, limit and encoding error is found and worded as there.
     */
    private ParsedFile parseBytes(Path path) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException | OutOfMemoryError e) {
            return null;
        }
        if (bytes.length > limits.maxDocumentLength()) return null;
        int off = TextGuard.bomLength(bytes);
        int kind = TextGuard.scan(bytes, off, bytes.length - off);
        if (kind == TextGuard.INVALID) return null;
        try (JsonParser parser = factories.createJson(bytes, off, bytes.length - off)) {
            this.c = new TokenCursor(parser, limits, out, missingFieldErrors);
            if (kind == TextGuard.UTF8) c.columnsFromBytes(bytes, off);
            this.g = new ValueGrammar(c, limits, false);
            document();
        } catch (IOException | RuntimeException | StackOverflowError e) {
            return null;
        }
        if (!out.fatal) finish();
        return out;
    }

    /** Reads the file through {@link TextGuard} and a character parser (YAML, and JSON that failed the byte path). */
    private ParsedFile parseStream(Path path) {
        // a YAML file is read once, for the strict pre-scan and the parser; one that cannot be read whole is read
        // from the stream, which reports why at its position
        String yaml = out.input.yaml() ? StrictYaml.read(path) : null;
        StrictYaml.Problem strict = yaml != null ? StrictYaml.check(yaml, limits) : null;
        try (InputStream raw = yaml != null ? InputStream.nullInputStream() : Files.newInputStream(path);
             Reader reader = yaml != null ? new java.io.StringReader(yaml)
                     : new InputStreamReader(TextGuard.open(raw), StandardCharsets.UTF_8);
             JsonParser parser = factories.create(reader, out.input.yaml())) {
            this.c = new TokenCursor(parser, limits, out, missingFieldErrors);
            this.g = new ValueGrammar(c, limits, out.input.yaml());
            document();
        } catch (IOException e) {
            failed(e);
        } catch (StackOverflowError e) {
            fatal(0, 0, "nesting too deep to read");
        } catch (RuntimeException e) {
            TextGuard.EncodingException enc = ParseFailures.cause(e, TextGuard.EncodingException.class);
            if (enc != null) {
                failed(enc);
            } else {
                fatal(0, 0, "cannot read file: unexpected " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + Messages.firstLine(e.getMessage())));
            }
        }
        if (strict != null) strictYaml(strict);
        if (!out.fatal) finish();
        return out;
    }

    /**
     * YAML that SnakeYAML read although it should not ({@link StrictYaml}) ends the file at that place, like a syntax
     * error: what was read after it (misread, such as a key without its value) is dropped, what came before stays.
     */
    private void strictYaml(StrictYaml.Problem p) {
        InputError last = out.errors.isEmpty() ? null : out.errors.get(out.errors.size() - 1);
        if (out.fatal && last != null && before(last.location(), p)) return; // an earlier error already ended the file
        out.errors.removeIf(e -> !before(e.location(), p));
        if (out.errors.firstNotKept != null && !before(out.errors.firstNotKept.location(), p)) {
            out.errors.more = 0;
            out.errors.firstNotKept = null;
        }
        fatal(p.line(), p.column(), p.message());
    }

    private static boolean before(Location l, StrictYaml.Problem p) {
        return l.line() < p.line() || l.line() == p.line() && l.column() < p.column();
    }

    // ---------------------------------------------------------------- document structure

    private void document() throws IOException {
        JsonToken t = c.next();
        if (t == null) {
            c.error(TokenCursor.pack(1, 1), out.input.yaml() && hasDirective()
                    ? "no document: the file has only a YAML directive (such as %YAML 1.2); expected an object"
                    : "empty file");
            return;
        }
        if (t != JsonToken.START_OBJECT) {
            c.error(c.tokenPos(), "expected an object at the top level, found " + Messages.describe(t));
            c.skip(); // to its end all the same, so that a later syntax error is reported too
        } else {
            g.object(TOP, this);
            if (isReport()) return;
        }
        t = c.next();
        if (t != null) c.error(c.tokenPos(), "unexpected content after the end of the top-level object");
    }

    /**
     * True, with the file's errors replaced by one, when the file is a factlint JSON report (top-level "tool" and
     * "findings"), written into the folder being checked: one line says so, not one per field of the report.
     */
    private boolean isReport() {
        // the unknown-field errors ValueGrammar#object gave the report's first keys
        String toolField = "unknown field " + q("tool") + " " + TOP.where();
        String findingsField = "unknown field " + q("findings") + " " + TOP.where();
        InputError tool = null;
        boolean findings = false;
        for (InputError e : out.errors) {
            if (e.message().startsWith(toolField)) tool = e;
            if (e.message().startsWith(findingsField)) findings = true;
        }
        if (tool == null || !findings) return false;
        out.errors.clear();
        out.moreMissing = 0;
        out.story = null;
        out.sources.clear();
        out.entities.clear();
        out.facts.clear();
        out.claims.clear();
        out.mentions.clear();
        out.ignored.clear();
        out.errors.add(new InputError(tool.location(), "a factlint report (its \"tool\" and \"findings\"), not a fact"
                + " file: write reports outside the folders you check (-o report/)"));
        return true;
    }

    /** True if a line of this (content-free) YAML file is a directive ({@code %YAML}, {@code %TAG}). */
    private boolean hasDirective() {
        try (java.util.stream.Stream<String> lines = Files.lines(out.input.path(), StandardCharsets.UTF_8)) {
            return lines.anyMatch(l -> l.startsWith("%") || l.startsWith("\uFEFF%"));
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }

    private void story() throws IOException {
        if (!c.expect(JsonToken.START_OBJECT, "story", "an object")) return;
        story.present = true;
        Location at = c.here();
        story.location = at;
        int seen = g.object(STORY, this);
        if (c.missing(STORY, seen, at, null)) story.publishedBroken = true;
    }

    private void storyText(String name, long pos) {
        StoryTextReader.Text t = StoryTextReader.read(out.input.path(), file, name, pos, limits, c);
        if (t != null) {
            story.text = t.text();
            story.textFile = t.shown();
        }
    }

    private void source() throws IOException {
        if (!c.expectItem("sources")) return;
        Location at = c.here();
        DeclarationFields d = new DeclarationFields();
        int seen = g.object(SOURCE, d);
        c.missing(SOURCE, seen, at, d.id);
        // declared even when another field is wrong (the load fails anyway), so references to it are not reported too
        if (d.id != null) {
            out.sources.add(new Source(d.id, d.name, d.sourceKind == null ? SourceKind.OTHER : d.sourceKind, d.url, at));
        }
    }

    private void entity() throws IOException {
        if (!c.expectItem("entities")) return;
        Location at = c.here();
        DeclarationFields d = new DeclarationFields();
        int seen = g.object(ENTITY, d);
        c.missing(ENTITY, seen, at, d.id);
        if (d.id != null) out.entities.add(new Entity(d.id, d.kind, d.name, at));
    }

    /** A fact or a claim. */
    private void statement(boolean claim) throws IOException {
        if (!c.expectItem(claim ? "claims" : "facts")) return;
        hasContent = true;
        Draft d = new Draft(claim, c.here());
        Fields<Draft> kind = claim ? CLAIM : FACT;
        int seen = g.object(kind, d);
        if (ClaimFormFields.valueOptional(d)) seen |= kind.field("value").requiredBit();
        if (ClaimFormFields.trendClaim(d) || ClaimFormFields.oneOfClaim(d)) {
            seen |= kind.field("value").requiredBit() | kind.field("op").requiredBit();
        }
        if (c.missing(kind, seen, d.location, d.id)) d.complete = false;
        (claim ? out.claims : out.facts).add(d);
    }

    private void ignore() throws IOException {
        if (!c.expectItem("ignore")) return;
        Location at = c.here();
        IgnoreFields i = new IgnoreFields();
        int seen = g.object(IGNORE, i);
        if (!c.missing(IGNORE, seen, at, null) && i.text != null) {
            if (i.text.isBlank()) c.error(TokenCursor.pack(at.line(), at.column()), "empty \"text\" in ignore");
            else out.ignored.add(new IgnoredText(null, i.text, i.reason, at));
        }
    }

    private void mention() throws IOException {
        if (!c.expectItem("mentions")) return;
        hasContent = true;
        Location at = c.here();
        MentionFields m = new MentionFields();
        int seen = g.object(MENTION, m);
        if (!c.missing(MENTION, seen, at, null) && m.ok && m.text != null) {
            out.mentions.add(new Mention(null, m.text, m.date, m.weekday, at));
        }
    }

    // ---------------------------------------------------------------- errors that end the file

    private void fatal(int line, int column, String message) {
        // an object cut short by a syntax error seems to lack fields: that is noise next to the real error
        out.errors.removeAll(missingFieldErrors);
        out.errors.more -= Math.min(out.errors.more, out.moreMissing);
        out.errors.add(new InputError(new Location(file, line, column), message));
        out.fatal = true;
    }

    /** Records the error that ends the file. */
    private void failed(IOException e) {
        long pos = c == null ? TokenCursor.pack(1, 1) : c.safeTokenPos();
        ParseFailures.Failure f = ParseFailures.of(e, pos, out.input.yaml(), limits);
        if (f.notText()) out.errors.clear(); // a file that is not text gets one error, not the noise read before it
        if (out.input.yaml() && c != null && "op".equals(c.fieldName()) && f.message().contains("block scalar")) {
            fatal(f.pos(), ValueGrammar.UNQUOTED_OP); // op: >= is a folded block with a bad indicator to YAML
            return;
        }
        fatal(f.pos(), f.message());
    }

    private void fatal(long pos, String message) {
        fatal((int) (pos >>> 32), (int) pos, message);
    }

    private void error(long pos, String message) {
        out.errors.add(new InputError(TokenCursor.location(file, pos), message));
    }

    // ---------------------------------------------------------------- end of file: defaults and checks

    /** Applies the story's defaults to the facts, claims and mentions, and checks what needs the whole file. */
    private void finish() {
        String id = story.id != null ? story.id : defaultStoryId(out.input.path());
        out.storyIdLocation = story.idLocation != null ? story.idLocation
                : story.location != null ? story.location : new Location(file, 1, 1);
        if (story.present || hasContent) {
            out.story = new Story(id, story.headline, story.published, story.textFile, story.text, file,
                    story.location != null ? story.location : new Location(file, 1, 1));
        }
        Map<String, Draft> ids = new HashMap<>();
        finishDrafts(out.facts, ids);
        finishDrafts(out.claims, ids);
        List<Mention> mentions = new ArrayList<>(out.mentions.size());
        for (Mention m : out.mentions) {
            mentions.add(new Mention(id, m.text(), m.date(), m.weekday(), m.location()));
        }
        out.mentions.clear();
        List<IgnoredText> ignored = new ArrayList<>(out.ignored.size());
        for (IgnoredText t : out.ignored) ignored.add(new IgnoredText(id, t.text(), t.reason(), t.location()));
        out.ignored.clear();
        out.ignored.addAll(ignored);
        out.mentions.addAll(mentions);
    }

    private void finishDrafts(List<Draft> drafts, Map<String, Draft> ids) {
        for (Draft d : drafts) {
            if (d.id != null) {
                Draft first = ids.putIfAbsent(d.id, d);
                if (first != null) {
                    String what = first.claim == d.claim ? "duplicate " + d.what() + " id " + q(d.id)
                            : "id " + q(d.id) + " is already used by a " + first.what();
                    error(d.idPos, what + " (first at line " + first.location.line() + ")");
                    d.complete = false;
                }
            }
            if (!d.atGiven) {
                if (story.published != null) {
                    d.at = story.published;
                } else if (!story.publishedBroken) {
                    error(TokenCursor.pos(d.location), "missing \"at\" in " + d.what()
                            + (d.id == null ? "" : " " + q(d.id))
                            + ": a file without a \"story\" needs an explicit \"at\"");
                }
            }
            if (d.at == null) d.complete = false;
            checkValue(d);
        }
    }

    /** Status facts and claims take a status word; everything else a number or a quantity. */
    private void checkValue(Draft d) {
        if (d.form != null) ClaimFormFields.check(d, c);
        if (ClaimFormFields.directComparison(d)) return; // "more than North Carolina": the op compares the two values
        if (ClaimFormFields.trendClaim(d)) return; // "rising every year since 2010": no op, no value
        if (ClaimFormFields.oneOfClaim(d)) return; // "one of the highest": no op, no value
        if (d.attribute == null || d.value == null) {
            d.complete = false;
            return;
        }
        boolean status = Fact.STATUS.equals(d.attribute);
        if (d.value == ValueGrammar.Unrecorded.VALUE && status) {
            error(d.valuePos, ValueGrammar.UNRECORDED_FORM + " is for a measure, not a status: expected a status word for"
                    + " \"value\" of a status " + d.what() + " " + Messages.expected(statusWords));
            d.complete = false;
            return;
        }
        if (d.value == ValueGrammar.Unrecorded.VALUE && d.claim) {
            unrecordedClaim(d);
            return;
        }
        if (status) {
            if (!(d.value instanceof String word)) {
                error(d.valuePos, "expected a status word for \"value\" of a status " + d.what() + ", found "
                        + (d.value instanceof BigDecimal ? "a number" : "a quantity") + " "
                        + Messages.expected(statusWords));
                d.complete = false;
            } else if (!statusSet.contains(word)) {
                error(d.valuePos, "unknown status " + q(word) + " " + Messages.expected(statusWords));
                d.complete = false;
            }
            if (d.claim && d.op != null && d.op != Op.EQ && d.op != Op.NE) {
                error(d.opPos, "op \"" + d.op.symbol()
                        + "\" does not apply to a status (use = or !=)");
                d.complete = false;
            }
        } else {
            if (d.value instanceof String) {
                error(d.valuePos, "expected a number or a quantity for \"value\" of attribute " + q(d.attribute)
                        + ", found a string (status words are for the attribute \"status\")");
                d.complete = false;
            } else if (d.value instanceof BigDecimal n) {
                d.value = Quantity.exactly(n);
            }
            if (d.value instanceof Quantity v) belowZero(d, v);
            if (d.value instanceof Quantity v && d.attribute != null && yesNo.contains(d.attribute)) yesNoValue(d, v);
        }
    }

    /**
     * A yes/no measure ({@code yesNo:}): a fact states 0 (the state does not hold) or 1 (it holds), written plain; so
     * does a claim with no form, by {@code =} or {@code !=}, and a claim over a set of each member's state. A claim
     * with another form (a total of the days a state held, a change) states another quantity and is not checked.
     */
    private void yesNoValue(Draft d, Quantity v) {
        // a claim over a set asks its op and value of each member's state: checked as a plain claim
        if (d.claim && d.form != null && !d.form.options().withoutSet().form().equals("value")) return;
        String head = d.what() + (d.id == null ? "" : " " + q(d.id)) + ": " + d.attribute + " is a yes/no measure (the rule"
                + " pack lists it under yesNo): ";
        boolean plain = !v.isRange() && !v.isPercent() && v.bound() == io.factlint.model.Bound.EXACTLY
                && (v.amount().compareTo(java.math.BigDecimal.ZERO) == 0 || v.amount().compareTo(java.math.BigDecimal.ONE) == 0);
        if (!plain) {
            error(d.valuePos, head + "its value is 0 (no) or 1 (yes), found " + q(v.words()));
            d.complete = false;
        } else if (d.claim && d.op != null && d.op != Op.EQ && d.op != Op.NE) {
            error(d.opPos, head + "op \"" + d.op.symbol() + "\" does not apply (use = or !=)");
            d.complete = false;
        } else if (d.claim && d.form != null && (d.form.toleranceRelative != null || d.form.toleranceAbsolute != null)) {
            error(d.valuePos, head + "it takes no \"tolerance\": a state holds or does not");
            d.complete = false;
        } else {
            d.value = v.asYesNo(); // reasons and reports say yes or no
        }
    }

    /**
     * A claim whose value is {@code {"unrecorded": true}}: that no figure of the measure is kept for its time ({@code =})
     * or that one is ({@code !=}), judged on the statements for that time (docs/claims.md). Any other op, a form that
     * computes a figure (a change, a total, a comparison, a rank, a trend, a set) and a tolerance are errors: there is
     * no figure to compare, total or widen.
     */
    private void unrecordedClaim(Draft d) {
        String head = "claim" + (d.id == null ? "" : " " + q(d.id)) + ": ";
        if (d.op != null && d.op != Op.EQ && d.op != Op.NE) {
            error(d.opPos, head + "op \"" + d.op.symbol() + "\" does not apply to " + ValueGrammar.UNRECORDED_FORM
                    + ": \"=\" claims that no figure is kept, \"!=\" that one is");
            d.complete = false;
        }
        if (d.form == null) return;
        if (!d.form.options().form().equals("value")) {
            error(d.valuePos, head + ValueGrammar.UNRECORDED_FORM + " is the claim that no figure is kept: it takes no"
                    + " since, aggregate, versus, rank_among, rank_over, trend or quantifier, which judge figures");
            d.complete = false;
        } else if (d.form.toleranceRelative != null || d.form.toleranceAbsolute != null) {
            error(d.valuePos, head + ValueGrammar.UNRECORDED_FORM + " takes no \"tolerance\": it has no figure to widen");
            d.complete = false;
        }
    }

    /**
     * A measure that cannot be negative (a count: cumulative, a part or whole, {@code nonNegative:}) stated below zero.
     * "Under 0" and "at most 0" read as below zero (Quantity: a fall, a deficit), which such a measure cannot be; read
     * as 0 instead, a derived figure, a sum and the count rules would rest on a value the text did not state. A fact
     * so written is an input error at its value, and so is a plain claim "under 0" or "< 0" (it holds for no value of
     * the measure). A plain claim "at most 0" (or "<= 0") holds just when the measure is 0, as "= 0" does, and is
     * judged; a claim with a form (a change since a time, a comparison, an aggregate) states no value of the measure.
     */
    private void belowZero(Draft d, Quantity v) {
        String why = d.attribute == null ? null : cannotBeNegative.get(d.attribute);
        // a claim with a form (a change, a total, a comparison, ...) states no value of the measure itself; one that
        // only names who said it, its unchecked parts or a tolerance still does
        if (why == null || (d.claim && d.form != null && !d.form.options().form().equals("value"))) return;
        String head = d.what() + (d.id == null ? "" : " " + q(d.id)) + ": " + d.attribute + " cannot be negative ("
                + why + "): ";
        boolean zero = !v.isRange() && v.amount().signum() == 0;
        if ((v.isRange() ? v.rangeMin() : v.amount()).signum() < 0) {
            // a count stated below zero ("-5 killed"): a typo or a change written as a level
            error(d.valuePos, head + q(v.words()) + " is below zero, which " + d.attribute + " cannot be");
            d.complete = false;
        } else if (zero && v.bound() == io.factlint.model.Bound.UNDER) {
            error(d.valuePos, head + q(v.words()) + " is below zero, which " + d.attribute + " cannot be");
            d.complete = false;
        } else if (zero && v.bound() == io.factlint.model.Bound.AT_MOST && !d.claim) {
            error(d.valuePos, head + q(v.words()) + " can only be 0, write 0");
            d.complete = false;
        } else if (zero && d.claim && d.op == Op.LT && v.bound() == io.factlint.model.Bound.EXACTLY) {
            error(d.opPos, head + q("< 0") + " holds for no value of " + d.attribute + "; for none, write \"=\" 0");
            d.complete = false;
        }
    }

    /** The file name without its extension: the story id of a file without an explicit one. */
    static String defaultStoryId(Path path) {
        Path name = path.getFileName();
        String n = name == null ? "" : name.toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
