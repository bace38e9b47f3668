package net.sguil.bridge.testpcap;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builders for test frames, from the inside out: {@link #tcp} → {@link #ipv4}/{@link #ipv6}
 * (optionally {@link #fragmentIpv4}/{@link #fragmentIpv6}) → a link layer ({@link #ethernet},
 * {@link #sll}, … or {@link LinkLayer#wrap}). Lengths and IPv4/TCP checksums are correct.
 * <pre>{@code
 * byte[] ip = Frames.ipv4("10.0.0.1", "10.0.0.2", Frames.TCP, Frames.tcp(1025, 25, 1000, 0, TcpSegment.SYN, new byte[0]));
 * byte[] frame = Frames.ethernetVlan(ip, 10, 20);            // two 802.1Q tags
 * List<byte[]> frags = Frames.fragmentIpv4(bigIp, 64);      // 64 payload bytes per fragment
 * }</pre>
 */
public final class Frames {
    public static final int TCP = 6;
    public static final int UDP = 17;
    public static final int HOP_BY_HOP = 0;
    public static final int ROUTING = 43;
    public static final int FRAGMENT = 44;
    public static final int ESP = 50;
    public static final int AH = 51;
    public static final int NO_NEXT = 59;
    public static final int DEST_OPTS = 60;

    private Frames() {
    }

    public static byte[] addr(String literal) {
        try {
            return InetAddress.getByName(literal).getAddress(); // literals only: never resolves
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    /** A 20-byte-header TCP segment; checksum left zero (filled in by {@link #ipv4}/{@link #ipv6}). */
    public static byte[] tcp(int srcPort, int dstPort, long seq, long ack, int flags, byte[] payload) {
        return tcp(srcPort, dstPort, seq, ack, flags, 65535, new byte[0], payload);
    }

    /** TCP with options (padded to 4 bytes) and a window. */
    public static byte[] tcp(int srcPort, int dstPort, long seq, long ack, int flags, int window, byte[] options, byte[] payload) {
        int optLen = (options.length + 3) & ~3;
        int hl = 20 + optLen;
        ByteBuffer b = ByteBuffer.allocate(hl + payload.length);
        b.putShort((short) srcPort).putShort((short) dstPort).putInt((int) seq).putInt((int) ack);
        b.put((byte) ((hl / 4) << 4)).put((byte) flags).putShort((short) window).putShort((short) 0).putShort((short) 0);
        b.put(options).position(hl);
        b.put(payload);
        return b.array();
    }

    public static byte[] udp(int srcPort, int dstPort, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(8 + payload.length);
        b.putShort((short) srcPort).putShort((short) dstPort).putShort((short) (8 + payload.length)).putShort((short) 0).put(payload);
        return b.array();
    }

    /** IPv4 with identification 1. */
    public static byte[] ipv4(String src, String dst, int protocol, byte[] payload) {
        return ipv4(addr(src), addr(dst), protocol, payload, new byte[0], 1);
    }

    /** IPv4 with options (padded to 4 bytes), DF set, the given identification (fragments are keyed by it). */
    public static byte[] ipv4(byte[] src, byte[] dst, int protocol, byte[] payload, byte[] options, int identification) {
        int optLen = (options.length + 3) & ~3;
        int hl = 20 + optLen;
        ByteBuffer b = ByteBuffer.allocate(hl + payload.length);
        b.put((byte) (0x40 | hl / 4)).put((byte) 0).putShort((short) (hl + payload.length)).putShort((short) identification)
                .putShort((short) 0x4000).put((byte) 64).put((byte) protocol).putShort((short) 0).put(src).put(dst);
        b.put(options).position(hl);
        b.put(payload);
        byte[] p = b.array();
        putShort(p, 10, checksum(p, 0, hl, 0));
        if (protocol == TCP && payload.length >= 20) {
            long pseudo = sum(src) + sum(dst) + TCP + payload.length;
            putShort(p, hl + 16, checksum(p, hl, payload.length, pseudo));
        }
        return p;
    }

    public static byte[] ipv6(String src, String dst, int protocol, byte[] payload, int... extensionHeaders) {
        return ipv6(addr(src), addr(dst), protocol, payload, extensionHeaders);
    }

    /**
     * IPv6 with the given extension headers, in order, before the upper-layer {@code protocol}:
     * {@link #HOP_BY_HOP}, {@link #ROUTING}, {@link #DEST_OPTS} (8 bytes each) and {@link #AH} (24 bytes).
     */
    public static byte[] ipv6(byte[] src, byte[] dst, int protocol, byte[] payload, int... extensionHeaders) {
        ByteArrayOutputStream ext = new ByteArrayOutputStream();
        for (int i = 0; i < extensionHeaders.length; i++) {
            int next = i + 1 < extensionHeaders.length ? extensionHeaders[i + 1] : protocol;
            ext.writeBytes(extensionHeader(extensionHeaders[i], next));
        }
        byte[] chain = ext.toByteArray();
        int first = extensionHeaders.length > 0 ? extensionHeaders[0] : protocol;
        ByteBuffer b = ByteBuffer.allocate(40 + chain.length + payload.length);
        b.putInt(0x60000000).putShort((short) (chain.length + payload.length)).put((byte) first).put((byte) 64)
                .put(src).put(dst).put(chain).put(payload);
        byte[] p = b.array();
        if (protocol == TCP && payload.length >= 20) {
            long pseudo = sum(src) + sum(dst) + TCP + payload.length;
            int off = 40 + chain.length;
            putShort(p, off + 16, checksum(p, off, payload.length, pseudo));
        }
        return p;
    }

    private static byte[] extensionHeader(int type, int next) {
        return switch (type) {
            case HOP_BY_HOP, DEST_OPTS -> new byte[] {(byte) next, 0, 1, 4, 0, 0, 0, 0}; // PadN
            case ROUTING -> new byte[] {(byte) next, 0, 0, 0, 0, 0, 0, 0}; // type 0, segments left 0
            case AH -> {
                byte[] h = new byte[24];
                h[0] = (byte) next;
                h[1] = 4; // (24 / 4) - 2
                yield h;
            }
            default -> throw new IllegalArgumentException("no builder for extension header " + type);
        };
    }

    /**
     * Splits an IPv4 packet into fragments carrying {@code fragmentPayload} bytes each (a multiple
     * of 8; the last carries the rest), in order.
     */
    public static List<byte[]> fragmentIpv4(byte[] packet, int fragmentPayload) {
        requireMultipleOf8(fragmentPayload);
        int hl = (packet[0] & 0x0f) * 4;
        int total = getShort(packet, 2);
        List<byte[]> out = new ArrayList<>();
        for (int off = 0; off < total - hl; off += fragmentPayload) {
            int len = Math.min(fragmentPayload, total - hl - off);
            boolean more = off + len < total - hl;
            byte[] f = new byte[hl + len];
            System.arraycopy(packet, 0, f, 0, hl);
            System.arraycopy(packet, hl + off, f, hl, len);
            putShort(f, 2, hl + len);
            putShort(f, 6, (more ? 0x2000 : 0) | off / 8);
            putShort(f, 10, 0);
            putShort(f, 10, checksum(f, 0, hl, 0));
            out.add(f);
        }
        return out;
    }

    /**
     * Splits an IPv6 packet into fragments (fragment header after any leading hop-by-hop and routing
     * headers), {@code fragmentPayload} bytes each (a multiple of 8), in order.
     */
    public static List<byte[]> fragmentIpv6(byte[] packet, int fragmentPayload, int identification) {
        requireMultipleOf8(fragmentPayload);
        int unfragEnd = 40;
        int nextField = 6;
        int next = packet[6] & 0xff;
        while (next == HOP_BY_HOP || next == ROUTING) {
            nextField = unfragEnd;
            next = packet[unfragEnd] & 0xff;
            unfragEnd += ((packet[unfragEnd + 1] & 0xff) + 1) * 8;
        }
        int restLen = packet.length - unfragEnd;
        List<byte[]> out = new ArrayList<>();
        for (int off = 0; off < restLen; off += fragmentPayload) {
            int len = Math.min(fragmentPayload, restLen - off);
            boolean more = off + len < restLen;
            byte[] f = new byte[unfragEnd + 8 + len];
            System.arraycopy(packet, 0, f, 0, unfragEnd);
            f[nextField] = (byte) FRAGMENT;
            f[unfragEnd] = (byte) next;
            putShort(f, unfragEnd + 2, off | (more ? 1 : 0));
            ByteBuffer.wrap(f, unfragEnd + 4, 4).putInt(identification);
            System.arraycopy(packet, unfragEnd + off, f, unfragEnd + 8, len);
            putShort(f, 4, f.length - 40);
            out.add(f);
        }
        return out;
    }

    /** Ethernet II around an IP packet (EtherType from the IP version), optionally with 802.1Q tags. */
    public static byte[] ethernet(byte[] ip) {
        return ethernetTagged(ip, new int[0], new int[0]);
    }

    /** Ethernet with one 802.1Q (0x8100) tag per VLAN id, outermost first. */
    public static byte[] ethernetVlan(byte[] ip, int... vlanIds) {
        int[] tpids = new int[vlanIds.length];
        Arrays.fill(tpids, 0x8100);
        return ethernetTagged(ip, tpids, vlanIds);
    }

    /** 802.1ad QinQ: an outer tag with TPID {@code outerTpid} (0x88a8 or 0x9100) and an inner 0x8100 tag. */
    public static byte[] ethernetQinQ(byte[] ip, int outerTpid, int outerVid, int innerVid) {
        return ethernetTagged(ip, new int[] {outerTpid, 0x8100}, new int[] {outerVid, innerVid});
    }

    public static byte[] ethernetTagged(byte[] ip, int[] tpids, int[] vids) {
        ByteBuffer b = ByteBuffer.allocate(14 + 4 * tpids.length + ip.length);
        b.put(new byte[] {2, 0, 0, 0, 0, 2}).put(new byte[] {2, 0, 0, 0, 0, 1});
        for (int i = 0; i < tpids.length; i++) {
            b.putShort((short) tpids[i]).putShort((short) vids[i]);
        }
        b.putShort((short) etherType(ip)).put(ip);
        return b.array();
    }

    /** Appends zero bytes up to {@code minLength} (Ethernet pads short frames to 60 bytes). */
    public static byte[] pad(byte[] frame, int minLength) {
        return frame.length >= minLength ? frame : Arrays.copyOf(frame, minLength);
    }

    public static byte[] sll(byte[] ip) {
        ByteBuffer b = ByteBuffer.allocate(16 + ip.length);
        b.putShort((short) 0).putShort((short) 1).putShort((short) 6).put(new byte[] {2, 0, 0, 0, 0, 1, 0, 0})
                .putShort((short) etherType(ip)).put(ip);
        return b.array();
    }

    public static byte[] sll2(byte[] ip) {
        ByteBuffer b = ByteBuffer.allocate(20 + ip.length);
        b.putShort((short) etherType(ip)).putShort((short) 0).putInt(2).putShort((short) 1).put((byte) 0).put((byte) 6)
                .put(new byte[] {2, 0, 0, 0, 0, 1, 0, 0}).put(ip);
        return b.array();
    }

    /** BSD null/loopback: a 4-byte address family (2 for IPv4, {@code af6} for IPv6) in {@code order}. */
    public static byte[] nullLoopback(byte[] ip, ByteOrder order, int af6) {
        ByteBuffer b = ByteBuffer.allocate(4 + ip.length).order(order);
        b.putInt(isIpv6(ip) ? af6 : 2).put(ip);
        return b.array();
    }

    private static boolean isIpv6(byte[] ip) {
        return (ip[0] & 0xf0) == 0x60;
    }

    private static int etherType(byte[] ip) {
        return isIpv6(ip) ? 0x86dd : 0x0800;
    }

    private static void requireMultipleOf8(int n) {
        if (n <= 0 || n % 8 != 0) {
            throw new IllegalArgumentException("fragment payload must be a positive multiple of 8: " + n);
        }
    }

    static int getShort(byte[] b, int off) {
        return ((b[off] & 0xff) << 8) | (b[off + 1] & 0xff);
    }

    static void putShort(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 8);
        b[off + 1] = (byte) v;
    }

    private static long sum(byte[] b) {
        return sum(b, 0, b.length);
    }

    private static long sum(byte[] b, int off, int len) {
        long s = 0;
        for (int i = 0; i + 1 < len; i += 2) {
            s += getShort(b, off + i);
        }
        if ((len & 1) != 0) {
            s += (b[off + len - 1] & 0xff) << 8;
        }
        return s;
    }

    private static int checksum(byte[] b, int off, int len, long initial) {
        long s = initial + sum(b, off, len);
        while ((s >>> 16) != 0) {
            s = (s & 0xffff) + (s >>> 16);
        }
        return (int) (~s) & 0xffff;
    }
}
