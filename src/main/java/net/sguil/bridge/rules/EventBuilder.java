package net.sguil.bridge.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import net.sguil.bridge.facts.Attachment;
import net.sguil.bridge.facts.SguilEventOut;

/**
 * Builds the {@link SguilEventOut} a rule concludes, with the bridge's generator id and a detail that
 * is a list of labelled values, rendered both as plain text ({@code label: value} lines) and as a
 * small HTML table. Values are untrusted: they are cut to {@value #MAX_VALUE} characters, control
 * characters are replaced, and the HTML is escaped. For DRL:
 * <pre>
 * insert(EventBuilder.event(drools.getRule().getName(), 1000101, 1, "BRIDGE signature spike")
 *         .priority(2).sigClass("misc-activity").at($t).evidence($key)
 *         .endpoints($src, $sport, $dst, $dport, 6)
 *         .row("Count", $n)
 *         .build());
 * </pre>
 */
public final class EventBuilder {
    static final int MAX_VALUE = 512;
    private static final int MAX_LIST_ITEMS = 20;

    private record Row(String label, String value) {
    }

    private final String rule;
    private final long signatureId;
    private final long revision;
    private final String signature;
    private int priority = 3;
    private String sigClass = "misc-activity";
    private Instant timestamp;
    private String srcIp;
    private int srcPort;
    private String dstIp;
    private int dstPort;
    private int ipProto;
    private String evidenceKey;
    private final List<Row> rows = new ArrayList<>();

    private EventBuilder(String rule, long signatureId, long revision, String signature) {
        this.rule = rule;
        this.signatureId = signatureId;
        this.revision = revision;
        this.signature = signature;
    }

    public static EventBuilder event(String rule, long signatureId, long revision, String signature) {
        return new EventBuilder(rule, signatureId, revision, signature);
    }

    /** 1 (highest) … 5; Sguil's default for its own events is 3. */
    public EventBuilder priority(int priority) {
        this.priority = priority;
        return this;
    }

    /** A Snort classtype, e.g. {@code misc-activity}, {@code trojan-activity}, {@code policy-violation}. */
    public EventBuilder sigClass(String sigClass) {
        this.sigClass = sigClass;
        return this;
    }

    /** When the evidence was seen (the event's time, not the time the rule fired). */
    public EventBuilder at(Instant timestamp) {
        this.timestamp = timestamp;
        return this;
    }

    public EventBuilder endpoints(String srcIp, int srcPort, String dstIp, int dstPort, int ipProto) {
        this.srcIp = srcIp;
        this.srcPort = srcPort;
        this.dstIp = dstIp;
        this.dstPort = dstPort;
        this.ipProto = ipProto;
        return this;
    }

    /** What the conclusion is about; with the rule name, what makes two conclusions the same one. */
    public EventBuilder evidence(String key) {
        this.evidenceKey = key;
        return this;
    }

    /** A labelled value of the detail; a collection is shown comma-separated (at most 20 items). */
    public EventBuilder row(String label, Object value) {
        rows.add(new Row(label, clean(value)));
        return this;
    }

    /**
     * Time, endpoints and the rows every attachment event carries: file name, declared and detected
     * type, size, hashes, stored path, sender, recipients, subject, and whether the file is truncated.
     */
    public EventBuilder attachment(Attachment a) {
        at(a.getTimestamp());
        endpoints(a.getSrcIp(), a.getSrcPort(), a.getDstIp(), a.getDstPort(), 6);
        row("File name", a.getFilename());
        row("Declared type", a.getContentType());
        row("Detected type", a.getMagic());
        row("Size", a.getSize() + " bytes" + (a.isTruncated() ? " (TRUNCATED: the capture has a gap; the file is incomplete)" : ""));
        row("MD5", a.getMd5());
        row("SHA-1", a.getSha1());
        row("SHA-256", a.getSha256());
        row("Stored as", a.getStored());
        row("Sender", a.getMailFrom());
        row("Recipients", a.getRcptTo());
        row("Subject", a.getSubject());
        row("Message-ID", a.getMessageId());
        row("Session", a.getSession());
        return this;
    }

    public SguilEventOut build() {
        if (evidenceKey == null) {
            throw new IllegalStateException("rule " + rule + ": an event needs evidence(key)");
        }
        if (timestamp == null) {
            throw new IllegalStateException("rule " + rule + ": an event needs at(time)");
        }
        String text = rows.stream().map(r -> r.label() + ": " + r.value()).collect(Collectors.joining("\n"));
        StringBuilder html = new StringBuilder("<table class=\"sguil-bridge\">");
        for (Row r : rows) {
            html.append("<tr><th>").append(Html.escape(r.label())).append("</th><td>")
                    .append(Html.escape(r.value())).append("</td></tr>");
        }
        html.append("</table>");
        return new SguilEventOut(signature, priority, sigClass, SguilEventOut.BRIDGE_GENERATOR_ID, signatureId,
                revision, timestamp, srcIp, srcPort, dstIp, dstPort, ipProto, rule, evidenceKey, text,
                html.toString());
    }

    private static String clean(Object value) {
        String s;
        if (value == null) {
            s = "";
        } else if (value instanceof Collection<?> c) {
            s = c.stream().limit(MAX_LIST_ITEMS).map(String::valueOf).collect(Collectors.joining(", "))
                    + (c.size() > MAX_LIST_ITEMS ? ", … (" + c.size() + " in all)" : "");
        } else {
            s = value.toString();
        }
        StringBuilder out = new StringBuilder(Math.min(s.length(), MAX_VALUE + 1));
        for (int i = 0; i < s.length() && out.length() < MAX_VALUE; i++) {
            char c = s.charAt(i);
            out.append(Character.isISOControl(c) ? '\uFFFD' : c);
        }
        if (s.length() > MAX_VALUE) {
            out.append('…');
        }
        return out.toString();
    }
}
