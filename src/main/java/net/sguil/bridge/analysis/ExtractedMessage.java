package net.sguil.bridge.analysis;

import java.util.ArrayList;
import java.util.List;
import net.sguil.bridge.facts.AttachedFile;
import net.sguil.bridge.facts.Attachment;
import net.sguil.bridge.facts.FileContent;
import net.sguil.bridge.facts.MessageInfo;
import net.sguil.bridge.facts.SessionInfo;
import net.sguil.bridge.facts.SmtpMessage;
import net.sguil.bridge.files.StoredFile;
import net.sguil.bridge.mime.AnalyzedMessage;
import net.sguil.bridge.mime.FoundFile;
import net.sguil.bridge.mime.MimeFile;
import net.sguil.bridge.smtp.MessageOutcome;
import net.sguil.bridge.smtp.SmtpEnvelope;

/**
 * One message of an SMTP session, after MIME analysis.
 *
 * @param index the message's number within its session, from 1
 * @param size bytes of the message captured
 * @param gapBytes bytes of the message lost to gaps
 * @param incomplete the weird id of what cut the analysis short: the analysis itself (e.g.
 *        {@code tcp.evicted_memory}), else the first limit that cut the analysis of the message's
 *        structure; "" when none
 * @param skeleton MIME structure in the manner of MIME::Parser's dump_skeleton
 * @param error why the message could not be analysed, or null
 */
public record ExtractedMessage(SessionInfo session, int index, MessageOutcome outcome, long size, long gapBytes,
                               MessageInfo message, List<Attachment> attachments, boolean truncated,
                               String incomplete, String skeleton, String error) {

    /** The SMTP and MIME layers' findings about one message, joined into what the rules see. */
    static ExtractedMessage of(SessionInfo session, int index, MessageOutcome outcome, long size, long gapBytes,
                               SmtpEnvelope envelope, AnalyzedMessage analyzed, StoredFiles stored, boolean lost,
                               String incomplete) {
        MessageInfo info = new MessageInfo(envelope.mailFrom() == null ? "" : envelope.mailFrom(), envelope.rcptTo(),
                analyzed.headers().subject(), analyzed.headers().messageId(), analyzed.headers().date(),
                analyzed.headers().from(), analyzed.headers().to());
        List<Attachment> attachments = new ArrayList<>();
        List<StoredFile> written = new ArrayList<>();
        for (FoundFile f : analyzed.files()) {
            StoredFile s = stored.at(f.location());
            written.add(s);
            MimeFile m = f.file();
            String parent = m.parent() < 0 ? Integer.toString(index)
                    : written.get(m.parent()).path().getFileName().toString();
            attachments.add(new Attachment(session, info, new AttachedFile(m.name(), m.contentType(),
                    new FileContent(s.size(), s.md5(), s.sha1(), s.sha256(), s.magic(), s.mimeType()),
                    s.path().toString(), f.truncated() ? Attachment.TRUNCATED : Attachment.COMPLETE,
                    orEmpty(f.incomplete()), parent, m.depth()), session.getLastSeen()));
        }
        return new ExtractedMessage(session, index, outcome, size, gapBytes, info, attachments,
                analyzed.truncated() || lost, incomplete != null ? incomplete : orEmpty(analyzed.incomplete()),
                analyzed.skeletonText(), null);
    }

    /** What the rules see of this message: an {@link SmtpMessage} and each {@link Attachment}. */
    public List<Object> facts() {
        List<Object> out = new ArrayList<>();
        MessageInfo info = message != null ? message
                : new MessageInfo("", List.of(), "", "", "", "", "");
        out.add(new SmtpMessage(session, info, attachments.size(), truncated, incomplete, session.getLastSeen()));
        out.addAll(attachments);
        return out;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
