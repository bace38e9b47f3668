package net.sguil.bridge.sguil;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * An event exactly as Sguil's {@code event} and {@code data} tables will hold it, every value
 * already within what the columns and sguild accept (SGUIL.md section 3, "GenericEvent fields"):
 * what both ways into Sguil, the agent protocol and the direct database writer, store. Built by
 * the delivery's validator, which repairs what it can; a value out of range here is a bug there.
 *
 * @param signature printable ASCII, at most {@value #MAX_SIGNATURE} characters
 * @param sigClass {@code [a-z0-9-]}, 1 to {@value #MAX_CLASS} characters
 * @param timestamp whole seconds, from 1970 to 9999 (what sguild's {@code clock scan} and DATETIME take)
 * @param srcIp IPv4 as an unsigned number ({@code 0} for none)
 * @param srcPort stored only for TCP and UDP ({@link #hasPorts()})
 * @param refId GenericEvent's refID, stored as {@code unified_event_ref}: the cid of the alert this
 *     event answers, 0 for none
 * @param hexDetail lower-case hex of the detail's bytes, at most {@value #MAX_DETAIL_HEX} digits
 */
public record StorableEvent(String signature, int priority, String sigClass, long generatorId, long signatureId,
                            long revision, Instant timestamp, long srcIp, int srcPort, long dstIp, int dstPort,
                            int ipProto, long refId, String hexDetail) {
    public static final int MAX_SIGNATURE = 255;
    public static final int MAX_CLASS = 20;
    /**
     * sguild stores the detail in a TEXT column, which keeps 65535 characters and cuts the rest
     * silently (seen on the real server); an odd count would leave half a byte, so whole bytes fit
     * in 65534 hex digits: 32767 bytes of detail.
     */
    public static final int MAX_DETAIL_HEX = 65534;
    public static final Instant EARLIEST = Instant.EPOCH;
    public static final Instant LATEST = LocalDateTime.of(9999, 12, 31, 23, 59, 59).toInstant(ZoneOffset.UTC);
    private static final long MAX_UNSIGNED_INT = 0xFFFF_FFFFL;

    public StorableEvent {
        require(signature != null && signature.length() <= MAX_SIGNATURE
                && signature.chars().allMatch(c -> c >= 0x20 && c < 0x7f), "signature");
        require(priority >= 1 && priority <= 5, "priority");
        require(sigClass != null && sigClass.matches("[a-z0-9-]{1," + MAX_CLASS + "}"), "class");
        require(timestamp != null && timestamp.getNano() == 0 && !timestamp.isBefore(EARLIEST)
                && !timestamp.isAfter(LATEST), "timestamp");
        for (long v : new long[] {generatorId, signatureId, revision, srcIp, dstIp, refId}) {
            require(v >= 0 && v <= MAX_UNSIGNED_INT, "unsigned number");
        }
        require(srcPort >= 0 && srcPort <= 65535 && dstPort >= 0 && dstPort <= 65535, "port");
        require(ipProto >= 0 && ipProto <= 255, "protocol");
        require(hexDetail != null && hexDetail.length() <= MAX_DETAIL_HEX && hexDetail.length() % 2 == 0
                && hexDetail.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')), "detail");
    }

    private static void require(boolean ok, String what) {
        if (!ok) {
            throw new IllegalArgumentException("not storable in Sguil: " + what);
        }
    }

    /** Sguil keeps ports for TCP and UDP only. */
    public boolean hasPorts() {
        return ipProto == 6 || ipProto == 17;
    }
}
