package net.sguil.bridge.tcp;

import net.sguil.bridge.pcap.CaptureTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One TCP connection: its endpoints, its two {@link HalfStream}s and the handler consuming them.
 * Handlers read the endpoint and timing getters; the mutators are the reassembler's.
 *
 * <p>Cheap until it carries payload: the endpoints are those of its table key, a direction's
 * reassembly state is made when that direction first sends a byte or a FIN, and the handler is asked for when the
 * first byte (or gap) is to be delivered, so a SYN-only or silent connection holds a few hundred
 * bytes ({@link #TRACKING_BYTES}).
 */
public final class TcpConnection {
    private static final Logger log = LoggerFactory.getLogger(TcpConnection.class);

    /**
     * Heap a tracked connection costs before it carries payload, as charged to the budget: this
     * object, its key and its table entry (measured: {@code ConnectionFootprintTest}).
     */
    static final int TRACKING_BYTES = 224;
    /** Heap of one direction's reassembly state, made when it first sends a byte or a FIN. */
    private static final int HALF_BYTES = 96;

    private final TcpReassembler owner;
    private final FlowKey key;
    private final boolean clientIsLo;
    private final boolean midstream;
    private final long firstSeenNanos;
    private long lastSeenNanos;
    private HalfStream toServer;
    private HalfStream toClient;
    /** Where each direction's stream starts, as its SYN said, until the stream is made. */
    private int clientSynStart;
    private int serverSynStart;
    private byte synSeen;
    private StreamHandler handler;
    private boolean handlerAsked;
    private long handlerHeld;
    /** What the budget was charged for this connection's own state beyond {@link #TRACKING_BYTES}. */
    private long charged;
    private CloseReason closed;
    private ConnectionId id;

    TcpConnection(TcpReassembler owner, FlowKey key, boolean clientIsLo, boolean midstream, long firstSeenNanos) {
        this.owner = owner;
        this.key = key;
        this.clientIsLo = clientIsLo;
        this.midstream = midstream;
        this.firstSeenNanos = firstSeenNanos;
        this.lastSeenNanos = firstSeenNanos;
    }

    FlowKey key() {
        return key;
    }

    /** The connection's identity, made when a layer above first asks (most connections never carry payload). */
    public ConnectionId id() {
        if (id == null) {
            id = new ConnectionId(ConnectionId.address(key.address(clientIsLo)), key.port(clientIsLo), ConnectionId.address(key.address(!clientIsLo)),
                    key.port(!clientIsLo), CaptureTime.of(firstSeenNanos), midstream);
        }
        return id;
    }

    /** Capture time of the latest packet: while a handler is called, that of the packet being delivered. */
    public long lastSeenNanos() { return lastSeenNanos; }
    public long gapCount(Direction d) { return existing(d) == null ? 0 : existing(d).gapCount(); }
    public long gapBytes(Direction d) { return existing(d) == null ? 0 : existing(d).gapBytes(); }
    public boolean isClosed() { return closed != null; }

    /** Why the connection ended, or null while it is open (already set while its handler's onClose runs). */
    public CloseReason closeReason() { return closed; }

    @Override
    public String toString() {
        return id().toString();
    }

    /** The half stream of {@code d}, made when it first carries a byte or a FIN (at {@code seq} unless a SYN said otherwise). */
    HalfStream half(Direction d, int seq) {
        HalfStream h = existing(d);
        if (h == null) {
            h = new HalfStream(d, this);
            charge(HALF_BYTES);
            h.startAt((synSeen & bit(d)) == 0 ? seq : d == Direction.CLIENT_TO_SERVER ? clientSynStart : serverSynStart);
            if (d == Direction.CLIENT_TO_SERVER) {
                toServer = h;
            } else {
                toClient = h;
            }
        }
        return h;
    }

    /** A SYN from {@code d}: its stream starts at {@code start}, unless it already started. */
    void synSeen(Direction d, int start) {
        if (existing(d) == null && (synSeen & bit(d)) == 0) {
            if (d == Direction.CLIENT_TO_SERVER) {
                clientSynStart = start;
            } else {
                serverSynStart = start;
            }
            synSeen |= bit(d);
        }
    }

    /** The receiver of {@code d}'s bytes acknowledged up to {@code ack}; nothing to do before {@code d} sent any. */
    void acknowledged(Direction d, int ack) {
        HalfStream h = existing(d);
        if (h != null) {
            h.acknowledged(ack);
        }
    }

    /** Charges the budget for state of this connection's own; given back when it leaves the table. */
    void charge(long bytes) {
        charged += bytes;
        owner.budget().charge(bytes);
    }

    /** Everything tracking this connection was charged, its handler's holdings apart. */
    long trackedBytes() {
        return TRACKING_BYTES + charged;
    }

    private static int bit(Direction d) {
        return 1 << d.ordinal();
    }

    private HalfStream existing(Direction d) {
        return d == Direction.CLIENT_TO_SERVER ? toServer : toClient;
    }

    /** The direction of a segment whose source is the key's canonical "lo" endpoint ({@code srcIsLo}) or not. */
    Direction direction(boolean srcIsLo) {
        return srcIsLo == clientIsLo ? Direction.CLIENT_TO_SERVER : Direction.SERVER_TO_CLIENT;
    }

    void touch(long nanos) {
        if (nanos > lastSeenNanos) {
            lastSeenNanos = nanos;
        }
    }

    TcpLimits config() {
        return owner.config();
    }

    TcpReassembler owner() {
        return owner;
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
        return toServer != null && toClient != null && toServer.finished() && toClient.finished();
    }

    /** The handler, asked for when the connection first has something to deliver. */
    private StreamHandler handler() {
        if (!handlerAsked && closed == null) {
            handlerAsked = true;
            handler = owner.openHandler(this);
        }
        return handler;
    }

    void data(Direction d, byte[] buf, int off, int len) {
        StreamHandler h = handler();
        if (h == null) {
            return;
        }
        try {
            h.onData(d, buf, off, len);
            account(h);
        } catch (RuntimeException e) {
            handlerFailed(e);
        }
    }

    void gap(Direction d, long at, long len) {
        StreamHandler h = handler();
        if (h == null) {
            return;
        }
        try {
            h.onGap(d, at, len);
            account(h);
        } catch (RuntimeException e) {
            handlerFailed(e);
        }
    }

    /** Charges the budget with what the handler now holds beyond what it held before. */
    private void account(StreamHandler h) {
        long now = h.heldBytes();
        if (now != handlerHeld) {
            owner.budget().charge(now - handlerHeld);
            handlerHeld = now;
        }
    }

    private void releaseHandler() {
        handler = null;
        owner.budget().charge(-handlerHeld);
        handlerHeld = 0;
    }

    /** A bug in one protocol analyzer must not end the analysis of the whole capture. */
    private void handlerFailed(RuntimeException e) {
        weird(TcpWeird.TCP_HANDLER_ERROR);
        log.warn("analyzer failed on {}; ignoring the rest of this connection", this, e);
        releaseHandler();
    }

    void close(CloseReason reason) {
        if (closed != null) {
            return;
        }
        if (toServer != null) {
            toServer.flush();
        }
        if (toClient != null) {
            toClient.flush();
        }
        closed = reason;
        StreamHandler h = handler;
        if (h != null) {
            try {
                h.onClose(reason);
            } catch (RuntimeException e) {
                weird(TcpWeird.TCP_HANDLER_ERROR);
                log.warn("analyzer failed closing {}", this, e);
            }
        }
        releaseHandler();
        // A closed connection stays in the table only to recognise late packets: its buffers can go.
        if (toServer != null) {
            toServer.release();
        }
        if (toClient != null) {
            toClient.release();
        }
    }
}
