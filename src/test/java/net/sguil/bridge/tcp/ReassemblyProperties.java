package net.sguil.bridge.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.sguil.bridge.testpcap.TcpSessionBuilder;
import net.sguil.bridge.testpcap.TcpSessionBuilder.Side;
import net.sguil.bridge.weird.Weirds;

class ReassemblyProperties {
    /** Any segmentation, reordering, duplication and retransmission of a stream reassembles to the same bytes. */
    @Property(tries = 200)
    void anyDeliveryOrderGivesTheSameStreams(@ForAll @Size(min = 1, max = 3000) byte[] clientBytes,
                                             @ForAll @Size(max = 500) byte[] serverBytes,
                                             @ForAll @IntRange(min = 1, max = 700) int segmentSize,
                                             @ForAll long seed, @ForAll long isn,
                                             @ForAll @IntRange(min = 0, max = 5) int duplicates) {
        TcpSessionBuilder b = TcpSessionBuilder.ipv4("10.0.0.1", 40000, "10.0.0.2", 25).isn(isn, ~isn).handshake()
                .segmentSize(segmentSize).client(clientBytes).server(serverBytes)
                .retransmit(Side.CLIENT, 0, Math.min(clientBytes.length, segmentSize)).finish();
        int dataStart = 3;
        int dataEnd = b.packetCount() - 3;
        java.util.Random r = new java.util.Random(seed);
        for (int i = 0; i < duplicates && dataEnd > dataStart; i++) {
            b.duplicate(dataStart + r.nextInt(dataEnd - dataStart));
            dataEnd++;
        }
        if (dataEnd - dataStart > 1) {
            b.shuffle(dataStart, dataEnd, seed);
        }
        Weirds weirds = new Weirds();
        RecordingHandler h = Replay.reassemble(b.build(), TcpLimits.defaults(), weirds);
        assertThat(h.toServer.toByteArray()).isEqualTo(clientBytes);
        assertThat(h.toClient.toByteArray()).isEqualTo(serverBytes);
        assertThat(h.gaps).isEmpty();
        assertThat(h.closed).isEqualTo(CloseReason.FIN);
    }
}
