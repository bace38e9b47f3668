package net.sguil.bridge.mime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Random;
import java.util.function.IntSupplier;

/**
 * Inputs for decoder tests: text made of random pieces, handed out in reads of chosen sizes (so
 * escapes, quanta and line breaks fall across reads), and read back in single bytes and chunks.
 */
final class RandomInput extends InputStream {
    /** Room around each read, filled with {@link #FILL}, that the read must leave as it is. */
    private static final int SLACK = 16;
    private static final byte FILL = (byte) 0xA5;
    private final byte[] bytes;
    private final IntSupplier readSize;
    private int pos;

    private RandomInput(byte[] bytes, IntSupplier readSize) {
        this.bytes = bytes;
        this.readSize = readSize;
    }

    /** Up to {@code max} pieces, chosen at random. */
    static String pieces(Random r, String[] pieces, int max) {
        StringBuilder b = new StringBuilder();
        for (int i = r.nextInt(max); i > 0; i--) {
            b.append(pieces[r.nextInt(pieces.length)]);
        }
        return b.toString();
    }

    /** {@code bytes} in reads of 1 to {@code small} bytes, or (half the time) 1 to {@code large}. */
    static RandomInput trickle(byte[] bytes, Random r, int small, int large) {
        return new RandomInput(bytes, () -> r.nextBoolean() ? 1 + r.nextInt(small) : 1 + r.nextInt(large));
    }

    /** {@code bytes} in two reads: the first {@code cut}, then the rest. */
    static RandomInput cutAt(byte[] bytes, int cut) {
        int[] reads = {0};
        return new RandomInput(bytes, () -> reads[0]++ == 0 && cut > 0 ? cut : bytes.length);
    }

    /** Everything {@code in} gives, read a byte at a time now and then, else in reads of 1 to {@code maxChunk}. */
    static byte[] drain(InputStream in, int maxChunk, Random r) throws IOException {
        return drain(in, () -> 1 + r.nextInt(maxChunk), r);
    }

    /**
     * Everything {@code in} gives, read a byte at a time now and then, else in reads of {@code
     * readSize} bytes at a random offset of a larger array; fails if a read returns 0 or more than
     * asked, or changes the array outside the bytes it returns.
     */
    static byte[] drain(InputStream in, IntSupplier readSize, Random r) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[0];
        while (true) {
            if (r.nextInt(10) == 0) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                out.write(b);
                continue;
            }
            int len = readSize.getAsInt();
            int off = r.nextInt(SLACK);
            if (buf.length < len + SLACK) {
                buf = new byte[len + SLACK];
            }
            Arrays.fill(buf, FILL);
            int n = in.read(buf, off, len);
            if (n < 0) {
                break;
            }
            if (n == 0 || n > len) {
                throw new AssertionError("a read of " + len + " bytes returned " + n);
            }
            untouched(buf, 0, off);
            untouched(buf, off + n, buf.length);
            out.write(buf, off, n);
        }
        return out.toByteArray();
    }

    private static void untouched(byte[] buf, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buf[i] != FILL) {
                throw new AssertionError("a read changed byte " + i + ", outside the bytes it returned");
            }
        }
    }

    @Override
    public int read() {
        return pos < bytes.length ? bytes[pos++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] dst, int off, int len) {
        if (pos == bytes.length) {
            return -1;
        }
        int n = Math.min(Math.min(len, bytes.length - pos), readSize.getAsInt());
        System.arraycopy(bytes, pos, dst, off, n);
        pos += n;
        return n;
    }
}
