package net.sguil.bridge.tcp;

import java.util.Map;
import java.util.TreeMap;

/**
 * Reassembly of one direction of a connection into an ordered byte stream with explicit gaps.
 *
 * <p>Sequence numbers are mapped to 64-bit stream offsets by their signed 32-bit distance from
 * the next expected byte, so wrap-around at 2^32 needs no special case. In-order segments are
 * delivered straight from the packet buffer; only out-of-order ones are copied.
 *
 * <p>Overlap policy: <b>first wins</b>. Bytes already delivered or already buffered are kept;
 * a later segment only fills what is still missing. When an overlapping segment carries
 * different bytes than the buffered ones the conflict is counted ({@code tcp.overlap_conflict}),
 * since a sender never legitimately changes data it already sent (evasion attempts do).
 * The same policy applies to the known-missing tail of a snap-length-cut segment. Bytes already
 * delivered are gone, but the last kilobyte of them is remembered by its blocks' CRC-32C
 * ({@link DeliveredBlocks}), so a retransmission that changes them is told from an honest one.
 */
final class HalfStream {
    private record Chunk(byte[] data, int length) {
        boolean missing() {
            return data == null;
        }
    }

    private final Direction direction;
    private final TcpConnection connection;
    private int baseSeq;
    private long next;
    private long finOffset = -1;
    private TreeMap<Long, Chunk> pending;
    private long pendingBytes;
    private long gapCount;
    private long gapBytes;
    private DeliveredBlocks delivered;

    HalfStream(Direction direction, TcpConnection connection) {
        this.direction = direction;
        this.connection = connection;
    }

    /** Offset 0 of the stream is the byte carrying sequence number {@code seq}. */
    void startAt(int seq) {
        baseSeq = seq;
    }

    long offsetOf(int seq) {
        int expected = baseSeq + (int) next;
        return next + (seq - expected);
    }

    /** One segment of this direction: {@code len} captured bytes then {@code missing} uncaptured ones. */
    void segment(int seq, byte[] buf, int off, int len, int missing, boolean fin) {
        long start = offsetOf(seq);
        long end = start + len + missing;
        if (fin) {
            if (finOffset < 0) {
                finOffset = end;
            } else if (finOffset != end) {
                connection.weird(TcpWeird.TCP_FIN_MOVED);
            }
        }
        if (len + missing == 0) {
            return;
        }
        if (finOffset >= 0 && start >= finOffset) {
            connection.weird(TcpWeird.TCP_DATA_AFTER_FIN);
            return;
        }
        if (end <= next) {
            connection.weird(changesDelivered(start, buf, off, len)
                    ? TcpWeird.TCP_OVERLAP_CONFLICT : TcpWeird.TCP_RETRANSMISSION);
            return;
        }
        if (start < next) {
            long skip = next - start;
            if (changesDelivered(start, buf, off, (int) Math.min(len, skip))) {
                connection.weird(TcpWeird.TCP_OVERLAP_CONFLICT);
            }
            if (skip <= len) {
                off += (int) skip;
                len -= (int) skip;
            } else {
                missing -= (int) (skip - len);
                off += len;
                len = 0;
            }
            start = next;
        }
        if (start == next && (pending == null || pending.isEmpty())) {
            deliver(buf, off, len);
            if (missing > 0) {
                gap(missing);
            }
        } else {
            if (pending == null) {
                pending = new TreeMap<>();
            }
            if (start > next) {
                connection.weird(TcpWeird.TCP_OUT_OF_ORDER);
            }
            insert(start, buf, off, len);
            if (missing > 0) {
                insert(start + len, null, 0, missing);
            }
            drain();
            enforceBounds();
        }
    }

    private void insert(long s, byte[] buf, int off, int len) {
        long e = s + len;
        long cur = s;
        boolean conflict = false;
        while (cur < e) {
            Map.Entry<Long, Chunk> f = pending.floorEntry(cur);
            if (f != null && f.getKey() + f.getValue().length() > cur) {
                long coveredEnd = Math.min(e, f.getKey() + f.getValue().length());
                conflict |= differs(f.getValue(), (int) (cur - f.getKey()), buf, off + (int) (cur - s),
                        (int) (coveredEnd - cur));
                cur = coveredEnd;
                continue;
            }
            Long nk = pending.higherKey(cur);
            long limit = nk == null ? e : Math.min(e, nk);
            int n = (int) (limit - cur);
            byte[] copy = null;
            if (buf != null) {
                copy = new byte[n];
                System.arraycopy(buf, off + (int) (cur - s), copy, 0, n);
                pendingBytes += n;
                connection.buffered(n);
            }
            pending.put(cur, new Chunk(copy, n));
            cur = limit;
        }
        if (conflict) {
            connection.weird(TcpWeird.TCP_OVERLAP_CONFLICT);
        }
    }

    private static boolean differs(Chunk have, int haveOff, byte[] buf, int off, int n) {
        if (have.missing() || buf == null) {
            return false;
        }
        return !java.util.Arrays.equals(have.data(), haveOff, haveOff + n, buf, off, off + n);
    }

    private void drain() {
        while (pending != null && !pending.isEmpty()) {
            Map.Entry<Long, Chunk> first = pending.firstEntry();
            long k = first.getKey();
            if (k > next) {
                return;
            }
            Chunk c = first.getValue();
            pending.pollFirstEntry();
            if (!c.missing()) {
                pendingBytes -= c.length();
                connection.buffered(-c.length());
            }
            long end = k + c.length();
            if (end <= next) {
                continue;
            }
            int skip = (int) (next - k);
            if (c.missing()) {
                gap(end - next);
            } else {
                deliver(c.data(), skip, c.length() - skip);
            }
        }
    }

    /** Gives up waiting for holes while this direction, or all buffers together, hold too much. */
    private void enforceBounds() {
        while (pending != null && !pending.isEmpty()
                && (pendingBytes > connection.config().maxBufferedPerDirection() || connection.overBudget())) {
            connection.weird(TcpWeird.TCP_BUFFER_LIMIT_GAP);
            gap(pending.firstKey() - next);
            drain();
        }
    }

    /**
     * The receiver acknowledged up to {@code ack}. Once it has acknowledged our FIN it holds every
     * byte before it, so nothing still missing here will ever be retransmitted: the holes are final.
     */
    void acknowledged(int ack) {
        if (finOffset >= 0 && !finished() && offsetOf(ack) > finOffset) {
            flush();
        }
    }

    /** Delivers everything still buffered, declaring every hole (and any missing tail before FIN) a gap. */
    void flush() {
        while (pending != null && !pending.isEmpty()) {
            long k = pending.firstKey();
            if (k > next) {
                gap(k - next);
            }
            drain();
        }
        if (finOffset > next) {
            gap(finOffset - next);
        }
    }

    /** Whether bytes {@code [start, start+len)} of the stream, already delivered, differ from what was delivered. */
    private boolean changesDelivered(long start, byte[] buf, int off, int len) {
        return delivered != null && delivered.changed(start, buf, off, len, connection.owner().crc());
    }

    private void deliver(byte[] buf, int off, int len) {
        if (len <= 0) {
            return;
        }
        if (delivered == null) {
            delivered = new DeliveredBlocks();
            connection.charge(DeliveredBlocks.BYTES);
        }
        delivered.delivered(next, buf, off, len, connection.owner().crc());
        next += len;
        connection.data(direction, buf, off, len);
    }

    private void gap(long len) {
        if (len <= 0) {
            return;
        }
        long at = next;
        next += len;
        gapCount++;
        gapBytes += len;
        connection.gap(direction, at, len);
    }

    /** The stream is over (flushed): what it kept to reassemble and check retransmissions can go. */
    void release() {
        pending = null;
        delivered = null;
    }

    boolean finished() {
        return finOffset >= 0 && next >= finOffset;
    }

    long gapCount() {
        return gapCount;
    }

    long gapBytes() {
        return gapBytes;
    }
}
