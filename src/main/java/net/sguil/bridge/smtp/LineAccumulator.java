package net.sguil.bridge.smtp;

import java.nio.charset.StandardCharsets;

/** Collects one reply line across segment boundaries, keeping at most {@code max} bytes of it; grown as lines need it. */
final class LineAccumulator {
    private final int max;
    private byte[] buf = new byte[0];
    private int len;

    LineAccumulator(int max) {
        this.max = max;
    }

    void append(byte[] b, int off, int n) {
        int keep = Math.min(n, max - len);
        if (len + keep > buf.length) {
            buf = java.util.Arrays.copyOf(buf, Math.min(max, Math.max(len + keep, Math.max(128, 2 * buf.length))));
        }
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

    int heldBytes() {
        return 16 + buf.length;
    }
}
