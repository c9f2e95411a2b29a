package io.factlint.ingest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.factlint.ingest.TokenCursor.pack;
import static io.factlint.ingest.Messages.q;

/**
 * Turns what ends the reading of a file (malformed JSON or YAML, a duplicate key, an exceeded limit, text that is
 * not UTF-8, an I/O failure) into one input error an editor can act on: Jackson's and SnakeYAML's messages reduced
 * to one line, without source dumps or advice meant for programmers, at the parser's position.
 */
final class ParseFailures {
    /** Jackson's "[Source: ...; line: 1, column: 2]" inside a message, shortened to "line 1, column 2". */
    private static final Pattern SOURCE_REF = Pattern.compile("\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)\\]");
    private static final String DUPLICATE = "Duplicate field '";

    private ParseFailures() {
    }

    /**
     * The error that ends a file, at a packed position ({@link TokenCursor#pack}). {@code notText} means the file is
     * not UTF-8 text at all, so other errors found in it are noise.
     */
    record Failure(long pos, String message, boolean notText) {
    }

    /** Maps {@code e}; {@code tokenPos} is the position of the token being read when it happened. */
    static Failure of(IOException e, long tokenPos, boolean yaml, ParserLimits limits) {
        TextGuard.EncodingException enc = cause(e, TextGuard.EncodingException.class);
        if (enc != null) return new Failure(pack(enc.line, enc.column), enc.getMessage(), true);
        if (e instanceof TokenBudgetExceeded) {
            return new Failure(tokenPos, "too much content: more than " + String.format(Locale.ROOT, "%,d",
                    limits.maxTokens()) + " tokens (each use of a YAML alias counts in full)", false);
        }
        if (e instanceof AliasLimitExceeded a) {
            return new Failure(a.pos, "too many YAML aliases: more than " + limits.maxYamlAliases()
                    + " uses of an anchored list or mapping (--parser-limit yaml-aliases=N)", false);
        }
        MarkedYAMLException marked = YamlProblems.marked(e);
        if (marked != null) {
            Mark m = marked.getProblemMark() != null ? marked.getProblemMark() : marked.getContextMark();
            return new Failure(m == null ? tokenPos : pack(m.getLine() + 1, m.getColumn() + 1),
                    "malformed YAML: " + YamlProblems.describe(marked), false);
        }
        StreamConstraintsException limit = cause(e, StreamConstraintsException.class);
        if (limit != null) return new Failure(jacksonPos(limit, tokenPos), limitMessage(limit.getOriginalMessage(), limits), false);
        if (e instanceof JsonProcessingException jpe) {
            String m = Messages.firstLine(String.valueOf(jpe.getOriginalMessage()));
            if (m.startsWith(DUPLICATE) && m.endsWith("'")) {
                return new Failure(tokenPos, "duplicate key " + q(m.substring(DUPLICATE.length(), m.length() - 1)), false);
            }
            YAMLException ye = cause(e, YAMLException.class);
            if (ye != null) m = Messages.firstLine(String.valueOf(ye.getMessage()));
            return new Failure(jacksonPos(jpe, tokenPos), (yaml ? "malformed YAML: " : "malformed JSON: ") + shorten(m), false);
        }
        return new Failure(pack(0, 0), "cannot read file: " + Messages.io(e), false);
    }

    private static String limitMessage(String raw, ParserLimits limits) {
        String m = Messages.firstLine(String.valueOf(raw));
        if (m.contains("nesting depth")) {
            return "nesting too deep: more than " + limits.maxNestingDepth() + " levels of objects and arrays";
        }
        if (m.contains("String value length")) {
            return "string too long: more than " + String.format(Locale.ROOT, "%,d", limits.maxStringLength()) + " characters";
        }
        if (m.contains("Number value length")) {
            return "number too long: more than " + limits.maxNumberLength() + " characters";
        }
        if (m.contains("Document length") || m.contains("document length")) {
            return "file too large: more than " + Messages.bytes(limits.maxDocumentLength());
        }
        return "limit exceeded: " + shorten(m);
    }

    /** A Jackson message without source references or pointers to configuration. */
    private static String shorten(String m) {
        if (m.contains("ALLOW_COMMENTS")) return "comments are not allowed in JSON";
        if (m.startsWith("invalid alias ")) return "undefined alias *" + m.substring("invalid alias ".length());
        Matcher x = SOURCE_REF.matcher(m);
        String s = x.find() ? x.replaceAll("line $1, column $2") : m;
        int cfg = s.indexOf(" (from `");
        if (cfg >= 0) s = s.substring(0, cfg);
        int feature = s.indexOf(": enable `"); // Jackson's advice to programmers, not to editors
        if (feature >= 0) s = s.substring(0, feature) + " (not allowed in JSON)";
        return s.trim();
    }

    private static long jacksonPos(JsonProcessingException e, long fallback) {
        JsonLocation l = e.getLocation();
        return l == null || l.getLineNr() <= 0 ? fallback : pack(l.getLineNr(), Math.max(1, l.getColumnNr()));
    }

    /** The first throwable of type {@code type} in the cause chain of {@code e}, or null. */
    static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) return type.cast(c);
        }
        return null;
    }

    /** A file produced more tokens than {@link ParserLimits#maxTokens()}; thrown once, without a stack trace. */
    static final class TokenBudgetExceeded extends IOException {
        TokenBudgetExceeded() {
            super("token budget exceeded", null);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    /** A YAML document used more aliases of collections than {@link ParserLimits#maxYamlAliases()}; at the alias. */
    static final class AliasLimitExceeded extends IOException {
        final long pos;

        AliasLimitExceeded(long pos) {
            super("too many YAML aliases", null);
            this.pos = pos;
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }
}
