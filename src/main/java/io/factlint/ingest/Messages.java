package io.factlint.ingest;

import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Collection;
import java.util.Locale;

/** Wording shared by the readers: quoting untrusted text, naming token types and I/O failures. */
final class Messages {
    /** Longest piece of input text quoted in a message. */
    private static final int QUOTE_MAX = 80;

    private Messages() {
    }

    /**
     * {@code "text"}, with control characters and quotes escaped and long text shortened, so that a message stays
     * on one line whatever the input holds.
     */
    static String q(String s) {
        StringBuilder b = new StringBuilder(Math.min(s.length(), QUOTE_MAX) + 8).append('"');
        int n = Math.min(s.length(), QUOTE_MAX);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == 0x2028 || c == 0x2029) {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        if (s.length() > QUOTE_MAX) b.append('…');
        return b.append('"').toString();
    }

    /** {@code (expected one of: a, b, c)}. */
    static String expected(Collection<String> words) {
        return "(expected one of: " + String.join(", ", words) + ")";
    }

    /** What a token is, for "found ..." in a type error. */
    static String describe(JsonToken t) {
        if (t == null) return "the end of the file";
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            case VALUE_EMBEDDED_OBJECT -> "an embedded value";
            default -> t.asString() == null ? t.name().toLowerCase(Locale.ROOT) : Messages.q(t.asString());
        };
    }

    /** A short reason for an I/O failure: "no such file or folder", "permission denied", ... */
    static String io(IOException e) {
        if (e instanceof NoSuchFileException) return "no such file or folder";
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof NotDirectoryException) return "not a folder";
        if (e instanceof FileSystemLoopException) return "symbolic link loop";
        if (e instanceof FileSystemException f && f.getReason() != null) return f.getReason().toLowerCase(Locale.ROOT);
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : firstLine(m);
    }

    /** The first line of a message, trimmed. */
    static String firstLine(String m) {
        int nl = m.indexOf('\n');
        return (nl < 0 ? m : m.substring(0, nl)).trim();
    }

    /** A byte count as an editor reads it: {@code 64 MiB}, {@code 1,000 bytes}. */
    /**
     * Why a file name cannot be used, when Java's file-name encoding (fixed at start-up from the locale) is not
     * UTF-8; empty otherwise.
     */
    static String fileNameEncodingHint() {
        String jnu = System.getProperty("sun.jnu.encoding", "");
        if (jnu.equalsIgnoreCase("UTF-8") || jnu.isEmpty()) return "";
        return "; Java runs with the file-name encoding " + jnu + " (a locale such as LANG=C), which cannot hold this"
                + " name: run with a UTF-8 locale, e.g. LC_ALL=C.UTF-8 (the ./factlint launcher does)";
    }

    /** {@code 5,999,900}. */
    static String count(long n) {
        return String.format(java.util.Locale.ROOT, "%,d", n);
    }

    static String bytes(long n) {
        if (n >= 1024 * 1024 && n % (1024 * 1024) == 0) return String.format(Locale.ROOT, "%,d MiB", n / (1024 * 1024));
        if (n >= 1024 && n % 1024 == 0) return String.format(Locale.ROOT, "%,d KiB", n / 1024);
        return String.format(Locale.ROOT, "%,d bytes", n);
    }
}
