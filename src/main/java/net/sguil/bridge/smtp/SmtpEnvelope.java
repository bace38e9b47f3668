package net.sguil.bridge.smtp;

import java.util.List;

/**
 * The envelope of one message: sender and the recipients the server accepted.
 *
 * @param repliesSeen false when some command's reply was never captured and success was assumed
 * @param incomplete the id of the first SMTP limit that cut the analysis of this message's
 *        transaction (e.g. {@code smtp.line_too_long} for a cut RCPT line, {@code smtp.held_overflow}
 *        when the wait for the reply to DATA was given up); empty when none did
 */
public record SmtpEnvelope(String mailFrom, List<String> rcptTo, boolean repliesSeen, String incomplete) {
    public SmtpEnvelope {
        rcptTo = List.copyOf(rcptTo);
    }
}
