package net.sguil.bridge.facts;

import java.time.Instant;

/**
 * An action the rules ask of the Java side: fetch the packets of this session from the sensor's
 * pcaps and analyse them ({@code kind} = {@code smtp} or {@code http}).
 */
public final class ExtractSession {
    private final String kind;
    private final String sensor;
    private final String srcIp;
    private final int srcPort;
    private final String dstIp;
    private final int dstPort;
    private final Instant startTime;
    private final Instant endTime;
    private final String reason;
    private final AnalystRequest asked;

    public ExtractSession(String kind, String sensor, String srcIp, int srcPort, String dstIp, int dstPort,
                          Instant startTime, Instant endTime, String reason) {
        this(kind, sensor, srcIp, srcPort, dstIp, dstPort, startTime, endTime, reason, null);
    }

    /** A request an analyst made: the analysis is answered to them ({@code asked}), once per action. */
    public ExtractSession(String kind, String sensor, String srcIp, int srcPort, String dstIp, int dstPort,
                          Instant startTime, Instant endTime, String reason, AnalystRequest asked) {
        this.kind = kind;
        this.sensor = sensor;
        this.srcIp = srcIp;
        this.srcPort = srcPort;
        this.dstIp = dstIp;
        this.dstPort = dstPort;
        this.startTime = startTime;
        this.endTime = endTime;
        this.reason = reason;
        this.asked = asked;
    }

    public String getKind() { return kind; }
    public String getSensor() { return sensor; }
    public String getSrcIp() { return srcIp; }
    public int getSrcPort() { return srcPort; }
    public String getDstIp() { return dstIp; }
    public int getDstPort() { return dstPort; }
    public Instant getStartTime() { return startTime; }
    public Instant getEndTime() { return endTime; }
    public String getReason() { return reason; }
    /** Who asked, about which alert; null for a request of the rules themselves. */
    public AnalystRequest getAsked() { return asked; }
}
