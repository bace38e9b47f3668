package net.sguil.bridge.fuzz;

import static net.sguil.bridge.fuzz.Fuzzing.check;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Duration;
import net.sguil.bridge.pcap.PcapLimits;
import net.sguil.bridge.pcap.PacketDecoder;
import net.sguil.bridge.pcap.TcpSegment;
import net.sguil.bridge.weird.Weirds;

/**
 * The packet decoder (every link layer, IPv4 and IPv6 with extension headers and fragment
 * reassembly) fed frames built from fuzz data ({@link FrameScript}). Byte 0 bit 0 chooses tiny
 * limits: two datagrams in reassembly of at most 1500 bytes, a one-second fragment timeout, one VLAN
 * tag, two IPv6 extension headers.
 *
 * <p>Invariants on every segment handed on: its payload lies inside the buffer it points into, it
 * is no longer than an IP datagram can be, its addresses and ports are well-formed.
 */
class PacketDecoderFuzzTest {
    private static final PcapLimits TINY = new PcapLimits(2, 1500, Duration.ofSeconds(1), 1, 2);

    @FuzzTest
    void decodeFrames(byte[] input) {
        if (input.length == 0) {
            return;
        }
        PcapLimits config = (input[0] & 1) != 0 ? TINY : PcapLimits.defaults();
        PacketDecoder decoder = new PacketDecoder(config, new Weirds(), PacketDecoderFuzzTest::checkSegment);
        FrameScript.play(input, 1, decoder::decode);
    }

    private static void checkSegment(TcpSegment s) {
        check(s.ipVersion == 4 || s.ipVersion == 6, "IP version " + s.ipVersion);
        check(s.data != null && s.dataOffset >= 0 && s.dataLength >= 0
                && (long) s.dataOffset + s.dataLength <= s.data.length,
                "payload " + s.dataOffset + "+" + s.dataLength + " outside its buffer");
        check(s.dataLength + (long) s.missingLength <= 65535 + 40, "payload of " + s.dataLength + "+"
                + s.missingLength + " bytes");
        check(s.missingLength >= 0, "negative missing length");
        check(s.srcPort >= 0 && s.srcPort <= 65535 && s.dstPort >= 0 && s.dstPort <= 65535, "bad port");
        check((s.flags & ~0xff) == 0, "bad flags");
    }
}
