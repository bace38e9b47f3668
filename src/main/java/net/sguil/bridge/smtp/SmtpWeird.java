package net.sguil.bridge.smtp;

import net.sguil.bridge.weird.Means;
import net.sguil.bridge.weird.Weird;

/** The anomalies the SMTP analyzer counts. */
public enum SmtpWeird implements Weird {
    @Means("client bytes beyond what is held while waiting for a reply; the reply is taken as lost")
    SMTP_HELD_OVERFLOW,
    @Means("a capture gap in the server's replies")
    SMTP_GAP_IN_REPLIES,
    @Means("the session ended inside a message")
    SMTP_MESSAGE_INCOMPLETE,
    @Means("a command or reply line longer than limits.smtp.max_line_length; cut")
    SMTP_LINE_TOO_LONG,
    @Means("a capture gap in the client's commands")
    SMTP_GAP_IN_COMMANDS,
    @Means("an empty command line")
    SMTP_EMPTY_COMMAND,
    @Means("a BDAT command whose size is not a number")
    SMTP_BAD_BDAT,
    @Means("more commands awaiting replies than limits.smtp.max_awaited_replies; the oldest is forgotten")
    SMTP_TOO_MANY_UNANSWERED,
    @Means("a server line that is not a three-digit reply")
    SMTP_BAD_REPLY,
    @Means("a reply no command was waiting for")
    SMTP_UNEXPECTED_REPLY,
    @Means("a reply never captured; the client was believed")
    SMTP_REPLY_MISSING,
    @Means("a DATA accepted in the middle of a BDAT transfer; the BDAT message ends incomplete")
    SMTP_BDAT_INTERRUPTED
}
