package net.sguil.bridge.pcap;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipException;

/**
 * A window over a capture stream with one fixed buffer: records are parsed in place and never
 * allocate. A damaged gzip stream is treated as an early end of input and remembered in
 * {@link #streamError()}, so the packets before the damage are still delivered.
 */
final class RecordInput {
    private final InputStream in;
    private final byte[] buf;
    private int pos;
    private int limit;
    private long offset;
    private boolean eof;
    private String streamError;

    RecordInput(InputStream in, int bufferSize) {
        this.in = in;
        this.buf = new byte[bufferSize];
    }

    int capacity() {
        return buf.length;
    }

    /** Ensures {@code n} (at most {@link #capacity()}) bytes are buffered; false if the input ends first. */
    boolean require(int n) throws IOException {
        if (limit - pos >= n) {
            return true;
        }
        if (n > buf.length) {
            throw new IllegalArgumentException("record of " + n + " bytes exceeds the buffer");
        }
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        while (limit < n && !eof) {
            int r;
            try {
                r = in.read(buf, limit, buf.length - limit);
            } catch (EOFException | ZipException e) {
                streamError = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                r = -1;
            }
            if (r < 0) {
                eof = true;
            } else {
                limit += r;
            }
        }
        return limit - pos >= n;
    }

    int buffered() {
        return limit - pos;
    }

    /** Offset of the current position in the (decompressed) stream. */
    long offset() {
        return offset;
    }

    void advance(int n) {
        pos += n;
        offset += n;
    }

    /** Skips {@code n} bytes by reading them (so the end of input is noticed); false if the input ends first. */
    boolean skip(long n) throws IOException {
        while (n > 0) {
            if (buffered() == 0 && !require(1)) {
                return false;
            }
            int step = (int) Math.min(n, buffered());
            advance(step);
            n -= step;
        }
        return true;
    }

    void copy(int at, byte[] dst, int n) {
        System.arraycopy(buf, pos + at, dst, 0, n);
    }

    int u8(int at) {
        return buf[pos + at] & 0xff;
    }

    int u16(int at, boolean bigEndian) {
        int a = buf[pos + at] & 0xff;
        int b = buf[pos + at + 1] & 0xff;
        return bigEndian ? (a << 8) | b : (b << 8) | a;
    }

    int i32(int at, boolean bigEndian) {
        int i = pos + at;
        int a = buf[i] & 0xff;
        int b = buf[i + 1] & 0xff;
        int c = buf[i + 2] & 0xff;
        int d = buf[i + 3] & 0xff;
        return bigEndian ? (a << 24) | (b << 16) | (c << 8) | d : (d << 24) | (c << 16) | (b << 8) | a;
    }

    long u32(int at, boolean bigEndian) {
        return i32(at, bigEndian) & 0xffffffffL;
    }

    /** Null, or why a compressed stream ended before its proper end. */
    String streamError() {
        return streamError;
    }

    void close() throws IOException {
        in.close();
    }
}
