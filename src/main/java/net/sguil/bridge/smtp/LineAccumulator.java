package net.sguil.bridge.smtp;

import java.nio.charset.StandardCharsets;

/** Collects one reply line across segment boundaries, keeping at most {@code max} bytes of it. */
final class LineAccumulator {
    private final byte[] buf;
    private int len;

    LineAccumulator(int max) {
        this.buf = new byte[max];
    }

    void append(byte[] b, int off, int n) {
        int keep = Math.min(n, buf.length - len);
        System.arraycopy(b, off, buf, len, keep);
        len += keep;
    }

    /** The line so far without its CR, and starts a new one. */
    String takeLine() {
        int n = len > 0 && buf[len - 1] == '\r' ? len - 1 : len;
        len = 0;
        return new String(buf, 0, n, StandardCharsets.ISO_8859_1);
    }

    void clear() {
        len = 0;
    }
}
