package io.factlint.ingest;

/**
 * Limits that keep a hostile or broken fact file from exhausting memory, stack or time. Every limit applies to one
 * file at a time. A file that exceeds one gets a single input error at the position where it was exceeded.
 *
 * @param maxNestingDepth    how deeply objects and arrays may nest (JSON and YAML)
 * @param maxDocumentLength  the largest file accepted, in bytes; also the YAML code point limit
 * @param maxStringLength    the longest string value, in characters
 * @param maxNumberLength    the longest number literal, in characters
 * @param maxYamlAliases     how many YAML aliases of collections a document may use (SnakeYAML's loader option)
 * @param maxTokens          how many tokens one file may produce, counting each replay of a YAML alias in full
 *                           (bounds the time spent on "billion laughs" documents)
 * @param maxErrorsPerFile   how many input errors of one file are reported; the rest are counted, in one line
 * @param maxErrors          how many input errors of all files are reported; the rest are counted, in one line
 */
public record ParserLimits(int maxNestingDepth, long maxDocumentLength, int maxStringLength, int maxNumberLength,
                           int maxYamlAliases, long maxTokens, int maxErrorsPerFile, int maxErrors) {

    /** Default error caps. */
    public static final int ERRORS_PER_FILE = 100;
    public static final int ERRORS = 1000;

    /** The limits with the default error caps. */
    public ParserLimits(int maxNestingDepth, long maxDocumentLength, int maxStringLength, int maxNumberLength,
                        int maxYamlAliases, long maxTokens) {
        this(maxNestingDepth, maxDocumentLength, maxStringLength, maxNumberLength, maxYamlAliases, maxTokens,
                ERRORS_PER_FILE, ERRORS);
    }

    /** 1 MiB. */
    private static final long MIB = 1024L * 1024L;

    public ParserLimits {
        if (maxNestingDepth < 8) throw new IllegalArgumentException("maxNestingDepth must be at least 8");
        if (maxDocumentLength < 1) throw new IllegalArgumentException("maxDocumentLength must be positive");
        if (maxStringLength < 1) throw new IllegalArgumentException("maxStringLength must be positive");
        if (maxNumberLength < 1) throw new IllegalArgumentException("maxNumberLength must be positive");
        if (maxYamlAliases < 0) throw new IllegalArgumentException("maxYamlAliases must not be negative");
        if (maxTokens < 1) throw new IllegalArgumentException("maxTokens must be positive");
        if (maxErrorsPerFile < 1) throw new IllegalArgumentException("maxErrorsPerFile must be positive");
        if (maxErrors < 1) throw new IllegalArgumentException("maxErrors must be positive");
    }

    /**
     * Nesting depth 200, files up to 64 MiB, strings up to 16 MiB, numbers up to 1000 characters, 50 YAML
     * aliases of collections, 50 million tokens per file; 100 errors reported per file, 1000 in all.
     */
    public static ParserLimits defaults() {
        return new ParserLimits(200, 64 * MIB, (int) (16 * MIB), 1000, 50, 50_000_000L);
    }

    /** These limits with another maximum file length. */
    public ParserLimits withMaxDocumentLength(long bytes) {
        return new ParserLimits(maxNestingDepth, bytes, maxStringLength, maxNumberLength, maxYamlAliases, maxTokens,
                maxErrorsPerFile, maxErrors);
    }

    /** These limits with another maximum string length. */
    public ParserLimits withMaxStringLength(int chars) {
        return new ParserLimits(maxNestingDepth, maxDocumentLength, chars, maxNumberLength, maxYamlAliases, maxTokens,
                maxErrorsPerFile, maxErrors);
    }

    /** These limits with another token budget. */
    public ParserLimits withMaxTokens(long tokens) {
        return new ParserLimits(maxNestingDepth, maxDocumentLength, maxStringLength, maxNumberLength, maxYamlAliases, tokens,
                maxErrorsPerFile, maxErrors);
    }

    /** The names {@link #with(String, long)} takes, as the command line's {@code --parser-limit} spells them. */
    public static final java.util.List<String> NAMES = java.util.List.of("depth", "file-bytes", "string-chars",
            "number-chars", "yaml-aliases", "tokens", "errors-per-file", "errors");

    /**
     * These limits with one changed, by name ({@link #NAMES}): {@code depth}, {@code file-bytes},
     * {@code string-chars}, {@code number-chars}, {@code yaml-aliases}, {@code tokens}, {@code errors-per-file},
     * {@code errors}.
     *
     * @throws IllegalArgumentException for an unknown name or a value out of range
     */
    public ParserLimits with(String name, long value) {
        long min = switch (name) {
            case "depth" -> 8;
            case "yaml-aliases" -> 0;
            default -> 1;
        };
        if (NAMES.contains(name) && value < min) {
            throw new IllegalArgumentException(name + " must be " + (min == 0 ? "0 or more" : min == 1 ? "positive"
                    : "at least " + min));
        }
        int asInt = (int) Math.min(Integer.MAX_VALUE, Math.max(Integer.MIN_VALUE, value));
        return switch (name) {
            case "depth" -> new ParserLimits(asInt, maxDocumentLength, maxStringLength, maxNumberLength, maxYamlAliases,
                    maxTokens, maxErrorsPerFile, maxErrors);
            case "file-bytes" -> withMaxDocumentLength(value);
            case "string-chars" -> withMaxStringLength(asInt);
            case "number-chars" -> new ParserLimits(maxNestingDepth, maxDocumentLength, maxStringLength, asInt,
                    maxYamlAliases, maxTokens, maxErrorsPerFile, maxErrors);
            case "yaml-aliases" -> new ParserLimits(maxNestingDepth, maxDocumentLength, maxStringLength, maxNumberLength,
                    asInt, maxTokens, maxErrorsPerFile, maxErrors);
            case "tokens" -> withMaxTokens(value);
            case "errors-per-file" -> new ParserLimits(maxNestingDepth, maxDocumentLength, maxStringLength,
                    maxNumberLength, maxYamlAliases, maxTokens, asInt, maxErrors);
            case "errors" -> new ParserLimits(maxNestingDepth, maxDocumentLength, maxStringLength, maxNumberLength,
                    maxYamlAliases, maxTokens, maxErrorsPerFile, asInt);
            default -> throw new IllegalArgumentException("unknown parser limit \"" + name + "\" (expected one of: "
                    + String.join(", ", NAMES) + ")");
        };
    }
}
