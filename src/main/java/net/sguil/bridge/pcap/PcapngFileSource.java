package net.sguil.bridge.pcap;

import java.io.IOException;

/**
 * pcapng: section headers (each with its own byte order), interface descriptions (link type, snap
 * length, {@code if_tsresol}, {@code if_tsoffset}), enhanced, simple and obsolete packet blocks.
 * Every other block type is skipped unread.
 */
final class PcapngFileSource extends FileSource {
    static final int SHB = 0x0A0D0D0A;
    private static final int IDB = 1;
    private static final int PB = 2;
    private static final int SPB = 3;
    private static final int EPB = 6;
    private static final int BYTE_ORDER_MAGIC = 0x1A2B3C4D;
    /** Far more interfaces than any capture has; bounds the table an attacker can make us keep. */
    private static final int MAX_INTERFACES = 4096;
    private static final int OPT_TSRESOL = 9;
    private static final int OPT_TSOFFSET = 14;

    private boolean bigEndian;
    private long lastTimestamp;
    private int interfaceCount;
    private final int[] ifLinkType = new int[MAX_INTERFACES];
    private final int[] ifSnaplen = new int[MAX_INTERFACES];
    private final TimestampScale[] ifScale = new TimestampScale[MAX_INTERFACES];
    private final long[] ifOffsetNanos = new long[MAX_INTERFACES];

    PcapngFileSource(RecordInput in, CountingInputStream counter, long fileSize) throws IOException {
        super(in, counter, fileSize);
        readBlocksUntilPacket(null);
        if (truncation() != null) {
            throw new CaptureFormatException("bad pcapng section header: " + stopReason());
        }
    }

    @Override
    boolean readNext(RawPacket into) throws IOException {
        return readBlocksUntilPacket(into);
    }

    /**
     * Reads blocks until one holds a packet for {@code into}. With a null {@code into} (at open), reads only
     * the first section header and returns false, so a bad header is an open-time error.
     */
    private boolean readBlocksUntilPacket(RawPacket into) throws IOException {
        while (true) {
            if (!in.require(8)) {
                return in.buffered() == 0 ? false : endedInside("a block header");
            }
            int type = in.i32(0, bigEndian);
            if (type == SHB) {
                if (!in.require(12)) {
                    return endedInside("a section header block");
                }
                int bom = in.i32(8, true);
                if (bom == BYTE_ORDER_MAGIC) {
                    bigEndian = true;
                } else if (bom == Integer.reverseBytes(BYTE_ORDER_MAGIC)) {
                    bigEndian = false;
                } else {
                    return corrupt(String.format("section header with bad byte-order magic 0x%08x", bom));
                }
            }
            long length = in.u32(4, bigEndian);
            int min = minimumLength(type);
            if (length % 4 != 0) {
                return corrupt("block length " + length + " is not a multiple of 4");
            }
            if (length < min) {
                return corrupt("block length " + length + " is below the minimum " + min + " for block type " + type);
            }
            if (min == 12) {
                if (!in.skip(length - 4) || !in.require(4)) {
                    return endedInside(String.format("a block of type 0x%08x", type));
                }
                if (in.u32(0, bigEndian) != length) {
                    return corrupt("block trailer length does not match " + length);
                }
                in.advance(4);
                continue;
            }
            if (length > in.capacity()) {
                return corrupt("block length " + length + " exceeds " + in.capacity());
            }
            int len = (int) length;
            if (!in.require(len)) {
                return endedInside(blockName(type) + " (" + in.buffered() + " of " + len + " bytes)");
            }
            if (in.u32(len - 4, bigEndian) != length) {
                return corrupt("block trailer length does not match " + length);
            }
            boolean delivered;
            switch (type) {
                case SHB -> {
                    if (!section()) {
                        return false;
                    }
                    if (into == null) {
                        in.advance(len);
                        return false;
                    }
                    delivered = false;
                }
                case IDB -> {
                    if (!interfaceDescription(len)) {
                        return false;
                    }
                    delivered = false;
                }
                case EPB -> delivered = packet(into, in.i32(8, bigEndian), len);
                case PB -> delivered = packet(into, in.u16(8, bigEndian), len);
                default -> delivered = simplePacket(into, len);
            }
            if (truncation() != null) {
                return false;
            }
            in.advance(len);
            if (delivered) {
                return true;
            }
        }
    }

    /** Minimum total length of the blocks we parse; 12 (any block) for those we skip. */
    private static int minimumLength(int type) {
        return switch (type) {
            case SHB -> 28;
            case IDB -> 20;
            case EPB, PB -> 32;
            case SPB -> 16;
            default -> 12;
        };
    }

    private static String blockName(int type) {
        return switch (type) {
            case SHB -> "a section header block";
            case IDB -> "an interface description block";
            case EPB -> "an enhanced packet block";
            case PB -> "a packet block";
            default -> "a simple packet block";
        };
    }

    private boolean section() {
        int major = in.u16(12, bigEndian);
        if (major != 1) {
            return corrupt("unsupported pcapng major version " + major);
        }
        interfaceCount = 0;
        return true;
    }

    private boolean interfaceDescription(int len) {
        if (interfaceCount == MAX_INTERFACES) {
            return corrupt("more than " + MAX_INTERFACES + " interfaces");
        }
        int id = interfaceCount;
        ifLinkType[id] = in.u16(8, bigEndian);
        ifSnaplen[id] = in.i32(12, bigEndian);
        ifScale[id] = TimestampScale.MICROS;
        ifOffsetNanos[id] = 0;
        int at = 16;
        int end = len - 4;
        while (at + 4 <= end) {
            int code = in.u16(at, bigEndian);
            int olen = in.u16(at + 2, bigEndian);
            if (code == 0 || at + 4 + olen > end) {
                break;
            }
            if (code == OPT_TSRESOL && olen >= 1) {
                TimestampScale s = TimestampScale.of(in.u8(at + 4));
                if (s == null) {
                    return corrupt("unsupported if_tsresol " + in.u8(at + 4) + " on interface " + id);
                }
                ifScale[id] = s;
            } else if (code == OPT_TSOFFSET && olen >= 8) {
                long hi = in.u32(at + 4, bigEndian);
                long lo = in.u32(at + 8, bigEndian);
                long seconds = bigEndian ? (hi << 32) | lo : (lo << 32) | hi;
                ifOffsetNanos[id] = seconds * 1_000_000_000L;
            }
            at += 4 + ((olen + 3) & ~3);
        }
        interfaceCount++;
        return true;
    }

    /** EPB and obsolete PB share the layout from the timestamp on: ts high (12), low (16), caplen, origlen, data (28). */
    private boolean packet(RawPacket into, int ifId, int len) {
        final int dataAt = 28;
        if (ifId < 0 || ifId >= interfaceCount) {
            return corrupt("packet for undefined interface " + Integer.toUnsignedString(ifId));
        }
        long caplen = in.u32(20, bigEndian);
        long origlen = in.u32(24, bigEndian);
        if (caplen > MAX_CAPLEN) {
            return corrupt("captured length " + caplen + " exceeds " + MAX_CAPLEN);
        }
        if (caplen > len - dataAt - 4) {
            return corrupt("captured length " + caplen + " exceeds its block");
        }
        long units = (in.u32(12, bigEndian) << 32) | in.u32(16, bigEndian);
        lastTimestamp = ifScale[ifId].toNanos(units) + ifOffsetNanos[ifId];
        deliver(into, ifLinkType[ifId], ifId, lastTimestamp, dataAt, (int) caplen, origlen);
        return true;
    }

    private boolean simplePacket(RawPacket into, int len) {
        if (interfaceCount == 0) {
            return corrupt("simple packet block before any interface description");
        }
        long origlen = in.u32(8, bigEndian);
        long snap = ifSnaplen[0] == 0 ? Long.MAX_VALUE : Integer.toUnsignedLong(ifSnaplen[0]);
        long caplen = Math.min(Math.min(origlen, snap), len - 16);
        if (caplen > MAX_CAPLEN) {
            return corrupt("captured length " + caplen + " exceeds " + MAX_CAPLEN);
        }
        // A simple packet block has no timestamp: reusing the last one keeps capture time monotonic.
        deliver(into, ifLinkType[0], 0, lastTimestamp, 12, (int) caplen, origlen);
        return true;
    }
}
