package net.sguil.bridge.pcap;

import java.io.Closeable;
import java.io.IOException;

/** A stream of packets from a capture file, read one record at a time into a reused {@link RawPacket}. */
public interface PacketSource extends Closeable {
    /** Fills {@code into} with the next packet; false at the end (or where reading had to stop, see {@link #truncation()}). */
    boolean next(RawPacket into) throws IOException;

    /** Bytes of the underlying file read so far (compressed bytes for a gzip file), for a progress bar. */
    long bytesConsumed();

    long fileSize();

    /**
     * Null, or a one-line description of why reading stopped before the end of a well-formed file:
     * the file ended in the middle of a record, or a record was corrupt (e.g. an absurd length).
     * Every packet before that point was delivered.
     */
    String truncation();
}
