package net.sguil.bridge.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.sguil.bridge.facts.Attachment;
import net.sguil.bridge.facts.HttpTransaction;
import net.sguil.bridge.facts.SguilEventOut;
import net.sguil.bridge.text.Printable;
import net.sguil.bridge.text.Printable.Kind;
import net.sguil.bridge.text.Printable.Style;

/**
 * Builds the {@link SguilEventOut} a rule concludes, with the bridge's generator id and a detail that
 * is a list of labelled values ({@link DetailTable}: plain text and the console's HTML, every value
 * escaped by {@link net.sguil.bridge.text.Printable}, broken into lines and cut visibly). The first
 * row names the rule that fired. For DRL:
 * <pre>
 * insert(EventBuilder.event(drools.getRule().getName(), 1000101, 1, "BRIDGE signature spike")
 *         .priority(2).sigClass("misc-activity").at($t).evidence($key)
 *         .endpoints($src, $sport, $dst, $dport, 6)
 *         .row("Count", $n)
 *         .build());
 * </pre>
 */
public final class EventBuilder {
    /** sguild stores at most this many characters of an event's message text. */
    static final int MAX_MESSAGE_CHARS = 255;
    static final int MAX_SUMMARY_CHARS = 200;
    private static final String ELLIPSIS = "...";

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
    private String summary;
    private long refId;
    private final DetailTable detail = new DetailTable();

    private EventBuilder(String rule, long signatureId, long revision, String signature) {
        this.rule = rule;
        this.signatureId = signatureId;
        this.revision = revision;
        this.signature = signature;
        detail.add("Rule", rule);
    }

    public static EventBuilder event(String rule, long signatureId, long revision, String signature) {
        return new EventBuilder(rule, signatureId, revision, signature);
    }

    /** Marks a string from the wire (one char per byte) so that the detail shows its bytes, not characters. */
    public static WireBytes wire(String latin1) {
        return new WireBytes(latin1);
    }

    /**
     * A message text naming a hostile value, e.g. {@code messageWith("BRIDGE SMTP executable attachment: ",
     * filename, " (pe)")}: the value escaped as in the console's detail (so it cannot pass for
     * another name or escape), the whole kept to sguild's {@value #MAX_MESSAGE_CHARS} characters by
     * cutting the value in the middle, where "..." stands for what was left out, so its start and its
     * extension both stay visible.
     */
    public static String messageWith(String prefix, Object value, String suffix) {
        String head = Printable.chars(prefix);
        String tail = Printable.chars(suffix);
        List<String> units = new ArrayList<>();
        if (value instanceof WireBytes w) {
            Printable.escape(w.latin1(), Kind.BYTES, Style.MARKUP, u -> units.add(u.toString()));
        } else {
            Printable.escape(value == null ? "" : value.toString(), Kind.CHARACTERS, Style.MARKUP,
                    u -> units.add(u.toString()));
        }
        int room = MAX_MESSAGE_CHARS - head.length() - tail.length();
        int length = units.stream().mapToInt(String::length).sum();
        StringBuilder out = new StringBuilder(MAX_MESSAGE_CHARS).append(head);
        if (length <= room) {
            units.forEach(out::append);
        } else {
            int budget = Math.max(0, room - ELLIPSIS.length());
            int front = 0;
            int frontChars = 0;
            while (front < units.size() && frontChars + units.get(front).length() <= (budget + 1) / 2) {
                frontChars += units.get(front++).length();
            }
            int back = units.size();
            int backChars = 0;
            while (back > front && backChars + units.get(back - 1).length() <= budget - frontChars) {
                backChars += units.get(--back).length();
            }
            units.subList(0, front).forEach(out::append);
            out.append(ELLIPSIS);
            units.subList(back, units.size()).forEach(out::append);
        }
        return out.append(tail).toString();
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

    /**
     * The cid of the Sguil alert this event answers (an analyst's request): sguild stores it as the
     * event's {@code unified_event_ref}, so the answer can be joined to the alert it is about.
     */
    public EventBuilder refersTo(long alertCid) {
        this.refId = alertCid;
        return this;
    }

    /**
     * A labelled value of the detail: text, {@link #wire(String) wire bytes}, or a collection (each
     * element on a line of its own, at most 20); cut after 512 characters of its escaped form.
     */
    public EventBuilder row(String label, Object value) {
        detail.add(label, value);
        return this;
    }

    /**
     * A one-line account of what happened for the {@code scan} table and JSON (e.g. "refused 405",
     * then the request): the parts joined, each escaped as text or, for {@link #wire(String) wire
     * bytes}, as bytes; cut with "..." after {@value #MAX_SUMMARY_CHARS} characters.
     */
    public EventBuilder summary(Object... parts) {
        StringBuilder s = new StringBuilder();
        for (Object p : parts) {
            String text = p instanceof WireBytes w ? w.latin1() : String.valueOf(p);
            int done = Printable.appendUpTo(s, text, p instanceof WireBytes ? Kind.BYTES : Kind.CHARACTERS, Style.PLAIN,
                    MAX_SUMMARY_CHARS);
            if (done < text.length()) {
                s.append(ELLIPSIS);
                break;
            }
        }
        this.summary = s.toString();
        return this;
    }

    /**
     * Time, endpoints and the rows every attachment event carries: file name and the sanitised name
     * it is stored under, declared and detected type, size and truncation, hashes, sender,
     * recipients, subject, the session and the capture that held it.
     */
    public EventBuilder attachment(Attachment a) {
        at(a.getTimestamp());
        endpoints(a.getSrcIp(), a.getSrcPort(), a.getDstIp(), a.getDstPort(), 6);
        row("File name", a.getFilename());
        row("Stored as", a.getStored());
        row("Declared type", a.getContentType());
        row("Detected type", a.getMagic());
        row("Size", a.getSize() + " bytes" + (a.isTruncated() ? " (TRUNCATED: the capture has a gap; the file is incomplete)" : ""));
        row("MD5", a.getMd5());
        row("SHA-1", a.getSha1());
        row("SHA-256", a.getSha256());
        row("Sender", wire(a.getMailFrom()));
        row("Recipients", a.getRcptTo() == null ? List.of() : a.getRcptTo().stream().map(EventBuilder::wire).toList());
        row("Subject", a.getSubject());
        row("Message-ID", a.getMessageId());
        row("Session", a.getSrcIp() + ":" + a.getSrcPort() + " to " + a.getDstIp() + ":" + a.getDstPort());
        row("Capture", a.getPcap());
        return this;
    }

    /**
     * Time (of the response when one was seen, else of the request), endpoints and the rows of an
     * HTTP transaction: request line, Host, User-Agent, body size and first bytes, the response, the
     * connection and the capture that held it.
     */
    public EventBuilder http(HttpTransaction t) {
        at(t.isResponseSeen() ? t.getResponseTime() : t.getRequestTime());
        endpoints(t.getSrcIp(), t.getSrcPort(), t.getDstIp(), t.getDstPort(), 6);
        row("Request", wire(t.getMethod() + " " + t.getUri() + " " + t.getVersion()));
        row("Host", wire(t.getHost()));
        row("User-Agent", wire(t.getUserAgent()));
        row("Body", t.getRequestBodySize() + " bytes"
                + (t.isRequestBodyComplete() ? "" : " (incomplete: capture gap or cut off)"));
        row("Body starts", wire(t.getRequestBodyHead()));
        if (!t.getIncomplete().isEmpty()) {
            row("Cut by limit", t.getIncomplete() + " (part of the request hidden from analysis)");
        }
        row("Response", t.isResponseSeen() ? wire(t.getResponseStatus() + " " + t.getResponseReason()) : "none seen");
        row("Connection", t.getSrcIp() + ":" + t.getSrcPort() + " to " + t.getDstIp() + ":" + t.getDstPort()
                + ", request " + t.getIndex()
                + (t.getSessionGaps() > 0 ? ", " + t.getSessionGaps() + " capture gap(s)" : ""));
        row("Capture", t.getPcap());
        return this;
    }

    public SguilEventOut build() {
        if (evidenceKey == null) {
            throw new IllegalStateException("rule " + rule + ": an event needs evidence(key)");
        }
        if (timestamp == null) {
            throw new IllegalStateException("rule " + rule + ": an event needs at(time)");
        }
        return new SguilEventOut(signature, priority, sigClass, SguilEventOut.BRIDGE_GENERATOR_ID, signatureId,
                revision, timestamp, srcIp, srcPort, dstIp, dstPort, ipProto, rule, evidenceKey, detail.text(),
                detail.html(), summary, refId);
    }
}
