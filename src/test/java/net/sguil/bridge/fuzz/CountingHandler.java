package net.sguil.bridge.fuzz;

import net.sguil.bridge.tcp.CloseReason;
import net.sguil.bridge.tcp.Direction;
import net.sguil.bridge.tcp.StreamHandler;

/** Passes every call on, adding up the data and gap bytes of one direction. */
final class CountingHandler implements StreamHandler {
    private final StreamHandler next;
    private final Direction counted;
    private final long[] data;
    private final long[] gaps;

    CountingHandler(StreamHandler next, Direction counted, long[] data, long[] gaps) {
        this.next = next;
        this.counted = counted;
        this.data = data;
        this.gaps = gaps;
    }

    @Override
    public void onData(Direction direction, byte[] buffer, int offset, int length) {
        if (direction == counted) {
            data[0] += length;
        }
        next.onData(direction, buffer, offset, length);
    }

    @Override
    public void onGap(Direction direction, long streamOffset, long length) {
        if (direction == counted) {
            gaps[0] += length;
        }
        next.onGap(direction, streamOffset, length);
    }

    @Override
    public void onClose(CloseReason reason) {
        next.onClose(reason);
    }
}
