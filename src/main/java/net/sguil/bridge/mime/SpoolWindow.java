package net.sguil.bridge.mime;

import net.sguil.bridge.bytes.ByteScan;

import java.io.IOException;

/** Random access to the bytes {@code [start, end)} of a spool through one sliding window. */
final class SpoolWindow {
    static final int SCAN_WINDOW = 64 * 1024;
    static final int HEADER_WINDOW = 8 * 1024;
    private final Spool spool;
    private final long end;
    private final byte[] buf;
    private long bufStart;
    private int bufLen;

    SpoolWindow(Spool spool, long start, long end, int windowSize) {
        this.buf = new byte[windowSize];
        this.spool = spool;
        this.end = Math.min(end, spool.size());
        this.bufStart = start;
    }

    Spool spool() {
        return spool;
    }

    long end() {
        return end;
    }

    /** The byte at {@code pos}, or -1 at or past the end. */
    int byteAt(long pos) throws IOException {
        if (pos >= end) {
            return -1;
        }
        if (pos < bufStart || pos >= bufStart + bufLen) {
            load(pos);
        }
        return buf[(int) (pos - bufStart)] & 0xFF;
    }

    /** Position of the first {@code b} in {@code [from, to)}, or -1. */
    long indexOf(byte b, long from, long to) throws IOException {
        long stop = Math.min(to, end);
        long pos = from;
        while (pos < stop) {
            if (pos < bufStart || pos >= bufStart + bufLen) {
                load(pos);
            }
            int i = (int) (pos - bufStart);
            int limit = (int) Math.min(bufLen, stop - bufStart);
            int found = ByteScan.indexOf(buf, i, limit, b);
            if (found >= 0) {
                return bufStart + found;
            }
            pos = bufStart + limit;
        }
        return -1;
    }

    /**
     * The first line start after {@code from} (a position right after a {@code '\n'}) whose first
     * byte is {@code first}, or -1. One tight pass, for the boundary scan of large bodies.
     */
    long nextLineStartingWith(byte first, long from) throws IOException {
        long pos = from;
        while (pos < end - 1) {
            if (pos < bufStart || pos >= bufStart + bufLen) {
                load(pos);
            }
            byte[] a = buf;
            int i = (int) (pos - bufStart);
            int lim = bufLen - 1;
            while (i < lim) {
                int nl = ByteScan.indexOf(a, i, lim, (byte) '\n');
                if (nl < 0) {
                    break;
                }
                if (a[nl + 1] == first) {
                    return bufStart + nl + 1;
                }
                i = nl + 1;
            }
            long last = bufStart + bufLen - 1;
            if (a[bufLen - 1] == '\n' && byteAt(last + 1) == (first & 0xFF)) {
                return last + 1;
            }
            pos = last + 1;
        }
        return -1;
    }

    private void load(long pos) throws IOException {
        int want = (int) Math.min(buf.length, end - pos);
        int n = spool.read(pos, buf, 0, want);
        bufStart = pos;
        bufLen = Math.max(n, 0);
        if (bufLen == 0) {
            throw new SpoolReadException(new IOException("spool shorter than expected at offset " + pos));
        }
    }
}
