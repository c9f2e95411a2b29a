package io.factlint.ingest;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.scanner.ScannerImpl;
import org.yaml.snakeyaml.tokens.ScalarToken;
import org.yaml.snakeyaml.tokens.Token;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What YAML 1.2 forbids and SnakeYAML (the YAML 1.1 parser under Jackson) reads anyway, found on SnakeYAML's own
 * token stream before the file is read: each would otherwise be checked as if written correctly.
 * <ul>
 *   <li>a comment without white space before its {@code #} ({@code "a"#b}; yaml-test-suite SU5Z);</li>
 *   <li>a line of a flow collection ({@code [...]}, <code>{...}</code>) not indented more than the block mapping
 *       or list that holds it (9C9N);</li>
 *   <li>a continuation line of a quoted or plain scalar not indented so (QB6E), also when a tab stands where the
 *       indentation should be (DK95-01: YAML indents with spaces);</li>
 *   <li>and, though YAML 1.2 allows it (4MUZ), a key of a flow mapping whose {@code :} is on a later line
 *       (<code>{at\n: 2024-01-01}</code>), which SnakeYAML cannot read: it reads a key without a value, and its
 *       syntax error comes after the misread value's error.</li>
 * </ul>
 * It also names a file that has a {@code ---} and no content ("no document"; Jackson sees an empty string there).
 * Hand-written because neither SnakeYAML nor snakeyaml-engine (its YAML 1.2 successor) has a setting for these: both
 * list SU5Z, 9C9N, QB6E and DK95-01 among the yaml-test-suite cases they accept although they should fail. The
 * check only reads SnakeYAML's tokens (their kinds and marks) and the raw lines; anything else wrong with the file
 * (a syntax error, text that is not UTF-8, a limit) is left to the reading proper, which reports it as before.
 */
final class StrictYaml {
    /** A problem at a 1-based line and column. */
    record Problem(int line, int column, String message) {
    }

    private enum Block { MAPPING, SEQUENCE }

    private final String text;
    /** Where each line starts in {@link #text}, and (last) where the text ends; lines as SnakeYAML counts them. */
    private final int[] lineStarts;
    private final Deque<Integer> blockColumns = new ArrayDeque<>();
    private final Deque<Block> blocks = new ArrayDeque<>();
    private final Deque<Token.ID> flows = new ArrayDeque<>();

    private StrictYaml(String text) {
        this.text = text;
        this.lineStarts = lineStarts(text);
    }

    /**
     * The text of the YAML file at {@code path} through {@link TextGuard}, or null when it cannot be read so (the
     * reading from the stream then reports why, at its position).
     */
    static String read(Path path) {
        try (InputStream in = TextGuard.open(Files.newInputStream(path))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    static Problem check(String text, ParserLimits limits) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, limits.maxDocumentLength()));
        options.setProcessComments(true);
        try {
            return new StrictYaml(text).scan(new ScannerImpl(new StreamReader(new StringReader(text)), options));
        } catch (RuntimeException | StackOverflowError e) {
            return null; // malformed in a way SnakeYAML itself reports: the reading proper says where
        }
    }

    private Problem scan(ScannerImpl scanner) {
        Token prev = null;
        Token beforePrev = null;
        Mark documentStart = null;
        boolean content = false;
        while (true) {
            Token t = scanner.peekToken(); // peekToken scans ahead as far as needed; getToken alone does not
            scanner.getToken();
            Token.ID id = t.getTokenId();
            if (id == Token.ID.StreamEnd) {
                // "---" and nothing else (Jackson would say "found a string": the empty document's empty scalar)
                if (documentStart == null || content) return null;
                return new Problem(documentStart.getLine() + 1, documentStart.getColumn() + 1,
                        "no document: nothing after \"---\"; expected an object");
            }
            switch (id) {
                case DocumentStart -> {
                    if (documentStart == null) documentStart = t.getStartMark();
                }
                case StreamStart, Directive, DocumentEnd, Comment -> {
                }
                default -> content = true;
            }
            Mark start = t.getStartMark();
            Problem p = switch (id) {
                case Comment -> comment(start);
                case Scalar -> scalar((ScalarToken) t);
                case Value -> splitKey(t, prev, beforePrev);
                default -> null;
            };
            if (p == null && id != Token.ID.Comment && id != Token.ID.BlockEnd && prev != null
                    && start.getLine() > prev.getEndMark().getLine()) {
                p = lineStart(t);
            }
            if (p != null) return p;
            switch (id) {
                case BlockMappingStart -> push(start.getColumn(), Block.MAPPING);
                case BlockSequenceStart -> push(start.getColumn(), Block.SEQUENCE);
                case BlockEnd -> {
                    if (!blocks.isEmpty()) {
                        blocks.pop();
                        blockColumns.pop();
                    }
                }
                case FlowMappingStart, FlowSequenceStart -> flows.push(id);
                case FlowMappingEnd, FlowSequenceEnd -> {
                    if (!flows.isEmpty()) flows.pop();
                }
                default -> {
                }
            }
            if (id != Token.ID.Comment) {
                beforePrev = prev;
                prev = t;
            }
        }
    }

    private void push(int column, Block kind) {
        blockColumns.push(column);
        blocks.push(kind);
    }

    /** The least indentation (in spaces) of a line inside a value of the innermost block collection. */
    private int required() {
        return blockColumns.isEmpty() ? 0 : blockColumns.peek() + 1;
    }

    private String holder() {
        return blocks.peek() == Block.SEQUENCE ? "its list item (\"-\")" : "its key";
    }

    /** SU5Z: {@code #} starts a comment only after white space (or at the start of a line). */
    private Problem comment(Mark start) {
        String line = line(start.getLine());
        int at = offset(line, start.getColumn());
        if (at <= 0 || at >= line.length() || line.charAt(at) != '#') return null;
        char before = line.charAt(at - 1);
        if (before == ' ' || before == '\t') return null;
        return new Problem(start.getLine() + 1, start.getColumn() + 1,
                "malformed YAML: a comment needs a space before its \"#\"");
    }

    /** A token that starts a line inside a flow collection (9C9N). */
    private Problem lineStart(Token t) {
        if (flows.isEmpty()) return null;
        return indentation(t.getStartMark().getLine(), "a " + (flows.peek() == Token.ID.FlowSequenceStart
                ? "flow list [...]" : "flow mapping {...}") + " continued below " + holder() + "'s indentation");
    }

    /** QB6E, DK95-01: every line of a multi-line scalar after its first is indented more than its holder. */
    private Problem scalar(ScalarToken t) {
        if (!isFlowScalar(t)) return null;
        int first = t.getStartMark().getLine();
        int last = t.getEndMark().getLine();
        String kind = t.getPlain() ? "a value" : "a quoted value";
        for (int l = first + 1; l <= last; l++) {
            if (line(l).isBlank()) continue; // an empty line of a scalar may be indented less
            Problem p = indentation(l, kind + " continued below " + holder() + "'s indentation");
            if (p != null) return p;
        }
        return null;
    }

    /** Block scalars ({@code |}, {@code >}) have their own indentation rules, which SnakeYAML enforces. */
    private static boolean isFlowScalar(ScalarToken t) {
        DumperOptions.ScalarStyle s = t.getStyle();
        return s == DumperOptions.ScalarStyle.PLAIN || s == DumperOptions.ScalarStyle.DOUBLE_QUOTED
                || s == DumperOptions.ScalarStyle.SINGLE_QUOTED;
    }

    /** The problem of line {@code l} (0-based) if it is indented by fewer spaces than {@link #required()}. */
    private Problem indentation(int l, String what) {
        int need = required();
        String line = line(l);
        int spaces = 0;
        while (spaces < line.length() && line.charAt(spaces) == ' ') spaces++;
        if (spaces >= need) return null;
        String n = need + (need == 1 ? " space" : " spaces");
        if (spaces < line.length() && line.charAt(spaces) == '\t') {
            return new Problem(l + 1, spaces + 1, "malformed YAML: a tab where the indentation should be (" + what
                    + "); YAML indents with spaces only: indent this line by at least " + n);
        }
        return new Problem(l + 1, spaces + 1, "malformed YAML: " + what + "; indent this line by at least " + n);
    }

    /**
     * A {@code :} inside a flow collection on a later line than the key before it. YAML 1.2 allows it there
     * (yaml-test-suite 4MUZ) but SnakeYAML does not: it reads the key as one without a value, which factlint then
     * reported (as {@code invalid date ""} for {@code at}) before SnakeYAML's syntax error at the {@code :}.
     */
    private Problem splitKey(Token value, Token prev, Token beforePrev) {
        if (flows.isEmpty() || prev == null) return null;
        Token.ID p = prev.getTokenId();
        boolean keyLike = p == Token.ID.Scalar || p == Token.ID.Alias || p == Token.ID.FlowMappingEnd
                || p == Token.ID.FlowSequenceEnd;
        if (!keyLike || beforePrev != null && beforePrev.getTokenId() == Token.ID.Key) return null;
        if (prev.getEndMark().getLine() >= value.getStartMark().getLine()) return null;
        Mark at = value.getStartMark();
        String key = p == Token.ID.Scalar ? "key \"" + Messages.firstLine(((ScalarToken) prev).getValue()) + "\""
                : "key";
        return new Problem(at.getLine() + 1, at.getColumn() + 1, "unsupported YAML: \":\" on a line after its " + key
                + " (line " + (prev.getStartMark().getLine() + 1) + "); SnakeYAML, factlint's YAML parser, needs a key and "
                + "its \":\" on one line");
    }

    /** Line {@code l} (0-based) without its line break; "" past the end. */
    private String line(int l) {
        if (l < 0 || l >= lineStarts.length - 1) return "";
        int end = lineStarts[l + 1];
        int start = lineStarts[l];
        while (end > start && isBreak(text.charAt(end - 1))) end--;
        return text.substring(start, end);
    }

    private static boolean isBreak(char c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    /** The UTF-16 offset of code point column {@code column} (SnakeYAML counts code points), or -1. */
    private static int offset(String line, int column) {
        try {
            return line.offsetByCodePoints(0, column);
        } catch (IndexOutOfBoundsException e) {
            return -1;
        }
    }

    /** The start of each line, broken as SnakeYAML breaks lines: at CR LF, CR, LF, NEL, LS and PS; then the end. */
    private static int[] lineStarts(String text) {
        int[] starts = new int[64];
        int n = 0;
        starts[n++] = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isBreak(c)) continue;
            if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
            if (n + 1 >= starts.length) starts = java.util.Arrays.copyOf(starts, starts.length * 2);
            starts[n++] = i + 1;
        }
        starts[n++] = text.length();
        return java.util.Arrays.copyOf(starts, n);
    }
}
