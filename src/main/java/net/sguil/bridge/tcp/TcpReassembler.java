package net.sguil.bridge.tcp;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
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
 * <p>Who is the client: the sender of a SYN, or the receiver of a SYN-ACK. When the capture
 * starts mid-connection the side on a well-known port (or, failing that, the lower port) is
 * taken as the server.
 */
public final class TcpReassembler implements TcpSink {
    private final TcpLimits config;
    private final Weirds weirds;
    private final StreamHandlerFactory factory;
    private final LinkedHashMap<FlowKey, TcpConnection> connections = new LinkedHashMap<>(1024, 0.75f, true);
    private final FlowKey probe = new FlowKey();
    private long buffered;
    private long now;
    private long connectionsSeen;

    public TcpReassembler(TcpLimits config, Weirds weirds, StreamHandlerFactory factory) {
        this.config = config;
        this.weirds = weirds;
        this.factory = factory;
    }

    @Override
    public void onSegment(TcpSegment s) {
        if (s.timestampNanos > now) {
            now = s.timestampNanos;
            expireIdle();
        }
        probe.set(s);
        TcpConnection c = connections.get(probe);
        boolean syn = s.has(TcpSegment.SYN);
        boolean ack = s.has(TcpSegment.ACK);
        if (c != null && c.isClosed() && syn && !ack) {
            connections.remove(probe);
            c = null;
        }
        if (c == null) {
            if (s.has(TcpSegment.RST) || (!syn && s.dataLength + s.missingLength == 0 && !s.has(TcpSegment.FIN))) {
                // A lone RST or bare ACK of a connection we never saw carries nothing to reassemble.
                return;
            }
            c = open(s, syn, ack);
        }
        if (c.isClosed()) {
            if (s.dataLength + s.missingLength > 0) {
                weirds.count(TcpWeird.TCP_DATA_AFTER_CLOSE);
            }
            return;
        }
        c.touch(s.timestampNanos);
        Direction d = c.isClient(s) ? Direction.CLIENT_TO_SERVER : Direction.SERVER_TO_CLIENT;
        HalfStream h = c.half(d);
        int seq = s.seq;
        if (syn) {
            if (!h.initialized()) {
                h.startAt(seq + 1);
            }
            seq++;
        } else if (!h.initialized()) {
            h.startAt(seq);
        }
        boolean fin = s.has(TcpSegment.FIN);
        h.segment(seq, s.data, s.dataOffset, s.dataLength, s.missingLength, fin);
        if (ack) {
            c.half(d.reverse()).acknowledged(s.ack);
        }
        if (s.has(TcpSegment.RST)) {
            c.close(CloseReason.RESET);
        } else if (c.bothFinished()) {
            c.close(CloseReason.FIN);
        }
    }

    private TcpConnection open(TcpSegment s, boolean syn, boolean ack) {
        boolean midstream = !syn;
        boolean senderIsClient;
        if (syn) {
            senderIsClient = !ack;
        } else {
            weirds.count(TcpWeird.TCP_MIDSTREAM_PICKUP);
            senderIsClient = guessSenderIsClient(config.servicePorts(), s.srcPort, s.dstPort);
        }
        while (connections.size() >= config.maxConnections()) {
            Iterator<Map.Entry<FlowKey, TcpConnection>> it = connections.entrySet().iterator();
            TcpConnection eldest = it.next().getValue();
            it.remove();
            if (!eldest.isClosed()) {
                weirds.count(TcpWeird.TCP_CONNECTION_EVICTED);
                eldest.close(CloseReason.EVICTED);
            }
        }
        TcpConnection c = new TcpConnection(this, s, senderIsClient, midstream);
        connections.put(probe.copy(), c);
        connectionsSeen++;
        c.attach(factory.open(c));
        return c;
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
        }
    }

    /** The capture is over: close every open connection, delivering what is buffered. */
    public void finish() {
        for (TcpConnection c : connections.values()) {
            c.close(CloseReason.END_OF_CAPTURE);
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

    boolean overBudget() {
        return buffered > config.maxBufferedTotal();
    }

    void buffered(long delta) {
        buffered += delta;
    }
}
