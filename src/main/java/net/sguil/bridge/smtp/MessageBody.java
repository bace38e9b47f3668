package net.sguil.bridge.smtp;

/** Receives the bytes of one message (dot-unstuffed, or BDAT chunks joined), then its end. */
public interface MessageBody {
    void write(byte[] buffer, int offset, int length);

    /** {@code length} bytes of the message were not captured. */
    void gap(long length);

    /**
     * The message is over. The envelope comes last because with PIPELINING and BDAT the
     * server's verdicts on sender and recipients may arrive after the message bytes. No call follows.
     */
    void end(MessageOutcome outcome, SmtpEnvelope envelope);
}
