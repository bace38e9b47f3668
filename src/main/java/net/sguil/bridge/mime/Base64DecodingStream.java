package net.sguil.bridge.mime;

import java.io.IOException;
import java.io.InputStream;
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
            // Fast path: whole quanta of four alphabet characters, the bulk of any base64 body.
            if (c == 0) {
                while (p + 4 <= lim && end - off >= 3) {
                    int v0 = TABLE[src[p] & 0xFF];
                    int v1 = TABLE[src[p + 1] & 0xFF];
                    int v2 = TABLE[src[p + 2] & 0xFF];
                    int v3 = TABLE[src[p + 3] & 0xFF];
                    if ((v0 | v1 | v2 | v3) < 0) {
                        break;
                    }
                    int q = v0 << 18 | v1 << 12 | v2 << 6 | v3;
                    b[off] = (byte) (q >> 16);
                    b[off + 1] = (byte) (q >> 8);
                    b[off + 2] = (byte) q;
                    off += 3;
                    p += 4;
                }
                if (p == lim || end - off < 3) {
                    break;
                }
            }
            int v = TABLE[src[p++] & 0xFF];
            if (v >= 0) {
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
                // further '=' after a proper 2-char quantum pad are normal; data after them is not
                while (p < lim && (TABLE[src[p] & 0xFF] == PAD || TABLE[src[p] & 0xFF] == SKIP)) {
                    p++;
                }
                if (p < lim) {
                    damaged = true;
                }
            } else if (v == BAD) {
                illegal++;
            }
        }
        inPos = p;
        acc = a;
        count = c;
        return off;
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
