package net.sguil.bridge.mime;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A spooled raw message, read by offset so no entity is ever copied whole: a file on disk, or a
 * small message the caller already holds in memory. Ranges are independent streams (positional
 * reads), like Jakarta Mail's SharedFileInputStream, but with bulk reads that bypass an
 * intermediate buffer.
 */
final class Spool implements Closeable {
    private final FileChannel channel;
    private final byte[] bytes;
    private final long size;
    /** A scratch file of ours, removed on close; null for the caller's spool. */
    private final Path scratch;

    private Spool(FileChannel channel, byte[] bytes, long size, Path scratch) {
        this.channel = channel;
        this.bytes = bytes;
        this.size = size;
        this.scratch = scratch;
    }

    static Spool open(Path file) throws IOException {
        FileChannel c = FileChannel.open(file, StandardOpenOption.READ);
        return new Spool(c, null, c.size(), null);
    }

    static Spool of(byte[] bytes, int length) {
        return new Spool(null, bytes, length, null);
    }

    /**
     * A spool of what {@code in} yields (read to its end): in memory when {@code dir} is null (the
     * caller's message is in memory, so this copy is no larger), else a scratch file in {@code dir},
     * private to its owner and removed on {@link #close()}.
     */
    static Spool copyOf(InputStream in, Path dir) throws IOException {
        if (dir == null) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            in.transferTo(b);
            return of(b.toByteArray(), b.size());
        }
        Path file = Files.createTempFile(dir, "decoded-", ".part");
        try {
            try (OutputStream out = Files.newOutputStream(file)) {
                in.transferTo(out);
            }
            FileChannel c = FileChannel.open(file, StandardOpenOption.READ);
            return new Spool(c, null, c.size(), file);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    long size() {
        return size;
    }

    /** Reads up to {@code len} bytes at {@code pos}; -1 at end of file. */
    int read(long pos, byte[] b, int off, int len) throws SpoolReadException {
        if (bytes != null) {
            int n = (int) Math.min(len, size - pos);
            if (n <= 0) {
                return len > 0 ? -1 : 0;
            }
            System.arraycopy(bytes, (int) pos, b, off, n);
            return n;
        }
        try {
            ByteBuffer bb = ByteBuffer.wrap(b, off, len);
            int total = 0;
            while (bb.hasRemaining()) {
                int n = channel.read(bb, pos + total);
                if (n < 0) {
                    break;
                }
                total += n;
            }
            return total == 0 && len > 0 ? -1 : total;
        } catch (IOException e) {
            throw new SpoolReadException(e);
        }
    }

    /** The bytes {@code [start, end)} as a stream. */
    InputStream range(long start, long end) {
        return new RangeStream(start, Math.min(end, size));
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.close();
        }
        if (scratch != null) {
            Files.deleteIfExists(scratch);
        }
    }

    private final class RangeStream extends InputStream {
        private static final int BUFFER = 16 * 1024;
        private final long end;
        private long pos;
        private final byte[] buf = new byte[BUFFER];
        private int bufPos;
        private int bufLen;

        RangeStream(long start, long end) {
            this.pos = start;
            this.end = end;
        }

        @Override
        public int read() throws IOException {
            if (bufPos == bufLen && fill() <= 0) {
                return -1;
            }
            return buf[bufPos++] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (bufPos < bufLen) {
                int n = Math.min(len, bufLen - bufPos);
                System.arraycopy(buf, bufPos, b, off, n);
                bufPos += n;
                return n;
            }
            if (len < BUFFER) {
                if (fill() <= 0) {
                    return -1;
                }
                return read(b, off, len);
            }
            int want = (int) Math.min(len, end - pos);
            if (want <= 0) {
                return -1;
            }
            int n = Spool.this.read(pos, b, off, want);
            if (n > 0) {
                pos += n;
            }
            return n;
        }

        private int fill() throws IOException {
            int want = (int) Math.min(BUFFER, end - pos);
            if (want <= 0) {
                return -1;
            }
            int n = Spool.this.read(pos, buf, 0, want);
            bufPos = 0;
            bufLen = Math.max(n, 0);
            if (n > 0) {
                pos += n;
            }
            return n;
        }

        @Override
        public int available() {
            return (bufLen - bufPos) + (int) Math.min(Integer.MAX_VALUE, end - pos);
        }
    }
}
