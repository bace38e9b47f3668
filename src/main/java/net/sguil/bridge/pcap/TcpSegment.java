package net.sguil.bridge.pcap;

/**
 * One decoded TCP segment. A single instance is refilled for every packet (the decoder
 * allocates nothing per packet on the fast path): it, and the bytes {@link #data} points into,
 * are valid only during the {@link TcpSink#onSegment} call. Copy what must be kept.
 */
public final class TcpSegment {
    public static final int FIN = 0x01;
    public static final int SYN = 0x02;
    public static final int RST = 0x04;
    public static final int PSH = 0x08;
    public static final int ACK = 0x10;
    public static final int URG = 0x20;

    /** Capture time, nanoseconds since the epoch (UTC). */
    public long timestampNanos;
    /** 4 or 6. */
    public int ipVersion;
    /** Source address: 4 bytes used for IPv4, 16 for IPv6. */
    public final byte[] src = new byte[16];
    public final byte[] dst = new byte[16];
    public int srcPort;
    public int dstPort;
    /** Sequence and acknowledgement numbers as raw 32-bit values (compare with wrap-around arithmetic). */
    public int seq;
    public int ack;
    public int flags;
    public int window;
    /** Payload bytes that were captured: {@code data[dataOffset .. dataOffset+dataLength)}. */
    public byte[] data;
    public int dataOffset;
    public int dataLength;
    /**
     * Payload bytes that were on the wire (per the IP length) but not captured because the
     * packet was cut by the snap length. They follow the captured bytes and are a gap, not data.
     */
    public int missingLength;

    public int addressLength() {
        return ipVersion == 6 ? 16 : 4;
    }

    public boolean has(int flag) {
        return (flags & flag) != 0;
    }
}
