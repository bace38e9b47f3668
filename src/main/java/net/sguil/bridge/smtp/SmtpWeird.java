package net.sguil.bridge.smtp;

import net.sguil.bridge.weird.Means;
import net.sguil.bridge.weird.Weird;

/** The anomalies the SMTP analyzer counts. */
public enum SmtpWeird implements Weird {
    @Means("more client bytes than limits.smtp.max_held_client_bytes while a reply to DATA or STARTTLS was awaited; "
            + "the reply is taken as lost, the client followed alone, the message marked incomplete")
    SMTP_HELD_OVERFLOW,
    @Means("a capture gap in the server's replies")
    SMTP_GAP_IN_REPLIES,
    @Means("the session ended inside a message")
    SMTP_MESSAGE_INCOMPLETE,
    @Means("a command line longer than limits.smtp.max_line_length; its start taken as the command, the "
            + "message of a cut MAIL, RCPT, DATA or BDAT line marked incomplete")
    SMTP_LINE_TOO_LONG,
    @Means("a capture gap in the client's commands")
    SMTP_GAP_IN_COMMANDS,
    @Means("an empty command line")
    SMTP_EMPTY_COMMAND,
    @Means("a BDAT command that is not BDAT size [LAST]; taken as one without a chunk")
    SMTP_BAD_BDAT,
    @Means("more commands awaiting replies than limits.smtp.max_awaited_replies; the oldest is taken as "
            + "answered with success, its message marked incomplete")
    SMTP_TOO_MANY_UNANSWERED,
    @Means("a server line that is not a three-digit reply")
    SMTP_BAD_REPLY,
    @Means("a reply no command was waiting for, by the end of the session")
    SMTP_UNEXPECTED_REPLY,
    @Means("a reply never captured, or no longer matched after a gap; the client was followed alone")
    SMTP_REPLY_MISSING,
    @Means("a DATA accepted in the middle of a BDAT transfer; the BDAT message ends incomplete")
    SMTP_BDAT_INTERRUPTED,
    @Means("a capture gap in DATA took the end of data: the message ends at the client's next command line")
    SMTP_DATA_END_IN_GAP
}
