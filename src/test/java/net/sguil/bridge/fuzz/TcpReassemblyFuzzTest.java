package net.sguil.bridge.fuzz;

import static net.sguil.bridge.fuzz.Fuzzing.check;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.sguil.bridge.tcp.CloseReason;
import net.sguil.bridge.tcp.Direction;
import net.sguil.bridge.tcp.StreamHandler;
import net.sguil.bridge.tcp.TcpLimits;
import net.sguil.bridge.tcp.TcpConnection;
import net.sguil.bridge.tcp.TcpReassembler;
import net.sguil.bridge.weird.Weirds;

/**
 * TCP reassembly fed segments of up to four connections built from fuzz data ({@link SegmentScript}).
 * Byte 0 chooses the limits: 0 the defaults; 1 a 64-byte hold per direction; 2 a table of two
 * connections; 3 a 200-byte budget for all buffers together and a one-second idle timeout.
 * Connection 3 (server port 9) gets no handler, as the dispatcher does for traffic it ignores.
 *
 * <p>Invariants: each direction's data and gap calls cover the stream from offset 0 without hole or
 * overlap; no call has an empty or out-of-bounds range; every handler is closed exactly once, and
 * hears nothing after; the connection's own gap counters agree with what its handler was told.
 */
class TcpReassemblyFuzzTest {
    private static final TcpLimits[] CONFIGS = {
        TcpLimits.defaults(),
        TcpLimits.defaults().withMaxBufferedPerDirection(64),
        TcpLimits.defaults().withMaxConnections(2),
        new TcpLimits(1 << 20, 200, 200_000, Duration.ofSeconds(1), TcpLimits.defaults().servicePorts()),
    };

    /** Checks one connection's calls as they arrive. */
    private static final class Checker implements StreamHandler {
        final TcpConnection connection;
        final long[] next = new long[2];
        final long[] gaps = new long[2];
        CloseReason closed;

        Checker(TcpConnection connection) {
            this.connection = connection;
        }

        @Override
        public void onData(Direction d, byte[] buf, int off, int len) {
            check(closed == null, "data after close");
            check(len > 0 && off >= 0 && off + len <= buf.length, "bad data slice " + off + "+" + len);
            next[d.ordinal()] += len;
        }

        @Override
        public void onGap(Direction d, long streamOffset, long length) {
            check(closed == null, "gap after close");
            check(length > 0, "empty gap");
            check(streamOffset == next[d.ordinal()], d + " gap at " + streamOffset + ", stream is at "
                    + next[d.ordinal()]);
            next[d.ordinal()] += length;
            gaps[d.ordinal()] += length;
        }

        @Override
        public void onClose(CloseReason reason) {
            check(closed == null, "closed twice");
            check(reason != null, "no close reason");
            closed = reason;
        }
    }

    @FuzzTest
    void reassemble(byte[] input) {
        if (input.length == 0) {
            return;
        }
        TcpLimits config = CONFIGS[input[0] & 3];
        List<Checker> handlers = new ArrayList<>();
        TcpReassembler r = new TcpReassembler(config, new Weirds(), c -> {
            if (c.id().serverPort() == SegmentScript.SERVER_PORTS[3]) {
                return null;
            }
            Checker h = new Checker(c);
            handlers.add(h);
            return h;
        });
        SegmentScript.play(input, 1, r);
        check(r.openConnections() <= config.maxConnections(), r.openConnections() + " connections open");
        r.finish();
        check(r.openConnections() == 0, "connections left after finish");
        for (Checker h : handlers) {
            check(h.closed != null, "handler of " + h.connection + " never closed");
            for (Direction d : Direction.values()) {
                check(h.connection.gapBytes(d) == h.gaps[d.ordinal()], "gap count differs");
            }
        }
    }
}
