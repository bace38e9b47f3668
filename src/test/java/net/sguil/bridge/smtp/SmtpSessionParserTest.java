package net.sguil.bridge.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.sguil.bridge.tcp.Direction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SmtpSessionParserTest {
    private static final String BODY = "Subject: hi\r\n\r\nline one\r\n..starts with a dot\r\n.\r\n";

    private static SmtpScript basic() {
        return new SmtpScript()
                .s("220 mx.example ESMTP\r\n")
                .c("EHLO client\r\n")
                .s("250-mx.example\r\n250-PIPELINING\r\n250 CHUNKING\r\n")
                .c("MAIL FROM:<alice@example.org> SIZE=100\r\n").s("250 ok\r\n")
                .c("RCPT TO:<bob@example.com>\r\n").s("250 ok\r\n")
                .c("RCPT TO:<nobody@example.com>\r\n").s("550 no such user\r\n")
                .c("RCPT TO:<carol@example.com>\r\n").s("250 ok\r\n")
                .c("DATA\r\n").s("354 go ahead\r\n")
                .c(BODY).s("250 queued\r\n")
                .c("QUIT\r\n").s("221 bye\r\n");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 5, 7})
    void messageIsDotUnstuffedWithTheAcceptedEnvelopeHoweverTheStreamIsCut(int piece) {
        SmtpScript s = basic().run(piece);
        assertThat(s.messages).hasSize(1);
        SmtpScript.Message m = s.messages.get(0);
        assertThat(m.text()).isEqualTo("Subject: hi\r\n\r\nline one\r\n.starts with a dot\r\n");
        assertThat(m.outcome).isEqualTo(MessageOutcome.ACCEPTED);
        assertThat(m.envelope.mailFrom()).isEqualTo("alice@example.org");
        assertThat(m.envelope.rcptTo()).containsExactly("bob@example.com", "carol@example.com");
        assertThat(m.envelope.repliesSeen()).isTrue();
        assertThat(s.summary).isEqualTo(new SmtpSessionSummary(1, false, 0, 0, 7, 9));
        assertThat(s.weirds.snapshot()).isEmpty();
    }

    @Test
    void randomSplitsGiveTheSameMessage() {
        for (long seed = 0; seed < 50; seed++) {
            SmtpScript s = basic().runRandomSplits(seed);
            assertThat(s.messages).as("seed %d", seed).hasSize(1);
            assertThat(s.messages.get(0).text()).isEqualTo("Subject: hi\r\n\r\nline one\r\n.starts with a dot\r\n");
        }
    }

    @Test
    void refusedDataMeansNoMessageAndTheClientStaysInCommandMode() {
        SmtpScript s = new SmtpScript().s("220 mx\r\n").c("HELO c\r\n").s("250 ok\r\n")
                .c("MAIL FROM:<a@b>\r\n").s("250 ok\r\n").c("RCPT TO:<c@d>\r\n").s("550 no\r\n")
                .c("DATA\r\n").s("554 no valid recipients\r\n")
                .c("QUIT\r\n").s("221 bye\r\n").run(0);
        assertThat(s.messages).isEmpty();
        assertThat(s.summary.messages()).isZero();
    }

    @Test
    void severalMessagesAndRsetInOneSession() {
        SmtpScript s = new SmtpScript().s("220 mx\r\n").c("EHLO c\r\n").s("250 ok\r\n")
                .c("MAIL FROM:<one@x>\r\n").s("250 ok\r\n").c("RCPT TO:<r1@y>\r\n").s("250 ok\r\n")
                .c("DATA\r\n").s("354 go\r\n").c("first\r\n.\r\n").s("250 ok\r\n")
                .c("MAIL FROM:<abandoned@x>\r\n").s("250 ok\r\n").c("RSET\r\n").s("250 ok\r\n")
                .c("MAIL FROM:<two@x>\r\n").s("250 ok\r\n").c("RCPT TO:<r2@y>\r\n").s("250 ok\r\n")
                .c("DATA\r\n").s("354 go\r\n").c("second\r\n.\r\n").s("451 try later\r\n")
                .c("QUIT\r\n").s("221 bye\r\n").run(0);
        assertThat(s.messages).extracting(SmtpScript.Message::text).containsExactly("first\r\n", "second\r\n");
        assertThat(s.messages).extracting(m -> m.index).containsExactly(1, 2);
        assertThat(s.messages.get(0).envelope).isEqualTo(new SmtpEnvelope("one@x", List.of("r1@y"), true, ""));
        assertThat(s.messages.get(1).envelope).isEqualTo(new SmtpEnvelope("two@x", List.of("r2@y"), true, ""));
        assertThat(s.messages.get(1).outcome).isEqualTo(MessageOutcome.REFUSED);
    }

    @Test
    void pipelinedCommandsAreMatchedToTheirRepliesInOrder() {
        SmtpScript s = new SmtpScript().s("220 mx\r\n").c("EHLO c\r\n").s("250-mx\r\n250 PIPELINING\r\n")
                .c("MAIL FROM:<p@x>\r\nRCPT TO:<ok@y>\r\nRCPT TO:<bad@y>\r\nDATA\r\n")
                .s("250 ok\r\n250 ok\r\n550 no\r\n354 go\r\n")
                .c("pipelined body\r\n.\r\nQUIT\r\n").s("250 ok\r\n221 bye\r\n").run(0);
        assertThat(s.messages).hasSize(1);
        assertThat(s.messages.get(0).text()).isEqualTo("pipelined body\r\n");
        assertThat(s.messages.get(0).envelope.rcptTo()).containsExactly("ok@y");
        assertThat(s.messages.get(0).outcome).isEqualTo(MessageOutcome.ACCEPTED);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 4})
    void bdatChunksAreCountedNotScannedAndLastEndsTheMessage(int piece) {
        SmtpScript s = new SmtpScript().s("220 mx\r\n").c("EHLO c\r\n").s("250-mx\r\n250 CHUNKING\r\n")
                .c("MAIL FROM:<b@x>\r\nRCPT TO:<r@y>\r\nBDAT 11\r\nab\r\n.\r\ncdefBDAT 3 LAST\r\nxyz")
                .s("250 ok\r\n250 ok\r\n250 11 octets\r\n250 message ok\r\n")
                .c("QUIT\r\n").s("221 bye\r\n").run(piece);
        assertThat(s.messages).hasSize(1);
        assertThat(s.messages.get(0).text()).isEqualTo("ab\r\n.\r\ncdefxyz");
        assertThat(s.messages.get(0).envelope).isEqualTo(new SmtpEnvelope("b@x", List.of("r@y"), true, ""));
        assertThat(s.messages.get(0).outcome).isEqualTo(MessageOutcome.ACCEPTED);
    }

    @Test
    void aGapInsideABdatChunkCountsTowardItsSize() {
        SmtpScript s = new SmtpScript().s("220 mx\r\n").c("EHLO c\r\n").s("250 ok\r\n")
                .c("MAIL FROM:<b@x>\r\nRCPT TO:<r@y>\r\nBDAT 10\r\nab").gap(Direction.CLIENT_TO_SERVER, 6)
                .c("ghBDAT 2 LAST\r\nzz").s("250 ok\r\n250 ok\r\n250 ok\r\n250 ok\r\n").run(0);
        assertThat(s.messages).hasSize(1);
        assertThat(s.messages.get(0).text()).isEqualTo("abghzz");
        assertThat(s.messages.get(0).gaps).containsExactly(6L);
        assertThat(s.summary.gaps()).isEqualTo(1);
    }

    @Test
    void starttlsAcceptedMeansTheRestIsEncryptedAndNothingIsExtracted() {
        SmtpScript s = new SmtpScript().s("220 mx\r\n").c("EHLO c\r\n").s("250-mx\r\n250 STARTTLS\r\n")
                .c("STARTTLS\r\n").s("220 ready\r\n").c("\u0016\u0003\u0001 binary tls DATA\r\n")
                .s("\u0016\u0003\u0003 more tls\r\n354 not really\r\n").run(0);
        assertThat(s.messages).isEmpty();
        assertThat(s.summary.starttls()).isTrue();
    }

    @Test
    void starttlsRefusedContinuesInClear() {
        SmtpScript s = new SmtpScript().s("220 mx\r\n").c("EHLO c\r\n").s("250 mx\r\n")
                .c("STARTTLS\r\n").s("454 TLS not available\r\n")
                .c("MAIL FROM:<a@b>\r\n").s("250 ok\r\n").c("RCPT TO:<c@d>\r\n").s("250 ok\r\n")
                .c("DATA\r\n").s("354 go\r\n").c("clear\r\n.\r\n").s("250 ok\r\n").run(0);
        assertThat(s.summary.starttls()).isFalse();
        assertThat(s.messages).extracting(SmtpScript.Message::text).containsExactly("clear\r\n");
    }

    @Test
    void aGapInDataIsReportedToTheMessage() {
        SmtpScript s = new SmtpScript().s("220 mx\r\n").c("HELO c\r\n").s("250 ok\r\n")
                .c("MAIL FROM:<a@b>\r\n").s("250 ok\r\n").c("RCPT TO:<c@d>\r\n").s("250 ok\r\n")
                .c("DATA\r\n").s("354 go\r\n").c("before\r\n").gap(Direction.CLIENT_TO_SERVER, 100)
                .c("after\r\n.\r\n").s("250 ok\r\n").run(0);
        assertThat(s.messages).hasSize(1);
        assertThat(s.messages.get(0).gaps).containsExactly(100L);
        assertThat(s.messages.get(0).text()).isEqualTo("before\r\nafter\r\n");
        assertThat(s.messages.get(0).outcome).isEqualTo(MessageOutcome.ACCEPTED);
    }

    @Test
    void withoutServerRepliesTheClientIsBelievedAtTheEnd() {
        SmtpScript s = new SmtpScript().c("EHLO c\r\nMAIL FROM:<a@b>\r\nRCPT TO:<c@d>\r\nDATA\r\n")
                .c("one-sided capture\r\n.\r\nQUIT\r\n").run(0);
        assertThat(s.messages).hasSize(1);
        SmtpScript.Message m = s.messages.get(0);
        assertThat(m.text()).isEqualTo("one-sided capture\r\n");
        assertThat(m.outcome).isEqualTo(MessageOutcome.UNCONFIRMED);
        assertThat(m.envelope).isEqualTo(new SmtpEnvelope("a@b", List.of("c@d"), false, ""));
        assertThat(s.weirds.get("smtp.reply_missing")).isPositive();
    }

    @Test
    void withoutServerRepliesALargeBodyIsNotHeldForever() {
        String big = "x".repeat(100) + "\r\n";
        SmtpScript s = new SmtpScript().c("HELO c\r\nMAIL FROM:<a@b>\r\nRCPT TO:<c@d>\r\nDATA\r\n");
        for (int i = 0; i < 2000; i++) {
            s.c(big);
        }
        s.c(".\r\n").run(0);
        assertThat(s.messages).hasSize(1);
        assertThat(s.messages.get(0).bytes.size()).isEqualTo(2000 * big.length());
    }

    @Test
    void streamEndingInsideDataGivesAnIncompleteMessage() {
        SmtpScript s = new SmtpScript().s("220 mx\r\n").c("HELO c\r\n").s("250 ok\r\n")
                .c("MAIL FROM:<a@b>\r\n").s("250 ok\r\n").c("RCPT TO:<c@d>\r\n").s("250 ok\r\n")
                .c("DATA\r\n").s("354 go\r\n").c("cut off here").run(0);
        assertThat(s.messages).hasSize(1);
        assertThat(s.messages.get(0).outcome).isEqualTo(MessageOutcome.INCOMPLETE);
        assertThat(s.messages.get(0).text()).isEqualTo("cut off here");
    }

    @Test
    void bareLineFeedsAreAccepted() {
        SmtpScript s = new SmtpScript().s("220 mx\n").c("HELO c\n").s("250 ok\n")
                .c("MAIL FROM:<a@b>\n").s("250 ok\n").c("RCPT TO:<c@d>\n").s("250 ok\n")
                .c("DATA\n").s("354 go\n").c("lf only\n..dot\n.\n").s("250 ok\n").run(1);
        assertThat(s.messages).extracting(SmtpScript.Message::text).containsExactly("lf only\n.dot\n");
        assertThat(s.messages.get(0).outcome).isEqualTo(MessageOutcome.ACCEPTED);
    }

    @Test
    void anAbsurdCommandLineIsCutAndTheSessionGoesOn() {
        SmtpScript s = new SmtpScript().s("220 mx\r\n").c("HELO " + "A".repeat(200_000) + "\r\n").s("500 too long\r\n")
                .c("MAIL FROM:<a@b>\r\n").s("250 ok\r\n").c("RCPT TO:<c@d>\r\n").s("250 ok\r\n")
                .c("DATA\r\n").s("354 go\r\n").c("ok\r\n.\r\n").s("250 ok\r\n").run(1000);
        assertThat(s.weirds.get("smtp.line_too_long")).isEqualTo(1);
        assertThat(s.messages).extracting(SmtpScript.Message::text).containsExactly("ok\r\n");
    }

    @Test
    void aCutRcptLineMarksItsMessage() {
        String rcpt = "RCPT TO:<" + "a".repeat(9000) + "@y>\r\n";
        new SmtpScript().s("220 mx\r\n").c("HELO c\r\n").s("250 ok\r\n").c("MAIL FROM:<a@b>\r\n").s("250 ok\r\n")
                .c(rcpt).s("250 ok\r\n").c("DATA\r\n").s("354 go\r\n").c("x\r\n.\r\n").s("250 ok\r\n")
                .c("MAIL FROM:<next@b>\r\n").s("250 ok\r\n").c("RCPT TO:<c@d>\r\n").s("250 ok\r\n")
                .c("DATA\r\n").s("354 go\r\n").c("y\r\n.\r\n").s("250 ok\r\n")
                .forEverySplit(s -> {
                    assertThat(s.messages).extracting(m -> m.envelope.incomplete())
                            .containsExactly("smtp.line_too_long", "");
                    assertThat(s.messages.get(0).envelope.rcptTo()).containsExactly("a".repeat(8192 - 9));
                    assertThat(s.messages).extracting(m -> m.outcome).containsOnly(MessageOutcome.ACCEPTED);
                });
    }

    @Test
    void givingUpTheWaitForTheDataReplyMarksTheMessage() {
        String big = "x".repeat(998) + "\r\n";
        SmtpScript s = new SmtpScript().s("220 mx\r\n").c("HELO c\r\n").s("250 ok\r\n")
                .c("MAIL FROM:<a@b>\r\n").s("250 ok\r\n").c("RCPT TO:<c@d>\r\n").s("250 ok\r\n").c("DATA\r\n");
        for (int i = 0; i < 100; i++) {
            s.c(big);
        }
        s.c(".\r\n").s("250 ok\r\n").run(1460);
        assertThat(s.messages).hasSize(1);
        assertThat(s.messages.get(0).bytes.size()).isEqualTo(100 * big.length());
        assertThat(s.messages.get(0).envelope.incomplete()).isEqualTo("smtp.held_overflow");
        assertThat(s.messages.get(0).outcome).isEqualTo(MessageOutcome.UNCONFIRMED);
        assertThat(s.weirds.get("smtp.held_overflow")).isEqualTo(1);
    }

    @Test
    void forgettingAnUnansweredCommandMarksItsMessage() {
        SmtpScript s = new SmtpScript().s("220 mx\r\n")
                .c("EHLO c\r\nMAIL FROM:<a@b>\r\nRCPT TO:<c@d>\r\nRCPT TO:<e@f>\r\nDATA\r\nbody\r\n.\r\n");
        s.limits = new SmtpLimits(8192, 64 * 1024, 3);
        s.forEverySplit(r -> {
            assertThat(r.messages).hasSize(1);
            assertThat(r.messages.get(0).envelope)
                    .isEqualTo(new SmtpEnvelope("a@b", List.of("c@d", "e@f"), false, "smtp.too_many_unanswered"));
            assertThat(r.weirds.get("smtp.too_many_unanswered")).isEqualTo(2);
        });
    }

    private static String address(String line) {
        return SmtpCommand.parse(line).address();
    }

    @Test
    void addressesLoseBracketsAndParameters() {
        assertThat(address("MAIL FROM:<a@b> SIZE=10")).isEqualTo("a@b");
        assertThat(address("MAIL FROM: <a@b>")).isEqualTo("a@b");
        assertThat(address("MAIL FROM:<>")).isEmpty();
        assertThat(address("RCPT TO:bare@host NOTIFY=NEVER")).isEqualTo("bare@host");
        assertThat(address("RCPT TO")).isEmpty();
    }
}
