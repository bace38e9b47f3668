package net.sguil.bridge.pcap;

/**
 * One packet as read from a capture file. A {@link PacketSource} refills the same instance for
 * every packet; {@link #data} is reused too, so copy what must outlive the next call.
 */
public final class RawPacket {
    /** Capture time, nanoseconds since the epoch (UTC). */
    public long timestampNanos;
    /** LINKTYPE_ value of the interface the packet was captured on (see {@link LinkTypes}). */
    public int linkType;
    /** Captured bytes: {@code data[0 .. capturedLength)}. */
    public byte[] data;
    public int capturedLength;
    /** Length of the packet on the wire; larger than {@link #capturedLength} when the snap length cut it. */
    public int originalLength;
    /** pcapng interface id (0 for classic pcap). */
    public int interfaceId;
}
