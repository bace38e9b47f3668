package net.sguil.bridge.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import net.sguil.bridge.analysis.CaptureReport;
import net.sguil.bridge.analysis.ExtractedMessage;
import net.sguil.bridge.analysis.SmtpSessionRecord;
import net.sguil.bridge.facts.Attachment;
import net.sguil.bridge.facts.SessionInfo;

/**
 * {@code extract --json}: one object per line. The attachment and session field names are a
 * contract other tools read; do not rename them.
 */
final class JsonExtractionReport extends ExtractionReport {
    private static final ObjectMapper JSON = new ObjectMapper();
    JsonExtractionReport(PrintWriter out, PrintWriter err) {
        super(out, err);
    }

    @Override
    public void message(ExtractedMessage m) {
        for (Attachment a : m.attachments()) {
            Map<String, Object> o = record("attachment", m.session());
            o.put("mail_from", a.getMailFrom());
            o.put("rcpt_to", a.getRcptTo());
            o.put("subject", a.getSubject());
            o.put("message_id", a.getMessageId());
            o.put("filename", a.getFilename());
            o.put("content_type", a.getContentType());
            o.put("magic", a.getMagic());
            o.put("mime_type", a.getMimeType());
            o.put("size", a.getSize());
            o.put("md5", a.getMd5());
            o.put("sha1", a.getSha1());
            o.put("sha256", a.getSha256());
            o.put("state", a.getState());
            o.put("stored", a.getStored());
            o.put("parent", a.getParent());
            o.put("depth", a.getDepth());
            o.put("incomplete", a.getIncomplete().isEmpty() ? null : a.getIncomplete());
            print(o);
        }
        Map<String, Object> o = record("message", m.session());
        o.put("index", m.index());
        o.put("outcome", m.outcome().name().toLowerCase(java.util.Locale.ROOT));
        if (m.message() != null) {
            o.put("mail_from", m.message().getMailFrom());
            o.put("rcpt_to", m.message().getRcptTo());
            o.put("subject", m.message().getSubject());
            o.put("message_id", m.message().getMessageId());
            o.put("date", m.message().getDate());
            o.put("from", m.message().getFrom());
            o.put("to", m.message().getTo());
        }
        o.put("size", m.size());
        o.put("attachments", m.attachments().size());
        o.put("truncated", m.truncated());
        o.put("incomplete", m.incomplete().isEmpty() ? null : m.incomplete());
        if (m.error() != null) {
            o.put("error", m.error());
        }
        print(o);
    }

    @Override
    public void smtpSession(SmtpSessionRecord s) {
        Map<String, Object> o = record("session", s.session());
        o.put("first_seen", s.session().getFirstSeen().toString());
        o.put("last_seen", s.session().getLastSeen().toString());
        o.put("messages", s.summary().messages());
        o.put("starttls", s.summary().starttls());
        o.put("gaps", s.summary().gaps());
        if (s.summary().commands() == 0 || s.summary().replies() == 0) {
            // Only one side was captured: say how much of the dialogue there was (the other records stay as they were).
            o.put("commands", s.summary().commands());
            o.put("replies", s.summary().replies());
        }
        print(o);
    }

    @Override
    void captureDone(CaptureReport r) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("type", "pcap");
        o.put("pcap", r.pcap());
        o.put("packets", r.packets());
        o.put("bytes", r.bytes());
        o.put("connections", r.connections());
        o.put("truncated", r.truncation());
        o.put("weirds", r.weirds());
        print(o);
    }

    private static Map<String, Object> record(String type, SessionInfo s) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("type", type);
        o.put("pcap", s.getPcap());
        o.put("src_ip", s.getSrcIp());
        o.put("src_port", s.getSrcPort());
        o.put("dst_ip", s.getDstIp());
        o.put("dst_port", s.getDstPort());
        if (!s.getTunnel().isEmpty()) {
            o.put("tunnel", s.getTunnel());
            o.put("proxy_ip", s.getProxyIp());
            o.put("proxy_port", s.getProxyPort());
        }
        return o;
    }

    private void print(Map<String, Object> o) {
        try {
            out.println(JSON.writeValueAsString(o));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
