package net.sguil.bridge.facts;

import java.time.Instant;
import java.util.Objects;

/**
 * A conclusion of the rules: an event to put in front of the analyst. Two conclusions with the
 * same {@link #getRule() rule} and {@link #getEvidenceKey() evidence key} are the same conclusion
 * and are emitted once.
 */
public final class SguilEventOut {
    /** The generator id under which the bridge's own events appear in Sguil (the console shows details only for it). */
    public static final int BRIDGE_GENERATOR_ID = 10001;

    private final String signature;
    private final int priority;
    private final String sigClass;
    private final long generatorId;
    private final long signatureId;
    private final long revision;
    private final Instant timestamp;
    private final String srcIp;
    private final int srcPort;
    private final String dstIp;
    private final int dstPort;
    private final int ipProto;
    private final String rule;
    private final String evidenceKey;
    private final String detail;
    private final String htmlDetail;
    private final String summary;
    private final long refId;

    /** A conclusion without a {@link #getSummary() summary} (sguild has no use for one) that refers to no alert. */
    public SguilEventOut(String signature, int priority, String sigClass, long generatorId, long signatureId,
                         long revision, Instant timestamp, String srcIp, int srcPort, String dstIp, int dstPort,
                         int ipProto, String rule, String evidenceKey, String detail, String htmlDetail) {
        this(signature, priority, sigClass, generatorId, signatureId, revision, timestamp, srcIp, srcPort, dstIp,
                dstPort, ipProto, rule, evidenceKey, detail, htmlDetail, null, 0);
    }

    public SguilEventOut(String signature, int priority, String sigClass, long generatorId, long signatureId,
                         long revision, Instant timestamp, String srcIp, int srcPort, String dstIp, int dstPort,
                         int ipProto, String rule, String evidenceKey, String detail, String htmlDetail,
                         String summary, long refId) {
        this.signature = Objects.requireNonNull(signature, "signature");
        this.priority = priority;
        this.sigClass = sigClass;
        this.generatorId = generatorId;
        this.signatureId = signatureId;
        this.revision = revision;
        this.timestamp = Objects.requireNonNull(timestamp, "timestamp");
        this.srcIp = srcIp;
        this.srcPort = srcPort;
        this.dstIp = dstIp;
        this.dstPort = dstPort;
        this.ipProto = ipProto;
        this.rule = rule;
        this.evidenceKey = evidenceKey;
        this.detail = detail;
        this.htmlDetail = htmlDetail;
        this.summary = summary;
        this.refId = refId;
    }

    public String getSignature() { return signature; }
    public int getPriority() { return priority; }
    public String getSigClass() { return sigClass; }
    public long getGeneratorId() { return generatorId; }
    public long getSignatureId() { return signatureId; }
    public long getRevision() { return revision; }
    public Instant getTimestamp() { return timestamp; }
    public long getTimestampMillis() { return timestamp.toEpochMilli(); }
    public String getSrcIp() { return srcIp; }
    public int getSrcPort() { return srcPort; }
    public String getDstIp() { return dstIp; }
    public int getDstPort() { return dstPort; }
    public int getIpProto() { return ipProto; }
    /** Name of the DRL rule that concluded this. */
    public String getRule() { return rule; }
    /** What the conclusion is about (e.g. signature + day, or a file's sha256 + session); the de-duplication key with the rule. */
    public String getEvidenceKey() { return evidenceKey; }
    /** The detail as {@code label: value} lines, each value in printable ASCII. */
    public String getDetail() { return detail; }
    /** The detail as the Sguil console shows it: HTML in printable ASCII. */
    public String getHtmlDetail() { return htmlDetail; }
    /** What happened, in one printable line for a table (e.g. {@code refused 405, PUT /index.html}); null when the rule gave none. */
    public String getSummary() { return summary; }
    /**
     * The cid of the Sguil alert this event answers (GenericEvent's refID, stored as the event row's
     * {@code unified_event_ref}); 0 when it answers none.
     */
    public long getRefId() { return refId; }
}
