package net.sguil.bridge.testpcap;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * One SMTP session with an attachment, carried through a proxy: an HTTP CONNECT, a SOCKS 5
 * handshake (with or without RFC 1929 user/password authentication) or a SOCKS 4/4a one, as the
 * client and the proxy send them. The proxy is 10.0.0.3:{@value #PROXY_PORT}; the destination the
 * client asks for is mx.example.com (or 10.0.0.25 for plain SOCKS 4) port 25.
 */
public final class TunnelSessions {
    public enum Via { HTTP_CONNECT, SOCKS5, SOCKS5_PASSWORD, SOCKS4, SOCKS4A }

    public static final int PROXY_PORT = 1080;

    private TunnelSessions() {
    }

    public static TcpSessionBuilder smtpVia(Via via, String message) {
        TcpSessionBuilder b = TcpSessionBuilder.ipv4("10.0.0.1", 40000, "10.0.0.3", PROXY_PORT)
                .start(1_150_990_039_000_000_000L).handshake().segmentSize(300);
        switch (via) {
            case HTTP_CONNECT -> b.client("CONNECT mx.example.com:25 HTTP/1.1\r\nHost: mx.example.com:25\r\n\r\n")
                    .server("HTTP/1.1 200 Connection established\r\n\r\n");
            case SOCKS5 -> b.client(bytes(5, 1, 0)).server(bytes(5, 0))
                    .client(concat(bytes(5, 1, 0, 3, 14), ascii("mx.example.com"), bytes(0, 25)))
                    .server(bytes(5, 0, 0, 1, 10, 0, 0, 3, 0x9c, 0x40));
            case SOCKS5_PASSWORD -> b.client(bytes(5, 2, 0, 2)).server(bytes(5, 2))
                    .client(concat(bytes(1, 5), ascii("alice"), bytes(6), ascii("secret"))).server(bytes(1, 0))
                    .client(concat(bytes(5, 1, 0, 3, 14), ascii("mx.example.com"), bytes(0, 25)))
                    .server(bytes(5, 0, 0, 1, 10, 0, 0, 3, 0x9c, 0x40));
            case SOCKS4 -> b.client(concat(bytes(4, 1, 0, 25, 10, 0, 0, 25), ascii("alice"), bytes(0)))
                    .server(bytes(0, 0x5a, 0, 0, 0, 0, 0, 0));
            case SOCKS4A -> b.client(concat(bytes(4, 1, 0, 25, 0, 0, 0, 1), ascii("alice"), bytes(0),
                            ascii("mx.example.com"), bytes(0)))
                    .server(bytes(0, 0x5a, 0, 0, 0, 0, 0, 0));
        }
        return b.server("220 mx.example.com ESMTP\r\n").client("EHLO client\r\n").server("250 mx\r\n")
                .client("MAIL FROM:<alice@example.org>\r\n").server("250 ok\r\n")
                .client("RCPT TO:<bob@example.com>\r\n").server("250 ok\r\n")
                .client("DATA\r\n").server("354 go\r\n")
                .client(message + ".\r\n").server("250 queued\r\n")
                .client("QUIT\r\n").server("221 bye\r\n").finish();
    }

    static byte[] bytes(int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return b;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
