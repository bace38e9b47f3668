package net.sguil.bridge.tcp;

/**
 * Consumer of one connection's two reassembled byte streams. Calls arrive in capture order,
 * interleaved between the directions as the packets that completed them arrived, so a protocol
 * parser can follow the client in step with the server's replies.
 *
 * <p>Each direction is a sequence of {@code onData} and {@code onGap} calls that together cover the
 * stream from offset 0 without overlap: a gap is a range of the stream that was sent but never
 * captured (lost segments, snap-length cuts, buffers given up). Bytes passed to {@code onData} are
 * only valid during the call.
 */
public interface StreamHandler {
    void onData(Direction direction, byte[] buffer, int offset, int length);

    /** {@code length} bytes starting at stream offset {@code streamOffset} are missing. */
    void onGap(Direction direction, long streamOffset, long length);

    /** The connection is over; no further calls follow. */
    void onClose(CloseReason reason);

    /**
     * Heap this handler holds for its connection now: its buffers and parser state (what it
     * allocated, not what it was passed), including any handler it delegates to. Asked after every
     * call; the connection charges the difference to the analysis' {@link MemoryBudget}, and gives it
     * all back when the connection closes. An estimate: capacities of the buffers held, plus a fixed
     * cost for the parser's objects.
     */
    default long heldBytes() {
        return 0;
    }
}
