package net.sguil.bridge.tcp;

import java.util.List;
import net.sguil.bridge.pcap.PcapLimits;
import net.sguil.bridge.pcap.PacketDecoder;
import net.sguil.bridge.pcap.RawPacket;
import net.sguil.bridge.pcap.TcpSink;
import net.sguil.bridge.testpcap.LinkLayer;
import net.sguil.bridge.testpcap.Packet;
import net.sguil.bridge.weird.Weirds;

/** Feeds test packets through the real decoder into a sink, as a capture file would. */
public final class Replay {
    private Replay() {
    }

    public static void packets(List<Packet> packets, LinkLayer link, Weirds weirds, TcpSink sink) {
        PacketDecoder decoder = new PacketDecoder(PcapLimits.defaults(), weirds, sink);
        RawPacket raw = new RawPacket();
        for (Packet p : packets) {
            raw.timestampNanos = p.tsNanos();
            raw.linkType = link.linkType;
            raw.data = p.frame();
            raw.capturedLength = p.frame().length;
            raw.originalLength = p.originalLength();
            decoder.decode(raw);
        }
    }

    /** Reassembles the packets and returns what the single handler saw. */
    public static RecordingHandler reassemble(List<Packet> packets, TcpLimits config, Weirds weirds) {
        RecordingHandler[] h = new RecordingHandler[1];
        TcpReassembler r = new TcpReassembler(config, weirds, c -> {
            h[0] = new RecordingHandler(c);
            return h[0];
        });
        packets(packets, LinkLayer.ETHERNET, weirds, r);
        r.finish();
        return h[0];
    }
}
