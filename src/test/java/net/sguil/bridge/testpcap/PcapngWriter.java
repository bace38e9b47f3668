package net.sguil.bridge.testpcap;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * pcapng writer: section header, interface descriptions (each with its own link type, snap length
 * and {@code if_tsresol}), enhanced, simple and obsolete packet blocks, arbitrary unknown blocks,
 * and new sections with another byte order. Example:
 * <pre>{@code
 * try (PcapngWriter w = PcapngWriter.open(path, ByteOrder.BIG_ENDIAN)) {
 *     int eth = w.addInterface(LinkLayer.ETHERNET.linkType, 65535, PcapngWriter.TSRESOL_MICROS);
 *     int raw = w.addInterface(LinkLayer.RAW.linkType, 65535, PcapngWriter.TSRESOL_NANOS);
 *     w.writePacket(eth, ts, LinkLayer.ETHERNET.wrap(ip));
 *     w.writePacket(raw, ts, ip);
 * }
 * }</pre>
 * If no interface was added when the first packet is written, an Ethernet interface is added.
 */
public final class PcapngWriter implements CaptureWriter {
    public static final int TSRESOL_MICROS = 6;
    public static final int TSRESOL_NANOS = 9;
    public static final int TSRESOL_MILLIS = 3;

    /** {@code if_tsresol} value for 2^-exponent seconds. */
    public static int tsresolPowerOfTwo(int exponent) {
        return 0x80 | exponent;
    }

    private final OutputStream out;
    private ByteOrder order;
    private final List<int[]> interfaces = new ArrayList<>(); // {linkType, snaplen, tsresol}

    private PcapngWriter(OutputStream out, ByteOrder order) throws IOException {
        this.out = out;
        newSection(order);
    }

    public static PcapngWriter open(Path file, ByteOrder order) throws IOException {
        return open(Files.newOutputStream(file), order, false);
    }

    public static PcapngWriter open(Path file) throws IOException {
        return open(file, ByteOrder.LITTLE_ENDIAN);
    }

    public static PcapngWriter open(OutputStream os, ByteOrder order, boolean gzip) throws IOException {
        return new PcapngWriter(new BufferedOutputStream(gzip ? new GZIPOutputStream(os, 65536) : os, 65536), order);
    }

    /** Starts a new section (interfaces are forgotten, as the format says). */
    public void newSection(ByteOrder newOrder) throws IOException {
        order = newOrder;
        interfaces.clear();
        LeBuffer body = new LeBuffer(order).u32(0x1A2B3C4D).u16(1).u16(0).u32(0xffffffffL).u32(0xffffffffL);
        writeBlock(0x0A0D0D0A, body.toArray());
    }

    /** Adds an interface description; returns its id within the current section. */
    public int addInterface(int linkType, int snaplen, int tsresol) throws IOException {
        LeBuffer body = new LeBuffer(order).u16(linkType).u16(0).u32(snaplen);
        if (tsresol != TSRESOL_MICROS) {
            body.u16(9).u16(1).u8(tsresol).padTo4();
        }
        body.u16(2).u16(4).bytes("test".getBytes(java.nio.charset.StandardCharsets.US_ASCII)); // if_name
        body.u16(0).u16(0);
        writeBlock(1, body.toArray());
        interfaces.add(new int[] {linkType, snaplen, tsresol});
        return interfaces.size() - 1;
    }

    @Override
    public void writePacket(int interfaceId, long tsNanos, byte[] captured, int originalLength) throws IOException {
        int[] itf = iface(interfaceId);
        byte[] data = cut(captured, itf[1]);
        long units = units(tsNanos, itf[2]);
        LeBuffer body = new LeBuffer(order).u32(interfaceId).u32(units >>> 32).u32(units).u32(data.length)
                .u32(originalLength).bytes(data).padTo4();
        body.u16(1).u16(3).bytes(new byte[] {'h', 'i', '!'}).padTo4().u16(0).u16(0); // opt_comment, end
        writeBlock(6, body.toArray());
    }

    /**
     * Simple packet block (interface 0, no timestamp). Its captured length is implied by the
     * snap length, so the frame must be exactly what that snap length captures.
     */
    public void writeSimplePacket(byte[] captured, int originalLength) throws IOException {
        int[] itf = iface(0);
        if (captured.length != Math.min(originalLength, itf[1] == 0 ? Integer.MAX_VALUE : itf[1])) {
            throw new IllegalArgumentException("an SPB cannot express caplen " + captured.length);
        }
        writeBlock(3, new LeBuffer(order).u32(originalLength).bytes(captured).padTo4().toArray());
    }

    /** Obsolete packet block (type 2), still written by old tools. */
    public void writeObsoletePacket(int interfaceId, long tsNanos, byte[] captured, int originalLength) throws IOException {
        int[] itf = iface(interfaceId);
        byte[] data = cut(captured, itf[1]);
        long units = units(tsNanos, itf[2]);
        writeBlock(2, new LeBuffer(order).u16(interfaceId).u16(0).u32(units >>> 32).u32(units).u32(data.length)
                .u32(originalLength).bytes(data).padTo4().toArray());
    }

    /** Any block, e.g. an unknown type the reader must skip. The body is padded to 4 bytes. */
    public void writeBlock(int type, byte[] body) throws IOException {
        LeBuffer b = new LeBuffer(order).u32(type).u32(0).bytes(body).padTo4();
        int total = b.length() + 4;
        b.u32(total);
        b.putU32At(4, total);
        out.write(b.toArray());
    }

    /** Raw bytes, for hostile-input tests. */
    public void writeRaw(byte[] bytes) throws IOException {
        out.write(bytes);
    }

    private int[] iface(int id) throws IOException {
        if (interfaces.isEmpty() && id == 0) {
            addInterface(LinkLayer.ETHERNET.linkType, 262144, TSRESOL_MICROS);
        }
        if (id < 0 || id >= interfaces.size()) {
            throw new IllegalArgumentException("no interface " + id);
        }
        return interfaces.get(id);
    }

    private static byte[] cut(byte[] captured, int snaplen) {
        return snaplen > 0 && captured.length > snaplen ? Arrays.copyOf(captured, snaplen) : captured;
    }

    static long units(long tsNanos, int tsresol) {
        BigInteger ns = BigInteger.valueOf(tsNanos);
        int exp = tsresol & 0x7f;
        if ((tsresol & 0x80) != 0) {
            return ns.shiftLeft(exp).divide(BigInteger.valueOf(1_000_000_000L)).longValue();
        }
        BigInteger ten = BigInteger.TEN;
        return exp <= 9 ? ns.divide(ten.pow(9 - exp)).longValue() : ns.multiply(ten.pow(exp - 9)).longValue();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
