package net.sguil.bridge.testpcap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.sguil.bridge.pcap.CaptureFiles;
import net.sguil.bridge.pcap.PcapLimits;
import net.sguil.bridge.pcap.PacketDecoder;
import net.sguil.bridge.pcap.PacketSource;
import net.sguil.bridge.pcap.RawPacket;
import net.sguil.bridge.pcap.TcpSegment;
import net.sguil.bridge.weird.Weirds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The builder's packets, read back through the real reader and decoder. */
class TcpSessionBuilderTest {
    @TempDir
    Path dir;

    private record Seg(boolean fromClient, long seq, long ack, int flags, String text, int missing, long ts) {
    }

    private static List<Seg> decode(Path file) throws IOException {
        List<Seg> out = new ArrayList<>();
        PacketDecoder d = new PacketDecoder(PcapLimits.defaults(), new Weirds(), s -> out.add(new Seg(
                s.dstPort == 25 || s.dstPort == 80, s.seq & 0xffffffffL, s.ack & 0xffffffffL, s.flags,
                new String(s.data, s.dataOffset, s.dataLength, StandardCharsets.ISO_8859_1), s.missingLength,
                s.timestampNanos)));
        try (PacketSource src = CaptureFiles.open(file)) {
            RawPacket p = new RawPacket();
            while (src.next(p)) {
                d.decode(p);
            }
            assertThat(src.truncation()).isNull();
        }
        return out;
    }

    private static TcpSessionBuilder smtp() {
        return TcpSessionBuilder.ipv4("10.0.0.1", 1025, "10.0.0.2", 25).isn(0xfffffff8L, 7).handshake()
                .server("220 mx\r\n").segmentSize(4).client("EHLO x\r\n").server("250 ok\r\n").finish();
    }

    @Test
    void handshakeDataAndCloseWithSequenceWrap() throws IOException {
        List<Seg> s = decode(smtp().writePcap(dir.resolve("a.pcap")));
        assertThat(s).extracting(Seg::flags).startsWith(TcpSegment.SYN, TcpSegment.SYN | TcpSegment.ACK, TcpSegment.ACK);
        assertThat(s.get(0).seq()).isEqualTo(0xfffffff8L);
        List<Seg> client = s.stream().filter(x -> x.fromClient() && !x.text().isEmpty()).toList();
        assertThat(client).extracting(Seg::text).containsExactly("EHLO", " x\r\n");
        assertThat(client).extracting(Seg::seq).containsExactly(0xfffffff9L, 0xfffffffdL);
        Seg lastFin = s.get(s.size() - 3);
        assertThat(lastFin.flags() & TcpSegment.FIN).isNotZero();
        assertThat(lastFin.seq()).isEqualTo(1L); // 0xfffffff9 + 8 bytes wraps to 1
        assertThat(s.get(s.size() - 1).ack()).isEqualTo(7 + 1 + 8 + 8 + 1); // server ISN + SYN + data + FIN
        assertThat(s).extracting(Seg::ts).isSorted();
    }

    @Test
    void damageOperations() throws IOException {
        TcpSessionBuilder b = smtp();
        assertThat(b.describe().get(4)).isEqualTo("4 C>S seq=4294967289 ack=16 [PA] len=4");
        b.dropSegment(5).duplicate(4).swap(3, 4).retransmit(TcpSessionBuilder.Side.CLIENT, 2, 4)
                .overlap(TcpSessionBuilder.Side.CLIENT, 0, "HELO".getBytes(StandardCharsets.US_ASCII)).dropHandshake();
        List<Seg> s = decode(b.writePcapng(dir.resolve("d.pcapng")));
        assertThat(s).extracting(Seg::text).containsExactly("EHLO", "220 mx\r\n", "EHLO", "250 ", "ok\r\n", "", "", "",
                "LO x", "HELO");
    }

    @Test
    void cutsAndFragments() throws IOException {
        TcpSessionBuilder b = TcpSessionBuilder.ipv6("fd00::1", 40000, "fd00::2", 80).link(LinkLayer.SLL2)
                .client("GET / HTTP/1.0\r\n\r\n").server("HTTP/1.0 200 OK\r\n\r\nbody").cutPayload(0, 5).fragment(1, 16);
        List<Packet> packets = b.build();
        assertThat(packets).hasSize(1 + 3); // 20 + 23 bytes of TCP in 16-byte fragments
        assertThat(packets.get(0).originalLength() - packets.get(0).frame().length).isEqualTo(18 - 5);
        List<Seg> s = decode(b.writePcap(dir.resolve("c.pcap")));
        assertThat(s).extracting(Seg::text).containsExactly("GET /", "HTTP/1.0 200 OK\r\n\r\nbody");
        assertThat(s.get(0).missing()).isEqualTo(13);
    }

    @Test
    void mergedSessionsInterleaveByTime() throws IOException {
        List<Packet> a = TcpSessionBuilder.ipv4("10.0.0.1", 1025, "10.0.0.2", 25).client("a1").client("a2").build();
        List<Packet> b = TcpSessionBuilder.ipv4("10.0.0.3", 1025, "10.0.0.2", 25)
                .start(a.get(0).tsNanos() + 500_000).client("b1").build();
        Path f = Captures.writePcap(dir.resolve("m.pcap"), LinkLayer.ETHERNET, Captures.merge(a, b));
        assertThat(decode(f)).extracting(Seg::text).containsExactly("a1", "b1", "a2");
        assertThat(Arrays.equals(a.get(0).frame(), TcpSessionBuilder.ipv4("10.0.0.1", 1025, "10.0.0.2", 25)
                .client("a1").build().get(0).frame())).as("deterministic").isTrue();
    }
}
