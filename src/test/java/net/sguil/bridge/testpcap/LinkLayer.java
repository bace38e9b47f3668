package net.sguil.bridge.testpcap;

import java.nio.ByteOrder;

/** The link layers a test capture can use, with their LINKTYPE_ value and a frame builder around an IP packet. */
public enum LinkLayer {
    ETHERNET(1),
    SLL(113),
    SLL2(276),
    RAW(101),
    /** Raw IP under the old DLT_RAW value 12 (OpenBSD's 14 works alike). */
    RAW_DLT12(12),
    IPV4(228),
    IPV6(229),
    /** BSD null loopback: family word in the writer's (here: little-endian) byte order, AF_INET6 = 30. */
    NULL(0),
    /** BSD null loopback written on a big-endian machine, AF_INET6 = 24. */
    NULL_BIG_ENDIAN(0),
    /** OpenBSD loopback: family word always big-endian, AF_INET6 = 24. */
    LOOP(108);

    public final int linkType;

    LinkLayer(int linkType) {
        this.linkType = linkType;
    }

    public byte[] wrap(byte[] ip) {
        return switch (this) {
            case ETHERNET -> Frames.ethernet(ip);
            case SLL -> Frames.sll(ip);
            case SLL2 -> Frames.sll2(ip);
            case RAW, RAW_DLT12, IPV4, IPV6 -> ip;
            case NULL -> Frames.nullLoopback(ip, ByteOrder.LITTLE_ENDIAN, 30);
            case NULL_BIG_ENDIAN, LOOP -> Frames.nullLoopback(ip, ByteOrder.BIG_ENDIAN, 24);
        };
    }
}
