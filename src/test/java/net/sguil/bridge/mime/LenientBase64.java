package net.sguil.bridge.mime;

import java.io.ByteArrayOutputStream;

/**
 * The lenient rules of {@link Base64DecodingStream}'s class comment, applied one byte at a time to
 * the whole input: the oracle its differential test holds the streaming decoder to. Alphabet
 * characters fill a quantum; CR, LF, space and tab are skipped; '=' ends the quantum (a single
 * character left in it is dropped: damaged) and any alphabet character after it means concatenated
 * data (damaged); anything else is skipped and counted, and more than one in a thousand input bytes
 * makes the whole damaged. The end flushes a partial quantum as '=' would.
 */
final class LenientBase64 {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    record Decoded(byte[] bytes, boolean damaged, boolean exact) {
    }

    private LenientBase64() {
    }

    static Decoded decode(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int acc = 0;
        int count = 0;
        boolean damaged = false;
        boolean afterPad = false;
        long stray = 0;
        for (byte x : in) {
            int v = ALPHABET.indexOf((char) (x & 0xFF));
            if (v >= 0) {
                damaged |= afterPad;
                afterPad = false;
                acc = acc << 6 | v;
                if (++count == 4) {
                    out.write(acc >> 16);
                    out.write(acc >> 8);
                    out.write(acc);
                    acc = 0;
                    count = 0;
                }
            } else if (x == '=') {
                damaged |= flush(out, acc, count);
                acc = 0;
                count = 0;
                afterPad = true;
            } else if (x != '\r' && x != '\n' && x != ' ' && x != '\t') {
                stray++;
            }
        }
        damaged |= flush(out, acc, count);
        return new Decoded(out.toByteArray(), damaged || stray * 1000 > in.length, !damaged && stray == 0);
    }

    /** Writes what a partial quantum holds; true when it held a single character, which is dropped. */
    private static boolean flush(ByteArrayOutputStream out, int acc, int count) {
        if (count == 2) {
            out.write(acc >> 4);
        } else if (count == 3) {
            out.write(acc >> 10);
            out.write(acc >> 2);
        }
        return count == 1;
    }
}
