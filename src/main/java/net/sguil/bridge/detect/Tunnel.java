package net.sguil.bridge.detect;

/**
 * A stream carried inside a connection through a proxy: what follows a SOCKS handshake or an
 * HTTP CONNECT the proxy accepted. The proxy is the connection's server.
 *
 * @param targetHost the destination the client asked the proxy for: an address, or a host name as the client sent it
 * @param targetPort the destination's port
 */
public record Tunnel(Kind kind, String targetHost, int targetPort) {
    public enum Kind {
        HTTP_CONNECT("http-connect"), SOCKS4("socks4"), SOCKS5("socks5");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        /** As records spell it: {@code http-connect}, {@code socks4} (4 and 4a), {@code socks5}. */
        public String id() {
            return id;
        }
    }

    /**
     * The tunnel an HTTP CONNECT request asks for, from its target {@code host:port} (RFC 9110 9.3.6;
     * an IPv6 address in brackets), or null when the target has no port.
     */
    public static Tunnel httpConnect(String authority) {
        int colon = authority.lastIndexOf(':');
        if (colon <= 0) {
            return null;
        }
        int port;
        try {
            port = Integer.parseInt(authority.substring(colon + 1));
        } catch (NumberFormatException e) {
            return null;
        }
        String host = authority.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return port < 0 || port > 65535 ? null : new Tunnel(Kind.HTTP_CONNECT, host, port);
    }
}
