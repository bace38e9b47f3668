package net.sguil.bridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import net.sguil.bridge.testpcap.SampleFiles;
import net.sguil.bridge.testpcap.TcpSessionBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] EXE = exe();

    @TempDir
    Path dir;

    private static byte[] exe() {
        byte[] b = new byte[3000];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (i * 31 + 7);
        }
        return SampleFiles.pe(b);
    }

    static String message(String filename) {
        String b64 = java.util.Base64.getMimeEncoder().encodeToString(EXE);
        return "From: alice@example.org\r\nTo: bob@example.com\r\nSubject: Invoice 4711\r\n"
                + "Message-ID: <m1@example.org>\r\nDate: Thu, 22 Jun 2006 16:07:19 +0000\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"XX\"\r\n\r\n"
                + "--XX\r\nContent-Type: text/plain\r\n\r\nPlease pay.\r\n"
                + "--XX\r\nContent-Type: application/pdf; name=\"" + filename + "\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n"
                + "Content-Disposition: attachment; filename=\"" + filename + "\"\r\n\r\n"
                + b64 + "\r\n--XX--\r\n";
    }

    /** A whole SMTP session carrying one message, cut into small segments. */
    static TcpSessionBuilder session(int port, String message) {
        return TcpSessionBuilder.ipv4("10.0.0.1", 40000, "10.0.0.2", port).start(1_150_990_039_000_000_000L)
                .handshake().segmentSize(300)
                .server("220 mx.example.com ESMTP\r\n").client("EHLO client\r\n").server("250 mx\r\n")
                .client("MAIL FROM:<alice@example.org>\r\n").server("250 ok\r\n")
                .client("RCPT TO:<bob@example.com>\r\n").server("250 ok\r\n")
                .client("DATA\r\n").server("354 go\r\n")
                .client(message + ".\r\n").server("250 queued\r\n")
                .client("QUIT\r\n").server("221 bye\r\n").finish();
    }

    private List<JsonNode> json(CliRun run) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String l : run.lines()) {
            out.add(JSON.readTree(l));
        }
        return out;
    }

    private static List<JsonNode> ofType(List<JsonNode> records, String type) {
        return records.stream().filter(r -> r.get("type").asText().equals(type)).toList();
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    @Test
    void attachmentRecordFollowsTheJsonContract() throws Exception {
        Path pcap = session(25, message("invoice.pdf.exe")).writePcap(dir.resolve("mail.pcap"));
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("extract", "--json", "-o", out.toString(), pcap.toString());
        assertThat(run.status()).as(run.err()).isZero();
        List<JsonNode> records = json(run);
        List<JsonNode> atts = ofType(records, "attachment");
        assertThat(atts).hasSize(1);
        JsonNode a = atts.get(0);
        assertThat(fieldNames(a)).containsExactly("type", "pcap", "src_ip", "src_port", "dst_ip", "dst_port",
                "mail_from", "rcpt_to", "subject", "message_id", "filename", "content_type", "magic", "mime_type", "size",
                "md5", "sha1", "sha256", "state", "stored", "parent", "depth", "incomplete");
        assertThat(a.get("pcap").asText()).isEqualTo("mail.pcap");
        assertThat(a.get("src_ip").asText()).isEqualTo("10.0.0.1");
        assertThat(a.get("src_port").asInt()).isEqualTo(40000);
        assertThat(a.get("dst_ip").asText()).isEqualTo("10.0.0.2");
        assertThat(a.get("dst_port").asInt()).isEqualTo(25);
        assertThat(a.get("mail_from").asText()).isEqualTo("alice@example.org");
        assertThat(a.get("rcpt_to").get(0).asText()).isEqualTo("bob@example.com");
        assertThat(a.get("subject").asText()).isEqualTo("Invoice 4711");
        assertThat(a.get("message_id").asText()).isEqualTo("<m1@example.org>");
        assertThat(a.get("filename").asText()).isEqualTo("invoice.pdf.exe");
        assertThat(a.get("content_type").asText()).isEqualTo("application/pdf");
        assertThat(a.get("magic").asText()).isEqualTo("pe");
        assertThat(a.get("mime_type").asText()).isEqualTo("application/x-msdownload; format=pe");
        assertThat(a.get("parent").asText()).isEqualTo("1");
        assertThat(a.get("depth").asInt()).isZero();
        assertThat(a.get("incomplete").isNull()).isTrue();
        assertThat(a.get("size").asLong()).isEqualTo(EXE.length);
        assertThat(a.get("md5").asText()).isEqualTo(hex("MD5", EXE));
        assertThat(a.get("sha1").asText()).isEqualTo(hex("SHA-1", EXE));
        assertThat(a.get("sha256").asText()).isEqualTo(hex("SHA-256", EXE));
        assertThat(a.get("state").asText()).isEqualTo("complete");
        Path stored = Path.of(a.get("stored").asText());
        assertThat(stored.toAbsolutePath().normalize()).startsWith(out.toAbsolutePath().normalize());
        assertThat(Files.readAllBytes(stored)).isEqualTo(EXE);
        assertThat(Files.getPosixFilePermissions(stored)).isEqualTo(
                Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.GROUP_READ));

        JsonNode s = ofType(records, "session").get(0);
        assertThat(s.get("messages").asInt()).isEqualTo(1);
        assertThat(s.get("starttls").asBoolean()).isFalse();
        assertThat(s.get("gaps").asInt()).isZero();
        assertThat(ofType(records, "pcap").get(0).get("truncated").isNull()).isTrue();
    }

    @Test
    void aLostSegmentInsideTheMessageMakesItsAttachmentsTruncated() throws Exception {
        TcpSessionBuilder b = session(25, message("a.exe"));
        int middle = b.describe().stream().filter(l -> l.contains("C>S") && l.contains("len=300")).toList().size() / 2;
        int index = -1;
        int seen = 0;
        for (String l : b.describe()) {
            if (l.contains("C>S") && l.contains("len=300") && seen++ == middle) {
                index = Integer.parseInt(l.substring(0, l.indexOf(' ')));
            }
        }
        b.dropSegment(index);
        Path pcap = b.writePcap(dir.resolve("gap.pcap"));
        List<JsonNode> records = json(CliRun.of("extract", "--json", "-o", dir.resolve("out").toString(),
                pcap.toString()));
        assertThat(ofType(records, "attachment")).extracting(a -> a.get("state").asText()).containsOnly("truncated");
        assertThat(ofType(records, "session").get(0).get("gaps").asInt()).isEqualTo(1);
    }

    @Test
    void limitsFromTheConfigurationFileBindTheAnalysis() throws Exception {
        Path pcap = session(25, message("a.exe")).writePcap(dir.resolve("mail.pcap"));
        Path config = Files.writeString(dir.resolve("bridge.conf"), "limits.mime.max_stored_size = 1000\n");
        List<JsonNode> records = json(CliRun.of("extract", "--json", "--config", config.toString(), "-o",
                dir.resolve("out").toString(), pcap.toString()));
        JsonNode a = ofType(records, "attachment").get(0);
        assertThat(a.get("size").asLong()).isEqualTo(1000);
        assertThat(a.get("state").asText()).isEqualTo("truncated");
        assertThat(ofType(records, "pcap").get(0).get("weirds").get("mime.attachment_size_limit").asLong()).isEqualTo(1);

        Files.writeString(config, "limits.mime.max_stored_siz = 1000\n");
        CliRun bad = CliRun.of("extract", "--config", config.toString(), "-o", dir.resolve("out2").toString(),
                pcap.toString());
        assertThat(bad.status()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(bad.err()).isEqualTo("sguil-bridge: " + config + ":1: unknown key 'limits.mime.max_stored_siz'\n");
    }

    @Test
    void hostileFileNamesStayInsideTheOutputDirectory() throws Exception {
        Path pcap = session(25, message("../../etc/cron.d/x")).writePcap(dir.resolve("evil.pcap"));
        Path out = dir.resolve("out");
        List<JsonNode> records = json(CliRun.of("extract", "--json", "-o", out.toString(), pcap.toString()));
        JsonNode a = ofType(records, "attachment").get(0);
        assertThat(a.get("filename").asText()).isEqualTo("../../etc/cron.d/x");
        Path stored = Path.of(a.get("stored").asText()).toAbsolutePath().normalize();
        assertThat(stored).startsWith(out.toAbsolutePath().normalize());
        assertThat(stored.getFileName().toString()).doesNotContain("..").doesNotContain("/");
        assertThat(Files.exists(dir.resolve("etc"))).isFalse();
    }

    @Test
    void smtpIsRecognisedByItsDialogueOnAnyPort() throws Exception {
        Path pcap = session(10025, message("doc.exe")).writePcapng(dir.resolve("odd-port.pcapng"));
        List<JsonNode> records = json(CliRun.of("extract", "--json", "-o", dir.resolve("out").toString(),
                pcap.toString()));
        assertThat(ofType(records, "attachment")).hasSize(1);
        assertThat(ofType(records, "attachment").get(0).get("dst_port").asInt()).isEqualTo(10025);
    }

    /** A one-sided capture: the session record says how much of the dialogue was seen; a whole one does not. */
    @Test
    void aClientOnlyCaptureGivesTheMessageAndASessionWithoutReplies() throws Exception {
        Path pcap = session(25, message("a.pdf")).dropSide(TcpSessionBuilder.Side.SERVER)
                .writePcap(dir.resolve("client-only.pcap"));
        List<JsonNode> records = json(CliRun.of("extract", "--json", "-o", dir.resolve("out").toString(),
                pcap.toString()));
        assertThat(ofType(records, "message")).hasSize(1);
        assertThat(ofType(records, "message").get(0).get("outcome").asText()).isEqualTo("unconfirmed");
        assertThat(ofType(records, "attachment").get(0).get("state").asText()).isEqualTo("complete");
        JsonNode session = ofType(records, "session").get(0);
        assertThat(session.get("commands").asInt()).isEqualTo(5);
        assertThat(session.get("replies").asInt()).isZero();
        records = json(CliRun.of("extract", "--json", "-o", dir.resolve("out2").toString(),
                session(25, message("a.pdf")).writePcap(dir.resolve("whole.pcap")).toString()));
        assertThat(fieldNames(ofType(records, "session").get(0))).doesNotContain("commands", "replies");
    }

    @Test
    void afterStarttlsNothingIsExtracted() throws Exception {
        TcpSessionBuilder b = TcpSessionBuilder.ipv4("10.0.0.1", 40000, "10.0.0.2", 25).handshake()
                .server("220 mx ESMTP\r\n").client("EHLO c\r\n").server("250-mx\r\n250 STARTTLS\r\n")
                .client("STARTTLS\r\n").server("220 go ahead\r\n")
                .client(new byte[] {0x16, 0x03, 0x01, 0x00, 0x05, 'h', 'e', 'l', 'l', 'o'})
                .client("DATA\r\n" + message("x.exe") + ".\r\n").finish();
        List<JsonNode> records = json(CliRun.of("extract", "--json", "-o", dir.resolve("out").toString(),
                b.writePcap(dir.resolve("tls.pcap")).toString()));
        assertThat(ofType(records, "attachment")).isEmpty();
        assertThat(ofType(records, "session").get(0).get("starttls").asBoolean()).isTrue();
        assertThat(ofType(records, "session").get(0).get("messages").asInt()).isZero();
    }

    @Test
    void unusableInputIsOneLineOnStderrAndExit2WhileTheOtherFilesAreProcessed() throws Exception {
        Path junk = Files.writeString(dir.resolve("notes.txt"), "<html>this is not a capture</html>\n");
        Path good = session(25, message("a.exe")).writePcap(dir.resolve("good.pcap"));
        Path missing = dir.resolve("missing.pcap");
        CliRun run = CliRun.of("extract", "--json", "-o", dir.resolve("out").toString(), junk.toString(),
                good.toString(), missing.toString());
        assertThat(run.status()).isEqualTo(2);
        List<String> errs = List.of(run.err().split("\n"));
        assertThat(errs).hasSize(2);
        // the missing file is found by the checks before any work, the junk one when it is read
        assertThat(errs.get(0)).isEqualTo("sguil-bridge: " + missing + ": no such file");
        assertThat(errs.get(1)).startsWith("sguil-bridge: " + junk + ": ");
        assertThat(ofType(json(run), "attachment")).hasSize(1);
    }

    @Test
    void aCaptureCutMidRecordIsProcessedUpToTheCutAndReported() throws Exception {
        Path whole = session(25, message("first.exe")).writePcap(dir.resolve("whole.pcap"));
        byte[] bytes = Files.readAllBytes(whole);
        TcpSessionBuilder second = TcpSessionBuilder.ipv4("10.0.0.9", 40001, "10.0.0.2", 25)
                .start(1_150_990_100_000_000_000L).handshake().client("EHLO x\r\n");
        byte[] secondBytes = Files.readAllBytes(second.writePcap(dir.resolve("second.pcap")));
        // The first session, then the second one's first record cut in the middle of its packet data.
        byte[] cut = new byte[bytes.length + 16 + 20];
        System.arraycopy(bytes, 0, cut, 0, bytes.length);
        System.arraycopy(secondBytes, 24, cut, bytes.length, 36);
        Path truncated = Files.write(dir.resolve("cut.pcap"), cut);
        CliRun run = CliRun.of("extract", "--json", "-o", dir.resolve("out").toString(), truncated.toString());
        assertThat(run.status()).isZero();
        List<JsonNode> records = json(run);
        assertThat(ofType(records, "attachment")).extracting(a -> a.get("state").asText()).containsExactly("complete");
        assertThat(ofType(records, "pcap").get(0).get("truncated").asText()).isNotBlank();
        assertThat(run.err()).contains("cut.pcap");
    }

    @Test
    void gzipCapturesAndSeveralMessagesPerSession() throws Exception {
        TcpSessionBuilder b = TcpSessionBuilder.ipv4("10.0.0.1", 40000, "10.0.0.2", 25).handshake()
                .server("220 mx ESMTP\r\n").client("EHLO c\r\n").server("250 mx\r\n");
        for (String name : List.of("one.exe", "two.exe")) {
            b.client("MAIL FROM:<a@b>\r\nRCPT TO:<c@d>\r\nDATA\r\n").server("250 ok\r\n250 ok\r\n354 go\r\n")
                    .client(message(name) + ".\r\n").server("250 ok\r\n");
        }
        b.finish();
        Path pcap = dir.resolve("two.pcap.gz");
        try (var w = net.sguil.bridge.testpcap.PcapWriter.builder().gzip().open(pcap)) {
            b.writeTo(w);
        }
        List<JsonNode> records = json(CliRun.of("extract", "--json", "-o", dir.resolve("out").toString(),
                pcap.toString()));
        assertThat(ofType(records, "attachment")).extracting(a -> a.get("filename").asText())
                .containsExactly("one.exe", "two.exe");
        assertThat(ofType(records, "session").get(0).get("messages").asInt()).isEqualTo(2);
    }

    static String hex(String algorithm, byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data));
    }
}
