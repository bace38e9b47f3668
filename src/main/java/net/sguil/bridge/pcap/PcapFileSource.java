package net.sguil.bridge.pcap;

import java.io.IOException;

/** Classic libpcap files: either byte order, microsecond or nanosecond timestamps, and the old Kuznetzov variant. */
final class PcapFileSource extends FileSource {
    static final int MAGIC_MICROS = 0xa1b2c3d4;
    static final int MAGIC_NANOS = 0xa1b23c4d;
    /** Alexey Kuznetzov's patched libpcap: 8 more bytes per record header. */
    static final int MAGIC_KUZNETZOV = 0xa1b2cd34;
    private static final int FILE_HEADER = 24;

    private final boolean bigEndian;
    private final boolean nanos;
    private final int recordHeader;
    private final int linkType;

    /** {@code magicBigEndian} is the first word read big-endian; the caller checked it is one of ours. */
    PcapFileSource(RecordInput in, CountingInputStream counter, long fileSize, int magicBigEndian) throws IOException {
        super(in, counter, fileSize);
        int m = magicBigEndian;
        bigEndian = m == MAGIC_MICROS || m == MAGIC_NANOS || m == MAGIC_KUZNETZOV;
        int magic = bigEndian ? m : Integer.reverseBytes(m);
        nanos = magic == MAGIC_NANOS;
        recordHeader = magic == MAGIC_KUZNETZOV ? 24 : 16;
        if (!in.require(FILE_HEADER)) {
            throw new CaptureFormatException("truncated pcap file header (" + in.buffered() + " of 24 bytes)");
        }
        // The top bits of the link-type word may carry FCS information (pcap-savefile(5)).
        linkType = in.i32(20, bigEndian) & 0x03ffffff;
        in.advance(FILE_HEADER);
    }

    static boolean isMagic(int magicBigEndian) {
        for (int m : new int[] {MAGIC_MICROS, MAGIC_NANOS, MAGIC_KUZNETZOV}) {
            if (magicBigEndian == m || magicBigEndian == Integer.reverseBytes(m)) {
                return true;
            }
        }
        return false;
    }

    @Override
    boolean readNext(RawPacket into) throws IOException {
        if (!in.require(recordHeader)) {
            return in.buffered() == 0 ? false : endedInside("a record header");
        }
        long secs = in.u32(0, bigEndian);
        long frac = in.u32(4, bigEndian);
        long caplen = in.u32(8, bigEndian);
        long origlen = in.u32(12, bigEndian);
        if (caplen > MAX_CAPLEN) {
            return corrupt("captured length " + caplen + " exceeds " + MAX_CAPLEN);
        }
        int cap = (int) caplen;
        if (!in.require(recordHeader + cap)) {
            return endedInside("packet data (" + Math.max(0, in.buffered() - recordHeader) + " of " + cap + " bytes)");
        }
        long ts = secs * 1_000_000_000L + (nanos ? frac : frac * 1000);
        deliver(into, linkType, 0, ts, recordHeader, cap, origlen);
        in.advance(recordHeader + cap);
        return true;
    }
}
