package net.sguil.bridge.facts;

import java.time.Instant;
import java.util.List;

/** One message carried by an SMTP session, after MIME analysis. */
public final class SmtpMessage {
    private final SessionInfo session;
    private final MessageInfo message;
    private final int attachmentCount;
    private final boolean truncated;
    private final String incomplete;
    private final Instant timestamp;

    /** @param incomplete the weird id of the limit that cut the message's analysis, "" when none */
    public SmtpMessage(SessionInfo session, MessageInfo message, int attachmentCount, boolean truncated,
                       String incomplete, Instant timestamp) {
        this.session = session;
        this.message = message;
        this.attachmentCount = attachmentCount;
        this.truncated = truncated;
        this.incomplete = incomplete;
        this.timestamp = timestamp;
    }

    public SessionInfo getSession() { return session; }
    public MessageInfo getMessage() { return message; }
    public String getSrcIp() { return session.getSrcIp(); }
    public int getSrcPort() { return session.getSrcPort(); }
    public String getDstIp() { return session.getDstIp(); }
    public int getDstPort() { return session.getDstPort(); }
    public String getMailFrom() { return message.getMailFrom(); }
    public List<String> getRcptTo() { return message.getRcptTo(); }
    public String getSubject() { return message.getSubject(); }
    public String getMessageId() { return message.getMessageId(); }
    public int getAttachmentCount() { return attachmentCount; }
    /** True when any part of the message fell in a gap of the TCP stream. */
    public boolean isTruncated() { return truncated; }
    /**
     * The weird id of what cut the message's analysis: an eviction ({@code tcp.evicted_memory}), else an
     * SMTP limit on its transaction ({@code smtp.line_too_long}, {@code smtp.held_overflow}), else the
     * first limit that stopped or skipped analysis of its structure ({@code mime.header_block_too_large},
     * {@code mime.depth_exceeded}, …); "" when nothing was cut.
     */
    public String getIncomplete() { return incomplete; }
    /** When the message ended on the wire (the packet that completed it). */
    public Instant getTimestamp() { return timestamp; }
    public long getTimestampMillis() { return timestamp.toEpochMilli(); }
}
