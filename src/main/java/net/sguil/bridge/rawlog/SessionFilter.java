package net.sguil.bridge.rawlog;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import net.sguil.bridge.pcap.TcpSegment;
import net.sguil.bridge.pcap.TcpSink;

/** Passes on only the segments of one TCP session (either direction), as a pcap agent's BPF filter would. */
public final class SessionFilter implements TcpSink {
    private final byte[] a;
    private final byte[] b;
    private final int portA;
    private final int portB;
    private final TcpSink next;

    public SessionFilter(String ipA, int portA, String ipB, int portB, TcpSink next) {
        this.a = address(ipA);
        this.b = address(ipB);
        this.portA = portA;
        this.portB = portB;
        this.next = next;
    }

    private static byte[] address(String ip) {
        try {
            return InetAddress.getByName(ip).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + ip, e);
        }
    }

    @Override
    public void onSegment(TcpSegment s) {
        if (matches(s, a, portA, b, portB) || matches(s, b, portB, a, portA)) {
            next.onSegment(s);
        }
    }

    private static boolean matches(TcpSegment s, byte[] src, int sp, byte[] dst, int dp) {
        int n = s.addressLength();
        return s.srcPort == sp && s.dstPort == dp && src.length == n && dst.length == n
                && Arrays.equals(s.src, 0, n, src, 0, n) && Arrays.equals(s.dst, 0, n, dst, 0, n);
    }
}
