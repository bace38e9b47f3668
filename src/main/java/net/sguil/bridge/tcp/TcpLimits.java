package net.sguil.bridge.tcp;

import java.time.Duration;
import java.util.Set;

/**
 * Every resource limit of TCP reassembly, in one immutable place.
 *
 * @param maxBufferedPerDirection out-of-order bytes held for one direction while waiting for a hole
 *        to fill; past it the hole is declared a gap and delivery moves on
 * @param maxBufferedTotal out-of-order bytes held across all connections; past it the fullest
 *        direction of the connection at hand gives up its hole
 * @param maxConnections connections tracked at once; the least recently active is evicted beyond it
 * @param idleTimeout capture time after which a silent connection is closed (and a closed one forgotten)
 * @param servicePorts ports taken for the server's side when the capture starts mid-connection and
 *        no handshake says who the client is
 */
public record TcpLimits(int maxBufferedPerDirection, long maxBufferedTotal, int maxConnections,
                        Duration idleTimeout, Set<Integer> servicePorts) {
    public TcpLimits {
        if (maxBufferedPerDirection < 0 || maxBufferedTotal < 0 || maxConnections < 1 || idleTimeout.isNegative()) {
            throw new IllegalArgumentException("TCP limits must be positive");
        }
        servicePorts = Set.copyOf(servicePorts);
    }

    public static TcpLimits defaults() {
        return new TcpLimits(1 << 20, 64L << 20, 200_000, Duration.ofMinutes(5),
                Set.of(25, 80, 110, 143, 443, 465, 587, 2525, 3128, 8000, 8080, 8443));
    }

    public TcpLimits withIdleTimeout(Duration timeout) {
        return new TcpLimits(maxBufferedPerDirection, maxBufferedTotal, maxConnections, timeout, servicePorts);
    }

    public TcpLimits withMaxBufferedPerDirection(int bytes) {
        return new TcpLimits(bytes, maxBufferedTotal, maxConnections, idleTimeout, servicePorts);
    }

    public TcpLimits withMaxConnections(int n) {
        return new TcpLimits(maxBufferedPerDirection, maxBufferedTotal, n, idleTimeout, servicePorts);
    }
}
