package io.factlint.ingest;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link TextGuard#scan} (the whole-file check of the byte path) accepts exactly what the stream guard lets through:
 * the same NUL, malformed and truncated sequences are refused, at any place of the array and across the eight-byte
 * steps of its ASCII run.
 */
class TextGuardScanTest {

    private static boolean streamAccepts(byte[] b) {
        try (InputStream in = TextGuard.open(new ByteArrayInputStream(b))) {
            in.readAllBytes();
            return true;
        } catch (TextGuard.EncodingException e) {
            return false;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static int expected(byte[] b) {
        if (!streamAccepts(b)) return TextGuard.INVALID;
        int off = TextGuard.bomLength(b);
        for (int i = off; i < b.length; i++) if (b[i] < 0) return TextGuard.UTF8;
        return TextGuard.ASCII;
    }

    @Test
    void namedCases() {
        assertThat(TextGuard.scan(bytes("{\"a\": 1}"), 0, 8)).isEqualTo(TextGuard.ASCII);
        byte[] accents = bytes("{\"name\": \"Zoë € 😀\"}");
        assertThat(TextGuard.scan(accents, 0, accents.length)).isEqualTo(TextGuard.UTF8);
        byte[] nul = bytes("0123456789abcdef\u0000xyz");
        assertThat(TextGuard.scan(nul, 0, nul.length)).isEqualTo(TextGuard.INVALID);
        byte[] latin1 = "0123456789 café".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(TextGuard.scan(latin1, 0, latin1.length)).isEqualTo(TextGuard.INVALID);
        byte[] cut = bytes("0123456789 €");
        assertThat(TextGuard.scan(cut, 0, cut.length - 1)).isEqualTo(TextGuard.INVALID);
        byte[] surrogate = {'a', (byte) 0xED, (byte) 0xA0, (byte) 0x80};
        assertThat(TextGuard.scan(surrogate, 0, surrogate.length)).isEqualTo(TextGuard.INVALID);
        byte[] overlong = {'a', (byte) 0xC0, (byte) 0xAF};
        assertThat(TextGuard.scan(overlong, 0, overlong.length)).isEqualTo(TextGuard.INVALID);
        byte[] tooHigh = {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80};
        assertThat(TextGuard.scan(tooHigh, 0, tooHigh.length)).isEqualTo(TextGuard.INVALID);
    }

    @Test
    void randomTextAgreesWithTheStreamGuard() {
        Random r = new Random(14);
        byte[][] pieces = {bytes("abcdefgh"), bytes("{\"id\": \"f1\", "), bytes("é"), bytes("€"), bytes("😀"),
                {0}, {(byte) 0x80}, {(byte) 0xC3}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                {(byte) 0xF0, (byte) 0x8F, (byte) 0xBF, (byte) 0xBF}, {(byte) 0xFF}, bytes("\n"), bytes("1234567")};
        int invalid = 0;
        for (int n = 0; n < 20_000; n++) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            int k = r.nextInt(12);
            for (int j = 0; j < k; j++) {
                // mostly ASCII, so that the eight-byte steps meet a bad byte at every offset
                byte[] p = r.nextInt(4) == 0 ? pieces[r.nextInt(pieces.length)] : pieces[r.nextInt(2)];
                out.writeBytes(p);
            }
            byte[] b = out.toByteArray();
            int want = expected(b);
            if (want == TextGuard.INVALID) invalid++;
            int off = TextGuard.bomLength(b);
            assertThat(TextGuard.scan(b, off, b.length - off)).as("bytes %s", java.util.Arrays.toString(b)).isEqualTo(want);
        }
        assertThat(invalid).isGreaterThan(1_000);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
