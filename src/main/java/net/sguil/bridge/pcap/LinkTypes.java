package net.sguil.bridge.pcap;

/** The LINKTYPE_ values the decoder understands (tcpdump.org/linktypes.html). */
public final class LinkTypes {
    public static final int NULL = 0;
    public static final int ETHERNET = 1;
    /** DLT_RAW as most systems number it. */
    public static final int RAW_DLT12 = 12;
    /** DLT_RAW on OpenBSD. */
    public static final int RAW_DLT14 = 14;
    public static final int RAW = 101;
    public static final int LOOP = 108;
    public static final int LINUX_SLL = 113;
    public static final int IPV4 = 228;
    public static final int IPV6 = 229;
    public static final int LINUX_SLL2 = 276;

    private LinkTypes() {
    }
}
