package net.sguil.bridge.analysis;

import java.time.Instant;
import net.sguil.bridge.detect.Tunnel;
import net.sguil.bridge.facts.SessionInfo;
import net.sguil.bridge.pcap.CaptureTime;
import net.sguil.bridge.tcp.CloseReason;
import net.sguil.bridge.tcp.ConnectionId;
import net.sguil.bridge.tcp.TcpConnection;

/**
 * Where one stream's packets were read: turns the analyzers' {@link ConnectionId} into the
 * {@link SessionInfo} the rules see, naming the capture file(s) that held the packets (a session
 * can outlive a sensor's file rotation) and, for a stream carried in a proxy tunnel, the tunnel.
 */
final class ConnectionSource {
    private final TcpConnection connection;
    private final CaptureContext capture;
    private final Tunnel tunnel;
    private final String firstFile;

    /** @param tunnel null for the connection's own streams */
    ConnectionSource(TcpConnection connection, CaptureContext capture, Tunnel tunnel) {
        this.connection = connection;
        this.capture = capture;
        this.tunnel = tunnel;
        this.firstFile = capture.currentFile();
    }

    /** The connection as known up to the packet being read now. */
    SessionInfo session() {
        return session(connection.id(), files(), CaptureTime.of(connection.lastSeenNanos()));
    }

    /** The file that held the first packet, and the one being read now if the connection went on into it. */
    String files() {
        String now = capture.currentFile();
        return now.equals(firstFile) ? firstFile : firstFile + ", " + now;
    }

    /** Why what was open on the connection was cut by the analysis itself (an eviction), or null. */
    String cutBy() {
        CloseReason r = connection.closeReason();
        return r == null || r.eviction() == null ? null : r.eviction().id();
    }

    SessionInfo session(ConnectionId id, String pcap, Instant lastSeen) {
        if (tunnel == null) {
            return new SessionInfo(pcap, id.clientIp(), id.clientPort(), id.serverIp(), id.serverPort(), id.firstSeen(),
                    lastSeen);
        }
        return new SessionInfo(pcap, id.clientIp(), id.clientPort(), tunnel.targetHost(), tunnel.targetPort(),
                id.firstSeen(), lastSeen, tunnel.kind().id(), id.serverIp(), id.serverPort());
    }
}
