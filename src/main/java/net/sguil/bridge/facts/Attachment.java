package net.sguil.bridge.facts;

import java.time.Instant;
import java.util.List;

/** One file carried by an e-mail message, as stored on disk, with its hashes and detected type. */
public final class Attachment {
    public static final String COMPLETE = "complete";
    public static final String TRUNCATED = "truncated";

    private final SessionInfo session;
    private final MessageInfo message;
    private final AttachedFile file;
    private final Instant timestamp;

    public Attachment(SessionInfo session, MessageInfo message, AttachedFile file, Instant timestamp) {
        this.session = session;
        this.message = message;
        this.file = file;
        this.timestamp = timestamp;
    }

    public SessionInfo getSession() { return session; }
    public MessageInfo getMessage() { return message; }
    public AttachedFile getFile() { return file; }
    public String getPcap() { return session.getPcap(); }
    public String getSrcIp() { return session.getSrcIp(); }
    public int getSrcPort() { return session.getSrcPort(); }
    public String getDstIp() { return session.getDstIp(); }
    public int getDstPort() { return session.getDstPort(); }
    public String getMailFrom() { return message.getMailFrom(); }
    public List<String> getRcptTo() { return message.getRcptTo(); }
    public String getSubject() { return message.getSubject(); }
    public String getMessageId() { return message.getMessageId(); }
    /** The file name the sender declared, decoded, exactly as claimed (may be hostile; never used as a path). */
    public String getFilename() { return file.filename(); }
    /** The declared MIME type, lower case, without parameters ({@code message/rfc822} for an attached message). */
    public String getContentType() { return file.contentType(); }
    /** Type detected from the first bytes: {@code pe}, {@code elf}, {@code pdf}, {@code zip}, … ({@code data} when unknown). */
    public String getMagic() { return file.content().magic(); }
    /** The type Apache Tika detected from the first bytes, as Zeek's {@code mime_type}. */
    public String getMimeType() { return file.content().mimeType(); }
    public long getSize() { return file.content().size(); }
    public String getMd5() { return file.content().md5(); }
    public String getSha1() { return file.content().sha1(); }
    public String getSha256() { return file.content().sha256(); }
    /** {@link #COMPLETE} or {@link #TRUNCATED}. */
    public String getState() { return file.state(); }
    public boolean isTruncated() { return TRUNCATED.equals(file.state()); }
    /** The weird id of the limit or damage that cut this file ({@code mime.attachment_size_limit}, …); "" when none. */
    public String getIncomplete() { return file.incomplete(); }
    /** The enclosing message: the mail's index in its session, or the stored name of the attached message. */
    public String getParent() { return file.parent(); }
    /** How many attached messages enclose the file: 0 for a file of the mail itself. */
    public int getDepth() { return file.depth(); }
    /** Path of the stored copy (under the output directory). */
    public String getStored() { return file.stored(); }
    public Instant getTimestamp() { return timestamp; }
    public long getTimestampMillis() { return timestamp.toEpochMilli(); }
}
