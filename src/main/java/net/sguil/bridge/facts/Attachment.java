package net.sguil.bridge.facts;

import java.time.Instant;
import java.util.List;

/** One file carried by an e-mail message, as stored on disk, with its hashes and detected type. */
public final class Attachment {
    public static final String COMPLETE = "complete";
    public static final String TRUNCATED = "truncated";

    private final SessionInfo session;
    private final MessageInfo message;
    private final String filename;
    private final String contentType;
    private final String magic;
    private final long size;
    private final String md5;
    private final String sha1;
    private final String sha256;
    private final String state;
    private final String stored;
    private final Instant timestamp;

    public Attachment(SessionInfo session, MessageInfo message, String filename, String contentType, String magic,
                      long size, String md5, String sha1, String sha256, String state, String stored,
                      Instant timestamp) {
        this.session = session;
        this.message = message;
        this.filename = filename;
        this.contentType = contentType;
        this.magic = magic;
        this.size = size;
        this.md5 = md5;
        this.sha1 = sha1;
        this.sha256 = sha256;
        this.state = state;
        this.stored = stored;
        this.timestamp = timestamp;
    }

    public SessionInfo getSession() { return session; }
    public MessageInfo getMessage() { return message; }
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
    public String getFilename() { return filename; }
    /** The declared MIME type, lower case, without parameters. */
    public String getContentType() { return contentType; }
    /** Type detected from the first bytes: {@code pe}, {@code elf}, {@code pdf}, {@code zip}, … ({@code data} when unknown). */
    public String getMagic() { return magic; }
    public long getSize() { return size; }
    public String getMd5() { return md5; }
    public String getSha1() { return sha1; }
    public String getSha256() { return sha256; }
    /** {@link #COMPLETE} or {@link #TRUNCATED}. */
    public String getState() { return state; }
    public boolean isTruncated() { return TRUNCATED.equals(state); }
    /** Path of the stored copy (under the output directory). */
    public String getStored() { return stored; }
    public Instant getTimestamp() { return timestamp; }
    public long getTimestampMillis() { return timestamp.toEpochMilli(); }
}
