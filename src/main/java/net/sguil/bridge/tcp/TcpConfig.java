package net.sguil.bridge.tcp;

import java.time.Duration;

/**
 * Every resource limit of TCP reassembly, in one immutable place.
 *
 * @param maxBufferedPerDirection out-of-order bytes held for one direction while waiting for a hole
 *        to fill; past it the hole is declared a gap and delivery moves on
 * @param maxBufferedTotal out-of-order bytes held across all connections; past it the fullest
 *        direction of the connection at hand gives up its hole
 * @param maxConnections connections tracked at once; the least recently active is evicted beyond it
 * @param idleTimeout capture time after which a silent connection is closed (and a closed one forgotten)
 */
public record TcpConfig(int maxBufferedPerDirection, long maxBufferedTotal, int maxConnections,
                        Duration idleTimeout) {
    public TcpConfig {
        if (maxBufferedPerDirection < 0 || maxBufferedTotal < 0 || maxConnections < 1 || idleTimeout.isNegative()) {
            throw new IllegalArgumentException("TCP limits must be positive");
        }
    }

    public static TcpConfig defaults() {
        return new TcpConfig(1 << 20, 64L << 20, 200_000, Duration.ofMinutes(5));
    }

    public TcpConfig withIdleTimeout(Duration timeout) {
        return new TcpConfig(maxBufferedPerDirection, maxBufferedTotal, maxConnections, timeout);
    }

    public TcpConfig withMaxBufferedPerDirection(int bytes) {
        return new TcpConfig(bytes, maxBufferedTotal, maxConnections, idleTimeout);
    }

    public TcpConfig withMaxConnections(int n) {
        return new TcpConfig(maxBufferedPerDirection, maxBufferedTotal, n, idleTimeout);
    }
}
