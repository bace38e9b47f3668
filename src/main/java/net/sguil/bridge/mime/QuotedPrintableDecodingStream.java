package net.sguil.bridge.mime;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * A bulk quoted-printable decoder (RFC 2045 6.7) with the leniency of Jakarta Mail's, which reads
 * a byte at a time: {@code =XY} (hex digits of either case) is a byte; {@code =} before CRLF, bare
 * LF or a CR is a soft line break; spaces before a line end or the end of the body were added in
 * transport and are dropped (tabs are kept); an {@code =} starting nothing valid is taken
 * literally, and so is what follows it. Runs of ordinary bytes are copied in bulk. Unlike Jakarta's
 * decoder, {@code =-1} is the three characters and not the end of the data, and a cut-off escape at
 * the very end yields no byte that was not sent. Malformed input is decoded, never flagged: the
 * encoding has no way to tell a mistake from text.
 */
final class QuotedPrintableDecodingStream extends DecodingStream {
    private static final int BUFFER = 64 * 1024;
    /** Bytes that end a run of ordinary ones. */
    private static final boolean[] SPECIAL = new boolean[256];
    private static final int[] HEX = new int[256];

    static {
        SPECIAL['='] = true;
        SPECIAL[' '] = true;
        java.util.Arrays.fill(HEX, -1);
        for (int i = 0; i < 16; i++) {
            HEX["0123456789ABCDEF".charAt(i)] = i;
            HEX["0123456789abcdef".charAt(i)] = i;
        }
    }

    private final InputStream in;
    private final byte[] inBuf = new byte[BUFFER];
    private int inPos;
    private int inLen;
    private boolean eof;
    /** Spaces seen but not yet written: dropped if a line end or the end of the data follows them. */
    private long spaces;
    private final byte[] one = new byte[1];

    QuotedPrintableDecodingStream(InputStream in) {
        this.in = in;
    }

    @Override
    boolean damaged() {
        return false;
    }

    @Override
    public int read() throws IOException {
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        int end = off + len;
        int n;
        while ((n = decode(b, off, end)) == off) {
            if (eof) {
                spaces = 0; // trailing spaces of the last line
                return -1;
            }
            refill();
        }
        return n - off;
    }

    /** Keeps the undecided tail (an escape cut by the buffer's end) and reads more after it. */
    private void refill() throws IOException {
        int keep = inLen - inPos;
        System.arraycopy(inBuf, inPos, inBuf, 0, keep);
        inPos = 0;
        inLen = keep;
        int n = in.read(inBuf, keep, inBuf.length - keep);
        if (n < 0) {
            eof = true;
        } else {
            inLen += n;
        }
    }

    /** Decodes what the buffer holds into {@code b[off, end)}; returns the new end of the output. */
    private int decode(byte[] b, int off, int end) {
        byte[] src = inBuf;
        int p = inPos;
        int lim = inLen;
        while (off < end && p < lim) {
            int c = src[p] & 0xFF;
            if (spaces > 0 && c != ' ') {
                if (c == '\r' || c == '\n') {
                    spaces = 0;
                } else {
                    int n = (int) Math.min(spaces, end - off);
                    java.util.Arrays.fill(b, off, off + n, (byte) ' ');
                    off += n;
                    spaces -= n;
                    continue;
                }
            }
            if (c == ' ') {
                spaces++;
                p++;
            } else if (c == '=') {
                if (lim - p < 3 && !eof) {
                    break; // the escape's end is in the next read
                }
                int a = p + 1 < lim ? src[p + 1] & 0xFF : -1;
                int h = p + 2 < lim ? HEX[src[p + 2] & 0xFF] : -1;
                if (a == '\n') {
                    p += 2;
                } else if (a == '\r') {
                    p += p + 2 < lim && src[p + 2] == '\n' ? 3 : 2;
                } else if (a < 0) {
                    p++; // a lone '=' ends the data
                } else if (HEX[a] >= 0 && h >= 0) {
                    b[off++] = (byte) (HEX[a] << 4 | h);
                    p += 3;
                } else {
                    b[off++] = '=';
                    p++;
                }
            } else {
                int stop = Math.min(lim, p + (end - off));
                int q = p + 1;
                while (q < stop && !SPECIAL[src[q] & 0xFF]) {
                    q++;
                }
                System.arraycopy(src, p, b, off, q - p);
                off += q - p;
                p = q;
            }
        }
        inPos = p;
        return off;
    }
}
