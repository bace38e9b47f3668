package net.sguil.bridge.smtp;

/**
 * Client bytes not yet consumed: a partial command line, or bytes held while a reply is awaited.
 * Never more than its capacity: the parser offers no more than {@link #room()} and settles what it
 * holds before offering the rest.
 */
final class HeldBytes {
    private final int capacity;
    private byte[] buf = new byte[1024];
    private int start;
    private int size;

    HeldBytes(int capacity) {
        this.capacity = capacity;
    }

    int room() {
        return capacity - size;
    }

    /** Appends {@code len <= room()} bytes. */
    void append(byte[] b, int off, int len) {
        if (start + size + len > buf.length) {
            if (size + len <= buf.length) {
                System.arraycopy(buf, start, buf, 0, size);
            } else {
                byte[] bigger = new byte[Math.min(capacity, Math.max(buf.length * 2, size + len))];
                System.arraycopy(buf, start, bigger, 0, size);
                buf = bigger;
            }
            start = 0;
        }
        System.arraycopy(b, off, buf, start + size, len);
        size += len;
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
