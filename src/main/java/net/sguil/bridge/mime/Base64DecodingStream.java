package net.sguil.bridge.mime;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * A lenient, bulk base64 decoder. The JDK's MIME decoder is fast but silently stops at padding in
 * the middle of the data (concatenated base64) and throws on a dangling last character, losing the
 * rest; this one decodes everything decodable in one table-driven pass: line breaks and spaces are
 * skipped, other characters outside the alphabet are skipped as Python's and mail readers' decoders
 * skip them (more than {@link #TOLERATED_PER_MILLE} in a thousand input bytes: the content is not
 * base64, the stream is damaged), padding ends a quantum and decoding resumes after it (damaged), a
 * dangling last character is dropped (damaged). Missing final padding is accepted.
 */
final class Base64DecodingStream extends DecodingStream {
    private static final int BUFFER = 64 * 1024;
    private static final byte SKIP = -1;
    private static final byte BAD = -2;
    private static final byte PAD = -3;
    private static final byte[] TABLE = table();
    /** Stray characters a real base64 body may carry (a broken gateway's dot); more say it is something else. */
    private static final int TOLERATED_PER_MILLE = 1;
    /** Two characters' 12 bits, by the pair read as a big-endian 16-bit number; -1 if either is not base64. */
    private static final short[] PAIRS = pairs();
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

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

    Base64DecodingStream(InputStream in) {
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
        // fill the caller's buffer, not just what one read of the source gives: a part's body, cut
        // at boundary candidates, may come in small pieces, and each call costs every consumer
        // (three digests, the file write) its per-call overhead
        while (end - off >= 3) {
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
            off = decode(b, start, off, end);
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

    /**
     * Decodes from the input buffer while at least 3 bytes of output room remain; {@code b[start,
     * off)} is what this read decoded so far.
     */
    private int decode(byte[] b, int start, int off, int end) {
        byte[] src = inBuf;
        int p = inPos;
        int lim = inLen;
        int a = acc;
        int c = count;
        while (p < lim && end - off >= 3) {
            if (c == 0 && !afterPad && off > start) {
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
     * a counted loop (the compiler takes the bounds checks out of it): four characters read as one
     * int, two table loads of a pair's 12 bits each (a negative result says one of the four was not
     * base64), and the 3 bytes written as one int that starts a byte early, at the last byte
     * decoded, rewritten as it is; so the store never reaches past the quantum, and the first byte
     * of a read, which has no decoded byte before it, is left to the careful path.
     */
    private int decodeLines(byte[] b, int off, int end) {
        byte[] src = inBuf;
        int p = inPos;
        int lim = inLen;
        int last = b[off - 1];
        while (true) {
            int n = Math.min((lim - p) >> 2, (end - off) / 3);
            int k = 0;
            for (; k < n; k++) {
                int w = (int) INTS.get(src, p + (k << 2));
                int q = PAIRS[w >>> 16] << 12 | PAIRS[w & 0xFFFF];
                if (q < 0) {
                    break;
                }
                INTS.set(b, off + k * 3 - 1, last << 24 | q);
                last = q;
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

    private static short[] pairs() {
        short[] t = new short[1 << 16];
        for (int i = 0; i < t.length; i++) {
            int hi = TABLE[i >> 8];
            int lo = TABLE[i & 0xFF];
            t[i] = (short) (hi < 0 || lo < 0 ? -1 : hi << 6 | lo);
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
