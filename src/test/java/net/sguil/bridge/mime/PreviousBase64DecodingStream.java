package net.sguil.bridge.mime;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * The base64 decoder as it was before the line-at-a-time fast path (commit 8c5ecd9), kept verbatim
 * in the test tree as the reference of {@code Base64DecodingStreamDifferentialTest} and the
 * baseline of {@code Base64Bench}: the new decoder must give the same bytes and the same
 * {@link #damaged()} and {@link #exact()} on every input.
 */
final class PreviousBase64DecodingStream extends DecodingStream {
    private static final int BUFFER = 64 * 1024;
    private static final byte SKIP = -1;
    private static final byte BAD = -2;
    private static final byte PAD = -3;
    private static final byte[] TABLE = table();
    /** Stray characters a real base64 body may carry (a broken gateway's dot); more say it is something else. */
    private static final int TOLERATED_PER_MILLE = 1;
    /** A character's 6 bits shifted to their place in the quantum's 24, by position; -1 if not base64. */
    private static final int[] BITS0 = bits(18);
    private static final int[] BITS1 = bits(12);
    private static final int[] BITS2 = bits(6);
    private static final int[] BITS3 = bits(0);

    private final InputStream in;
    private final byte[] inBuf = new byte[BUFFER];
    private int inPos;
    private int inLen;
    private boolean eof;
    private int acc;
    private int count;
    private final byte[] small = new byte[3];
    private int smallPos;
    private int smallLen;
    private boolean damaged;
    private long illegal;
    private long consumed;
    /** Padding was the last thing decoded: any base64 character now means concatenated data. */
    private boolean afterPad;

    PreviousBase64DecodingStream(InputStream in) {
        this.in = in;
    }

    @Override
    boolean damaged() {
        return damaged || illegal * 1000 > consumed * TOLERATED_PER_MILLE;
    }

    @Override
    boolean exact() {
        return !damaged && illegal == 0;
    }

    @Override
    public int read() throws IOException {
        if (smallPos == smallLen && !refillSmall()) {
            return -1;
        }
        return small[smallPos++] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        if (smallPos < smallLen || len < 3) {
            if (smallPos == smallLen && !refillSmall()) {
                return -1;
            }
            int n = Math.min(len, smallLen - smallPos);
            System.arraycopy(small, smallPos, b, off, n);
            smallPos += n;
            return n;
        }
        int start = off;
        int end = off + len;
        while (off == start) {
            if (inPos == inLen) {
                if (eof) {
                    off = finish(b, off);
                    return off > start ? off - start : -1;
                }
                int n = in.read(inBuf, 0, inBuf.length);
                if (n < 0) {
                    eof = true;
                } else {
                    inPos = 0;
                    inLen = n;
                    consumed += n;
                }
                continue;
            }
            off = decode(b, off, end);
        }
        return off - start;
    }

    /** Single bytes and reads shorter than a quantum go through a 3-byte buffer. */
    private boolean refillSmall() throws IOException {
        smallPos = 0;
        smallLen = 0;
        int n = read(small, 0, 3);
        smallLen = Math.max(n, 0);
        return n > 0;
    }

    /** Decodes from the input buffer while at least 3 bytes of output room remain. */
    private int decode(byte[] b, int off, int end) {
        byte[] src = inBuf;
        int p = inPos;
        int lim = inLen;
        int a = acc;
        int c = count;
        while (p < lim && end - off >= 3) {
            if (c == 0 && !afterPad) {
                inPos = p;
                off = decodeLines(b, off, end);
                p = inPos;
                if (p == lim || end - off < 3) {
                    break;
                }
            }
            int v = TABLE[src[p++] & 0xFF];
            if (v >= 0) {
                // more '=' and line breaks after padding are normal; data after them is not
                damaged |= afterPad;
                afterPad = false;
                a = a << 6 | v;
                if (++c == 4) {
                    b[off] = (byte) (a >> 16);
                    b[off + 1] = (byte) (a >> 8);
                    b[off + 2] = (byte) a;
                    off += 3;
                    c = 0;
                    a = 0;
                }
            } else if (v == PAD) {
                off = flushPartial(b, off, a, c);
                a = 0;
                c = 0;
                afterPad = true;
            } else if (v == BAD) {
                illegal++;
            }
        }
        inPos = p;
        acc = a;
        count = c;
        return off;
    }

    /**
     * The fast path: the lines of whole quanta that make up any well-formed body, each line break
     * skipped in stride, from {@code inPos} while at least 3 bytes of output room remain; stops at
     * anything else, for the careful path to deal with. The quanta that surely fit are decoded in
     * a counted loop (the compiler takes the bounds checks out of it), each through four tables of
     * the character's bits already in place, so one sign test says whether all four were base64.
     */
    private int decodeLines(byte[] b, int off, int end) {
        byte[] src = inBuf;
        int p = inPos;
        int lim = inLen;
        while (true) {
            int n = Math.min((lim - p) >> 2, (end - off) / 3);
            int k = 0;
            for (; k < n; k++) {
                int s = p + (k << 2);
                int q = BITS0[src[s] & 0xFF] | BITS1[src[s + 1] & 0xFF] | BITS2[src[s + 2] & 0xFF]
                        | BITS3[src[s + 3] & 0xFF];
                if (q < 0) {
                    break;
                }
                int d = off + k * 3;
                b[d] = (byte) (q >> 16);
                b[d + 1] = (byte) (q >> 8);
                b[d + 2] = (byte) q;
            }
            p += k << 2;
            off += k * 3;
            if (k < n && src[p] == '\n') {
                p++;
            } else if (k < n && src[p] == '\r' && p + 1 < lim && src[p + 1] == '\n') {
                p += 2;
            } else {
                inPos = p;
                return off;
            }
        }
    }

    private int flushPartial(byte[] b, int off, int a, int c) {
        switch (c) {
            case 2:
                b[off++] = (byte) (a >> 4);
                break;
            case 3:
                b[off++] = (byte) (a >> 10);
                b[off++] = (byte) (a >> 2);
                break;
            case 1:
                damaged = true;
                break;
            default:
                break;
        }
        return off;
    }

    private int finish(byte[] b, int off) {
        int end = flushPartial(b, off, acc, count);
        acc = 0;
        count = 0;
        return end;
    }

    private static int[] bits(int shift) {
        int[] t = new int[256];
        for (int i = 0; i < t.length; i++) {
            t[i] = TABLE[i] < 0 ? -1 : TABLE[i] << shift;
        }
        return t;
    }

    private static byte[] table() {
        byte[] t = new byte[256];
        Arrays.fill(t, BAD);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) {
            t[alphabet.charAt(i)] = (byte) i;
        }
        t['='] = PAD;
        for (char c : new char[] {'\r', '\n', ' ', '\t'}) {
            t[c] = SKIP;
        }
        return t;
    }
}
