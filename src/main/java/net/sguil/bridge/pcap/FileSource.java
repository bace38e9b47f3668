package net.sguil.bridge.pcap;

import java.io.IOException;

/** What the classic and pcapng readers share: the input window, the packet buffer, progress and the stop reason. */
abstract class FileSource implements PacketSource {
    /** Largest captured length accepted (tcpdump's default snap length); anything larger is corruption. */
    static final int MAX_CAPLEN = 256 * 1024;

    final RecordInput in;
    final byte[] packetBuffer = new byte[MAX_CAPLEN];
    /** 1-based number of the packet being read, for messages. */
    long packetNumber = 1;
    private final CountingInputStream counter;
    private final long fileSize;
    private String truncation;
    private String stopReason;
    private boolean stopped;

    FileSource(RecordInput in, CountingInputStream counter, long fileSize) {
        this.in = in;
        this.counter = counter;
        this.fileSize = fileSize;
    }

    @Override
    public final boolean next(RawPacket into) throws IOException {
        if (stopped) {
            return false;
        }
        if (readNext(into)) {
            packetNumber++;
            return true;
        }
        stopped = true;
        if (truncation == null) {
            truncation = Truncations.atEnd(packetNumber, in);
        }
        return false;
    }

    /** Reads one packet; returns false at the end, after {@link #stop} when the input is damaged. */
    abstract boolean readNext(RawPacket into) throws IOException;

    /** Records why reading stops; returns false for the caller's convenience. */
    final boolean stop(String reason) {
        truncation = reason;
        return false;
    }

    final boolean endedInside(String what) {
        return stop(Truncations.endedInside(what, packetNumber, in.offset(), in));
    }

    final boolean corrupt(String reason) {
        stopReason = reason;
        return stop(Truncations.corrupt(reason, packetNumber, in.offset()));
    }

    final void deliver(RawPacket into, int linkType, int interfaceId, long tsNanos, int at, int caplen, long origlen) {
        in.copy(at, packetBuffer, caplen);
        into.data = packetBuffer;
        into.capturedLength = caplen;
        into.originalLength = (int) Math.min(Integer.MAX_VALUE, Math.max(origlen, caplen));
        into.linkType = linkType;
        into.interfaceId = interfaceId;
        into.timestampNanos = tsNanos;
    }

    /** The bare reason given to the last {@link #corrupt} call. */
    final String stopReason() {
        return stopReason != null ? stopReason : truncation;
    }

    @Override
    public final long bytesConsumed() {
        return counter.count();
    }

    @Override
    public final long fileSize() {
        return fileSize;
    }

    @Override
    public final String truncation() {
        return truncation;
    }

    @Override
    public final void close() throws IOException {
        in.close();
    }
}
