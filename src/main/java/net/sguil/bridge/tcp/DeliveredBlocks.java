package net.sguil.bridge.tcp;

import java.util.zip.CRC32C;

/**
 * What one direction already delivered, remembered cheaply enough to tell a retransmission that
 * changes it from an honest one: the CRC-32C of each aligned {@value #BLOCK}-byte block of the last
 * {@value #BLOCKS} delivered, however the sender cut its segments. A block cut by a gap is not
 * remembered. Made when the direction first delivers a byte.
 */
final class DeliveredBlocks {
    static final int BLOCK = 64;
    static final int BLOCKS = 16;
    /** Heap this costs. */
    static final int BYTES = 16 + (16 + 4 * BLOCKS) + (16 + BLOCK) + 16;

    private final int[] crc = new int[BLOCKS];
    private final byte[] partial = new byte[BLOCK];
    /** Bytes from here to {@link #upTo} were delivered without a gap. */
    private long contiguousFrom;
    private long upTo;

    /** Bytes {@code [off, off+len)} of the buffer were delivered at stream offset {@code at}. */
    void delivered(long at, byte[] buf, int off, int len, CRC32C c) {
        if (at != upTo) {
            contiguousFrom = at;
        }
        long pos = at;
        int i = off;
        int end = off + len;
        while (i < end) {
            int inBlock = (int) (pos % BLOCK);
            int n = Math.min(BLOCK - inBlock, end - i);
            if (inBlock == 0 && n == BLOCK) {
                crc[slot(pos / BLOCK)] = crc(c, buf, i);
            } else {
                System.arraycopy(buf, i, partial, inBlock, n);
                if (inBlock + n == BLOCK) {
                    crc[slot(pos / BLOCK)] = crc(c, partial, 0);
                }
            }
            pos += n;
            i += n;
        }
        upTo = pos;
    }

    /** Whether bytes {@code [off, off+len)}, sent again for stream offset {@code start}, differ from a remembered block. */
    boolean changed(long start, byte[] buf, int off, int len, CRC32C c) {
        long oldest = Math.max(upTo / BLOCK - BLOCKS, (contiguousFrom + BLOCK - 1) / BLOCK);
        long end = Math.min(start + len, upTo);
        for (long b = Math.max(oldest, (start + BLOCK - 1) / BLOCK); (b + 1) * BLOCK <= end; b++) {
            if (crc(c, buf, off + (int) (b * BLOCK - start)) != crc[slot(b)]) {
                return true;
            }
        }
        return false;
    }

    private static int slot(long block) {
        return (int) (block % BLOCKS);
    }

    private static int crc(CRC32C c, byte[] b, int off) {
        c.reset();
        c.update(b, off, BLOCK);
        return (int) c.getValue();
    }
}
