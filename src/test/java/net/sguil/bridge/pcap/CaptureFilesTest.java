package net.sguil.bridge.pcap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import net.sguil.bridge.testpcap.Frames;
import net.sguil.bridge.testpcap.LinkLayer;
import net.sguil.bridge.testpcap.Packet;
import net.sguil.bridge.testpcap.PcapWriter;
import net.sguil.bridge.testpcap.PcapngWriter;
import net.sguil.bridge.testpcap.TcpSessionBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CaptureFilesTest {
    /** 2026-01-02T03:04:05.123456789Z: sub-microsecond digits show whether nanoseconds survive. */
    private static final long START = 1_767_323_045_123_456_789L;

    @TempDir
    Path dir;

    private static List<Packet> session() {
        return TcpSessionBuilder.ipv4("10.0.0.1", 1025, "10.0.0.2", 25).start(START).handshake()
                .server("220 mx\r\n").client("EHLO x\r\n").segmentSize(5).server("250 hello there\r\n").finish().build();
    }

    private static void assertSamePackets(Collected c, List<Packet> expected, boolean nanos) {
        assertThat(c.truncation).isNull();
        assertThat(c.packets).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            RawPacket got = c.packets.get(i);
            Packet want = expected.get(i);
            assertThat(Arrays.copyOf(got.data, got.capturedLength)).isEqualTo(want.frame());
            assertThat(got.originalLength).isEqualTo(want.originalLength());
            assertThat(got.timestampNanos).isEqualTo(nanos ? want.tsNanos() : want.tsNanos() / 1000 * 1000);
        }
    }

    @ParameterizedTest(name = "bigEndian={0} nanos={1} gzip={2}")
    @CsvSource({"false,false,false", "true,false,false", "false,true,false", "true,true,false", "false,false,true",
            "true,true,true"})
    void classicPcapInEveryVariantReadsBackTheSamePackets(boolean bigEndian, boolean nanos, boolean gzip) throws IOException {
        Path f = dir.resolve("a.pcap");
        PcapWriter.Builder b = PcapWriter.builder().order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        if (nanos) {
            b.nanos();
        }
        if (gzip) {
            b.gzip();
        }
        try (PcapWriter w = b.open(f)) {
            w.writeAll(session());
        }
        Collected c = Collected.read(f);
        assertSamePackets(c, session(), nanos);
        assertThat(c.payloadText()).isEqualTo("220 mx\r\nEHLO x\r\n250 hello there\r\n");
        assertThat(c.segments.get(0).src()).isEqualTo("10.0.0.1");
        assertThat(c.fileSize).isEqualTo(Files.size(f));
        assertThat(c.bytesConsumed).isEqualTo(Files.size(f));
    }

    @Test
    void classicSnaplenCutsPacketsAndKeepsTheWireLength() throws IOException {
        Path f = dir.resolve("cut.pcap");
        try (PcapWriter w = PcapWriter.builder().snaplen(60).open(f)) {
            w.writeAll(session());
        }
        Collected c = Collected.read(f);
        RawPacket greeting = c.packets.get(3);
        assertThat(greeting.capturedLength).isEqualTo(60);
        assertThat(greeting.originalLength).isEqualTo(54 + 8);
        assertThat(c.segments.get(3).text()).isEqualTo("220 mx");
        assertThat(c.segments.get(3).missing()).isEqualTo(2);
        assertThat(c.segments.get(4).text()).isEqualTo("EHLO x");
        assertThat(c.segments.get(5).missing()).isZero();
        assertThat(c.weirds.get("pcap.snaplen_cut")).isEqualTo(2);
    }

    @ParameterizedTest(name = "bigEndian={0} gzip={1}")
    @CsvSource({"false,false", "true,false", "true,true"})
    void pcapngWithSeveralInterfacesLinkTypesAndResolutions(boolean bigEndian, boolean gzip) throws IOException {
        Path f = dir.resolve("a.pcapng");
        List<Packet> s = session();
        try (PcapngWriter w = PcapngWriter.open(Files.newOutputStream(f),
                bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN, gzip)) {
            int eth = w.addInterface(LinkTypes.ETHERNET, 65535, PcapngWriter.TSRESOL_MICROS);
            int raw = w.addInterface(LinkTypes.RAW, 65535, PcapngWriter.TSRESOL_NANOS);
            int sll = w.addInterface(LinkTypes.LINUX_SLL, 65535, PcapngWriter.tsresolPowerOfTwo(30));
            w.writeBlock(0x0BAD, new byte[] {1, 2, 3, 4, 5});
            w.writePacket(eth, s.get(0).tsNanos(), s.get(0).frame());
            w.writePacket(raw, s.get(3).tsNanos(), strip(s.get(3).frame(), 14));
            w.writePacket(sll, s.get(4).tsNanos(), Frames.sll(strip(s.get(4).frame(), 14)));
        }
        Collected c = Collected.read(f);
        assertThat(c.truncation).isNull();
        assertThat(c.packets).extracting(p -> p.linkType).containsExactly(1, 101, 113);
        assertThat(c.packets).extracting(p -> p.interfaceId).containsExactly(0, 1, 2);
        assertThat(c.packets.get(0).timestampNanos).isEqualTo(s.get(0).tsNanos() / 1000 * 1000);
        assertThat(c.packets.get(1).timestampNanos).isEqualTo(s.get(3).tsNanos());
        // 2^-30 s units are finer than 1 ns but round-trip only to within a nanosecond.
        assertThat(c.packets.get(2).timestampNanos).isBetween(s.get(4).tsNanos() - 1, s.get(4).tsNanos());
        assertThat(c.payloadText()).isEqualTo("220 mx\r\nEHLO x\r\n");
    }

    @Test
    void pcapngSectionsEachWithTheirOwnByteOrderAndInterfaces() throws IOException {
        Path f = dir.resolve("sections.pcapng");
        List<Packet> s = session();
        try (PcapngWriter w = PcapngWriter.open(f, ByteOrder.BIG_ENDIAN)) {
            w.addInterface(LinkTypes.RAW, 0, PcapngWriter.TSRESOL_MILLIS);
            w.writePacket(0, s.get(3).tsNanos(), strip(s.get(3).frame(), 14));
            w.newSection(ByteOrder.LITTLE_ENDIAN);
            w.addInterface(LinkTypes.ETHERNET, 65535, PcapngWriter.TSRESOL_NANOS);
            w.writeObsoletePacket(0, s.get(4).tsNanos(), s.get(4).frame(), s.get(4).originalLength());
            w.writeSimplePacket(s.get(5).frame(), s.get(5).originalLength());
        }
        Collected c = Collected.read(f);
        assertThat(c.truncation).isNull();
        assertThat(c.packets).extracting(p -> p.linkType).containsExactly(101, 1, 1);
        assertThat(c.packets.get(0).timestampNanos).isEqualTo(s.get(3).tsNanos() / 1_000_000 * 1_000_000);
        assertThat(c.packets.get(1).timestampNanos).isEqualTo(s.get(4).tsNanos());
        assertThat(c.packets.get(2).timestampNanos).as("an SPB has no time: the last one is kept")
                .isEqualTo(s.get(4).tsNanos());
        assertThat(c.payloadText()).isEqualTo("220 mx\r\nEHLO x\r\n250 h");
    }

    @Test
    void simplePacketBlockIsCutToTheInterfaceSnaplen() throws IOException {
        Path f = dir.resolve("spb.pcapng");
        Packet greeting = session().get(3);
        try (PcapngWriter w = PcapngWriter.open(f)) {
            w.addInterface(LinkTypes.ETHERNET, 58, PcapngWriter.TSRESOL_MICROS);
            w.writeSimplePacket(Arrays.copyOf(greeting.frame(), 58), greeting.frame().length);
        }
        Collected c = Collected.read(f);
        assertThat(c.segments).singleElement().satisfies(seg -> {
            assertThat(seg.text()).isEqualTo("220 ");
            assertThat(seg.missing()).isEqualTo(4);
        });
    }

    @Test
    void kuznetzovPatchedPcapHasLongerRecordHeaders() throws IOException {
        byte[] frame = session().get(3).frame();
        ByteBuffer b = ByteBuffer.allocate(24 + 24 + frame.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0xa1b2cd34).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(1);
        b.putInt(1_000).putInt(5).putInt(frame.length).putInt(frame.length).putInt(2).putShort((short) 0x0800)
                .put((byte) 0).put((byte) 0).put(frame);
        Path f = Files.write(dir.resolve("k.pcap"), b.array());
        Collected c = Collected.read(f);
        assertThat(c.packets).singleElement().satisfies(p -> assertThat(p.timestampNanos).isEqualTo(1_000_000_005_000L));
        assertThat(c.payloadText()).isEqualTo("220 mx\r\n");
    }

    @Test
    void pcapngInterfaceTimestampOffsetIsAdded() throws IOException {
        Path f = dir.resolve("off.pcapng");
        Packet p = session().get(3);
        try (PcapngWriter w = PcapngWriter.open(f, ByteOrder.BIG_ENDIAN)) {
            w.writeBlock(1, ByteBuffer.allocate(28).putShort((short) 1).putShort((short) 0).putInt(0)
                    .putShort((short) 14).putShort((short) 8).putLong(3600).putInt(0).array()); // if_tsoffset = 1 h
            w.writePacket(0, 1_000_000_000L, p.frame());
        }
        Collected c = Collected.read(f);
        assertThat(c.packets).singleElement().satisfies(r -> assertThat(r.timestampNanos).isEqualTo(3601_000_000_000L));
    }

    @Test
    void classicFileTruncatedMidPacketDeliversEverythingBefore() throws IOException {
        Path f = writeClassic(session());
        byte[] all = Files.readAllBytes(f);
        Files.write(f, Arrays.copyOf(all, all.length - 10));
        Collected c = Collected.read(f);
        assertThat(c.packets).hasSize(session().size() - 1);
        assertThat(c.truncation).contains("file ends inside packet data (44 of 54 bytes)")
                .contains("packet " + session().size());
    }

    @Test
    void classicFileTruncatedMidRecordHeader() throws IOException {
        Path f = writeClassic(session());
        byte[] all = Files.readAllBytes(f);
        int n = session().size();
        int lastRecord = all.length - 16 - session().get(n - 1).frame().length;
        Files.write(f, Arrays.copyOf(all, lastRecord + 7));
        Collected c = Collected.read(f);
        assertThat(c.packets).hasSize(n - 1);
        assertThat(c.truncation).contains("record header");
    }

    @Test
    void truncatedGzipStillDeliversTheDecompressedPackets() throws IOException {
        Path f = dir.resolve("a.pcap.gz");
        try (PcapWriter w = PcapWriter.builder().gzip().open(f)) {
            w.writeAll(session());
        }
        byte[] all = Files.readAllBytes(f);
        Files.write(f, Arrays.copyOf(all, all.length - 12)); // drop the gzip trailer and a little data
        Collected c = Collected.read(f);
        assertThat(c.truncation).isNotNull();
        assertThat(c.packets.size()).isLessThan(session().size());
    }

    @Test
    void pcapngTruncatedInsideABlock() throws IOException {
        Path f = dir.resolve("t.pcapng");
        try (PcapngWriter w = PcapngWriter.open(f)) {
            w.writeAll(session());
        }
        byte[] all = Files.readAllBytes(f);
        Files.write(f, Arrays.copyOf(all, all.length - 30));
        Collected c = Collected.read(f);
        assertThat(c.packets).hasSize(session().size() - 1);
        assertThat(c.truncation).contains("enhanced packet block");
    }

    @Test
    void garbageIsNotACapture() throws IOException {
        Path f = dir.resolve("index.html");
        Files.writeString(f, "<html><body>hi</body></html>");
        assertThatThrownBy(() -> CaptureFiles.open(f)).isInstanceOf(CaptureFormatException.class)
                .hasMessage("not a pcap or pcapng file (starts with 0x3c68746d)");
    }

    @Test
    void gzippedGarbageIsNotACapture() throws IOException {
        Path f = dir.resolve("x.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(f))) {
            o.write("hello world".getBytes(StandardCharsets.US_ASCII));
        }
        assertThatThrownBy(() -> CaptureFiles.open(f)).isInstanceOf(CaptureFormatException.class)
                .hasMessageContaining("gzip-compressed, but not a pcap");
    }

    @Test
    void emptyAndTinyFiles() throws IOException {
        Path empty = Files.write(dir.resolve("empty"), new byte[0]);
        assertThatThrownBy(() -> CaptureFiles.open(empty)).isInstanceOf(CaptureFormatException.class).hasMessage("empty file");
        Path tiny = Files.write(dir.resolve("tiny"), new byte[] {(byte) 0xd4, (byte) 0xc3, (byte) 0xb2, (byte) 0xa1, 2, 0});
        assertThatThrownBy(() -> CaptureFiles.open(tiny)).isInstanceOf(CaptureFormatException.class)
                .hasMessageContaining("truncated pcap file header");
    }

    @Test
    void absurdCapturedLengthStopsReadingWithoutAllocating() throws IOException {
        Path f = writeClassic(session().subList(0, 2));
        ByteBuffer rec = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putInt(1).putInt(0).putInt(0x7fffffff).putInt(0x7fffffff);
        Files.write(f, rec.array(), java.nio.file.StandardOpenOption.APPEND);
        Collected c = Collected.read(f);
        assertThat(c.packets).hasSize(2);
        assertThat(c.truncation).contains("captured length 2147483647 exceeds 262144");
    }

    @ParameterizedTest(name = "block length {0}")
    @CsvSource({"30, not a multiple of 4", "16, below the minimum", "2147483644, exceeds", "-4, exceeds"})
    void absurdPcapngBlockLengthsStopReading(int length, String reason) throws IOException {
        Path f = dir.resolve("bad.pcapng");
        try (PcapngWriter w = PcapngWriter.open(f)) {
            w.writeAll(session().subList(0, 2));
            w.writeRaw(ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putInt(6).putInt(length).putInt(0).array());
        }
        Collected c = Collected.read(f);
        assertThat(c.packets).hasSize(2);
        assertThat(c.truncation).contains(reason);
    }

    @Test
    void hugeUnknownBlockIsSkippedByStreamingAndEndsAsTruncation() throws IOException {
        Path f = dir.resolve("skip.pcapng");
        try (PcapngWriter w = PcapngWriter.open(f)) {
            w.writeAll(session().subList(0, 1));
            w.writeRaw(ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putInt(0x40000000).putInt(0x7ffffff0).putInt(0).array());
        }
        Collected c = Collected.read(f);
        assertThat(c.packets).hasSize(1);
        assertThat(c.truncation).contains("file ends inside a block of type 0x40000000");
    }

    @Test
    void pcapngWithBadByteOrderMagicIsRejectedAtOpen() throws IOException {
        Path f = dir.resolve("bom.pcapng");
        Files.write(f, ByteBuffer.allocate(28).order(ByteOrder.LITTLE_ENDIAN).putInt(0x0A0D0D0A).putInt(28)
                .putInt(0x11223344).putInt(1).putLong(-1).putInt(28).array());
        assertThatThrownBy(() -> CaptureFiles.open(f)).isInstanceOf(CaptureFormatException.class)
                .hasMessageContaining("byte-order magic");
    }

    @Test
    void packetForAnUndefinedInterfaceStopsReading() throws IOException {
        Path f = dir.resolve("noif.pcapng");
        try (PcapngWriter w = PcapngWriter.open(f)) {
            w.writeAll(session().subList(0, 1));
            byte[] frame = session().get(1).frame();
            w.writeBlock(6, ByteBuffer.allocate(20 + frame.length).order(ByteOrder.LITTLE_ENDIAN).putInt(7).putInt(0)
                    .putInt(0).putInt(frame.length).putInt(frame.length).put(frame).array());
        }
        Collected c = Collected.read(f);
        assertThat(c.packets).hasSize(1);
        assertThat(c.truncation).contains("undefined interface 7");
    }

    @Test
    void randomGarbageAfterAValidHeaderNeverCrashes() throws IOException {
        java.util.Random r = new java.util.Random(42);
        for (int round = 0; round < 200; round++) {
            Path f = dir.resolve("fuzz" + (round % 2 == 0 ? ".pcap" : ".pcapng"));
            try (var w = round % 2 == 0 ? PcapWriter.open(f) : PcapngWriter.open(f)) {
                byte[] junk = new byte[r.nextInt(4000)];
                r.nextBytes(junk);
                if (w instanceof PcapWriter pw) {
                    pw.writeAll(session().subList(0, 1));
                }
                w.writePacket(0, START, junk);
                if (w instanceof PcapngWriter nw) {
                    nw.writeRaw(junk);
                }
            }
            byte[] all = Files.readAllBytes(f);
            for (int i = 0; i < 20; i++) {
                all[24 + r.nextInt(all.length - 24)] = (byte) r.nextInt();
            }
            Files.write(f, all);
            try {
                Collected c = Collected.read(f);
                assertThat(c.packets.size()).isLessThan(100);
            } catch (CaptureFormatException e) {
                assertThat(e.getMessage()).doesNotContain("\n"); // a damaged section header: rejected at open
            }
        }
    }

    private Path writeClassic(List<Packet> packets) throws IOException {
        Path f = dir.resolve("c.pcap");
        try (PcapWriter w = PcapWriter.open(f)) {
            w.writeAll(packets);
        }
        return f;
    }

    private static byte[] strip(byte[] frame, int n) {
        return Arrays.copyOfRange(frame, n, frame.length);
    }

    static List<Packet> linkSession(LinkLayer link) {
        return TcpSessionBuilder.ipv6("fd00::1", 1025, "fd00::2", 80).link(link).client("GET /").build();
    }
}
