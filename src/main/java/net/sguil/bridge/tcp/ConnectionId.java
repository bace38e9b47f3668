package net.sguil.bridge.tcp;

import java.time.Instant;

/**
 * Who talked to whom: the one identity of a TCP connection that every layer above {@code tcp}
 * carries in what it reports. The client is the side that opened the connection (or, picked up
 * mid-stream, the side talking to the service port).
 *
 * @param clientIp dotted quad, or RFC 5952 text for IPv6
 * @param firstSeen capture time of the connection's first packet
 * @param midstream true when the capture did not see the handshake, so the client was guessed
 */
public record ConnectionId(String clientIp, int clientPort, String serverIp, int serverPort, Instant firstSeen,
                           boolean midstream) {

    @Override
    public String toString() {
        return clientIp + ":" + clientPort + " -> " + serverIp + ":" + serverPort;
    }
}
