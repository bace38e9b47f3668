package net.sguil.bridge.realsguild;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import net.sguil.bridge.rawlog.RawLogLocator;
import net.sguil.bridge.testpcap.Captures;
import net.sguil.bridge.testpcap.LinkLayer;
import net.sguil.bridge.testpcap.Packet;
import net.sguil.bridge.testpcap.SampleFiles;
import net.sguil.bridge.testpcap.TcpSessionBuilder;

/**
 * What a sensor captured, written into its RAW_LOG_DIR the way its packet logger does
 * ({@code <dir>/<YYYY-MM-DD>/snort.log.<epoch>}, the epoch being when the file was started; see
 * SGUIL.md §2), and what Snort and sancp then report about it. Every session carries a name of its
 * own (the URI of a PUT, the attachment's file name) so that each conclusion about it can be found,
 * and counted, in sguild's {@code event} table.
 */
final class SensorTraffic {
    static final String PUT_SERVER = "10.1.1.80";
    static final String MAIL_SERVER = "10.1.1.25";
    static final String PUT_SIGNATURE = "HTTP PUT Defacement Attempt";
    static final long PUT_SID = 1000003;

    /** An HTTP PUT the server accepted (201): the shipped rules conclude "HTTP PUT Defacement SUCCEEDED". */
    record Put(String uri, String client, int clientPort, Instant time) {
        /** Snort's sid 1000003 alert on it. */
        SnortAgent.Alert alert() {
            return new SnortAgent.Alert(PUT_SIGNATURE, PUT_SID, time, client, clientPort, PUT_SERVER, 80);
        }

        Conclusion conclusion() {
            return new Conclusion("HTTP PUT Defacement SUCCEEDED", uri);
        }
    }

    /** An SMTP session delivering one executable attachment: the shipped rules conclude "BRIDGE SMTP executable attachment". */
    record Mail(String filename, String client, int clientPort, Instant start, Instant end, long sancpId) {
        /** sancp's record of it. */
        SancpLoader.Session session() {
            return new SancpLoader.Session(sancpId, start, end, client, clientPort, MAIL_SERVER, 25);
        }

        Conclusion conclusion() {
            return new Conclusion("BRIDGE SMTP executable attachment", filename);
        }
    }

    private final Path rawLogDir;
    private int nextPort = 20_000;
    private long lastFileStart;

    SensorTraffic(Path rawLogDir) {
        this.rawLogDir = rawLogDir;
    }

    /** {@code n} accepted PUTs of {@code /<tag>-<i>.html}, one a second from {@code start}, in a new capture file. */
    List<Put> puts(String tag, int n, Instant start) throws IOException {
        List<Put> out = new ArrayList<>();
        List<Packet> packets = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Put p = new Put("/" + tag + "-" + i + ".html", "203.0.113." + (10 + i % 200), nextPort++, start.plusSeconds(i));
            String body = "defaced by " + tag + "-" + i;
            packets.addAll(TcpSessionBuilder.ipv4(p.client(), p.clientPort(), PUT_SERVER, 80).start(p.time()).handshake()
                    .client("PUT " + p.uri() + " HTTP/1.0\r\nHost: www.example.com\r\nContent-Length: " + body.length()
                            + "\r\n\r\n" + body)
                    .server("HTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n").finish().build());
            out.add(p);
        }
        write(start, packets);
        return out;
    }

    /** {@code n} SMTP sessions, one a second from {@code start}, each with the attachment {@code <tag>-<i>.exe}. */
    List<Mail> mails(String tag, int n, Instant start, long firstSancpId) throws IOException {
        List<Mail> out = new ArrayList<>();
        List<Packet> packets = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Instant t = start.plusSeconds(i);
            Mail m = new Mail(tag + "-" + i + ".exe", "198.51.100." + (10 + i % 200), nextPort++, t, t.plusSeconds(1),
                    firstSancpId + i);
            packets.addAll(TcpSessionBuilder.ipv4(m.client(), m.clientPort(), MAIL_SERVER, 25).start(t).handshake()
                    .server("220 mx ESMTP\r\n").client("EHLO c\r\n").server("250 mx\r\n")
                    .client("MAIL FROM:<a@example.org>\r\n").server("250 ok\r\n")
                    .client("RCPT TO:<b@example.com>\r\n").server("250 ok\r\n")
                    .client("DATA\r\n").server("354 go\r\n").client(message(m.filename()) + ".\r\n")
                    .server("250 ok\r\n").client("QUIT\r\n").server("221 bye\r\n").finish().build());
            out.add(m);
        }
        write(start, packets);
        return out;
    }

    private static String message(String filename) {
        byte[] exe = SampleFiles.pe(new byte[2048]);
        return "From: a@example.org\r\nTo: b@example.com\r\nSubject: Invoice " + filename + "\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nhi\r\n"
                + "--b\r\nContent-Type: application/octet-stream; name=\"" + filename + "\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n" + Base64.getMimeEncoder().encodeToString(exe)
                + "\r\n--b--\r\n";
    }

    /** A new capture file started just before its first packet, appearing whole (as a rotated file does). */
    private void write(Instant firstPacket, List<Packet> packets) throws IOException {
        long fileStart = Math.max(firstPacket.getEpochSecond() - 1, lastFileStart + 1);
        if (fileStart > firstPacket.getEpochSecond()) {
            throw new IllegalArgumentException("capture files must start in increasing seconds");
        }
        lastFileStart = fileStart;
        Instant t = Instant.ofEpochSecond(fileStart);
        Path day = Files.createDirectories(rawLogDir.resolve(RawLogLocator.dayDirectory(t)));
        Path tmp = day.resolve(".writing." + fileStart);
        Captures.writePcap(tmp, LinkLayer.ETHERNET, Captures.merge(packets));
        Files.move(tmp, day.resolve("snort.log." + fileStart), StandardCopyOption.ATOMIC_MOVE);
    }
}
