package net.sguil.bridge.smtp;

/**
 * Resource limits of the SMTP analyzer.
 *
 * @param maxLineLength longest command or reply line kept; longer ones are cut and counted
 * @param maxHeldClientBytes client bytes held back while waiting for the server's reply to DATA or
 *        STARTTLS; past it the reply is taken as lost and the client is believed (a client does not
 *        send a message body before a 354 unless the server said it)
 * @param maxAwaitedReplies commands remembered while their replies are outstanding
 */
public record SmtpLimits(int maxLineLength, int maxHeldClientBytes, int maxAwaitedReplies) {
    public static SmtpLimits defaults() {
        return new SmtpLimits(8192, 64 * 1024, 1000);
    }
}
