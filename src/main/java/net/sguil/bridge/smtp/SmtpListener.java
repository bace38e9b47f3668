package net.sguil.bridge.smtp;

/** Where an {@link SmtpSessionParser} reports what it found. */
public interface SmtpListener {
    /** Message number {@code index} (1-based) of the session starts; its bytes go to the returned body. */
    MessageBody beginMessage(int index);

    /** The session is over; called once, after every message has ended. */
    void sessionEnded(SmtpSessionSummary summary);
}
