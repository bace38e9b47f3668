package net.sguil.bridge.rawlog;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.sguil.bridge.pcap.CaptureFiles;
import net.sguil.bridge.pcap.PacketDecoder;
import net.sguil.bridge.pcap.PacketSource;
import net.sguil.bridge.pcap.PcapLimits;
import net.sguil.bridge.pcap.RawPacket;
import net.sguil.bridge.weird.Weirds;

/**
 * Copies the packets of one TCP session out of a sensor's consecutive capture files into one pcap
 * file (nanosecond timestamps, the link type of the first file): what the console's Wireshark
 * button gave the analyst. A packet belongs to the session when it decodes to a TCP segment
 * between the two endpoints, either way, as {@link SessionFilter} decides for the analysis; of a
 * fragmented datagram, only the packet that completed it is copied. Packets of another link type
 * than the first file's cannot share the file and are counted instead.
 */
public final class SessionPackets {
    private static final int MAGIC_NANOS = 0xa1b23c4d;
    private static final int SNAP_LENGTH = 262_144;

    /** How many packets were written, and how many of the session's could not be (another link type). */
    public record Written(long packets, long otherLinkType) {
    }

    private SessionPackets() {
    }

    public static Written write(List<Path> files, String ipA, int portA, String ipB, int portB, PcapLimits limits,
                                Path out) throws IOException {
        boolean[] matched = {false};
        PacketDecoder decoder = new PacketDecoder(limits, new Weirds(),
                new SessionFilter(ipA, portA, ipB, portB, segment -> matched[0] = true));
        long written = 0;
        long skipped = 0;
        int linkType = -1;
        try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(out))) {
            for (Path file : files) {
                try (PacketSource source = CaptureFiles.open(file)) {
                    RawPacket p = new RawPacket();
                    while (source.next(p)) {
                        matched[0] = false;
                        decoder.decode(p);
                        if (linkType < 0) {
                            linkType = p.linkType;
                            o.write(header(linkType));
                        }
                        if (!matched[0]) {
                            continue;
                        }
                        if (p.linkType != linkType) {
                            skipped++;
                            continue;
                        }
                        o.write(recordHeader(p));
                        o.write(p.data, 0, p.capturedLength);
                        written++;
                    }
                }
            }
            if (linkType < 0) {
                o.write(header(1));
            }
        }
        return new Written(written, skipped);
    }

    private static byte[] header(int linkType) {
        return ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN).putInt(MAGIC_NANOS).putShort((short) 2)
                .putShort((short) 4).putInt(0).putInt(0).putInt(SNAP_LENGTH).putInt(linkType).array();
    }

    private static byte[] recordHeader(RawPacket p) {
        return ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN)
                .putInt((int) Math.floorDiv(p.timestampNanos, 1_000_000_000L))
                .putInt((int) Math.floorMod(p.timestampNanos, 1_000_000_000L))
                .putInt(p.capturedLength).putInt(p.originalLength).array();
    }
}
