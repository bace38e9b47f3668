package net.sguil.bridge.testpcap;

/**
 * One captured packet for a test capture: {@code frame} holds the captured bytes,
 * {@code originalLength} the length on the wire (larger than {@code frame.length} when cut).
 */
public record Packet(long tsNanos, byte[] frame, int originalLength) {
    public Packet {
        if (originalLength < frame.length) {
            throw new IllegalArgumentException("originalLength " + originalLength + " < captured " + frame.length);
        }
    }

    public Packet(long tsNanos, byte[] frame) {
        this(tsNanos, frame, frame.length);
    }

    /** This packet as a snap length of {@code snaplen} would have captured it. */
    public Packet cut(int snaplen) {
        if (snaplen >= frame.length) {
            return this;
        }
        return new Packet(tsNanos, java.util.Arrays.copyOf(frame, snaplen), originalLength);
    }
}
