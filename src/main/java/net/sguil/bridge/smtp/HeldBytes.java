package net.sguil.bridge.smtp;

import net.sguil.bridge.weird.Weirds;

/** Client bytes not yet consumed: a partial command line, or bytes held while a reply is awaited. Bounded. */
final class HeldBytes {
    private final int capacity;
    private byte[] buf = new byte[1024];
    private int start;
    private int size;

    HeldBytes(int capacity) {
        this.capacity = capacity;
    }

    void append(byte[] b, int off, int len, Weirds weirds) {
        int keep = Math.min(len, capacity + (1 << 16) - size);
        if (keep < len) {
            // Only reachable when a peer floods while the analyzer is held; the parser gives up waiting first.
            weirds.count(SmtpWeird.SMTP_HELD_OVERFLOW);
        }
        if (start + size + keep > buf.length) {
            if (size + keep <= buf.length) {
                System.arraycopy(buf, start, buf, 0, size);
            } else {
                byte[] bigger = new byte[Math.max(buf.length * 2, size + keep)];
                System.arraycopy(buf, start, bigger, 0, size);
                buf = bigger;
            }
            start = 0;
        }
        System.arraycopy(b, off, buf, start + size, keep);
        size += keep;
    }

    void skip(int n) {
        start += n;
        size -= n;
        if (size == 0) {
            start = 0;
        }
    }

    void clear() {
        start = 0;
        size = 0;
        if (buf.length > 1 << 16) {
            buf = new byte[1024];
        }
    }

    int heldBytes() {
        return 16 + buf.length;
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    int start() {
        return start;
    }

    byte[] array() {
        return buf;
    }
}
