package net.sguil.bridge.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.stream.Collectors;
import net.sguil.bridge.analysis.CaptureReport;
import net.sguil.bridge.analysis.ExtractedMessage;
import net.sguil.bridge.analysis.SmtpSessionRecord;
import net.sguil.bridge.facts.Attachment;
import net.sguil.bridge.facts.SessionInfo;

/** {@code extract} for a person: per message its envelope and MIME skeleton, then its files with hashes. */
final class TextExtractionReport extends ExtractionReport {
    TextExtractionReport(PrintWriter out, PrintWriter err) {
        super(out, err);
    }

    @Override
    public void message(ExtractedMessage m) {
        out.printf("== %s message %d (%s, %d bytes%s%s)%n", where(m.session()), m.index(),
                m.outcome().name().toLowerCase(Locale.ROOT), m.size(),
                m.gapBytes() > 0 ? ", " + m.gapBytes() + " bytes lost" : "",
                m.incomplete().isEmpty() ? "" : ", cut short: " + m.incomplete());
        if (m.message() != null) {
            out.println("MAIL FROM: <" + m.message().getMailFrom() + ">");
            out.println("RCPT TO: " + m.message().getRcptTo().stream().map(r -> "<" + r + ">")
                    .collect(Collectors.joining(", ")));
        }
        if (m.error() != null) {
            out.println("ERROR: " + m.error());
        }
        if (!m.incomplete().isEmpty()) {
            out.println("INCOMPLETE: " + m.incomplete());
        }
        out.print(m.skeleton());
        for (Attachment a : m.attachments()) {
            out.printf("Attachment: %s%n  type %s (declared %s), %d bytes, %s%s%n", a.getFilename(), a.getMagic(),
                    a.getContentType(), a.getSize(), a.getState(),
                    a.getIncomplete().isEmpty() ? "" : " (incomplete: " + a.getIncomplete() + ")");
            if (a.getDepth() > 0) {
                out.printf("  inside %s, depth %d%n", a.getParent(), a.getDepth());
            }
            out.printf("  md5 %s%n  sha1 %s%n  sha256 %s%n  stored %s%n", a.getMd5(), a.getSha1(), a.getSha256(),
                    a.getStored());
        }
        out.println();
    }

    @Override
    public void smtpSession(SmtpSessionRecord s) {
        out.printf("== %s SMTP session: %d message(s), starttls %s, %d gap(s)%s%n%n", where(s.session()),
                s.summary().messages(), s.summary().starttls() ? "yes" : "no", s.summary().gaps(),
                s.summary().replies() == 0 ? ", no server replies captured"
                        : s.summary().commands() == 0 ? ", no client commands captured" : "");
    }

    @Override
    void captureDone(CaptureReport r) {
        out.printf("== %s: %d packets, %d bytes, %d connections%s%n", r.pcap(), r.packets(), r.bytes(),
                r.connections(), r.truncation() == null ? "" : ", TRUNCATED: " + r.truncation());
        if (!r.weirds().isEmpty()) {
            out.println("   weirds: " + r.weirds().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(" ")));
        }
    }

    private static String where(SessionInfo s) {
        return s.getPcap() + " " + s.getSrcIp() + ":" + s.getSrcPort() + " -> " + s.getDstIp() + ":" + s.getDstPort()
                + (s.getTunnel().isEmpty() ? "" : " via " + s.getTunnel() + " proxy " + s.getProxyIp() + ":"
                + s.getProxyPort());
    }
}
