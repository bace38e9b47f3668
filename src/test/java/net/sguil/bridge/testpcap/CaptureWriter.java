package net.sguil.bridge.testpcap;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/** Writes packets to a capture file (classic pcap or pcapng). */
public interface CaptureWriter extends Closeable {

    /**
     * Writes one packet. {@code captured} may be shorter than {@code originalLength} (a packet cut
     * by the snap length); the writer's own snap length may cut it further.
     */
    void writePacket(int interfaceId, long tsNanos, byte[] captured, int originalLength) throws IOException;

    default void writePacket(long tsNanos, byte[] frame) throws IOException {
        writePacket(0, tsNanos, frame, frame.length);
    }

    default void writePacket(int interfaceId, long tsNanos, byte[] frame) throws IOException {
        writePacket(interfaceId, tsNanos, frame, frame.length);
    }

    default void write(Packet p) throws IOException {
        writePacket(0, p.tsNanos(), p.frame(), p.originalLength());
    }

    default void writeAll(List<Packet> packets) throws IOException {
        for (Packet p : packets) {
            write(p);
        }
    }
}
