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
 * fragment; every overlap counts {@code <prefix>.fragment_overlap} and an overlap whose bytes differ
 * also {@code <prefix>.fragment_overlap_conflict} (the classic IDS-evasion trick, worth an analyst's
 * look). Datagrams are keyed by source, destination, identification (and protocol for IPv4). The
 * oldest incomplete datagram is dropped when too many are open, and any is dropped once it is older
 * than the timeout in capture time.
 */
final class FragmentReassembler {
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
    private final String prefix;
    private final LinkedHashMap<Key, Datagram> open = new LinkedHashMap<>();
    private int completedProtocol;

    FragmentReassembler(PcapLimits config, Weirds weirds, String prefix) {
        this.config = config;
        this.weirds = weirds;
        this.prefix = prefix;
    }

    /** Upper-layer protocol of the datagram the last successful {@link #add} completed. */
    int completedProtocol() {
        return completedProtocol;
    }

    int openDatagrams() {
        return open.size();
    }

    /**
     * Adds a fragment. {@code protocol} is the upper-layer protocol this fragment names (for IPv6 only
     * the first fragment's counts); {@code keyProtocol} is part of the key (-1 for IPv6).
     *
     * @return the length of the completed datagram payload copied into {@code out}, or -1
     */
    int add(long ts, byte[] pkt, int srcAt, int dstAt, int addrLen, int id, int keyProtocol, int protocol,
            int offset, boolean more, int dataAt, int dataLen, byte[] out) {
        expire(ts);
        Key key = new Key(read64(pkt, srcAt, addrLen, 0), read64(pkt, srcAt, addrLen, 8),
                read64(pkt, dstAt, addrLen, 0), read64(pkt, dstAt, addrLen, 8), id, keyProtocol);
        int end = offset + dataLen;
        if (end > config.maxDatagramSize()) {
            weirds.count(prefix + ".fragment_too_large");
            open.remove(key);
            return -1;
        }
        Datagram d = open.get(key);
        if (d == null) {
            if (open.size() >= config.maxFragmentedDatagrams()) {
                Iterator<Map.Entry<Key, Datagram>> it = open.entrySet().iterator();
                it.next();
                it.remove();
                weirds.count(prefix + ".fragment_evicted");
            }
            d = new Datagram(ts);
            open.put(key, d);
        }
        if (!more) {
            if (d.total == -1 && d.covered.length() <= end) {
                d.total = end;
            } else if (d.total != end) {
                weirds.count(prefix + ".fragment_inconsistent_length");
                return -1;
            }
        } else if ((d.total != -1 && end > d.total) || dataLen % 8 != 0) {
            weirds.count(prefix + ".fragment_inconsistent_length");
            return -1;
        }
        if (offset == 0) {
            d.protocol = protocol;
        }
        store(d, pkt, dataAt, offset, end);
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
            weirds.count(prefix + ".fragment_overlap");
            if (overlapDiffers(d, pkt, dataAt, offset, end, firstOld)) {
                weirds.count(prefix + ".fragment_overlap_conflict");
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
            weirds.count(prefix + ".fragment_timeout");
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
