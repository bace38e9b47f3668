package net.sguil.bridge.pcap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.sguil.bridge.testpcap.Frames;
import net.sguil.bridge.testpcap.LinkLayer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class PacketDecoderTest {
    private static final byte[] V4_SRC = Frames.addr("10.1.2.3");
    private static final byte[] V4_DST = Frames.addr("10.4.5.6");

    private static byte[] tcp(String payload) {
        return Frames.tcp(40000, 25, 0xfffffffeL, 77, TcpSegment.PSH | TcpSegment.ACK, bytes(payload));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] v4(String payload) {
        return Frames.ipv4(V4_SRC, V4_DST, Frames.TCP, tcp(payload), new byte[0], 42);
    }

    private static byte[] v6(String payload, int... ext) {
        return Frames.ipv6("fd00::1", "fd00::2", Frames.TCP, tcp(payload), ext);
    }

    @ParameterizedTest
    @EnumSource(LinkLayer.class)
    void everyLinkTypeCarriesIpv4AndIpv6(LinkLayer link) {
        Collected c = Collected.decode(PcapLimits.defaults(), link.linkType,
                List.of(link.wrap(v4("four")), link.wrap(v6("six"))));
        assertThat(c.segments).hasSize(2);
        Collected.Seg a = c.segments.get(0);
        assertThat(a.src()).isEqualTo("10.1.2.3");
        assertThat(a.dst()).isEqualTo("10.4.5.6");
        assertThat(a.srcPort()).isEqualTo(40000);
        assertThat(a.dstPort()).isEqualTo(25);
        assertThat(a.seq()).isEqualTo(0xfffffffeL);
        assertThat(a.ack()).isEqualTo(77);
        assertThat(a.flags()).isEqualTo(TcpSegment.PSH | TcpSegment.ACK);
        assertThat(a.text()).isEqualTo("four");
        assertThat(c.segments.get(1).src()).isEqualTo("fd00:0:0:0:0:0:0:1");
        assertThat(c.segments.get(1).text()).isEqualTo("six");
        assertThat(c.weirds.snapshot()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {24, 28, 30})
    void bsdNullInEitherByteOrderWithEveryIpv6Family(int af6) {
        for (ByteOrder order : new ByteOrder[] {ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN}) {
            Collected c = Collected.decode(LinkTypes.NULL, Frames.nullLoopback(v6("x"), order, af6));
            assertThat(c.segments).extracting(Collected.Seg::text).containsExactly("x");
        }
    }

    @Test
    void vlanAndQinQTags() {
        for (byte[] frame : List.of(Frames.ethernetVlan(v4("a"), 10), Frames.ethernetVlan(v4("a"), 10, 20, 30),
                Frames.ethernetQinQ(v4("a"), 0x88a8, 100, 200), Frames.ethernetQinQ(v6("a"), 0x9100, 100, 200))) {
            assertThat(Collected.decode(LinkTypes.ETHERNET, frame).segments).extracting(Collected.Seg::text)
                    .containsExactly("a");
        }
        Collected tooMany = Collected.decode(LinkTypes.ETHERNET, Frames.ethernetVlan(v4("a"), 1, 2, 3, 4, 5, 6, 7, 8, 9));
        assertThat(tooMany.segments).isEmpty();
        assertThat(tooMany.weirds.get("pcap.too_many_vlan_tags")).isEqualTo(1);
    }

    @Test
    void ethernetPaddingNeverBecomesPayload() {
        byte[] frame = Frames.pad(Frames.ethernet(v4("")), 60);
        frame[59] = 'X';
        Collected c = Collected.decode(LinkTypes.ETHERNET, frame);
        assertThat(c.segments).singleElement().satisfies(s -> {
            assertThat(s.payload()).isEmpty();
            assertThat(s.missing()).isZero();
        });
    }

    @Test
    void ipv4OptionsAndTcpOptionsAreSkipped() {
        byte[] seg = Frames.tcp(1, 2, 3, 4, TcpSegment.ACK, 100, new byte[] {2, 4, 5, (byte) 0xb4, 1, 1, 4, 2}, bytes("hi"));
        byte[] ip = Frames.ipv4(V4_SRC, V4_DST, Frames.TCP, seg, new byte[] {(byte) 0x94, 4, 0, 0}, 1);
        Collected c = Collected.decode(LinkTypes.RAW, ip);
        assertThat(c.segments).singleElement().satisfies(s -> {
            assertThat(s.text()).isEqualTo("hi");
            assertThat(s.srcPort()).isEqualTo(1);
        });
    }

    @Test
    void udpAndIcmpAreNotDelivered() {
        Collected c = Collected.decode(PcapLimits.defaults(), LinkTypes.RAW, List.of(
                Frames.ipv4(V4_SRC, V4_DST, Frames.UDP, Frames.udp(53, 53, bytes("q")), new byte[0], 1),
                Frames.ipv6("fd00::1", "fd00::2", Frames.UDP, Frames.udp(53, 53, bytes("q")))));
        assertThat(c.segments).isEmpty();
        assertThat(c.weirds.snapshot()).isEmpty();
    }

    @Test
    void ipv4FragmentsInOrderAndOutOfOrder() {
        String text = "0123456789abcdefghijklmnopqrstuvwxyz".repeat(4);
        List<byte[]> frags = Frames.fragmentIpv4(v4(text), 16);
        assertThat(frags).hasSizeGreaterThan(5);
        assertThat(decodeRaw(frags).segments).extracting(Collected.Seg::text).containsExactly(text);
        List<byte[]> reversed = new ArrayList<>(frags);
        java.util.Collections.reverse(reversed);
        Collected c = decodeRaw(reversed);
        assertThat(c.segments).extracting(Collected.Seg::text).containsExactly(text);
        assertThat(c.segments.get(0).src()).isEqualTo("10.1.2.3");
        assertThat(c.segments.get(0).seq()).isEqualTo(0xfffffffeL);
    }

    @Test
    void ipv4FragmentMissingMeansNothingIsDeliveredAndTheDatagramTimesOut() {
        List<byte[]> frags = new ArrayList<>(Frames.fragmentIpv4(v4("a".repeat(100)), 32));
        frags.remove(1);
        PcapLimits config = PcapLimits.defaults().withFragmentTimeout(Duration.ofSeconds(30));
        Collected c = Collected.decode(config, LinkTypes.RAW, withLater(frags, v4("next")));
        assertThat(c.segments).extracting(Collected.Seg::text).containsExactly("next");
        assertThat(c.weirds.get("ip.fragment_timeout")).isZero();
        byte[] otherFragment = Frames.fragmentIpv4(v4("b".repeat(40)), 16).get(0);
        long[] ts = {0, 1_000_000, 2_000_000, 31_000_000_000L};
        Collected later = Collected.decode(config, LinkTypes.RAW, withLater(frags, otherFragment), ts);
        assertThat(later.weirds.get("ip.fragment_timeout")).isEqualTo(1);
    }

    @Test
    void overlappingFragmentsFirstWinsAndConflictsAreCounted() {
        byte[] ip = v4("AAAAAAAABBBBBBBBCCCCCCCC");
        List<byte[]> frags = Frames.fragmentIpv4(ip, 16); // [tcp hdr 0..16) [16..32: hdr tail+AAAA..] [32..44)
        byte[] evil = frags.get(1).clone();
        int dataAt = 20 + 4; // IP header + 4 bytes of TCP header tail
        Arrays.fill(evil, dataAt, dataAt + 8, (byte) 'Z');
        Collected c = decodeRaw(List.of(frags.get(0), frags.get(1), evil, frags.get(2)));
        assertThat(c.segments).extracting(Collected.Seg::text).containsExactly("AAAAAAAABBBBBBBBCCCCCCCC");
        assertThat(c.weirds.get("ip.fragment_overlap")).isEqualTo(1);
        assertThat(c.weirds.get("ip.fragment_overlap_conflict")).isEqualTo(1);

        Collected same = decodeRaw(List.of(frags.get(0), frags.get(1), frags.get(1), frags.get(2)));
        assertThat(same.segments).hasSize(1);
        assertThat(same.weirds.get("ip.fragment_overlap")).isEqualTo(1);
        assertThat(same.weirds.get("ip.fragment_overlap_conflict")).isZero();
    }

    @Test
    void fragmentTableIsBounded() {
        PcapLimits small = PcapLimits.defaults().withMaxFragmentedDatagrams(4);
        List<byte[]> firsts = new ArrayList<>();
        for (int id = 0; id < 10; id++) {
            byte[] ip = Frames.ipv4(V4_SRC, V4_DST, Frames.TCP, tcp("x".repeat(40)), new byte[0], id);
            firsts.add(Frames.fragmentIpv4(ip, 16).get(0));
        }
        Collected c = Collected.decode(small, LinkTypes.RAW, firsts);
        assertThat(c.weirds.get("ip.fragment_evicted")).isEqualTo(6);
    }

    @Test
    void fragmentsBeyond65535BytesAreDropped() {
        byte[] frag = Frames.fragmentIpv4(v4("x".repeat(100)), 16).get(1);
        frag[6] = (byte) 0x3f; // MF + offset 0x1fxx * 8 → beyond 65535
        frag[7] = (byte) 0xff;
        Collected c = decodeRaw(List.of(frag));
        assertThat(c.weirds.get("ip.fragment_too_large")).isEqualTo(1);
    }

    @Test
    void ipv6ExtensionHeadersAreSkipped() {
        Collected c = Collected.decode(LinkTypes.RAW, v6("ext", Frames.HOP_BY_HOP, Frames.ROUTING, Frames.DEST_OPTS, Frames.AH));
        assertThat(c.segments).extracting(Collected.Seg::text).containsExactly("ext");
    }

    @Test
    void espAndNoNextHeaderStopWithAWeird() {
        byte[] esp = Frames.ipv6("fd00::1", "fd00::2", Frames.ESP, new byte[32]);
        byte[] none = Frames.ipv6("fd00::1", "fd00::2", Frames.NO_NEXT, new byte[0], Frames.DEST_OPTS);
        Collected c = Collected.decode(PcapLimits.defaults(), LinkTypes.RAW, List.of(esp, none));
        assertThat(c.segments).isEmpty();
        assertThat(c.weirds.get("ip6.esp")).isEqualTo(1);
        assertThat(c.weirds.get("ip6.no_next_header")).isEqualTo(1);
    }

    @Test
    void ipv6FragmentsAfterHopByHopAreReassembledInAnyOrder() {
        String text = "IPv6 fragments carry a longer payload ".repeat(3);
        byte[] ip = v6(text, Frames.HOP_BY_HOP, Frames.DEST_OPTS);
        List<byte[]> frags = new ArrayList<>(Frames.fragmentIpv6(ip, 24, 7));
        assertThat(Collected.decode(PcapLimits.defaults(), LinkTypes.RAW, frags).segments)
                .extracting(Collected.Seg::text).containsExactly(text);
        java.util.Collections.swap(frags, 0, frags.size() - 1);
        assertThat(Collected.decode(PcapLimits.defaults(), LinkTypes.RAW, frags).segments)
                .extracting(Collected.Seg::text).containsExactly(text);
        frags.remove(2);
        assertThat(Collected.decode(PcapLimits.defaults(), LinkTypes.RAW, frags).segments).isEmpty();
    }

    @Test
    void snaplenCutPacketReportsTheMissingPayload() {
        byte[] frame = Frames.ethernet(v4("0123456789"));
        Collected c = decodeCut(frame, frame.length - 4);
        assertThat(c.segments).singleElement().satisfies(s -> {
            assertThat(s.text()).isEqualTo("012345");
            assertThat(s.missing()).isEqualTo(4);
        });
        assertThat(c.weirds.get("pcap.snaplen_cut")).isEqualTo(1);

        byte[] frame6 = Frames.sll(v6("0123456789", Frames.DEST_OPTS));
        Collected c6 = decodeCut(frame6, frame6.length - 10);
        assertThat(c6.segments).singleElement().satisfies(s -> {
            assertThat(s.payload()).isEmpty();
            assertThat(s.missing()).isEqualTo(10);
        });
    }

    @Test
    void packetCutInsideAHeaderIsDropped() {
        byte[] frame = Frames.ethernet(v4("0123456789"));
        for (int keep : new int[] {10, 14 + 10, 14 + 20 + 10}) {
            Collected c = decodeCut(frame, keep);
            assertThat(c.segments).isEmpty();
            assertThat(c.weirds.get("pcap.cut_in_header")).isEqualTo(1);
        }
        byte[] v6frame = Frames.ethernet(v6("x", Frames.HOP_BY_HOP, Frames.ROUTING));
        Collected c = decodeCut(v6frame, 14 + 40 + 12);
        assertThat(c.segments).isEmpty();
        assertThat(c.weirds.get("pcap.cut_in_header")).isEqualTo(1);
    }

    @Test
    void ipLengthLongerThanAnUncutFrameIsAGapToo() {
        byte[] ip = v4("abcdef");
        ip[3] += 10; // total length claims 10 more bytes than the frame has
        Collected c = Collected.decode(LinkTypes.RAW, ip);
        assertThat(c.segments).singleElement().satisfies(s -> assertThat(s.missing()).isEqualTo(10));
        assertThat(c.weirds.get("ip.length_exceeds_capture")).isEqualTo(1);
    }

    @Test
    void zeroIpLengthFromSegmentationOffloadTrustsTheCapture() {
        byte[] ip = v4("offloaded");
        ip[2] = 0;
        ip[3] = 0;
        Collected c = Collected.decode(LinkTypes.RAW, ip);
        assertThat(c.segments).extracting(Collected.Seg::text).containsExactly("offloaded");
        assertThat(c.weirds.get("ip.zero_total_length")).isEqualTo(1);
    }

    @Test
    void ipv6ExtensionHeaderChainIsBounded() {
        int[] many = new int[20];
        Arrays.fill(many, Frames.DEST_OPTS);
        Collected c = Collected.decode(LinkTypes.RAW, v6("x", many));
        assertThat(c.segments).isEmpty();
        assertThat(c.weirds.get("ip6.too_many_extension_headers")).isEqualTo(1);
    }

    @Test
    void malformedHeadersAreCountedNotThrown() {
        byte[] badIhl = v4("x");
        badIhl[0] = 0x42;
        byte[] badTotal = v4("x");
        badTotal[2] = 0;
        badTotal[3] = 10;
        byte[] badTcp = v4("x");
        badTcp[20 + 12] = 0x10;
        Collected c = Collected.decode(PcapLimits.defaults(), LinkTypes.RAW,
                List.of(badIhl, badTotal, badTcp, new byte[] {0x45}, new byte[] {0x70, 0, 0}, new byte[0]));
        assertThat(c.segments).isEmpty();
        assertThat(c.weirds.snapshot()).containsKeys("ip.bad_header", "ip.bad_total_length", "tcp.bad_header_length",
                "ip.truncated_header", "ip.unknown_version");
    }

    @Test
    void randomFramesNeverThrow() {
        java.util.Random r = new java.util.Random(7);
        List<byte[]> frames = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            byte[] base = switch (i % 4) {
                case 0 -> Frames.ethernet(v4("payload"));
                case 1 -> Frames.ethernet(v6("payload", Frames.HOP_BY_HOP));
                case 2 -> Frames.fragmentIpv4(v4("p".repeat(64)), 16).get(i % 3);
                default -> Frames.fragmentIpv6(v6("p".repeat(64)), 16, 1).get(i % 3);
            };
            byte[] f = i % 4 < 2 ? base : Frames.ethernet(base);
            for (int k = 0; k < 1 + r.nextInt(4); k++) {
                f[r.nextInt(f.length)] = (byte) r.nextInt();
            }
            frames.add(Arrays.copyOf(f, r.nextInt(f.length + 1)));
        }
        for (int lt : new int[] {LinkTypes.ETHERNET, LinkTypes.RAW, LinkTypes.LINUX_SLL2, LinkTypes.NULL, 9999}) {
            Collected.decode(PcapLimits.defaults(), lt, frames);
        }
    }

    private static Collected decodeRaw(List<byte[]> ips) {
        return Collected.decode(PcapLimits.defaults(), LinkTypes.RAW, ips);
    }

    private static List<byte[]> withLater(List<byte[]> frags, byte[] later) {
        List<byte[]> all = new ArrayList<>(frags);
        all.add(later);
        return all;
    }

    private static Collected decodeCut(byte[] frame, int keep) {
        Collected c = new Collected();
        PacketDecoder d = new PacketDecoder(PcapLimits.defaults(), c.weirds, s -> c.segments.add(new Collected.Seg(
                s.timestampNanos, "", "", s.srcPort, s.dstPort, s.seq, s.ack, s.flags,
                Arrays.copyOfRange(s.data, s.dataOffset, s.dataOffset + s.dataLength), s.missingLength)));
        RawPacket p = new RawPacket();
        p.data = Arrays.copyOf(frame, keep);
        p.capturedLength = keep;
        p.originalLength = frame.length;
        p.linkType = frame[0] == 2 ? LinkTypes.ETHERNET : LinkTypes.LINUX_SLL;
        d.decode(p);
        return c;
    }
}
