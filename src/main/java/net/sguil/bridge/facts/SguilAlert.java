package net.sguil.bridge.facts;

import java.time.Instant;

/** One row of Sguil's {@code event} table. */
public final class SguilAlert {
    private final int sid;
    private final long cid;
    private final String sensor;
    private final String signature;
    private final long signatureGen;
    private final long signatureId;
    private final long signatureRev;
    private final Instant timestamp;
    private final int priority;
    private final String sigClass;
    private final int status;
    private final String srcIp;
    private final String dstIp;
    private final int srcPort;
    private final int dstPort;
    private final int ipProto;
    private final String day;

    public SguilAlert(int sid, long cid, String sensor, String signature, long signatureGen, long signatureId,
                      long signatureRev, Instant timestamp, int priority, String sigClass, int status,
                      String srcIp, String dstIp, int srcPort, int dstPort, int ipProto) {
        this.sid = sid;
        this.cid = cid;
        this.sensor = sensor;
        this.signature = signature;
        this.signatureGen = signatureGen;
        this.signatureId = signatureId;
        this.signatureRev = signatureRev;
        this.timestamp = timestamp;
        this.priority = priority;
        this.sigClass = sigClass;
        this.status = status;
        this.srcIp = srcIp;
        this.dstIp = dstIp;
        this.srcPort = srcPort;
        this.dstPort = dstPort;
        this.ipProto = ipProto;
        // Rules compare the day for every alert: computed once, not per evaluation.
        this.day = Times.utcDay(timestamp);
    }

    public int getSid() { return sid; }
    public long getCid() { return cid; }
    public String getSensor() { return sensor; }
    public String getSignature() { return signature; }
    public long getSignatureGen() { return signatureGen; }
    public long getSignatureId() { return signatureId; }
    public long getSignatureRev() { return signatureRev; }
    public Instant getTimestamp() { return timestamp; }
    /** Event time for Drools' {@code @timestamp}. */
    public long getTimestampMillis() { return timestamp.toEpochMilli(); }
    /** UTC day of the alert, {@code YYYY-MM-DD}. */
    public String getDay() { return day; }
    public int getPriority() { return priority; }
    public String getSigClass() { return sigClass; }
    public int getStatus() { return status; }
    public String getSrcIp() { return srcIp; }
    public String getDstIp() { return dstIp; }
    public int getSrcPort() { return srcPort; }
    public int getDstPort() { return dstPort; }
    public int getIpProto() { return ipProto; }

    @Override
    public String toString() {
        return "SguilAlert[" + sid + "." + cid + " " + signature + " " + timestamp + " " + srcIp + ":" + srcPort
                + " -> " + dstIp + ":" + dstPort + "]";
    }
}
