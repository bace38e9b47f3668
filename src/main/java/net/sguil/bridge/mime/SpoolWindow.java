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

    /** Position of the first {@code b} at or after {@code from}, or -1. */
    long indexOf(byte b, long from) throws IOException {
        return indexOf(b, from, end);
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
     * byte is {@code first}, or -1. One tight pass for the boundary scan of large bodies: it looks
     * for {@code first} (a base64 body has no {@code '-'}) and only then at the byte before it.
     */
    long nextLineStartingWith(byte first, long from) throws IOException {
        long pos = from + 1;
        while (pos < end) {
            if (pos - 1 < bufStart || pos >= bufStart + bufLen) {
                load(pos - 1); // the window starts with the byte before, so a[hit - 1] is always in it
            }
            byte[] a = buf;
            int lim = bufLen;
            int i = (int) (pos - bufStart);
            if (i >= lim) {
                throw new SpoolReadException(new IOException("spool shorter than expected at offset " + pos));
            }
            int hit = ByteScan.indexOf(a, i, lim, first);
            while (hit >= 0 && a[hit - 1] != '\n') {
                hit = ByteScan.indexOf(a, hit + 1, lim, first);
            }
            if (hit >= 0) {
                return bufStart + hit;
            }
            pos = bufStart + lim;
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
