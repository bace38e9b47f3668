package net.sguil.bridge.bench;

import java.io.IOException;
import java.io.InputStream;

/** An input stream produced a chunk at a time, so generators can be written as "the next bytes" functions. */
abstract class ChunkStream extends InputStream {
    private byte[] chunk = new byte[0];
    private int pos;

    /** The next bytes of the stream (never empty), or null at its end. */
    protected abstract byte[] nextChunk() throws IOException;

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
        while (pos == chunk.length) {
            byte[] next = nextChunk();
            if (next == null) {
                return -1;
            }
            chunk = next;
            pos = 0;
        }
        int n = Math.min(len, chunk.length - pos);
        System.arraycopy(chunk, pos, b, off, n);
        pos += n;
        return n;
    }
}
