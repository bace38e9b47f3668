package net.sguil.bridge.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.sguil.bridge.testpcap.Captures;
import net.sguil.bridge.testpcap.Packet;
import net.sguil.bridge.testpcap.TcpSessionBuilder;
import net.sguil.bridge.testpcap.TcpSessionBuilder.Side;
import net.sguil.bridge.weird.Weirds;
import org.junit.jupiter.api.Test;

class TcpReassemblerTest {
    private final Weirds weirds = new Weirds();

    private static TcpSessionBuilder smtp() {
        return TcpSessionBuilder.ipv4("10.0.0.1", 40000, "10.0.0.2", 25).handshake();
    }

    private RecordingHandler run(TcpSessionBuilder b) {
        return Replay.reassemble(b.build(), TcpLimits.defaults(), weirds);
    }

    @Test
    void inOrderSessionDeliversBothStreamsAndClosesOnFin() {
        RecordingHandler h = run(smtp().server("220 mx\r\n").client("EHLO a\r\n").server("250 ok\r\n").finish());
        assertThat(h.clientStream()).isEqualTo("EHLO a\r\n");
        assertThat(h.serverStream()).isEqualTo("220 mx\r\n250 ok\r\n");
        assertThat(h.gaps).isEmpty();
        assertThat(h.closed).isEqualTo(CloseReason.FIN);
        assertThat(h.connection.id().clientIp()).isEqualTo("10.0.0.1");
        assertThat(h.connection.id().serverPort()).isEqualTo(25);
        assertThat(h.connection.id().midstream()).isFalse();
    }

    @Test
    void deliveryInterleavesDirectionsInCaptureOrder() {
        RecordingHandler h = run(smtp().server("220 mx\r\n").client("EHLO a\r\n").server("250 ok\r\n").finish());
        assertThat(h.events).containsExactly("S 220 mx\r\n", "C EHLO a\r\n", "S 250 ok\r\n");
    }

    @Test
    void sequenceNumbersWrapAroundTwoToThe32() {
        TcpSessionBuilder b = TcpSessionBuilder.ipv4("10.0.0.1", 40000, "10.0.0.2", 25)
                .isn(0xfffffff0L, 0xffffffffL).handshake().segmentSize(7)
                .client("0123456789abcdefghijklmnopqrstuvwxyz").server("the server side also wraps").finish();
        RecordingHandler h = run(b);
        assertThat(h.clientStream()).isEqualTo("0123456789abcdefghijklmnopqrstuvwxyz");
        assertThat(h.serverStream()).isEqualTo("the server side also wraps");
        assertThat(h.gaps).isEmpty();
    }

    @Test
    void reorderedSegmentsAreBufferedAndDeliveredInOrder() {
        TcpSessionBuilder b = smtp().segmentSize(4).client("abcdefghijklmnopqrstuvwx").finish();
        b.swap(3, 6).shuffle(4, 8, 42);
        RecordingHandler h = run(b);
        assertThat(h.clientStream()).isEqualTo("abcdefghijklmnopqrstuvwx");
        assertThat(h.gaps).isEmpty();
        assertThat(weirds.get("tcp.out_of_order")).isPositive();
    }

    @Test
    void duplicatesAndRetransmissionsAreDeliveredOnce() {
        TcpSessionBuilder b = smtp().segmentSize(5).client("hello world, twice").retransmit(Side.CLIENT, 0, 10)
                .finish();
        b.duplicate(4);
        RecordingHandler h = run(b);
        assertThat(h.clientStream()).isEqualTo("hello world, twice");
        assertThat(weirds.get("tcp.retransmission")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void overlapWithDifferentBytesKeepsTheFirstAndIsCounted() {
        // Segment 3 ("AAAA") is held back so the conflicting overlap arrives while it is buffered.
        TcpSessionBuilder b = smtp().segmentSize(4).client("xxxxAAAAyyyy").overlap(Side.CLIENT, 4, "BBBB".getBytes())
                .finish();
        b.move(3, 6); // "xxxx" last: AAAA is buffered when the conflicting BBBB arrives
        List<String> d = b.describe();
        RecordingHandler h = run(b);
        assertThat(h.clientStream()).as(String.join("\n", d)).isEqualTo("xxxxAAAAyyyy");
        assertThat(weirds.get("tcp.overlap_conflict")).isEqualTo(1);
    }

    @Test
    void droppedSegmentBecomesAGapWithItsOffsetAndLength() {
        TcpSessionBuilder b = smtp().segmentSize(10).client("0123456789ABCDEFGHIJabcdefghij").finish();
        b.dropSegment(4); // handshake is 0..2; 3 = "0123456789", 4 = "ABCDEFGHIJ"
        RecordingHandler h = run(b);
        assertThat(h.gaps).containsExactly("C@10+10");
        assertThat(h.clientStream()).isEqualTo("0123456789abcdefghij");
        assertThat(h.connection.gapCount(Direction.CLIENT_TO_SERVER)).isEqualTo(1);
        assertThat(h.connection.gapBytes(Direction.CLIENT_TO_SERVER)).isEqualTo(10);
    }

    @Test
    void lostLastSegmentBeforeFinIsAGap() {
        TcpSessionBuilder b = smtp().segmentSize(10).client("0123456789ABCDEFGHIJ").fin(Side.CLIENT)
                .fin(Side.SERVER);
        b.dropSegment(4);
        RecordingHandler h = run(b);
        assertThat(h.gaps).containsExactly("C@10+10");
        assertThat(h.closed).isEqualTo(CloseReason.FIN);
    }

    @Test
    void captureStartingMidStreamPicksTheServerByItsPort() {
        TcpSessionBuilder b = smtp().server("220 mx\r\n").client("MAIL FROM:<a@b>\r\n").server("250 ok\r\n").finish()
                .dropHandshake();
        b.move(0, 1); // the first packet seen is the client's
        RecordingHandler h = run(b);
        assertThat(h.connection.id().midstream()).isTrue();
        assertThat(h.connection.id().serverPort()).isEqualTo(25);
        assertThat(h.clientStream()).isEqualTo("MAIL FROM:<a@b>\r\n");
        assertThat(h.serverStream()).isEqualTo("220 mx\r\n250 ok\r\n");
    }

    @Test
    void snaplenCutPayloadIsAGapNotData() {
        TcpSessionBuilder b = smtp().segmentSize(10).client("0123456789ABCDEFGHIJ").finish();
        b.cutPayload(3, 4);
        RecordingHandler h = run(b);
        assertThat(h.clientStream()).isEqualTo("0123ABCDEFGHIJ");
        assertThat(h.gaps).containsExactly("C@4+6");
    }

    @Test
    void resetClosesTheConnection() {
        RecordingHandler h = run(smtp().client("EHLO a\r\n").rst(Side.SERVER));
        assertThat(h.closed).isEqualTo(CloseReason.RESET);
        assertThat(h.clientStream()).isEqualTo("EHLO a\r\n");
    }

    @Test
    void idleConnectionsExpireByCaptureTime() {
        List<Packet> first = smtp().client("one").build();
        List<Packet> second = TcpSessionBuilder.ipv4("10.0.0.3", 40001, "10.0.0.2", 25)
                .start(first.get(first.size() - 1).tsNanos() + Duration.ofMinutes(10).toNanos())
                .handshake().client("two").build();
        List<RecordingHandler> seen = new ArrayList<>();
        List<CloseReason> closedBeforeSecond = new ArrayList<>();
        TcpReassembler r = new TcpReassembler(TcpLimits.defaults().withIdleTimeout(Duration.ofMinutes(5)), weirds,
                c -> {
                    if (!seen.isEmpty()) {
                        closedBeforeSecond.add(seen.get(0).closed);
                    }
                    RecordingHandler h = new RecordingHandler(c);
                    seen.add(h);
                    return h;
                });
        Replay.packets(Captures.merge(first, second), net.sguil.bridge.testpcap.LinkLayer.ETHERNET, weirds, r);
        assertThat(closedBeforeSecond).containsExactly(CloseReason.IDLE_TIMEOUT);
        assertThat(r.openConnections()).isEqualTo(1);
        r.finish();
        assertThat(seen.get(1).closed).isEqualTo(CloseReason.END_OF_CAPTURE);
    }

    @Test
    void aHoleThatNeverFillsIsGivenUpAtTheBufferBoundNotAtTheEnd() {
        byte[] big = new byte[64 * 1024];
        java.util.Arrays.fill(big, (byte) 'x');
        TcpSessionBuilder b = smtp().segmentSize(1000).client(big);
        b.dropSegment(3);
        RecordingHandler h = Replay.reassemble(b.build(), TcpLimits.defaults().withMaxBufferedPerDirection(8 * 1024),
                weirds);
        assertThat(h.gaps).containsExactly("C@0+1000");
        assertThat(h.toServer.size()).isEqualTo(big.length - 1000);
        assertThat(h.closed).isEqualTo(CloseReason.END_OF_CAPTURE);
        assertThat(weirds.get("tcp.buffer_limit_gap")).isEqualTo(1);
    }

    @Test
    void connectionTableIsBounded() {
        List<List<Packet>> sessions = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            sessions.add(TcpSessionBuilder.ipv4("10.0.1." + i, 40000, "10.0.0.2", 25).start(i * 1_000_000_000L)
                    .handshake().client("x").build());
        }
        @SuppressWarnings("unchecked")
        List<Packet> all = Captures.merge(sessions.toArray(new List[0]));
        TcpReassembler r = new TcpReassembler(TcpLimits.defaults().withMaxConnections(10), weirds, c -> null);
        Replay.packets(all, net.sguil.bridge.testpcap.LinkLayer.ETHERNET, weirds, r);
        assertThat(r.openConnections()).isLessThanOrEqualTo(10);
        assertThat(r.connectionsSeen()).isEqualTo(50);
        assertThat(weirds.get("tcp.evicted_table_full")).isEqualTo(40);
    }

    @Test
    void ipv6ConnectionsAreReassembled() {
        RecordingHandler h = run(TcpSessionBuilder.ipv6("fd00::1", 40000, "fd00::2", 25).handshake()
                .client("EHLO v6\r\n").finish());
        assertThat(h.connection.id().clientIp()).isEqualTo("fd00::1");
        assertThat(h.clientStream()).isEqualTo("EHLO v6\r\n");
    }

    @Test
    void aRetransmissionThatChangesDeliveredBytesIsAConflictAndTheFirstBytesStay() {
        String original = "0123456789".repeat(30);
        TcpSessionBuilder b = smtp().segmentSize(100).client(original)
                .overlap(Side.CLIENT, 50, "x".repeat(200).getBytes())
                .retransmit(Side.CLIENT, 0, 100)
                .overlap(Side.CLIENT, 192, ("y".repeat(108) + "TAIL").getBytes())
                .finish();
        RecordingHandler h = run(b);
        assertThat(h.clientStream()).isEqualTo(original + "TAIL");
        assertThat(weirds.get("tcp.overlap_conflict")).as("the changed copy of bytes 50..250 and of 192..300")
                .isEqualTo(2);
        assertThat(weirds.get("tcp.retransmission")).as("the honest copy of bytes 0..100").isEqualTo(1);
    }

    @Test
    void aConnectionThatNeverCarriesPayloadNeverAsksForAHandler() {
        List<TcpConnection> asked = new ArrayList<>();
        TcpReassembler r = new TcpReassembler(TcpLimits.defaults(), weirds, c -> {
            asked.add(c);
            return null;
        });
        Replay.packets(smtp().finish().build(), net.sguil.bridge.testpcap.LinkLayer.ETHERNET, weirds, r);
        Replay.packets(TcpSessionBuilder.ipv4("10.0.0.7", 40000, "10.0.0.2", 25).handshake().build(),
                net.sguil.bridge.testpcap.LinkLayer.ETHERNET, weirds, r);
        r.finish();
        assertThat(r.connectionsSeen()).isEqualTo(2);
        assertThat(asked).isEmpty();
    }

    @Test
    void overTheMemoryBudgetTheLeastRecentlyActiveConnectionsAreEvictedAndTheBudgetRecovers() {
        MemoryBudget budget = new MemoryBudget(64 * 1024);
        List<RecordingHandler> handlers = new ArrayList<>();
        TcpReassembler r = new TcpReassembler(TcpLimits.defaults(), weirds, c -> {
            RecordingHandler h = new RecordingHandler(c) {
                @Override
                public long heldBytes() {
                    return 4096;
                }
            };
            handlers.add(h);
            return h;
        }, budget);
        List<List<Packet>> sessions = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            sessions.add(TcpSessionBuilder.ipv4("10.0.2." + i, 40000, "10.0.0.2", 25).start(i * 1_000_000_000L)
                    .handshake().client("hello " + i).build());
        }
        @SuppressWarnings("unchecked")
        List<Packet> all = Captures.merge(sessions.toArray(new List[0]));
        Replay.packets(all, net.sguil.bridge.testpcap.LinkLayer.ETHERNET, weirds, r);
        assertThat(budget.used()).isLessThanOrEqualTo(budget.limit());
        long evicted = weirds.get("tcp.evicted_memory");
        assertThat(evicted).isPositive();
        assertThat(handlers.subList(0, (int) evicted)).allMatch(h -> h.closed == CloseReason.EVICTED_MEMORY);
        assertThat(handlers.subList((int) evicted, 40)).allMatch(h -> h.closed == null);
        assertThat(handlers.get(39).clientStream()).isEqualTo("hello 39");
        r.finish();
        assertThat(budget.used()).as("everything given back").isZero();
    }
}
