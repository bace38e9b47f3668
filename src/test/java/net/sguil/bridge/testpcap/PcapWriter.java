package net.sguil.bridge.testpcap;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

/**
 * Classic libpcap file writer. Example:
 * <pre>{@code
 * try (PcapWriter w = PcapWriter.builder().bigEndian().nanos().linkType(LinkLayer.SLL.linkType).snaplen(96).open(path)) {
 *     w.writePacket(ts, frame);
 * }
 * }</pre>
 * The snap length really cuts packets: records get caplen = min(len, snaplen) and the true origlen.
 * The interface id of {@link #writePacket(int, long, byte[], int)} is ignored (classic pcap has one).
 */
public final class PcapWriter implements CaptureWriter {
    public static final int MAGIC_MICROS = 0xa1b2c3d4;
    public static final int MAGIC_NANOS = 0xa1b23c4d;

    private final OutputStream out;
    private final ByteOrder order;
    private final boolean nanos;
    private final int snaplen;

    private PcapWriter(OutputStream out, Builder b) throws IOException {
        this.out = out;
        this.order = b.order;
        this.nanos = b.nanos;
        this.snaplen = b.snaplen;
        out.write(new LeBuffer(order).u32(nanos ? MAGIC_NANOS : MAGIC_MICROS).u16(2).u16(4).u32(0).u32(0)
                .u32(b.snaplen).u32(b.linkType).toArray());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Little-endian, microseconds, Ethernet, snap length 262144. */
    public static PcapWriter open(Path file) throws IOException {
        return builder().open(file);
    }

    @Override
    public void writePacket(int interfaceId, long tsNanos, byte[] captured, int originalLength) throws IOException {
        int caplen = Math.min(captured.length, snaplen);
        long secs = Math.floorDiv(tsNanos, 1_000_000_000L);
        long frac = Math.floorMod(tsNanos, 1_000_000_000L);
        out.write(new LeBuffer(order).u32(secs).u32(nanos ? frac : frac / 1000).u32(caplen).u32(originalLength).toArray());
        out.write(caplen == captured.length ? captured : Arrays.copyOf(captured, caplen));
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    public static final class Builder {
        private ByteOrder order = ByteOrder.LITTLE_ENDIAN;
        private boolean nanos;
        private int linkType = LinkLayer.ETHERNET.linkType;
        private int snaplen = 262144;
        private boolean gzip;

        public Builder bigEndian() {
            order = ByteOrder.BIG_ENDIAN;
            return this;
        }

        public Builder order(ByteOrder o) {
            order = o;
            return this;
        }

        public Builder nanos() {
            nanos = true;
            return this;
        }

        public Builder linkType(int lt) {
            linkType = lt;
            return this;
        }

        public Builder link(LinkLayer l) {
            linkType = l.linkType;
            return this;
        }

        public Builder snaplen(int s) {
            snaplen = s;
            return this;
        }

        /** Compress the whole file with gzip (as {@code tcpdump -w - | gzip} would). */
        public Builder gzip() {
            gzip = true;
            return this;
        }

        public PcapWriter open(Path file) throws IOException {
            return open(Files.newOutputStream(file));
        }

        public PcapWriter open(OutputStream os) throws IOException {
            OutputStream o = new BufferedOutputStream(gzip ? new GZIPOutputStream(os, 65536) : os, 65536);
            return new PcapWriter(o, this);
        }
    }
}
