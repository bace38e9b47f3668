package net.sguil.bridge.facts;

import java.time.Instant;

/**
 * Where a piece of reassembled traffic came from: the capture file, the client and server
 * endpoints, and the times of the session's first and last packet.
 */
public final class SessionInfo {
    private final String pcap;
    private final String srcIp;
    private final int srcPort;
    private final String dstIp;
    private final int dstPort;
    private final Instant firstSeen;
    private final Instant lastSeen;

    public SessionInfo(String pcap, String srcIp, int srcPort, String dstIp, int dstPort, Instant firstSeen,
                       Instant lastSeen) {
        this.pcap = pcap;
        this.srcIp = srcIp;
        this.srcPort = srcPort;
        this.dstIp = dstIp;
        this.dstPort = dstPort;
        this.firstSeen = firstSeen;
        this.lastSeen = lastSeen;
    }

    public String getPcap() { return pcap; }
    /** The client: the side that opened the connection (or, picked up mid-stream, the side talking to the well-known port). */
    public String getSrcIp() { return srcIp; }
    public int getSrcPort() { return srcPort; }
    public String getDstIp() { return dstIp; }
    public int getDstPort() { return dstPort; }
    public Instant getFirstSeen() { return firstSeen; }
    public Instant getLastSeen() { return lastSeen; }

    @Override
    public String toString() {
        return srcIp + ":" + srcPort + " -> " + dstIp + ":" + dstPort;
    }
}
