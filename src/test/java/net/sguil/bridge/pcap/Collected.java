package net.sguil.bridge.pcap;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.sguil.bridge.weird.Weirds;

/** Test helper: decodes a capture and keeps a copy of every TCP segment and the source's verdict. */
final class Collected {
    record Seg(long ts, String src, String dst, int srcPort, int dstPort, long seq, long ack, int flags,
            byte[] payload, int missing) {
        String text() {
            return new String(payload, StandardCharsets.ISO_8859_1);
        }
    }

    final List<Seg> segments = new ArrayList<>();
    final List<RawPacket> packets = new ArrayList<>();
    final Weirds weirds = new Weirds();
    String truncation;
    long bytesConsumed;
    long fileSize;

    static Collected read(Path file) throws IOException {
        return read(file, PcapLimits.defaults());
    }

    static Collected read(Path file, PcapLimits config) throws IOException {
        Collected c = new Collected();
        PacketDecoder decoder = new PacketDecoder(config, c.weirds, c::add);
        try (PacketSource src = CaptureFiles.open(file)) {
            RawPacket p = new RawPacket();
            while (src.next(p)) {
                c.packets.add(copy(p));
                decoder.decode(p);
            }
            c.truncation = src.truncation();
            c.bytesConsumed = src.bytesConsumed();
            c.fileSize = src.fileSize();
        }
        return c;
    }

    /** Decodes one frame given as link type + bytes. */
    static Collected decode(int linkType, byte[] frame) {
        return decode(PcapLimits.defaults(), linkType, List.of(frame));
    }

    /** Decodes frames captured 1 ms apart. */
    static Collected decode(PcapLimits config, int linkType, List<byte[]> frames) {
        long[] ts = new long[frames.size()];
        for (int i = 0; i < ts.length; i++) {
            ts[i] = 1_000_000_000L + i * 1_000_000L;
        }
        return decode(config, linkType, frames, ts);
    }

    static Collected decode(PcapLimits config, int linkType, List<byte[]> frames, long[] timestamps) {
        Collected c = new Collected();
        PacketDecoder decoder = new PacketDecoder(config, c.weirds, c::add);
        for (int i = 0; i < frames.size(); i++) {
            byte[] f = frames.get(i);
            RawPacket p = new RawPacket();
            p.data = f;
            p.capturedLength = f.length;
            p.originalLength = f.length;
            p.linkType = linkType;
            p.timestampNanos = timestamps[i];
            decoder.decode(p);
        }
        return c;
    }

    private static RawPacket copy(RawPacket p) {
        RawPacket c = new RawPacket();
        c.data = Arrays.copyOf(p.data, p.capturedLength);
        c.capturedLength = p.capturedLength;
        c.originalLength = p.originalLength;
        c.linkType = p.linkType;
        c.interfaceId = p.interfaceId;
        c.timestampNanos = p.timestampNanos;
        return c;
    }

    private void add(TcpSegment s) {
        segments.add(new Seg(s.timestampNanos, addr(s.src, s.addressLength()), addr(s.dst, s.addressLength()),
                s.srcPort, s.dstPort, s.seq & 0xffffffffL, s.ack & 0xffffffffL, s.flags,
                Arrays.copyOfRange(s.data, s.dataOffset, s.dataOffset + s.dataLength), s.missingLength));
    }

    private static String addr(byte[] a, int len) {
        try {
            return InetAddress.getByAddress(Arrays.copyOf(a, len)).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Concatenated payload of all segments, in delivery order. */
    String payloadText() {
        StringBuilder b = new StringBuilder();
        segments.forEach(s -> b.append(s.text()));
        return b.toString();
    }
}
