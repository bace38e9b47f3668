package net.sguil.bridge.http;

import java.time.Instant;
import java.util.function.LongSupplier;
import net.sguil.bridge.facts.Times;
import net.sguil.bridge.tcp.TcpConnection;

/**
 * The connection an {@link HttpSessionParser} follows: where it was captured, its endpoints, whether
 * the handshake was seen, and a clock giving the capture time (epoch nanoseconds) of the packet
 * being delivered.
 */
public record HttpFlow(String pcap, String clientIp, int clientPort, String serverIp, int serverPort,
                       boolean established, Instant start, LongSupplier clock) {
    public static HttpFlow of(TcpConnection c, String pcap) {
        // The reassembler stamps the connection with each packet's time before delivering its bytes.
        return new HttpFlow(pcap, c.clientIp(), c.clientPort(), c.serverIp(), c.serverPort(), !c.midstream(),
                Times.ofEpochNanos(c.firstSeenNanos()), c::lastSeenNanos);
    }
}
