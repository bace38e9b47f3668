package net.sguil.bridge.tcp;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Set;
import net.sguil.bridge.pcap.TcpSegment;
import net.sguil.bridge.pcap.TcpSink;
import net.sguil.bridge.weird.Weirds;

/**
 * Turns TCP segments, in capture order, into per-connection reassembled streams.
 *
 * <p>Connections are kept in a table ordered by last activity. Time is capture time: a connection
 * silent for longer than the idle timeout is closed, and the table never holds more than
 * {@link TcpLimits#maxConnections()}, so memory stays flat however long the capture.
 * A closed connection stays in the table as a tombstone until it idles out, so that late
 * retransmissions are recognised instead of starting a bogus mid-stream connection.
 *
 * <p>Memory: every tracked connection, every byte held out of order and whatever the connections'
 * handlers report holding ({@link StreamHandler#heldBytes()}) is charged to a {@link MemoryBudget}
 * shared with the rest of the analysis. When the budget is exceeded, connections are evicted least
 * recently active first ({@code tcp.evicted_memory}) until an eighth of it is free again: their
 * handlers are closed with {@link CloseReason#EVICTED_MEMORY}, so what they had open ends as cut.
 *
 * <p>Who is the client: the sender of a SYN, or the receiver of a SYN-ACK. When the capture
 * starts mid-connection the side on a well-known port (or, failing that, the lower port) is
 * taken as the server.
 */
public final class TcpReassembler implements TcpSink {
    private final TcpLimits config;
    private final Weirds weirds;
    private final StreamHandlerFactory factory;
    private final MemoryBudget budget;
    private final java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
    private final LinkedHashMap<FlowKey, TcpConnection> connections = new LinkedHashMap<>(1024, 0.75f, true);
    /** Heap an out-of-order chunk costs beyond its bytes: its tree entry, key, record and array header. */
    private static final int CHUNK_BYTES = 96;

    private final FlowKey probe = new FlowKey();
    private long buffered;
    private long now;
    private long connectionsSeen;

    public TcpReassembler(TcpLimits config, Weirds weirds, StreamHandlerFactory factory) {
        this(config, weirds, factory, MemoryBudget.unlimited());
    }

    /** @param budget charged with what this reassembler and its connections' handlers hold; shared, thread-safe */
    public TcpReassembler(TcpLimits config, Weirds weirds, StreamHandlerFactory factory, MemoryBudget budget) {
        this.config = config;
        this.weirds = weirds;
        this.factory = factory;
        this.budget = budget;
    }

    @Override
    public void onSegment(TcpSegment s) {
        if (s.timestampNanos > now) {
            now = s.timestampNanos;
            expireIdle();
        }
        boolean srcIsLo = probe.set(s);
        TcpConnection c = connections.get(probe);
        boolean syn = s.has(TcpSegment.SYN);
        boolean ack = s.has(TcpSegment.ACK);
        if (c != null && c.isClosed() && syn && !ack) {
            connections.remove(probe);
            forget(c);
            c = null;
        }
        if (c == null) {
            if (s.has(TcpSegment.RST) || (!syn && s.dataLength + s.missingLength == 0 && !s.has(TcpSegment.FIN))) {
                // A lone RST or bare ACK of a connection we never saw carries nothing to reassemble.
                return;
            }
            c = open(s, srcIsLo, syn, ack);
        }
        if (c.isClosed()) {
            if (s.dataLength + s.missingLength > 0) {
                weirds.count(TcpWeird.TCP_DATA_AFTER_CLOSE);
            }
            return;
        }
        c.touch(s.timestampNanos);
        Direction d = c.direction(srcIsLo);
        int seq = s.seq;
        if (syn) {
            c.synSeen(d, seq + 1);
            seq++;
        }
        boolean fin = s.has(TcpSegment.FIN);
        if (s.dataLength + s.missingLength > 0 || fin) {
            c.half(d, seq).segment(seq, s.data, s.dataOffset, s.dataLength, s.missingLength, fin);
        }
        if (ack) {
            c.acknowledged(d.reverse(), s.ack);
        }
        if (s.has(TcpSegment.RST)) {
            c.close(CloseReason.RESET);
        } else if (c.bothFinished()) {
            c.close(CloseReason.FIN);
        }
        if (budget.exceeded()) {
            shed();
        }
    }

    /** Evicts the least recently active connections until an eighth of the budget is free, or none is left. */
    private void shed() {
        long target = budget.limit() - budget.limit() / 8;
        Iterator<TcpConnection> it = connections.values().iterator();
        while (budget.used() > target && it.hasNext()) {
            TcpConnection eldest = it.next();
            it.remove();
            evict(eldest, CloseReason.EVICTED_MEMORY);
        }
    }

    private void evict(TcpConnection c, CloseReason reason) {
        if (!c.isClosed()) {
            weirds.count(reason.eviction());
            c.close(reason);
        }
        forget(c);
    }

    /** A connection left the table: what tracking it cost is given back. */
    private void forget(TcpConnection c) {
        budget.charge(-c.trackedBytes());
    }

    private TcpConnection open(TcpSegment s, boolean srcIsLo, boolean syn, boolean ack) {
        boolean midstream = !syn;
        boolean senderIsClient;
        if (syn) {
            senderIsClient = !ack;
        } else {
            weirds.count(TcpWeird.TCP_MIDSTREAM_PICKUP);
            senderIsClient = guessSenderIsClient(config.servicePorts(), s.srcPort, s.dstPort);
        }
        while (connections.size() >= config.maxConnections()) {
            Iterator<TcpConnection> it = connections.values().iterator();
            TcpConnection eldest = it.next();
            it.remove();
            evict(eldest, CloseReason.EVICTED_TABLE_FULL);
        }
        FlowKey key = probe.copy();
        TcpConnection c = new TcpConnection(this, key, senderIsClient == srcIsLo, midstream, s.timestampNanos);
        connections.put(key, c);
        budget.charge(TcpConnection.TRACKING_BYTES);
        connectionsSeen++;
        return c;
    }

    /** Who consumes a connection's streams: asked when it first has bytes (or a gap) to deliver. */
    StreamHandler openHandler(TcpConnection c) {
        return factory.open(c);
    }

    private static boolean guessSenderIsClient(Set<Integer> servicePorts, int srcPort, int dstPort) {
        boolean srcService = servicePorts.contains(srcPort);
        boolean dstService = servicePorts.contains(dstPort);
        if (srcService != dstService) {
            return dstService;
        }
        if ((srcPort < 1024) != (dstPort < 1024)) {
            return dstPort < 1024;
        }
        return srcPort >= dstPort;
    }

    private void expireIdle() {
        long horizon = now - config.idleTimeout().toNanos();
        Iterator<TcpConnection> it = connections.values().iterator();
        while (it.hasNext()) {
            TcpConnection c = it.next();
            if (c.lastSeenNanos() >= horizon) {
                return;
            }
            it.remove();
            c.close(CloseReason.IDLE_TIMEOUT);
            forget(c);
        }
    }

    /** The capture is over: close every open connection, delivering what is buffered. */
    public void finish() {
        for (TcpConnection c : connections.values()) {
            c.close(CloseReason.END_OF_CAPTURE);
            forget(c);
        }
        connections.clear();
    }

    public int openConnections() {
        return connections.size();
    }

    public long connectionsSeen() {
        return connectionsSeen;
    }

    TcpLimits config() {
        return config;
    }

    Weirds weirds() {
        return weirds;
    }

    MemoryBudget budget() {
        return budget;
    }

    /** One CRC-32C for every half stream's retransmission check (the reassembler runs on one thread). */
    java.util.zip.CRC32C crc() {
        return crc;
    }

    boolean overBudget() {
        return buffered > config.maxBufferedTotal();
    }

    /** A chunk of {@code delta} out-of-order bytes was stored (positive) or delivered (negative). */
    void buffered(long delta) {
        buffered += delta;
        budget.charge(delta + Long.signum(delta) * CHUNK_BYTES);
    }
}
