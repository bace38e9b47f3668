package net.sguil.bridge.pcap;

import net.sguil.bridge.weird.Weirds;

/**
 * Decodes captured frames down to TCP and hands each segment to a {@link TcpSink}.
 *
 * <p>Link layers: Ethernet (802.1Q/802.1ad/0x9100 tags, stacked), Linux SLL and SLL2, raw IP, BSD
 * null/loopback. IPv4 (header checksum not checked, fragments reassembled) and IPv6 (hop-by-hop,
 * routing, destination options and AH skipped, fragments reassembled). Other protocols are ignored
 * quietly; odd packets are counted in {@link Weirds} and dropped, never thrown.
 *
 * <p>The IP length decides where the payload ends, so Ethernet padding never becomes data. When
 * the IP length claims more bytes than were captured, the captured payload is delivered and the rest
 * reported as {@link TcpSegment#missingLength} (weird {@code pcap.snaplen_cut}, or
 * {@code ip.length_exceeds_capture} if the frame was not cut). One decoder per thread: it refills a
 * single {@link TcpSegment} and allocates nothing for unfragmented packets.
 */
public final class PacketDecoder {
    private static final int ETHERTYPE_IPV4 = 0x0800;
    private static final int ETHERTYPE_IPV6 = 0x86dd;
    private static final int PROTO_TCP = 6;
    private static final int PROTO_UDP = 17;
    private static final int PROTO_ICMP = 1;
    private static final int PROTO_ICMPV6 = 58;
    // IPv6 next-header values of the extension headers (RFC 8200 §4, RFC 4302, RFC 4303)
    private static final int IP6_HOP_BY_HOP = 0;
    private static final int IP6_ROUTING = 43;
    private static final int IP6_FRAGMENT = 44;
    private static final int IP6_ESP = 50;
    private static final int IP6_AUTHENTICATION = 51;
    private static final int IP6_NO_NEXT_HEADER = 59;
    private static final int IP6_DESTINATION_OPTIONS = 60;

    private final PcapLimits config;
    private final Weirds weirds;
    private final TcpSink sink;
    private final TcpSegment segment = new TcpSegment();
    private final FragmentReassembler ipv4Fragments;
    private final FragmentReassembler ipv6Fragments;
    private final byte[] reassembled;
    /** The current frame was cut by the snap length. */
    private boolean cut;
    private long timestamp;

    public PacketDecoder(PcapLimits config, Weirds weirds, TcpSink sink) {
        this.config = config;
        this.weirds = weirds;
        this.sink = sink;
        this.ipv4Fragments = new FragmentReassembler(config, weirds, FragmentReassembler.IPV4);
        this.ipv6Fragments = new FragmentReassembler(config, weirds, FragmentReassembler.IPV6);
        this.reassembled = new byte[config.maxDatagramSize()];
    }

    public void decode(RawPacket p) {
        byte[] d = p.data;
        int end = p.capturedLength;
        cut = p.capturedLength < p.originalLength;
        timestamp = p.timestampNanos;
        switch (p.linkType) {
            case LinkTypes.ETHERNET -> ethernet(d, end);
            case LinkTypes.LINUX_SLL -> {
                if (linkHeader(end, 16)) {
                    network(u16(d, 14), d, 16, end);
                }
            }
            case LinkTypes.LINUX_SLL2 -> {
                if (linkHeader(end, 20)) {
                    network(u16(d, 0), d, 20, end);
                }
            }
            case LinkTypes.RAW, LinkTypes.RAW_DLT12, LinkTypes.RAW_DLT14, LinkTypes.IPV4, LinkTypes.IPV6 -> ip(d, 0, end);
            case LinkTypes.NULL, LinkTypes.LOOP -> loopback(d, end);
            default -> weirds.count(PcapWeird.PCAP_UNSUPPORTED_LINK_TYPE);
        }
    }

    private boolean linkHeader(int end, int length) {
        if (end < length) {
            weirds.count(cut ? PcapWeird.PCAP_CUT_IN_HEADER : PcapWeird.PCAP_SHORT_LINK_HEADER);
            return false;
        }
        return true;
    }

    private void ethernet(byte[] d, int end) {
        if (!linkHeader(end, 14)) {
            return;
        }
        int type = u16(d, 12);
        int at = 14;
        for (int tags = 0; type == 0x8100 || type == 0x88a8 || type == 0x9100; tags++) {
            if (tags == config.maxVlanTags()) {
                weirds.count(PcapWeird.PCAP_TOO_MANY_VLAN_TAGS);
                return;
            }
            if (!linkHeader(end, at + 4)) {
                return;
            }
            type = u16(d, at + 2);
            at += 4;
        }
        network(type, d, at, end);
    }

    private void loopback(byte[] d, int end) {
        if (!linkHeader(end, 4)) {
            return;
        }
        // The family word is in the byte order of the capturing host; the value is small either way.
        int family = u16(d, 0) == 0 ? u16(d, 2) : ((d[1] & 0xff) << 8) | (d[0] & 0xff);
        switch (family) {
            case 2 -> ipv4(d, 4, end);
            case 24, 28, 30 -> ipv6(d, 4, end);
            default -> {
                // other address families carry no IP
            }
        }
    }

    private void network(int etherType, byte[] d, int at, int end) {
        if (etherType == ETHERTYPE_IPV4) {
            ipv4(d, at, end);
        } else if (etherType == ETHERTYPE_IPV6) {
            ipv6(d, at, end);
        }
    }

    private void ip(byte[] d, int at, int end) {
        if (at >= end) {
            weirds.count(cut ? PcapWeird.PCAP_CUT_IN_HEADER : PcapWeird.IP_TRUNCATED_HEADER);
            return;
        }
        switch ((d[at] & 0xff) >>> 4) {
            case 4 -> ipv4(d, at, end);
            case 6 -> ipv6(d, at, end);
            default -> weirds.count(PcapWeird.IP_UNKNOWN_VERSION);
        }
    }

    private void headerCut(PcapWeird truncated) {
        weirds.count(cut ? PcapWeird.PCAP_CUT_IN_HEADER : truncated);
    }

    private void ipv4(byte[] d, int at, int end) {
        int avail = end - at;
        if (avail < 20) {
            headerCut(PcapWeird.IP_TRUNCATED_HEADER);
            return;
        }
        int ihl = (d[at] & 0x0f) * 4;
        if ((d[at] & 0xf0) != 0x40 || ihl < 20) {
            weirds.count(PcapWeird.IP_BAD_HEADER);
            return;
        }
        if (avail < ihl) {
            headerCut(PcapWeird.IP_TRUNCATED_HEADER);
            return;
        }
        int total = u16(d, at + 2);
        if (total == 0) {
            // TCP segmentation offload: the sending host's capture shows a zero length.
            weirds.count(PcapWeird.IP_ZERO_TOTAL_LENGTH);
            total = avail;
        }
        if (total < ihl) {
            weirds.count(PcapWeird.IP_BAD_TOTAL_LENGTH);
            return;
        }
        int missing = Math.max(0, total - avail);
        int ipEnd = at + total - missing;
        int protocol = d[at + 9] & 0xff;
        segment.ipVersion = 4;
        System.arraycopy(d, at + 12, segment.src, 0, 4);
        System.arraycopy(d, at + 16, segment.dst, 0, 4);
        int frag = u16(d, at + 6);
        boolean more = (frag & 0x2000) != 0;
        int offset = (frag & 0x1fff) * 8;
        if (!more && offset == 0) {
            transport(protocol, d, at + ihl, ipEnd, missing);
            return;
        }
        if (protocol != PROTO_TCP) {
            return;
        }
        if (missing > 0) {
            weirds.count(PcapWeird.IP_FRAGMENT_CUT);
            return;
        }
        int n = ipv4Fragments.add(new FragmentReassembler.Fragment(timestamp, d, at + 12, at + 16, 4, u16(d, at + 4),
                protocol, protocol, offset, more, at + ihl, ipEnd - at - ihl), reassembled);
        if (n >= 0) {
            tcp(reassembled, 0, n, 0);
        }
    }

    private void ipv6(byte[] d, int at, int end) {
        int avail = end - at;
        if (avail < 40) {
            headerCut(PcapWeird.IP6_TRUNCATED_HEADER);
            return;
        }
        if ((d[at] & 0xf0) != 0x60) {
            weirds.count(PcapWeird.IP6_BAD_HEADER);
            return;
        }
        int total = 40 + u16(d, at + 4);
        if (total == 40 && avail > 40) {
            // Jumbogram or segmentation offload: trust the capture.
            weirds.count(PcapWeird.IP6_ZERO_PAYLOAD_LENGTH);
            total = avail;
        }
        int missing = Math.max(0, total - avail);
        int ipEnd = at + total - missing;
        segment.ipVersion = 6;
        System.arraycopy(d, at + 8, segment.src, 0, 16);
        System.arraycopy(d, at + 24, segment.dst, 0, 16);
        int next = d[at + 6] & 0xff;
        int p = at + 40;
        boolean wasReassembled = false;
        for (int headers = 0; ; headers++) {
            if (headers > config.maxIpv6ExtensionHeaders()) {
                weirds.count(PcapWeird.IP6_TOO_MANY_EXTENSION_HEADERS);
                return;
            }
            int hl;
            switch (next) {
                case PROTO_TCP -> {
                    tcp(d, p, ipEnd, missing);
                    return;
                }
                case PROTO_UDP, PROTO_ICMPV6 -> {
                    return;
                }
                case IP6_HOP_BY_HOP, IP6_ROUTING, IP6_DESTINATION_OPTIONS ->
                        hl = p + 2 <= ipEnd ? ((d[p + 1] & 0xff) + 1) * 8 : Integer.MAX_VALUE;
                case IP6_AUTHENTICATION -> hl = p + 2 <= ipEnd ? ((d[p + 1] & 0xff) + 2) * 4 : Integer.MAX_VALUE;
                case IP6_FRAGMENT -> hl = 8;
                case IP6_ESP -> {
                    weirds.count(PcapWeird.IP6_ESP);
                    return;
                }
                case IP6_NO_NEXT_HEADER -> {
                    weirds.count(PcapWeird.IP6_NO_NEXT_HEADER);
                    return;
                }
                default -> {
                    weirds.count(PcapWeird.IP6_UNKNOWN_NEXT_HEADER);
                    return;
                }
            }
            if (hl > ipEnd - p) {
                headerCut(PcapWeird.IP6_TRUNCATED_HEADER);
                return;
            }
            if (next != IP6_FRAGMENT) {
                next = d[p] & 0xff;
                p += hl;
                continue;
            }
            int fragNext = d[p] & 0xff;
            int fo = u16(d, p + 2);
            int offset = fo & 0xfff8;
            boolean more = (fo & 1) != 0;
            if (offset == 0 && !more) {
                // An atomic fragment: the whole datagram is here.
                next = fragNext;
                p += 8;
                continue;
            }
            if (wasReassembled) {
                weirds.count(PcapWeird.IP6_NESTED_FRAGMENT);
                return;
            }
            if (missing > 0) {
                weirds.count(PcapWeird.IP6_FRAGMENT_CUT);
                return;
            }
            int n = ipv6Fragments.add(new FragmentReassembler.Fragment(timestamp, d, at + 8, at + 24, 16, i32(d, p + 4),
                    -1, fragNext, offset, more, p + 8, ipEnd - p - 8), reassembled);
            if (n < 0) {
                return;
            }
            wasReassembled = true;
            d = reassembled;
            p = 0;
            ipEnd = n;
            next = ipv6Fragments.completedProtocol();
        }
    }

    private void transport(int protocol, byte[] d, int at, int end, int missing) {
        if (protocol == PROTO_TCP) {
            tcp(d, at, end, missing);
        } else if (protocol != PROTO_UDP && protocol != PROTO_ICMP) {
            weirds.count(PcapWeird.IP_OTHER_PROTOCOL);
        }
    }

    private void tcp(byte[] d, int at, int end, int missing) {
        int avail = end - at;
        if (avail < 20) {
            headerCut(PcapWeird.TCP_TRUNCATED_HEADER);
            return;
        }
        int hl = ((d[at + 12] & 0xff) >>> 4) * 4;
        if (hl < 20) {
            weirds.count(PcapWeird.TCP_BAD_HEADER_LENGTH);
            return;
        }
        if (avail < hl) {
            headerCut(PcapWeird.TCP_TRUNCATED_HEADER);
            return;
        }
        TcpSegment s = segment;
        s.timestampNanos = timestamp;
        s.srcPort = u16(d, at);
        s.dstPort = u16(d, at + 2);
        s.seq = i32(d, at + 4);
        s.ack = i32(d, at + 8);
        s.flags = d[at + 13] & 0xff;
        s.window = u16(d, at + 14);
        s.data = d;
        s.dataOffset = at + hl;
        s.dataLength = end - at - hl;
        s.missingLength = missing;
        if (missing > 0) {
            weirds.count(cut ? PcapWeird.PCAP_SNAPLEN_CUT : PcapWeird.IP_LENGTH_EXCEEDS_CAPTURE);
        }
        sink.onSegment(s);
    }

    private static int u16(byte[] d, int at) {
        return ((d[at] & 0xff) << 8) | (d[at + 1] & 0xff);
    }

    private static int i32(byte[] d, int at) {
        return ((d[at] & 0xff) << 24) | ((d[at + 1] & 0xff) << 16) | ((d[at + 2] & 0xff) << 8) | (d[at + 3] & 0xff);
    }
}
