package net.sguil.bridge.tcp;

import java.util.Arrays;
import net.sguil.bridge.pcap.CaptureTime;
import net.sguil.bridge.pcap.TcpSegment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One TCP connection: its endpoints, its two {@link HalfStream}s and the handler consuming them.
 * Handlers read the endpoint and timing getters; the mutators are the reassembler's.
 */
public final class TcpConnection {
    private static final Logger log = LoggerFactory.getLogger(TcpConnection.class);

    private final TcpReassembler owner;
    private final byte[] clientAddress;
    private final byte[] serverAddress;
    private final int clientPort;
    private final int serverPort;
    private final boolean midstream;
    private final long firstSeenNanos;
    private long lastSeenNanos;
    private final HalfStream toServer = new HalfStream(Direction.CLIENT_TO_SERVER, this);
    private final HalfStream toClient = new HalfStream(Direction.SERVER_TO_CLIENT, this);
    private StreamHandler handler;
    private CloseReason closed;
    private ConnectionId id;

    TcpConnection(TcpReassembler owner, TcpSegment first, boolean senderIsClient, boolean midstream) {
        this.owner = owner;
        int n = first.addressLength();
        byte[] s = Arrays.copyOf(first.src, n);
        byte[] d = Arrays.copyOf(first.dst, n);
        this.clientAddress = senderIsClient ? s : d;
        this.serverAddress = senderIsClient ? d : s;
        this.clientPort = senderIsClient ? first.srcPort : first.dstPort;
        this.serverPort = senderIsClient ? first.dstPort : first.srcPort;
        this.midstream = midstream;
        this.firstSeenNanos = first.timestampNanos;
        this.lastSeenNanos = first.timestampNanos;
    }

    void attach(StreamHandler h) {
        this.handler = h;
    }

    /** The connection's identity, made when a layer above first asks (most connections never carry payload). */
    public ConnectionId id() {
        if (id == null) {
            id = new ConnectionId(format(clientAddress), clientPort, format(serverAddress), serverPort,
                    CaptureTime.of(firstSeenNanos), midstream);
        }
        return id;
    }

    /** Capture time of the latest packet: while a handler is called, that of the packet being delivered. */
    public long lastSeenNanos() { return lastSeenNanos; }
    public long gapCount(Direction d) { return half(d).gapCount(); }
    public long gapBytes(Direction d) { return half(d).gapBytes(); }
    public boolean isClosed() { return closed != null; }

    @Override
    public String toString() {
        return id().toString();
    }

    /** Dotted quad, or RFC 5952 text for IPv6 (lower case, longest zero run as "::"). */
    static String format(byte[] a) {
        if (a.length == 4) {
            return (a[0] & 0xff) + "." + (a[1] & 0xff) + "." + (a[2] & 0xff) + "." + (a[3] & 0xff);
        }
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = (a[2 * i] & 0xff) << 8 | (a[2 * i + 1] & 0xff);
        }
        int bestStart = -1, bestLen = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.toString();
    }

    HalfStream half(Direction d) {
        return d == Direction.CLIENT_TO_SERVER ? toServer : toClient;
    }

    boolean isClient(TcpSegment s) {
        return s.srcPort == clientPort
                && Arrays.equals(clientAddress, 0, clientAddress.length, s.src, 0, clientAddress.length);
    }

    void touch(long nanos) {
        if (nanos > lastSeenNanos) {
            lastSeenNanos = nanos;
        }
    }

    TcpLimits config() {
        return owner.config();
    }

    boolean overBudget() {
        return owner.overBudget();
    }

    void buffered(long delta) {
        owner.buffered(delta);
    }

    void weird(TcpWeird w) {
        owner.weirds().count(w);
    }

    boolean bothFinished() {
        return toServer.finished() && toClient.finished();
    }

    void data(Direction d, byte[] buf, int off, int len) {
        if (handler == null) {
            return;
        }
        try {
            handler.onData(d, buf, off, len);
        } catch (RuntimeException e) {
            handlerFailed(e);
        }
    }

    void gap(Direction d, long at, long len) {
        if (handler == null) {
            return;
        }
        try {
            handler.onGap(d, at, len);
        } catch (RuntimeException e) {
            handlerFailed(e);
        }
    }

    /** A bug in one protocol analyzer must not end the analysis of the whole capture. */
    private void handlerFailed(RuntimeException e) {
        weird(TcpWeird.TCP_HANDLER_ERROR);
        log.warn("analyzer failed on {}; ignoring the rest of this connection", this, e);
        handler = null;
    }

    void close(CloseReason reason) {
        if (closed != null) {
            return;
        }
        toServer.flush();
        toClient.flush();
        closed = reason;
        StreamHandler h = handler;
        handler = null;
        if (h != null) {
            try {
                h.onClose(reason);
            } catch (RuntimeException e) {
                weird(TcpWeird.TCP_HANDLER_ERROR);
                log.warn("analyzer failed closing {}", this, e);
            }
        }
    }
}
