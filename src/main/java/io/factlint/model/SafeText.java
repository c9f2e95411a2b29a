package io.factlint.model;

/**
 * The one escaping of text that factlint prints to a console or a CI log (standard output, standard error, GitHub
 * workflow commands). Input text (file names, fact file strings, parser messages that quote input) may hold control
 * characters: ESC sequences that a terminal executes, line breaks that start a new log line (and with it a GitHub
 * workflow command such as {@code ::error}), BEL, backspaces that hide what came before. None reaches the console
 * raw:
 * <ul>
 *   <li>{@link #escape}: every C0 control (U+0000..U+001F), DEL, every C1 control (U+0080..U+009F, including NEL
 *   U+0085 and CSI U+009B), the line and paragraph separators U+2028/U+2029 and the bidirectional controls
 *   (U+200E, U+200F, U+202A..U+202E, U+2066..U+2069) become {@code \\uXXXX}; a lone surrogate becomes U+FFFD;</li>
 *   <li>{@link #oneLine}: as {@link #escape}, but CR, LF and TAB become a space (a message stays readable);</li>
 *   <li>{@link #lineStart}: for text that begins a printed line (a path, a location): as {@link #oneLine}, and
 *   {@code ./} is put before it unless it begins with a letter, a digit, {@code _}, {@code .}, {@code /} or
 *   {@code \}, so a file named {@code ::error title=x::y.json} prints as {@code ./::error title=x::y.json} and
 *   no line factlint prints can be read as a workflow command.</li>
 * </ul>
 */
public final class SafeText {
    private SafeText() {
    }

    /** True for a character that must not reach a terminal or a log raw. */
    public static boolean unsafe(int c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029
                || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }

    /** Every {@linkplain #unsafe unsafe} character as {@code \\uXXXX}, lone surrogates as U+FFFD; null as "". */
    public static String escape(String s) {
        return escape(s, false);
    }

    /** As {@link #escape}, with CR, LF and TAB as a space. */
    public static String oneLine(String s) {
        return escape(s, true);
    }

    /** Text that begins a printed line, made safe: {@link #oneLine}, and {@code ./} before an odd first character. */
    public static String lineStart(String s) {
        String t = oneLine(s);
        if (t.isEmpty()) return t;
        char c = t.charAt(0);
        boolean plain = Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '/' || c == '\\';
        return plain ? t : "./" + t;
    }

    /**
     * A writer for a console stream (standard error): passes LF and TAB (line ends, stack-trace indents) and writes
     * every other {@linkplain #unsafe unsafe} character as {@code \\uXXXX}, so that whatever a message quotes, no
     * control character reaches the terminal raw. The last line of defence: the messages themselves are made safe
     * with {@link #lineStart} and {@link #oneLine} where they are built.
     */
    public static java.io.Writer console(java.io.Writer out) {
        return new java.io.FilterWriter(out) {
            @Override
            public void write(int c) throws java.io.IOException {
                if (c != '\n' && c != '\t' && unsafe(c)) out.write(hex((char) c));
                else out.write(c);
            }

            @Override
            public void write(char[] cbuf, int off, int len) throws java.io.IOException {
                int start = off;
                for (int i = off; i < off + len; i++) {
                    char c = cbuf[i];
                    if (c != '\n' && c != '\t' && unsafe(c)) {
                        out.write(cbuf, start, i - start);
                        out.write(hex(c));
                        start = i + 1;
                    }
                }
                out.write(cbuf, start, off + len - start);
            }

            @Override
            public void write(String str, int off, int len) throws java.io.IOException {
                write(str.substring(off, off + len).toCharArray(), 0, len);
            }
        };
    }

    private static String escape(String s, boolean spaces) {
        if (s == null) return "";
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String repl = null;
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                if (b != null) b.append(c).append(s.charAt(i + 1));
                i++;
                continue;
            }
            if (Character.isSurrogate(c)) repl = "\uFFFD";
            else if (spaces && (c == '\n' || c == '\r' || c == '\t')) repl = " ";
            else if (unsafe(c)) repl = hex(c);
            if (repl != null && b == null) b = new StringBuilder(s.length() + 16).append(s, 0, i);
            if (b != null) {
                if (repl != null) b.append(repl);
                else b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }

    private static String hex(char c) {
        String h = Integer.toHexString(c);
        return "\\u" + "0000".substring(h.length()) + h;
    }
}
