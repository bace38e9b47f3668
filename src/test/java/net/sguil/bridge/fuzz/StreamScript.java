package net.sguil.bridge.fuzz;

import java.io.ByteArrayOutputStream;
import net.sguil.bridge.tcp.CloseReason;
import net.sguil.bridge.tcp.Direction;
import net.sguil.bridge.tcp.StreamHandler;

/**
 * The input format of the fuzz targets that drive a {@link StreamHandler} directly: one connection's
 * two reassembled streams, interleaved as the reassembler would deliver them.
 *
 * <p>A sequence of steps, each an op byte then a big-endian u16 {@code n}:
 * <ul>
 *   <li>op bit 7 clear: {@code n} data bytes follow (fewer if the input ends);</li>
 *   <li>op bit 7 set: a gap of {@code n + 1} bytes, times 65536 when bit 6 is set too;</li>
 * </ul>
 * and op bit 0 gives the direction (0 client to server, 1 server to client). The connection closes
 * at the end of the input. The format is simple on purpose: seeds are written from real sessions
 * ({@link Writer}) and the fuzzer mutates lengths and bytes independently.
 */
final class StreamScript {
    private static final int GAP = 0x80;
    private static final int LARGE = 0x40;

    private StreamScript() {
    }

    /** Receives each step before the handler does (for targets that track the streams themselves). */
    interface Observer {
        void beforeStep(Direction direction, long offset);
    }

    /** Plays {@code input[from..]} into {@code handler}, tracking each direction's offset; then closes it. */
    static void play(byte[] input, int from, StreamHandler handler, Observer observer) {
        long[] offsets = new long[2];
        int i = from;
        while (i < input.length) {
            int op = input[i++] & 0xff;
            if (i + 2 > input.length) {
                break;
            }
            int n = ((input[i] & 0xff) << 8) | (input[i + 1] & 0xff);
            i += 2;
            Direction d = (op & 1) == 0 ? Direction.CLIENT_TO_SERVER : Direction.SERVER_TO_CLIENT;
            observer.beforeStep(d, offsets[d.ordinal()]);
            if ((op & GAP) != 0) {
                long gap = (n + 1L) * ((op & LARGE) != 0 ? 65536 : 1);
                handler.onGap(d, offsets[d.ordinal()], gap);
                offsets[d.ordinal()] += gap;
            } else {
                int len = Math.min(n, input.length - i);
                handler.onData(d, input, i, len);
                offsets[d.ordinal()] += len;
                i += len;
            }
        }
        handler.onClose(CloseReason.END_OF_CAPTURE);
    }

    /** Writes a script from a real session: a {@link StreamHandler} to put behind the reassembler. */
    static final class Writer implements StreamHandler {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Writer(int configByte) {
            out.write(configByte);
        }

        @Override
        public void onData(Direction d, byte[] buf, int off, int len) {
            while (len > 0) {
                int n = Math.min(len, 0xffff);
                op(d.ordinal(), n);
                out.write(buf, off, n);
                off += n;
                len -= n;
            }
        }

        @Override
        public void onGap(Direction d, long offset, long length) {
            while (length > 0) {
                long n = Math.min(length, 0x10000);
                op(GAP | d.ordinal(), (int) (n - 1));
                length -= n;
            }
        }

        @Override
        public void onClose(CloseReason reason) {
        }

        Writer data(Direction d, String ascii) {
            byte[] b = ascii.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            onData(d, b, 0, b.length);
            return this;
        }

        Writer client(String ascii) {
            return data(Direction.CLIENT_TO_SERVER, ascii);
        }

        Writer server(String ascii) {
            return data(Direction.SERVER_TO_CLIENT, ascii);
        }

        Writer gap(Direction d, long length) {
            onGap(d, 0, length);
            return this;
        }

        private void op(int op, int n) {
            out.write(op);
            out.write(n >>> 8);
            out.write(n);
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
