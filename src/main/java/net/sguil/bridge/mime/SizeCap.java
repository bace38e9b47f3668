package net.sguil.bridge.mime;

import java.io.IOException;
import java.io.InputStream;

/**
 * Hands on at most {@code limit} decoded bytes of a file and remembers whether there were more:
 * bytes past the limit are neither stored nor hashed, so what is reported describes what was kept.
 */
final class SizeCap extends InputStream {
    private final InputStream in;
    private final long limit;
    private long passed;
    private boolean hit;

    SizeCap(InputStream in, long limit) {
        this.in = in;
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        long left = limit - passed;
        if (left == 0) {
            hit = hit || in.read() >= 0;
            return -1;
        }
        int n = in.read(b, off, (int) Math.min(len, left));
        if (n > 0) {
            passed += n;
        }
        return n;
    }

    /** True when the file went on past the limit (known once the reader reached the cut). */
    boolean hitLimit() {
        return hit;
    }
}
