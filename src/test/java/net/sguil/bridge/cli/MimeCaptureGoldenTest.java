package net.sguil.bridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import net.sguil.bridge.testpcap.Captures;
import net.sguil.bridge.testpcap.LinkLayer;
import net.sguil.bridge.testpcap.Packet;
import net.sguil.bridge.testpcap.SampleFiles;
import net.sguil.bridge.testpcap.TcpSessionBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code extract --json} on the MIME cases of issues 11 and 12, golden-file style: each message is
 * carried by an SMTP session the test-tree writer builds, and the records must equal
 * {@code golden/mime/NAME.jsonl} exactly (regenerate with {@code -Dgolden.update=true}, then read the
 * diff). The committed messages ({@code NAME.eml}) were written by {@code make_messages.py}; their
 * file hashes in the golden records were checked against Python's {@code email} module on the same
 * bytes ({@code python3 email_hashes.py NAME.eml}, in the same directory), which agrees on every file,
 * the attached messages included. Where it differs it is on purpose: Python's {@code make_header}
 * puts a space into {@code C=?…?=} ("C an you"), and it leaves encoded words in a quoted file name
 * encoded; Jakarta Mail's lenient mode and Thunderbird do not.
 */
class MimeCaptureGoldenTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden/mime");

    @TempDir
    Path dir;

    /**
     * forwarded: an attached message with two files inside, all three out, each with its parent and
     * depth; encoded-rfc822: base64 declared on a plain-text message/rfc822 is ignored and malware.exe
     * comes out; glued-words: decoded subject, From/To and file name; parameter-only-content-type: a type,
     * never {@code boundary="test"}.
     */
    @ParameterizedTest
    @ValueSource(strings = {"forwarded", "encoded-rfc822", "glued-words", "parameter-only-content-type"})
    void committedMessages(String name) throws IOException {
        String message = Files.readString(GOLDEN.resolve(name + ".eml"), StandardCharsets.US_ASCII);
        assertGolden(name, capture(name, List.of(message)));
    }

    /** Issue 11: 270 KiB of header lines (each under 998 characters) before the MIME structure. */
    @Test
    void aHeaderBlockOf270KiBStillYieldsTheAttachment() throws IOException {
        StringBuilder m = new StringBuilder("From: a@example.org\r\nSubject: padded\r\nMessage-ID: <pad@example.org>\r\n");
        for (int i = 0; m.length() < 270 * 1024; i++) {
            m.append("X-Pad-").append(i).append(": ").append("p".repeat(900)).append("\r\n");
        }
        m.append("MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\n")
                .append("Content-Type: application/octet-stream; name=\"hidden.exe\"\r\n")
                .append("Content-Transfer-Encoding: base64\r\n\r\n").append(base64(pe())).append("\r\n--b--\r\n");
        assertGolden("header-block-270k", capture("header-block-270k", List.of(m.toString())));
    }

    /** Issue 11: a thousand levels of multipart; the file at the bottom comes out whole. */
    @Test
    void aThousandLevelsOfNestingStillYieldTheAttachment() throws IOException {
        StringBuilder m = new StringBuilder("From: a@example.org\r\nSubject: deep\r\nMessage-ID: <deep@example.org>\r\n");
        for (int i = 0; i < 1000; i++) {
            m.append("Content-Type: multipart/mixed; boundary=\"l").append(i).append("\"\r\n\r\n--l").append(i).append("\r\n");
        }
        m.append("Content-Type: application/octet-stream; name=\"bottom.exe\"\r\nContent-Transfer-Encoding: base64\r\n\r\n")
                .append(base64(pe())).append("\r\n");
        for (int i = 999; i >= 0; i--) {
            m.append("--l").append(i).append("--\r\n");
        }
        assertGolden("nesting-1000", capture("nesting-1000", List.of(m.toString())));
    }

    /**
     * Issue 11: every MIME limit that stops analysis names itself on what it stopped, in the JSON record
     * and in the rule facts. One message per limit, all limits small ({@link #LIMITS}); each message
     * trips exactly one.
     */
    @Test
    void everyMimeLimitMarksWhatItStoppedInTheRecordsAndTheRuleFacts() throws Exception {
        Path config = Files.writeString(dir.resolve("limits.conf"), LIMITS);
        Path pcap = capture("limits", limitCases());
        assertGolden("limits", pcap, "--config", config.toString());

        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("incomplete.drl"), INCOMPLETE_RULES);
        CliRun scan = CliRun.of("scan", "--json", "--config", config.toString(), "--rules", rules.toString(),
                "--extract-dir", dir.resolve("scan-out").toString(), pcap.toString());
        assertThat(scan.status()).as(scan.err()).isZero();
        List<String> seen = new java.util.ArrayList<>();
        for (String line : scan.lines()) {
            String signature = new com.fasterxml.jackson.databind.ObjectMapper().readTree(line).get("signature").asText();
            if (signature.startsWith("TEST ")) {
                seen.add(signature);
            }
        }
        assertThat(seen).containsExactlyInAnyOrder(
                "TEST message mime.depth_exceeded",
                "TEST message mime.too_many_parts",
                "TEST message mime.header_block_too_large",
                "TEST message mime.long_header_line",
                "TEST file uu.bin mime.long_line",
                "TEST file big.bin mime.attachment_size_limit",
                "TEST message mime.attached_message_limit");
    }

    private static final String LIMITS = """
            limits.mime.max_depth = 3
            limits.mime.max_parts = 20
            limits.mime.max_header_block = 2048
            limits.mime.max_line_length = 1024
            limits.mime.max_stored_size = 1000
            limits.mime.max_attached_message_bytes = 1500
            """;

    private static final String INCOMPLETE_RULES = """
            package limits.test;
            import net.sguil.bridge.facts.SmtpMessage;
            import net.sguil.bridge.facts.Attachment;
            import net.sguil.bridge.rules.EventBuilder;

            rule "TEST message incomplete"
            when
                $m : SmtpMessage(incomplete != "")
            then
                insert(EventBuilder.event(drools.getRule().getName(), 1000900, 1, "TEST message " + $m.getIncomplete())
                        .at($m.getTimestamp()).endpoints($m.getSrcIp(), $m.getSrcPort(), $m.getDstIp(), $m.getDstPort(), 6)
                        .evidence($m.getDstPort() + "|" + $m.getIncomplete()).build());
            end

            rule "TEST attachment incomplete"
            when
                $a : Attachment(incomplete != "")
            then
                insert(EventBuilder.event(drools.getRule().getName(), 1000901, 1,
                        "TEST file " + $a.getFilename() + " " + $a.getIncomplete())
                        .attachment($a).evidence($a.getStored()).build());
            end
            """;

    private static List<String> limitCases() {
        String head = "From: a@example.org\r\nMIME-Version: 1.0\r\n";
        StringBuilder depth = new StringBuilder(head + "Subject: depth\r\n");
        for (int i = 0; i < 5; i++) {
            depth.append("Content-Type: multipart/mixed; boundary=d").append(i).append("\r\n\r\n--d").append(i).append("\r\n");
        }
        depth.append("Content-Type: text/plain; name=deep.txt\r\n\r\ndeep\r\n");
        for (int i = 4; i >= 0; i--) {
            depth.append("--d").append(i).append("--\r\n");
        }
        StringBuilder parts = new StringBuilder(head + "Subject: parts\r\nContent-Type: multipart/mixed; boundary=p\r\n\r\n");
        for (int i = 0; i < 25; i++) {
            parts.append("--p\r\nContent-Type: text/plain; name=p").append(i).append(".txt\r\n\r\npart\r\n");
        }
        parts.append("--p--\r\n");
        StringBuilder block = new StringBuilder(head + "Subject: header block\r\n");
        for (int i = 0; i < 30; i++) {
            block.append("X-Pad-").append(i).append(": ").append("p".repeat(80)).append("\r\n");
        }
        block.append("Content-Type: multipart/mixed; boundary=h\r\n\r\n--h\r\n")
                .append("Content-Type: text/plain; name=after-pad.txt\r\n\r\npad\r\n--h--\r\n");
        String line = head + "Subject: header line\r\nX-Long: " + "L".repeat(1100) + "\r\n"
                + "Content-Type: application/octet-stream; name=after-long.bin\r\n\r\nlong\r\n";
        String uu = head + "Subject: uuencode line\r\nContent-Type: text/plain\r\n\r\nSee below.\r\n"
                + "begin 644 uu.bin\r\n" + "M" + "A".repeat(1100) + "\r\n`\r\nend\r\n";
        String stored = head + "Subject: stored size\r\nContent-Type: application/octet-stream; name=big.bin\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n" + base64("z".repeat(1200).getBytes(StandardCharsets.US_ASCII))
                + "\r\n";
        String attached = head + "Subject: attached messages\r\nContent-Type: multipart/mixed; boundary=m\r\n\r\n"
                + "--m\r\nContent-Type: message/rfc822\r\n\r\nSubject: one\r\n\r\n" + "x".repeat(880) + "\r\n"
                + "--m\r\nContent-Type: message/rfc822\r\n\r\nSubject: two\r\n\r\n" + "y".repeat(880) + "\r\n"
                + "--m--\r\n";
        return List.of(depth.toString(), parts.toString(), block.toString(), line, uu, stored, attached);
    }

    private Path capture(String name, List<String> messages) throws IOException {
        @SuppressWarnings("unchecked")
        List<Packet>[] sessions = new List[messages.size()];
        for (int i = 0; i < messages.size(); i++) {
            sessions[i] = ExtractCommandTest.session(2500 + i, dotStuffed(messages.get(i))).build();
        }
        return Captures.writePcap(dir.resolve(name + ".pcap"), LinkLayer.ETHERNET, Captures.merge(sessions));
    }

    private void assertGolden(String name, Path pcap, String... options) throws IOException {
        Path out = dir.resolve("out");
        List<String> args = new java.util.ArrayList<>(List.of("extract", "--json", "--threads", "1", "-o",
                out.toString()));
        args.addAll(List.of(options));
        args.add(pcap.toString());
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.status()).as(run.err()).isZero();
        String actual = run.out().replace(out.toString(), "OUT");
        Path golden = GOLDEN.resolve(name + ".jsonl");
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }

    static String dotStuffed(String message) {
        return (message.startsWith(".") ? "." : "") + message.replace("\r\n.", "\r\n..");
    }

    static String base64(byte[] data) {
        return Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(data);
    }

    /** The same executable as make_messages.py's pe(). */
    static byte[] pe() {
        byte[] b = new byte[1500];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (i * 31 + 7);
        }
        return SampleFiles.pe(b);
    }
}
