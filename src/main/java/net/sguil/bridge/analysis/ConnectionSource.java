package net.sguil.bridge.analysis;

import net.sguil.bridge.facts.SessionInfo;
import net.sguil.bridge.pcap.CaptureTime;
import net.sguil.bridge.tcp.ConnectionId;
import net.sguil.bridge.tcp.TcpConnection;

/**
 * Where one connection's packets were read: turns the analyzers' {@link ConnectionId} into the
 * {@link SessionInfo} the rules see, naming the capture file(s) that held the packets (a session
 * can outlive a sensor's file rotation).
 */
final class ConnectionSource {
    private final TcpConnection connection;
    private final CaptureContext capture;
    private final String firstFile;

    ConnectionSource(TcpConnection connection, CaptureContext capture) {
        this.connection = connection;
        this.capture = capture;
        this.firstFile = capture.currentFile();
    }

    /** The connection as known up to the packet being read now. */
    SessionInfo session() {
        return of(connection.id(), files(), CaptureTime.of(connection.lastSeenNanos()));
    }

    /** The file that held the first packet, and the one being read now if the connection went on into it. */
    String files() {
        String now = capture.currentFile();
        return now.equals(firstFile) ? firstFile : firstFile + ", " + now;
    }

    static SessionInfo of(ConnectionId id, String pcap, java.time.Instant lastSeen) {
        return new SessionInfo(pcap, id.clientIp(), id.clientPort(), id.serverIp(), id.serverPort(), id.firstSeen(),
                lastSeen);
    }
}
