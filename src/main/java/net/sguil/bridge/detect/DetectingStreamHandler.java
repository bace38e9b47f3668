package net.sguil.bridge.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.sguil.bridge.tcp.CloseReason;
import net.sguil.bridge.tcp.Direction;
import net.sguil.bridge.tcp.StreamHandler;
import net.sguil.bridge.weird.Weirds;

/**
 * Holds the first bytes of a stream until {@link ProtocolDetector} can name its protocol, then
 * hands the stream, replayed from its first byte in the original order, to that protocol's
 * analyzer, or to a {@link SocksHandshake} that detects what the tunnel carries afresh. Streams of
 * no interest are dropped after a bounded look. Holds nothing until bytes arrive, and only what it
 * was sent, so a connection that never speaks costs next to nothing.
 */
public final class DetectingStreamHandler implements StreamHandler {
    /** Heap of this object before it holds any bytes. */
    static final int BASE_BYTES = 64;
    /** Heap of one held event beyond its bytes: the record, its array header, the list slot. */
    private static final int EVENT_BYTES = 56;
    /** Bytes held in all before giving up on a decision. */
    private static final int MAX_HELD = 4 * ProtocolDetector.WINDOW;

    private static final byte[] NONE = new byte[0];

    private record Event(Direction direction, byte[] bytes, long gapOffset, long gapLength) {
    }

    private final Analyzers analyzers;
    private final Tunnel tunnel;
    private final Weirds weirds;
    private List<Event> held;
    private final byte[][] head = new byte[2][];
    private final int[] headLen = new int[2];
    private final boolean[] gapBeforeHead = new boolean[2];
    private long heldBytes;
    private StreamHandler delegate;
    private boolean ignored;

    /** @param tunnel null for a connection's own streams; else the tunnel these streams are the payload of */
    public DetectingStreamHandler(Analyzers analyzers, Tunnel tunnel, Weirds weirds) {
        this.analyzers = analyzers;
        this.tunnel = tunnel;
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
        hold(new Event(d, Arrays.copyOfRange(buf, off, off + len), 0, 0));
        heldBytes += len;
        int i = d.ordinal();
        if (!gapBeforeHead[i]) {
            int n = Math.min(len, ProtocolDetector.WINDOW - headLen[i]);
            if (n > 0) {
                byte[] h = head[i];
                if (h == null || h.length < headLen[i] + n) {
                    head[i] = h = Arrays.copyOf(h == null ? new byte[0] : h,
                            Math.min(ProtocolDetector.WINDOW, Math.max(headLen[i] + n, 2 * (h == null ? 128 : h.length))));
                }
                System.arraycopy(buf, off, h, headLen[i], n);
                headLen[i] += n;
            }
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
        hold(new Event(d, null, offset, length));
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

    @Override
    public long heldBytes() {
        if (delegate != null) {
            return BASE_BYTES + delegate.heldBytes();
        }
        long h = BASE_BYTES;
        if (held != null) {
            h += heldBytes + (long) EVENT_BYTES * held.size();
        }
        for (byte[] b : head) {
            h += b == null ? 0 : 16 + b.length;
        }
        return h;
    }

    private void hold(Event e) {
        if (held == null) {
            held = new ArrayList<>(4);
        }
        held.add(e);
    }

    private void decide(boolean ended) {
        int c = Direction.CLIENT_TO_SERVER.ordinal();
        int s = Direction.SERVER_TO_CLIENT.ordinal();
        boolean full = headLen[c] >= ProtocolDetector.WINDOW || headLen[s] >= ProtocolDetector.WINDOW
                || heldBytes > MAX_HELD;
        ProtocolDetector.Verdict v = ProtocolDetector.detect(head[c] == null ? NONE : head[c], headLen[c],
                head[s] == null ? NONE : head[s], headLen[s], ended || full);
        switch (v) {
            case NEED_MORE -> {
                return;
            }
            case UNKNOWN -> {
                weirds.count(DetectWeird.DETECT_UNKNOWN_PROTOCOL);
                ignore();
                return;
            }
            case SMTP -> delegate = analyzers.open(Protocol.SMTP, tunnel);
            case HTTP -> delegate = analyzers.open(Protocol.HTTP, tunnel);
            case HTTP_CONNECT -> delegate = analyzers.open(Protocol.HTTP_CONNECT, tunnel);
            case SOCKS4 -> delegate = new SocksHandshake(4, analyzers, weirds);
            case SOCKS5 -> delegate = new SocksHandshake(5, analyzers, weirds);
        }
        if (delegate == null) {
            ignore();
            return;
        }
        List<Event> replay = held;
        forget();
        for (Event e : replay) {
            if (e.bytes() != null) {
                delegate.onData(e.direction(), e.bytes(), 0, e.bytes().length);
            } else {
                delegate.onGap(e.direction(), e.gapOffset(), e.gapLength());
            }
        }
    }

    private void ignore() {
        ignored = true;
        forget();
    }

    private void forget() {
        held = null;
        heldBytes = 0;
        head[0] = null;
        head[1] = null;
    }
}
