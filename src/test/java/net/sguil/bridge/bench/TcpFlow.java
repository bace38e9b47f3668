package net.sguil.bridge.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import net.sguil.bridge.testpcap.Frames;

/**
 * One TCP connection as a sensor on an Ethernet link captures it, produced a frame at a time so that
 * hundreds can be interleaved without being held in memory: handshake, each turn of the dialogue cut
 * into full-size segments (1,460 payload bytes: 1,514-byte frames), a pure ACK from the receiver for
 * every second segment, the closing FINs. Damage at the given rate per data segment: a segment
 * retransmitted a few frames later, or two consecutive segments swapped (out of order).
 */
final class TcpFlow {
    static final int MSS = 1460;
    private static final int SYN = 0x02;
    private static final int FIN = 0x01;
    private static final int PSH = 0x08;
    private static final int ACK = 0x10;

    /** Bytes one side sends before the other answers. */
    record Turn(boolean fromClient, InputStream bytes) {
    }

    /** Damage done so far, over all flows. */
    static final class Damage {
        long retransmitted;
        long reordered;
    }

    private final byte[][] addr = new byte[2][];
    private final int[] port = new int[2];
    private final long[] next = new long[2];
    private final Iterator<Turn> turns;
    private final SplittableRandom random;
    private final double damageRate;
    private final Damage damage;
    private final ArrayDeque<byte[]> ready = new ArrayDeque<>();
    private byte[] late;
    private int lateAfter;
    private Turn turn;
    private int segmentsInTurn;
    private int ipId;
    private boolean opened;
    private boolean closed;

    TcpFlow(String client, int clientPort, String server, int serverPort, List<Turn> turns, long seed,
            double damageRate, Damage damage) {
        addr[0] = Frames.addr(client);
        addr[1] = Frames.addr(server);
        port[0] = clientPort;
        port[1] = serverPort;
        this.turns = turns.iterator();
        this.random = new SplittableRandom(seed);
        this.damageRate = damageRate;
        this.damage = damage;
        next[0] = random.nextInt() & 0xffffffffL;
        next[1] = random.nextInt() & 0xffffffffL;
        ipId = random.nextInt(65536);
    }

    /** The next captured frame, or null when the connection is over. */
    byte[] nextFrame() {
        if (late != null && lateAfter-- <= 0) {
            return takeLate();
        }
        while (ready.isEmpty()) {
            if (!advance()) {
                return null;
            }
        }
        return ready.poll();
    }

    private byte[] takeLate() {
        byte[] f = late;
        late = null;
        return f;
    }

    private boolean advance() {
        if (!opened) {
            opened = true;
            ready.add(frame(0, SYN, null));
            next[0]++;
            ready.add(frame(1, SYN | ACK, null));
            next[1]++;
            ready.add(frame(0, ACK, null));
            return true;
        }
        if (closed) {
            return false;
        }
        if (turn == null) {
            if (!turns.hasNext()) {
                if (late != null) {
                    ready.add(takeLate());
                }
                ready.add(frame(0, FIN | ACK, null));
                next[0]++;
                ready.add(frame(1, FIN | ACK, null));
                next[1]++;
                ready.add(frame(0, ACK, null));
                closed = true;
                return true;
            }
            turn = turns.next();
            segmentsInTurn = 0;
        }
        int side = turn.fromClient() ? 0 : 1;
        byte[] payload = read(turn.bytes());
        if (payload.length == 0) {
            turn = null;
            return true;
        }
        if (random.nextDouble() < damageRate) {
            byte[] second = read(turn.bytes());
            if (second.length > 0) {
                byte[] first = send(side, payload);
                ready.add(send(side, second));
                ready.add(first);
                damage.reordered++;
                acks(side, 2);
                return true;
            }
        }
        byte[] f = send(side, payload);
        ready.add(f);
        if (late == null && random.nextDouble() < damageRate) {
            late = f;
            lateAfter = 1 + random.nextInt(4);
            damage.retransmitted++;
        }
        acks(side, 1);
        return true;
    }

    /** The receiver acknowledges every second segment, as delayed ACK does. */
    private void acks(int side, int segments) {
        for (int i = 0; i < segments; i++) {
            if (++segmentsInTurn % 2 == 0) {
                ready.add(frame(1 - side, ACK, null));
            }
        }
    }

    private byte[] send(int side, byte[] payload) {
        byte[] f = frame(side, PSH | ACK, payload);
        next[side] += payload.length;
        return f;
    }

    private byte[] frame(int side, int flags, byte[] payload) {
        byte[] tcp = Frames.tcp(port[side], port[1 - side], next[side], (flags & ACK) != 0 ? next[1 - side] : 0,
                flags, payload == null ? new byte[0] : payload);
        return Frames.ethernet(Frames.ipv4(addr[side], addr[1 - side], Frames.TCP, tcp, new byte[0], ipId++ & 0xffff));
    }

    private static byte[] read(InputStream in) {
        try {
            return in.readNBytes(MSS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
