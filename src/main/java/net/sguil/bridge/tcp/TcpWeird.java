package net.sguil.bridge.tcp;

import net.sguil.bridge.weird.Means;
import net.sguil.bridge.weird.Weird;

/** The anomalies the TCP reassembly counts. */
public enum TcpWeird implements Weird {
    @Means("a connection whose handshake was not captured; the client was guessed from the ports")
    TCP_MIDSTREAM_PICKUP,
    @Means("an open connection closed, the least recently active, to stay within limits.tcp.max_connections; "
            + "an open message in it is truncated")
    TCP_EVICTED_TABLE_FULL,
    @Means("an open connection closed, the least recently active, to stay within the memory budget "
            + "(limits.memory.*); an open message in it is truncated")
    TCP_EVICTED_MEMORY,
    @Means("payload for a connection already closed (late retransmission or reuse)")
    TCP_DATA_AFTER_CLOSE,
    @Means("a second FIN at a different sequence number; the first is kept")
    TCP_FIN_MOVED,
    @Means("payload beyond the FIN already seen; ignored")
    TCP_DATA_AFTER_FIN,
    @Means("a segment whose bytes were already delivered (the same bytes, as far as the last few segments "
            + "delivered are remembered)")
    TCP_RETRANSMISSION,
    @Means("a segment ahead of the next expected byte; held until the hole fills")
    TCP_OUT_OF_ORDER,
    @Means("a segment overlapping held or already delivered data with different bytes (the first received wins): "
            + "an evasion attempt")
    TCP_OVERLAP_CONFLICT,
    @Means("a hole declared a gap because out-of-order data reached limits.tcp.max_buffered_per_direction "
            + "or limits.tcp.max_buffered_total")
    TCP_BUFFER_LIMIT_GAP,
    @Means("a protocol analyzer failed on a connection; the rest of it is not analysed (a bug: please report)")
    TCP_HANDLER_ERROR
}
