package net.sguil.bridge.pcap;

/** Builds the one-line {@link PacketSource#truncation()} messages, so all formats word them alike. */
final class Truncations {
    private Truncations() {
    }

    /** The input ended inside a record. */
    static String endedInside(String what, long packetNumber, long offset, RecordInput in) {
        return withStreamError("file ends inside " + what + " (packet " + packetNumber + ", byte " + offset
                + "); " + (packetNumber - 1) + " packets before it were read", in);
    }

    /** A record was unusable; reading stopped there. */
    static String corrupt(String reason, long packetNumber, long offset) {
        return "corrupt record at byte " + offset + " (packet " + packetNumber + "): " + reason
                + "; reading stopped after " + (packetNumber - 1) + " packets";
    }

    /** The input ended cleanly between records, unless a compressed stream broke there. */
    static String atEnd(long packetNumber, RecordInput in) {
        return in.streamError() == null ? null
                : "compressed data ends early after " + (packetNumber - 1) + " packets: " + in.streamError();
    }

    private static String withStreamError(String s, RecordInput in) {
        return in.streamError() == null ? s : s + " (compressed data: " + in.streamError() + ")";
    }
}
