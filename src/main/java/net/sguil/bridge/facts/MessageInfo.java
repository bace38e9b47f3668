package net.sguil.bridge.facts;

import java.util.List;

/** Envelope and the identifying headers of one e-mail message. Header values are decoded (RFC 2047). */
public final class MessageInfo {
    private final String mailFrom;
    private final List<String> rcptTo;
    private final String subject;
    private final String messageId;
    private final String date;
    private final String from;
    private final String to;

    public MessageInfo(String mailFrom, List<String> rcptTo, String subject, String messageId, String date,
                       String from, String to) {
        this.mailFrom = mailFrom;
        this.rcptTo = List.copyOf(rcptTo);
        this.subject = subject;
        this.messageId = messageId;
        this.date = date;
        this.from = from;
        this.to = to;
    }

    /** Envelope sender from {@code MAIL FROM}, without the angle brackets; empty for the null sender. */
    public String getMailFrom() { return mailFrom; }
    /** Envelope recipients the server accepted (or, without replies, the ones the client named). */
    public List<String> getRcptTo() { return rcptTo; }
    public String getSubject() { return subject; }
    public String getMessageId() { return messageId; }
    public String getDate() { return date; }
    /** The {@code From:} header, display names decoded ("" when absent); as claimed by the sender. */
    public String getFrom() { return from; }
    /** The {@code To:} header, display names decoded ("" when absent). */
    public String getTo() { return to; }
}
