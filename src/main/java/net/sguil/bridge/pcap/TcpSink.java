package net.sguil.bridge.pcap;

/** Receives the TCP segments a {@code PacketDecoder} finds, in capture order. */
@FunctionalInterface
public interface TcpSink {
    void onSegment(TcpSegment segment);
}
