package net.sguil.bridge.pcap;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import net.sguil.bridge.weird.Weirds;

/**
 * Reassembles IP datagrams from fragments, within the limits of a {@link PcapLimits}.
 *
 * <p>Overlap policy: <b>first wins</b>. Bytes already received are never replaced by a later
 * fragment; every overlap counts {@code ip.fragment_overlap} (or {@code ip6.}…) and an overlap whose bytes
 * differ also {@code ip.fragment_overlap_conflict} (the classic IDS-evasion trick, worth an analyst's
 * look). Datagrams are keyed by source, destination, identification (and protocol for IPv4). The
 * oldest incomplete datagram is dropped when too many are open, and any is dropped once it is older
 * than the timeout in capture time.
 */
final class FragmentReassembler {
    /** What one address family's reassembly counts. */
    record FamilyWeirds(PcapWeird tooLarge, PcapWeird evicted, PcapWeird inconsistentLength, PcapWeird overlap,
                        PcapWeird overlapConflict, PcapWeird timeout) {
    }

    static final FamilyWeirds IPV4 = new FamilyWeirds(PcapWeird.IP_FRAGMENT_TOO_LARGE, PcapWeird.IP_FRAGMENT_EVICTED,
            PcapWeird.IP_FRAGMENT_INCONSISTENT_LENGTH, PcapWeird.IP_FRAGMENT_OVERLAP,
            PcapWeird.IP_FRAGMENT_OVERLAP_CONFLICT, PcapWeird.IP_FRAGMENT_TIMEOUT);
    static final FamilyWeirds IPV6 = new FamilyWeirds(PcapWeird.IP6_FRAGMENT_TOO_LARGE, PcapWeird.IP6_FRAGMENT_EVICTED,
            PcapWeird.IP6_FRAGMENT_INCONSISTENT_LENGTH, PcapWeird.IP6_FRAGMENT_OVERLAP,
            PcapWeird.IP6_FRAGMENT_OVERLAP_CONFLICT, PcapWeird.IP6_FRAGMENT_TIMEOUT);

    /**
     * One fragment as the decoder found it in {@code packet}.
     *
     * @param keyProtocol part of the datagram's key (-1 for IPv6, where only the first fragment names it)
     * @param protocol the upper-layer protocol this fragment names
     * @param offset where the fragment's data goes in the datagram
     * @param more the "more fragments" flag
     */
    record Fragment(long timestamp, byte[] packet, int srcAt, int dstAt, int addressLength, int id, int keyProtocol,
                    int protocol, int offset, boolean more, int dataAt, int dataLength) {
    }

    private record Key(long src0, long src1, long dst0, long dst1, int id, int protocol) {
    }

    private static final class Datagram {
        final long firstSeen;
        byte[] buf = new byte[2048];
        final BitSet covered = new BitSet();
        int total = -1;
        int protocol = -1;

        Datagram(long firstSeen) {
            this.firstSeen = firstSeen;
        }
    }

    private final PcapLimits config;
    private final Weirds weirds;
    private final FamilyWeirds family;
    private final LinkedHashMap<Key, Datagram> open = new LinkedHashMap<>();
    private int completedProtocol;

    FragmentReassembler(PcapLimits config, Weirds weirds, FamilyWeirds family) {
        this.config = config;
        this.weirds = weirds;
        this.family = family;
    }

    /** Upper-layer protocol of the datagram the last successful {@link #add} completed. */
    int completedProtocol() {
        return completedProtocol;
    }

    /**
     * Adds a fragment.
     *
     * @return the length of the completed datagram payload copied into {@code out}, or -1
     */
    int add(Fragment f, byte[] out) {
        expire(f.timestamp());
        byte[] pkt = f.packet();
        int n = f.addressLength();
        Key key = new Key(read64(pkt, f.srcAt(), n, 0), read64(pkt, f.srcAt(), n, 8),
                read64(pkt, f.dstAt(), n, 0), read64(pkt, f.dstAt(), n, 8), f.id(), f.keyProtocol());
        int offset = f.offset();
        boolean more = f.more();
        int dataLen = f.dataLength();
        int end = offset + dataLen;
        if (end > config.maxDatagramSize()) {
            weirds.count(family.tooLarge());
            open.remove(key);
            return -1;
        }
        Datagram d = open.get(key);
        if (d == null) {
            if (open.size() >= config.maxFragmentedDatagrams()) {
                Iterator<Map.Entry<Key, Datagram>> it = open.entrySet().iterator();
                it.next();
                it.remove();
                weirds.count(family.evicted());
            }
            d = new Datagram(f.timestamp());
            open.put(key, d);
        }
        if (!more) {
            if (d.total == -1 && d.covered.length() <= end) {
                d.total = end;
            } else if (d.total != end) {
                weirds.count(family.inconsistentLength());
                return -1;
            }
        } else if ((d.total != -1 && end > d.total) || dataLen % 8 != 0) {
            weirds.count(family.inconsistentLength());
            return -1;
        }
        if (offset == 0) {
            d.protocol = f.protocol();
        }
        store(d, pkt, f.dataAt(), offset, end);
        if (d.total < 0 || d.covered.nextClearBit(0) < d.total || d.protocol < 0) {
            return -1;
        }
        open.remove(key);
        System.arraycopy(d.buf, 0, out, 0, d.total);
        completedProtocol = d.protocol;
        return d.total;
    }

    private void store(Datagram d, byte[] pkt, int dataAt, int offset, int end) {
        if (d.buf.length < end) {
            d.buf = Arrays.copyOf(d.buf, Math.min(config.maxDatagramSize(), Math.max(end, d.buf.length * 2)));
        }
        int firstOld = d.covered.nextSetBit(offset);
        if (firstOld >= 0 && firstOld < end) {
            weirds.count(family.overlap());
            if (overlapDiffers(d, pkt, dataAt, offset, end, firstOld)) {
                weirds.count(family.overlapConflict());
            }
        }
        for (int i = d.covered.nextClearBit(offset); i < end; ) {
            int next = d.covered.nextSetBit(i);
            int runEnd = next < 0 || next > end ? end : next;
            System.arraycopy(pkt, dataAt + i - offset, d.buf, i, runEnd - i);
            if (runEnd >= end) {
                break;
            }
            i = d.covered.nextClearBit(runEnd);
        }
        d.covered.set(offset, end);
    }

    private static boolean overlapDiffers(Datagram d, byte[] pkt, int dataAt, int offset, int end, int from) {
        for (int i = from; i >= 0 && i < end; i = d.covered.nextSetBit(i + 1)) {
            if (d.buf[i] != pkt[dataAt + i - offset]) {
                return true;
            }
        }
        return false;
    }

    private void expire(long now) {
        Iterator<Datagram> it = open.values().iterator();
        while (it.hasNext()) {
            Datagram d = it.next();
            if (now - d.firstSeen <= config.fragmentTimeout().toNanos()) {
                break;
            }
            it.remove();
            weirds.count(family.timeout());
        }
    }

    private static long read64(byte[] b, int at, int len, int from) {
        long v = 0;
        for (int i = from; i < Math.min(len, from + 8); i++) {
            v = (v << 8) | (b[at + i] & 0xff);
        }
        return v;
    }
}
