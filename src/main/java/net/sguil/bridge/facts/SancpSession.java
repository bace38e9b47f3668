package net.sguil.bridge.facts;

import java.time.Instant;

/** One row of Sguil's {@code sancp} table: a session summary. {@code src} is the side that opened it. */
public final class SancpSession {
    private final int sid;
    private final long sancpId;
    private final String sensor;
    private final Instant startTime;
    private final Instant endTime;
    private final long duration;
    private final int ipProto;
    private final String srcIp;
    private final String dstIp;
    private final int srcPort;
    private final int dstPort;
    private final long srcPkts;
    private final long srcBytes;
    private final long dstPkts;
    private final long dstBytes;
    private final int srcFlags;
    private final int dstFlags;
    private final Instant hour;
    private final String day;

    public SancpSession(int sid, long sancpId, String sensor, Instant startTime, Instant endTime, long duration,
                        int ipProto, String srcIp, String dstIp, int srcPort, int dstPort, long srcPkts,
                        long srcBytes, long dstPkts, long dstBytes, int srcFlags, int dstFlags) {
        this.sid = sid;
        this.sancpId = sancpId;
        this.sensor = sensor;
        this.startTime = startTime;
        this.endTime = endTime;
        this.duration = duration;
        this.ipProto = ipProto;
        this.srcIp = srcIp;
        this.dstIp = dstIp;
        this.srcPort = srcPort;
        this.dstPort = dstPort;
        this.srcPkts = srcPkts;
        this.srcBytes = srcBytes;
        this.dstPkts = dstPkts;
        this.dstBytes = dstBytes;
        this.srcFlags = srcFlags;
        this.dstFlags = dstFlags;
        // Rules compare these for every session: computed once, not per evaluation.
        this.hour = Times.utcHour(startTime);
        this.day = Times.utcDay(startTime);
    }

    public int getSid() { return sid; }
    public long getSancpId() { return sancpId; }
    public String getSensor() { return sensor; }
    public Instant getStartTime() { return startTime; }
    public Instant getEndTime() { return endTime; }
    /** Event time for Drools' {@code @timestamp}: the session's start. */
    public long getStartMillis() { return startTime.toEpochMilli(); }
    /** UTC day of the start, {@code YYYY-MM-DD}. */
    public String getDay() { return day; }
    /** Start of the UTC hour the session started in. */
    public Instant getHour() { return hour; }
    public long getDuration() { return duration; }
    public int getIpProto() { return ipProto; }
    public String getSrcIp() { return srcIp; }
    public String getDstIp() { return dstIp; }
    public int getSrcPort() { return srcPort; }
    public int getDstPort() { return dstPort; }
    public long getSrcPkts() { return srcPkts; }
    public long getSrcBytes() { return srcBytes; }
    public long getDstPkts() { return dstPkts; }
    public long getDstBytes() { return dstBytes; }
    public int getSrcFlags() { return srcFlags; }
    public int getDstFlags() { return dstFlags; }

    @Override
    public String toString() {
        return "SancpSession[" + sid + "." + sancpId + " " + startTime + " " + srcIp + ":" + srcPort + " -> "
                + dstIp + ":" + dstPort + " proto " + ipProto + " " + srcBytes + "/" + dstBytes + "]";
    }
}
