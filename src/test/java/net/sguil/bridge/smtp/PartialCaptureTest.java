package net.sguil.bridge.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import net.sguil.bridge.analysis.CapturedRecords;
import net.sguil.bridge.analysis.ExtractedMessage;
import net.sguil.bridge.analysis.SmtpSessionRecord;
import net.sguil.bridge.testpcap.TcpSessionBuilder;
import net.sguil.bridge.testpcap.TcpSessionBuilder.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Captures that saw an SMTP session only in part (one direction, as with asymmetric routing or a span
 * port; a lost segment), written by the test pcap writer and read through decoding, reassembly and
 * detection (issue 12).
 */
class PartialCaptureTest {
    @TempDir
    Path dir;

    private List<ExtractedMessage> messages;
    private List<SmtpSessionRecord> sessions;
    private Map<String, Long> weirds;

    private static TcpSessionBuilder threeMessages() {
        TcpSessionBuilder b = TcpSessionBuilder.ipv4("10.0.0.1", 40000, "10.0.0.2", 25).handshake()
                .server("220 mx ESMTP\r\n").client("EHLO c\r\n").server("250-mx\r\n250 CHUNKING\r\n");
        for (int i = 1; i <= 3; i++) {
            b.client("MAIL FROM:<a" + i + "@x>\r\n").server("250 ok\r\n").client("RCPT TO:<b@y>\r\n").server("250 ok\r\n")
                    .client("DATA\r\n").server("354 go\r\n")
                    .client("Subject: number " + i + "\r\n\r\nbody " + i + "\r\n.\r\n").server("250 queued\r\n");
        }
        return b.client("QUIT\r\n").server("221 bye\r\n").finish();
    }

    private void extract(TcpSessionBuilder b) throws IOException {
        CapturedRecords r = CapturedRecords.of(b.writePcap(dir.resolve("partial.pcap")), dir.resolve("out"));
        messages = r.messages;
        sessions = r.sessions;
        weirds = r.weirds;
    }

    @Test
    void theClientAloneGivesEveryMessageWhole() throws IOException {
        extract(threeMessages().dropSide(Side.SERVER));
        assertThat(messages).extracting(m -> m.message().getSubject())
                .containsExactly("number 1", "number 2", "number 3");
        assertThat(messages).extracting(m -> m.message().getMailFrom()).containsExactly("a1@x", "a2@x", "a3@x");
        assertThat(messages).extracting(ExtractedMessage::outcome).containsOnly(MessageOutcome.UNCONFIRMED);
        assertThat(messages).extracting(ExtractedMessage::truncated).containsOnly(false);
        assertThat(messages).extracting(ExtractedMessage::incomplete).containsOnly("");
        assertThat(sessions).hasSize(1);
        assertThat(sessions.get(0).summary().replies()).isZero();
        assertThat(sessions.get(0).summary().commands()).isEqualTo(11);
        assertThat(weirds).containsEntry("smtp.reply_missing", 1L);
    }

    @Test
    void theServerAloneGivesTheSessionAndItsRepliesButNoMessage() throws IOException {
        extract(threeMessages().dropSide(Side.CLIENT));
        assertThat(messages).isEmpty();
        assertThat(sessions).hasSize(1);
        assertThat(sessions.get(0).summary().messages()).isZero();
        assertThat(sessions.get(0).summary().commands()).isZero();
        assertThat(sessions.get(0).summary().replies()).isEqualTo(15);
    }

    /** Zeek resynchronises after a gap inside a BDAT chunk; so must the analysis: the next message is whole. */
    @Test
    void aSegmentLostInsideBdatThenACompleteDataMessage() throws IOException {
        String commands = "MAIL FROM:<b@x>\r\nRCPT TO:<r@y>\r\nBDAT 300 LAST\r\n";
        String chunk = "Subject: chunked\r\n\r\n" + "c".repeat(280);
        TcpSessionBuilder b = TcpSessionBuilder.ipv4("10.0.0.1", 40000, "10.0.0.2", 25).handshake()
                .server("220 mx ESMTP\r\n").client("EHLO c\r\n").server("250-mx\r\n250-PIPELINING\r\n250 CHUNKING\r\n")
                .segmentSize(100).client(commands + chunk).segmentSize(1460)
                .server("250 ok\r\n250 ok\r\n250 ok message\r\n")
                .client("MAIL FROM:<d@x>\r\n").server("250 ok\r\n").client("RCPT TO:<r2@y>\r\n").server("250 ok\r\n")
                .client("DATA\r\n").server("354 go\r\n").client("Subject: whole\r\n\r\nbody\r\n.\r\n")
                .server("250 queued\r\n").client("QUIT\r\n").server("221 bye\r\n").finish();
        extract(b.dropSegment(7)); // client bytes 100..199 of the pipelined commands: inside the chunk
        assertThat(messages).hasSize(2);
        assertThat(messages.get(0).message().getSubject()).isEqualTo("chunked");
        assertThat(messages.get(0).gapBytes()).isEqualTo(100);
        assertThat(messages.get(0).truncated()).isTrue();
        assertThat(messages.get(1).message().getSubject()).isEqualTo("whole");
        assertThat(messages.get(1).message().getMailFrom()).isEqualTo("d@x");
        assertThat(messages.get(1).outcome()).isEqualTo(MessageOutcome.ACCEPTED);
        assertThat(messages.get(1).gapBytes()).isZero();
        assertThat(messages.get(1).truncated()).isFalse();
        assertThat(messages.get(1).incomplete()).isEmpty();
    }
}
