package net.sguil.bridge.tcp;

import net.sguil.bridge.pcap.TcpSegment;

/**
 * A connection's identity regardless of direction: the two endpoints in a canonical order.
 * Mutable so that one instance can probe the connection table for every packet without
 * allocating; a copy is made only when a connection is created.
 */
final class FlowKey {
    private int addressLength;
    private long lo0, lo1, hi0, hi1;
    private int loPort, hiPort;
    private int hash;

    /** Sets this key from a segment. @return true when the segment's source is the canonical "lo" endpoint */
    boolean set(TcpSegment s) {
        int n = s.addressLength();
        long s0 = word(s.src, 0, n), s1 = n == 16 ? word(s.src, 8, 16) : 0;
        long d0 = word(s.dst, 0, n), d1 = n == 16 ? word(s.dst, 8, 16) : 0;
        int c = Long.compareUnsigned(s0, d0);
        if (c == 0) {
            c = Long.compareUnsigned(s1, d1);
        }
        if (c == 0) {
            c = Integer.compare(s.srcPort, s.dstPort);
        }
        boolean srcIsLo = c <= 0;
        addressLength = n;
        if (srcIsLo) {
            lo0 = s0; lo1 = s1; loPort = s.srcPort;
            hi0 = d0; hi1 = d1; hiPort = s.dstPort;
        } else {
            lo0 = d0; lo1 = d1; loPort = s.dstPort;
            hi0 = s0; hi1 = s1; hiPort = s.srcPort;
        }
        long h = lo0 * 31 + lo1;
        h = h * 31 + hi0;
        h = h * 31 + hi1;
        h = h * 31 + ((long) loPort << 16 | hiPort);
        hash = (int) (h ^ (h >>> 32));
        return srcIsLo;
    }

    private static long word(byte[] a, int from, int to) {
        long w = 0;
        for (int i = from; i < Math.min(to, from + 8); i++) {
            w = w << 8 | (a[i] & 0xff);
        }
        return w;
    }

    /** The canonical "lo" endpoint's address (true) or the "hi" one's, as 4 or 16 bytes. */
    byte[] address(boolean lo) {
        byte[] a = new byte[addressLength];
        long w0 = lo ? lo0 : hi0;
        long w1 = lo ? lo1 : hi1;
        for (int i = 0; i < addressLength; i++) {
            long w = addressLength == 4 ? w0 << 32 : i < 8 ? w0 : w1;
            a[i] = (byte) (w >>> (56 - 8 * (i & 7)));
        }
        return a;
    }

    int port(boolean lo) {
        return lo ? loPort : hiPort;
    }

    FlowKey copy() {
        FlowKey k = new FlowKey();
        k.addressLength = addressLength;
        k.lo0 = lo0; k.lo1 = lo1; k.hi0 = hi0; k.hi1 = hi1;
        k.loPort = loPort; k.hiPort = hiPort;
        k.hash = hash;
        return k;
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FlowKey k && k.addressLength == addressLength && k.lo0 == lo0 && k.lo1 == lo1
                && k.hi0 == hi0 && k.hi1 == hi1 && k.loPort == loPort && k.hiPort == hiPort;
    }
}
