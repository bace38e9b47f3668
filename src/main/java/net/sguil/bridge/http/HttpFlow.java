package net.sguil.bridge.http;

import java.util.function.LongSupplier;
import net.sguil.bridge.tcp.ConnectionId;
import net.sguil.bridge.tcp.TcpConnection;

/**
 * The connection an {@link HttpSessionParser} follows, and a clock giving the capture time (epoch
 * nanoseconds) of the packet being delivered.
 */
public record HttpFlow(ConnectionId connection, LongSupplier clock) {
    public static HttpFlow of(TcpConnection c) {
        // The reassembler stamps the connection with each packet's time before delivering its bytes.
        return new HttpFlow(c.id(), c::lastSeenNanos);
    }
}
