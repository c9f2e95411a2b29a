package io.factlint.ingest;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * An input stream that lets through only well-formed UTF-8 text: it skips a leading byte order mark, and stops with
 * an {@link EncodingException} (carrying the line and column of the offending character) at the first NUL byte (a
 * binary file) or malformed UTF-8 sequence (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF).
 * Each block is checked before any byte of it is passed on. Columns count UTF-16 code units, like the parsers do.
 */
final class TextGuard extends FilterInputStream {
    private static final int BOM_LENGTH = 3;

    private int line = 1;
    private int column = 1;
    private boolean afterCr;
    /** Continuation bytes still expected for the current sequence. */
    private int pending;
    /** Allowed range of the next continuation byte. */
    private int low = 0x80;
    private int high = 0xBF;
    private int seqLine;
    private int seqColumn;
    private int seqLead;

    private TextGuard(InputStream in) {
        super(in);
    }

    /** Wraps {@code raw} and skips its UTF-8 byte order mark, if any. */
    static TextGuard open(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(BOM_LENGTH);
        if (bomLength(in.readNBytes(BOM_LENGTH)) == 0) in.reset();
        return new TextGuard(in);
    }

    /** {@link #scan}: the bytes are ASCII text (no NUL). */
    static final int ASCII = 0;
    /** {@link #scan}: the bytes are well-formed UTF-8 text with some non-ASCII characters (no NUL). */
    static final int UTF8 = 1;
    /** {@link #scan}: the bytes hold a NUL or malformed UTF-8 (the stream check gives the located error). */
    static final int INVALID = -1;

    /**
     * Checks a whole file's bytes at once by the same rules as the stream check (NUL, RFC 3629), without tracking
     * lines and columns: {@link #ASCII}, {@link #UTF8} or {@link #INVALID}. A file that is not valid is read again
     * through the stream, which reports the error at its line and column.
     */
    static int scan(byte[] b, int off, int len) {
        boolean ascii = true;
        int i = off;
        int end = off + len;
        while (i < end) {
            // eight ASCII bytes without NUL at a time (no high bit set, no zero byte)
            while (i + 8 <= end) {
                long v = (long) LONGS.get(b, i);
                if ((v & 0x8080808080808080L) != 0 || ((v - 0x0101010101010101L) & ~v & 0x8080808080808080L) != 0) break;
                i += 8;
            }
            if (i >= end) break;
            int c = b[i++];
            if (c > 0) continue;
            if (c == 0) return INVALID;
            c &= 0xFF;
            ascii = false;
            int n;
            int low = 0x80;
            int high = 0xBF;
            if (c >= 0xC2 && c <= 0xDF) {
                n = 1;
            } else if (c >= 0xE0 && c <= 0xEF) {
                n = 2;
                if (c == 0xE0) low = 0xA0;
                if (c == 0xED) high = 0x9F;
            } else if (c >= 0xF0 && c <= 0xF4) {
                n = 3;
                if (c == 0xF0) low = 0x90;
                if (c == 0xF4) high = 0x8F;
            } else {
                return INVALID;
            }
            if (end - i < n) return INVALID;
            int d = b[i++] & 0xFF;
            if (d < low || d > high) return INVALID;
            for (int k = 1; k < n; k++) {
                d = b[i++] & 0xFF;
                if (d < 0x80 || d > 0xBF) return INVALID;
            }
        }
        return ascii ? ASCII : UTF8;
    }

    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    /** The length of a UTF-8 byte order mark at the start of {@code b}: 3 or 0. */
    static int bomLength(byte[] b) {
        return b.length >= BOM_LENGTH && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF
                ? BOM_LENGTH : 0;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n < 0) {
            if (pending > 0) throw new EncodingException("invalid UTF-8: the file ends inside a character", seqLine, seqColumn);
            return n;
        }
        check(b, off, n);
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("skip is not supported");
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void check(byte[] b, int off, int n) throws EncodingException {
        for (int i = off, end = off + n; i < end; i++) {
            int c = b[i] & 0xFF;
            if (pending > 0) {
                if (c < low || c > high) throw malformed(c);
                low = 0x80;
                high = 0xBF;
                pending--;
                continue;
            }
            if (c < 0x80) {
                ascii(c);
                continue;
            }
            seqLine = line;
            seqColumn = column;
            seqLead = c;
            afterCr = false;
            if (c >= 0xC2 && c <= 0xDF) {
                pending = 1;
            } else if (c >= 0xE0 && c <= 0xEF) {
                pending = 2;
                if (c == 0xE0) low = 0xA0;
                if (c == 0xED) high = 0x9F;
            } else if (c >= 0xF0 && c <= 0xF4) {
                pending = 3;
                if (c == 0xF0) low = 0x90;
                if (c == 0xF4) high = 0x8F;
                column++; // a supplementary character is two UTF-16 code units
            } else {
                throw malformed(c);
            }
            column++;
        }
    }

    private void ascii(int c) throws EncodingException {
        if (c == '\n') {
            if (!afterCr) line++;
            column = 1;
            afterCr = false;
        } else if (c == '\r') {
            line++;
            column = 1;
            afterCr = true;
        } else if (c == 0) {
            throw new EncodingException("binary file: NUL byte found (fact files are UTF-8 text)", line, column);
        } else {
            column++;
            afterCr = false;
        }
    }

    private EncodingException malformed(int c) {
        boolean inSequence = pending > 0;
        return new EncodingException(String.format(Locale.ROOT,
                "invalid UTF-8: byte 0x%02X %s (is the file in another encoding, such as Latin-1? save it as UTF-8)",
                inSequence ? seqLead : c, inSequence ? "starts a character that is cut short" : "cannot start a character"),
                inSequence ? seqLine : line, inSequence ? seqColumn : column);
    }

    /** The text is not UTF-8, or not text at all; thrown once, where it was found. */
    static final class EncodingException extends IOException {
        final int line;
        final int column;

        EncodingException(String message, int line, int column) {
            super(message);
            this.line = line;
            this.column = column;
        }
    }
}
