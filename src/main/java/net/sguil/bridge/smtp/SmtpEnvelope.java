package net.sguil.bridge.smtp;

import java.util.List;

/**
 * The envelope of one message: sender and the recipients the server accepted.
 *
 * @param repliesSeen false when some command's reply was never captured and success was assumed
 */
public record SmtpEnvelope(String mailFrom, List<String> rcptTo, boolean repliesSeen) {
    public SmtpEnvelope {
        rcptTo = List.copyOf(rcptTo);
    }
}
