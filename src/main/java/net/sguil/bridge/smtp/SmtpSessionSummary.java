package net.sguil.bridge.smtp;

/**
 * What one SMTP session amounted to.
 *
 * @param messages message transfers started (DATA answered 354, or a first BDAT)
 * @param starttls the server agreed to STARTTLS: everything after it is encrypted and not analysed
 * @param gaps gaps in either direction of the TCP connection
 * @param gapBytes bytes those gaps cover
 * @param commands client command lines seen (0: only the server side was captured)
 * @param replies server replies seen (0: only the client side was captured)
 */
public record SmtpSessionSummary(int messages, boolean starttls, long gaps, long gapBytes, long commands,
                                 long replies) {
}
