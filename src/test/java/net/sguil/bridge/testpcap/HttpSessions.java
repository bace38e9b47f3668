package net.sguil.bridge.testpcap;

import java.util.List;

/** HTTP sessions for tests that need a web request on the wire. */
public final class HttpSessions {
    private HttpSessions() {
    }

    /** A PUT of {@code spykids} to {@code /index.html} that the server accepts (201 Created): a defacement that succeeded. */
    public static List<Packet> acceptedPut(String client, int clientPort, String server, int serverPort,
                                           long startNanos) {
        return TcpSessionBuilder.ipv4(client, clientPort, server, serverPort).start(startNanos)
                .handshake().client("PUT /index.html HTTP/1.0\r\nHost: www\r\nContent-Length: 7\r\n\r\nspykids")
                .server("HTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n").finish().build();
    }
}
