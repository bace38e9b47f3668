package net.sguil.bridge.facts;

import java.time.Instant;

/**
 * Where a piece of reassembled traffic came from: the capture file, the client and server
 * endpoints, and the times of the session's first and last packet. A session found inside a proxy
 * tunnel (HTTP CONNECT, SOCKS) names the destination the client asked the proxy for as its server,
 * and the proxy separately.
 */
public final class SessionInfo {
    private final String pcap;
    private final String srcIp;
    private final int srcPort;
    private final String dstIp;
    private final int dstPort;
    private final Instant firstSeen;
    private final Instant lastSeen;
    private final String tunnel;
    private final String proxyIp;
    private final int proxyPort;

    public SessionInfo(String pcap, String srcIp, int srcPort, String dstIp, int dstPort, Instant firstSeen,
                       Instant lastSeen) {
        this(pcap, srcIp, srcPort, dstIp, dstPort, firstSeen, lastSeen, "", "", 0);
    }

    /**
     * A session carried through a proxy: {@code dstIp}/{@code dstPort} name the destination the client
     * asked the proxy for, {@code proxyIp}/{@code proxyPort} the proxy the packets went to.
     *
     * @param tunnel {@code http-connect}, {@code socks4} or {@code socks5}; empty when not tunnelled
     */
    public SessionInfo(String pcap, String srcIp, int srcPort, String dstIp, int dstPort, Instant firstSeen,
                       Instant lastSeen, String tunnel, String proxyIp, int proxyPort) {
        this.tunnel = tunnel;
        this.proxyIp = proxyIp;
        this.proxyPort = proxyPort;
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
    /** How the session was carried through a proxy: {@code http-connect}, {@code socks4}, {@code socks5}; empty when it was not. */
    public String getTunnel() { return tunnel; }
    /** The proxy a tunnelled session's packets went to; empty when not tunnelled. */
    public String getProxyIp() { return proxyIp; }
    /** 0 when not tunnelled. */
    public int getProxyPort() { return proxyPort; }

    @Override
    public String toString() {
        return srcIp + ":" + srcPort + " -> " + dstIp + ":" + dstPort
                + (tunnel.isEmpty() ? "" : " via " + tunnel + " " + proxyIp + ":" + proxyPort);
    }
}
