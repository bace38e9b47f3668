package net.sguil.bridge.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import net.sguil.bridge.tcp.CloseReason;
import net.sguil.bridge.tcp.Direction;
import net.sguil.bridge.tcp.StreamHandler;
import net.sguil.bridge.weird.Weirds;

/**
 * Holds the first bytes of a connection until {@link ProtocolDetector} can name its protocol,
 * then hands the connection, replayed from its first byte in the original order, to that
 * protocol's analyzer. Connections of no interest are dropped after a bounded look.
 */
final class DetectingStreamHandler implements StreamHandler {
    private record Event(Direction direction, byte[] bytes, long gapOffset, long gapLength) {
    }

    private final Function<Protocol, StreamHandler> analyzers;
    private final Weirds weirds;
    private final List<Event> held = new ArrayList<>();
    private final byte[][] head = {new byte[ProtocolDetector.WINDOW], new byte[ProtocolDetector.WINDOW]};
    private final int[] headLen = new int[2];
    private final boolean[] gapBeforeHead = new boolean[2];
    private long heldBytes;
    private StreamHandler delegate;
    private boolean ignored;

    DetectingStreamHandler(Function<Protocol, StreamHandler> analyzers, Weirds weirds) {
        this.analyzers = analyzers;
        this.weirds = weirds;
    }

    @Override
    public void onData(Direction d, byte[] buf, int off, int len) {
        if (delegate != null) {
            delegate.onData(d, buf, off, len);
            return;
        }
        if (ignored) {
            return;
        }
        held.add(new Event(d, Arrays.copyOfRange(buf, off, off + len), 0, 0));
        heldBytes += len;
        int i = d.ordinal();
        if (!gapBeforeHead[i]) {
            int n = Math.min(len, head[i].length - headLen[i]);
            System.arraycopy(buf, off, head[i], headLen[i], n);
            headLen[i] += n;
        }
        decide(false);
    }

    @Override
    public void onGap(Direction d, long offset, long length) {
        if (delegate != null) {
            delegate.onGap(d, offset, length);
            return;
        }
        if (ignored) {
            return;
        }
        held.add(new Event(d, null, offset, length));
        if (headLen[d.ordinal()] == 0) {
            // The opening bytes are lost: nothing this direction sends later can identify the protocol.
            gapBeforeHead[d.ordinal()] = true;
        }
    }

    @Override
    public void onClose(CloseReason reason) {
        if (delegate == null && !ignored) {
            decide(true);
        }
        if (delegate != null) {
            delegate.onClose(reason);
        }
    }

    private void decide(boolean ended) {
        byte[] c = head[Direction.CLIENT_TO_SERVER.ordinal()];
        byte[] s = head[Direction.SERVER_TO_CLIENT.ordinal()];
        boolean full = headLen[0] >= c.length || headLen[1] >= s.length || heldBytes > 4 * ProtocolDetector.WINDOW;
        ProtocolDetector.Verdict v = ProtocolDetector.detect(c, headLen[0], s, headLen[1], ended || full);
        switch (v) {
            case NEED_MORE -> {
                return;
            }
            case UNKNOWN -> {
                ignored = true;
                held.clear();
                weirds.count(DetectWeird.DETECT_UNKNOWN_PROTOCOL);
                return;
            }
            case SMTP -> delegate = analyzers.apply(Protocol.SMTP);
            case HTTP -> delegate = analyzers.apply(Protocol.HTTP);
        }
        if (delegate == null) {
            ignored = true;
            held.clear();
            return;
        }
        for (Event e : held) {
            if (e.bytes() != null) {
                delegate.onData(e.direction(), e.bytes(), 0, e.bytes().length);
            } else {
                delegate.onGap(e.direction(), e.gapOffset(), e.gapLength());
            }
        }
        held.clear();
    }
}
