package net.sguil.bridge.http;

import java.nio.charset.StandardCharsets;

/** The bytes of one line being read, up to a fixed capacity; grown as lines need it, so short lines cost little. */
final class LineBuffer {
    private static final byte[] EMPTY = new byte[0];

    private final int capacity;
    private byte[] bytes = EMPTY;
    private int length;

    LineBuffer(int capacity) {
        this.capacity = capacity;
    }

    /** @return false, appending nothing, when the line would exceed the capacity */
    boolean append(byte[] b, int off, int len) {
        if (len > capacity - length) {
            return false;
        }
        if (length + len > bytes.length) {
            bytes = java.util.Arrays.copyOf(bytes, Math.min(capacity, Math.max(length + len, Math.max(128, 2 * bytes.length))));
        }
        System.arraycopy(b, off, bytes, length, len);
        length += len;
        return true;
    }

    /** Appends as much of {@code b[off, off+len)} as fits. */
    void appendWhatFits(byte[] b, int off, int len) {
        int n = Math.min(len, bytes.length - length);
        System.arraycopy(b, off, bytes, length, n);
        length += n;
    }

    /** The line without its terminating CR (the LF was never appended). */
    String text() {
        int n = length > 0 && bytes[length - 1] == '\r' ? length - 1 : length;
        return new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
    }

    /** True when the line holds nothing but a CR: a blank line. */
    boolean blank() {
        return length == 0 || (length == 1 && bytes[0] == '\r');
    }

    void clear() {
        length = 0;
    }

    /** Heap the buffer holds now. */
    int heldBytes() {
        return 16 + bytes.length;
    }
}
