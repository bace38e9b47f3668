package net.sguil.bridge.extract;

import net.sguil.bridge.facts.Attachment;
import net.sguil.bridge.facts.MessageInfo;
import net.sguil.bridge.facts.SessionInfo;
import net.sguil.bridge.smtp.MessageOutcome;
import java.util.ArrayList;
import java.util.List;
import net.sguil.bridge.facts.SmtpMessage;

/**
 * One message of an SMTP session, after MIME analysis.
 *
 * @param index the message's number within its session, from 1
 * @param size bytes of the message captured
 * @param gapBytes bytes of the message lost to gaps
 * @param skeleton MIME structure in the manner of MIME::Parser's dump_skeleton
 * @param error why the message could not be analysed, or null
 */
public record ExtractedMessage(SessionInfo session, int index, MessageOutcome outcome, long size, long gapBytes,
                               MessageInfo message, List<Attachment> attachments, boolean truncated,
                               String skeleton, String error) {

    /** What the rules see of this message: an {@link SmtpMessage} and each {@link Attachment}. */
    public List<Object> facts() {
        List<Object> out = new ArrayList<>();
        MessageInfo info = message != null ? message
                : new MessageInfo("", List.of(), "", "", "");
        out.add(new SmtpMessage(session, info, attachments.size(), truncated, session.getLastSeen()));
        out.addAll(attachments);
        return out;
    }
}
