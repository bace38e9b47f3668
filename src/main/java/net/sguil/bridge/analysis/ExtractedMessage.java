package net.sguil.bridge.analysis;

import java.util.ArrayList;
import java.util.List;
import net.sguil.bridge.facts.Attachment;
import net.sguil.bridge.facts.MessageInfo;
import net.sguil.bridge.facts.SessionInfo;
import net.sguil.bridge.facts.SmtpMessage;
import net.sguil.bridge.files.StoredFile;
import net.sguil.bridge.mime.AnalyzedMessage;
import net.sguil.bridge.mime.FoundFile;
import net.sguil.bridge.smtp.MessageOutcome;
import net.sguil.bridge.smtp.SmtpEnvelope;

/**
 * One message of an SMTP session, after MIME analysis.
 *
 * @param index the message's number within its session, from 1
 * @param size bytes of the message captured
 * @param gapBytes bytes of the message lost to gaps
 * @param incomplete the weird id of the first limit that cut the analysis of the message; "" when none
 * @param skeleton MIME structure in the manner of MIME::Parser's dump_skeleton
 * @param error why the message could not be analysed, or null
 */
public record ExtractedMessage(SessionInfo session, int index, MessageOutcome outcome, long size, long gapBytes,
                               MessageInfo message, List<Attachment> attachments, boolean truncated,
                               String incomplete, String skeleton, String error) {

    /** The SMTP and MIME layers' findings about one message, joined into what the rules see. */
    static ExtractedMessage of(SessionInfo session, int index, MessageOutcome outcome, long size, long gapBytes,
                               SmtpEnvelope envelope, AnalyzedMessage analyzed, StoredFiles stored, boolean lost) {
        MessageInfo info = new MessageInfo(envelope.mailFrom() == null ? "" : envelope.mailFrom(), envelope.rcptTo(),
                analyzed.headers().subject(), analyzed.headers().messageId(), analyzed.headers().date());
        List<Attachment> attachments = new ArrayList<>();
        for (FoundFile f : analyzed.files()) {
            StoredFile s = stored.at(f.location());
            attachments.add(new Attachment(session, info, f.file().name(), f.file().contentType(), s.magic(),
                    s.size(), s.md5(), s.sha1(), s.sha256(), f.truncated() ? Attachment.TRUNCATED : Attachment.COMPLETE,
                    s.path().toString(), session.getLastSeen()));
        }
        return new ExtractedMessage(session, index, outcome, size, gapBytes, info, attachments,
                analyzed.truncated() || lost, smtpIncomplete(envelope), analyzed.skeletonText(), null);
    }

    /** What the rules see of this message: an {@link SmtpMessage} and each {@link Attachment}. */
    public List<Object> facts() {
        List<Object> out = new ArrayList<>();
        MessageInfo info = message != null ? message
                : new MessageInfo("", List.of(), "", "", "");
        out.add(new SmtpMessage(session, info, attachments.size(), truncated, incomplete, session.getLastSeen()));
        out.addAll(attachments);
        return out;
    }

    /**
     * The SMTP limit that cut the message's transaction ({@code smtp.line_too_long},
     * {@code smtp.held_overflow}, {@code smtp.too_many_unanswered}); it names the message before any
     * limit of the MIME walk, since it came first. "" when none.
     */
    static String smtpIncomplete(SmtpEnvelope envelope) {
        return envelope.incomplete();
    }
}
