package net.sguil.bridge.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.sguil.bridge.tcp.Direction;
import org.junit.jupiter.api.Test;

/**
 * Sessions the analyzer sees only in part: one side missing, a gap in either direction, commands
 * the server refused. Each script is fed cut at every position.
 */
class SmtpSessionRecoveryTest {
    private static final Direction C = Direction.CLIENT_TO_SERVER;
    private static final Direction S = Direction.SERVER_TO_CLIENT;

    @Test
    void clientAloneIsFollowedThroughEveryMessageOfTheSession() {
        new SmtpScript()
                .c("EHLO client\r\nMAIL FROM:<one@x>\r\nRCPT TO:<r1@y>\r\nDATA\r\n")
                .c("Subject: first\r\n\r\nbody one\r\n..dot\r\n.\r\n")
                .c("MAIL FROM:<dropped@x>\r\nRSET\r\n")
                .c("MAIL FROM:<two@x>\r\nRCPT TO:<r2@y>\r\nRCPT TO:<r3@y>\r\nBDAT 9\r\nSubject: ")
                .c("BDAT 8 LAST\r\nsecond\r\n")
                .c("MAIL FROM:<three@x>\r\nRCPT TO:<r4@y>\r\nDATA\r\nSubject: third\r\n\r\nQUIT\r\n.\r\nQUIT\r\n")
                .forEverySplit(s -> {
                    assertThat(s.messages).extracting(SmtpScript.Message::text).containsExactly(
                            "Subject: first\r\n\r\nbody one\r\n.dot\r\n", "Subject: second\r\n",
                            "Subject: third\r\n\r\nQUIT\r\n");
                    assertThat(s.messages).extracting(m -> m.envelope).containsExactly(
                            new SmtpEnvelope("one@x", List.of("r1@y"), false, ""),
                            new SmtpEnvelope("two@x", List.of("r2@y", "r3@y"), false, ""),
                            new SmtpEnvelope("three@x", List.of("r4@y"), false, ""));
                    assertThat(s.messages).extracting(m -> m.outcome).containsOnly(MessageOutcome.UNCONFIRMED);
                    assertThat(s.summary).isEqualTo(new SmtpSessionSummary(3, false, 0, 0, 15, 0));
                    assertThat(s.weirds.snapshot()).containsExactly(java.util.Map.entry("smtp.reply_missing", 1L));
                });
    }

    @Test
    void serverAloneGivesTheSessionAndItsRepliesButNoMessage() {
        new SmtpScript().s("220 mx ESMTP\r\n250-mx\r\n250 PIPELINING\r\n250 ok\r\n250 ok\r\n354 go\r\n250 queued\r\n221 bye\r\n")
                .forEverySplit(s -> {
                    assertThat(s.messages).isEmpty();
                    assertThat(s.summary).isEqualTo(new SmtpSessionSummary(0, false, 0, 0, 0, 7));
                    assertThat(s.weirds.get("smtp.unexpected_reply")).isEqualTo(6);
                });
    }

    @Test
    void aDataRefusedUnseenIsNoMessageWhenTheClientGoesOnWithCommands() {
        new SmtpScript().c("HELO c\r\nMAIL FROM:<a@b>\r\nRCPT TO:<c@d>\r\nDATA\r\n").c("QUIT\r\n")
                .forEverySplit(s -> {
                    assertThat(s.messages).isEmpty();
                    assertThat(s.summary.commands()).isEqualTo(5);
                });
        new SmtpScript().c("HELO c\r\nMAIL FROM:<a@b>\r\nRCPT TO:<c@d>\r\nDATA\r\n")
                .forEverySplit(s -> assertThat(s.messages).isEmpty());
    }

    @Test
    void aBdatRefusedBeforeItsChunkLeavesNoMessageAndQuitIsACommand() {
        SmtpScript malformed = new SmtpScript().s("220 mx ESMTP\r\n").c("EHLO c\r\n").s("250-mx\r\n250 CHUNKING\r\n")
                .c("BDAT 1234 SCRAMBLE\r\n").s("521 5.5.1 Protocol error\r\n").c("QUIT\r\n").s("221 bye\r\n");
        malformed.forEverySplit(s -> {
            assertThat(s.messages).isEmpty();
            assertThat(s.summary.commands()).isEqualTo(3);
            assertThat(s.weirds.get("smtp.bad_bdat")).isEqualTo(1);
        });
        SmtpScript noTransaction = new SmtpScript().s("220 mx ESMTP\r\n").c("EHLO c\r\n").s("250 CHUNKING\r\n")
                .c("BDAT 1234\r\n").s("503 5.5.1 Error: need MAIL command\r\n").c("QUIT\r\n").s("221 bye\r\n");
        noTransaction.forEverySplit(s -> {
            assertThat(s.messages).isEmpty();
            assertThat(s.summary.commands()).isEqualTo(3);
            assertThat(s.weirds.snapshot()).isEmpty();
        });
    }

    @Test
    void aVerbIsAWholeToken() {
        new SmtpScript().s("220 mx\r\n").c("EHLO c\r\n").s("250 ok\r\n").c("MAIL FROM:<a@b>\r\n").s("250 ok\r\n")
                .c("RCPT TO:<c@d>\r\n").s("250 ok\r\n").c("BDATX 25\r\n").s("500 unknown\r\n")
                .c("DATAX\r\n").s("500 unknown\r\n").c("DATA\r\n").s("354 go\r\n").c("real\r\n.\r\n").s("250 ok\r\n")
                .forEverySplit(s -> {
                    assertThat(s.messages).extracting(SmtpScript.Message::text).containsExactly("real\r\n");
                    assertThat(s.messages.get(0).outcome).isEqualTo(MessageOutcome.ACCEPTED);
                });
    }

    /**
     * A segment lost inside a BDAT chunk: the reassembler holds the client's later bytes back until
     * it gives up on the hole, so every reply after it arrives first. The session stays in step: the
     * BDAT message is cut by the gap, the DATA message after it is whole and accepted.
     */
    @Test
    void aGapInsideBdatThenACompleteDataMessage() {
        new SmtpScript().s("220 mx ESMTP\r\n").c("EHLO c\r\n").s("250-mx\r\n250-PIPELINING\r\n250 CHUNKING\r\n")
                .c("MAIL FROM:<b@x>\r\nRCPT TO:<r@y>\r\nBDAT 22 LAST\r\nSubject: b\r\n")
                .s("250 ok\r\n250 ok\r\n250 ok message\r\n250 ok\r\n250 ok\r\n354 go\r\n250 queued\r\n221 bye\r\n")
                .gap(C, 6)
                .c("xx\r\nMAIL FROM:<d@x>\r\nRCPT TO:<r2@y>\r\nDATA\r\nSubject: d\r\n\r\nwhole\r\n.\r\nQUIT\r\n")
                .forEverySplit(s -> {
                    assertThat(s.messages).hasSize(2);
                    assertThat(s.messages.get(0).text()).isEqualTo("Subject: b\r\nxx\r\n");
                    assertThat(s.messages.get(0).gaps).containsExactly(6L);
                    assertThat(s.messages.get(0).outcome).isEqualTo(MessageOutcome.ACCEPTED);
                    assertThat(s.messages.get(1).text()).isEqualTo("Subject: d\r\n\r\nwhole\r\n");
                    assertThat(s.messages.get(1).gaps).isEmpty();
                    assertThat(s.messages.get(1).outcome).isEqualTo(MessageOutcome.ACCEPTED);
                    assertThat(s.messages.get(1).envelope).isEqualTo(new SmtpEnvelope("d@x", List.of("r2@y"), true, ""));
                    assertThat(s.weirds.snapshot()).isEmpty();
                });
    }

    @Test
    void aGapInTheCommandsIsFollowedByTheNextUnmistakableCommand() {
        new SmtpScript().s("220 mx\r\n").c("EHLO c\r\n").s("250 ok\r\n")
                .c("MAIL FROM:<lo").gap(C, 20).c("st@x>\r\ngarbage after the gap\r\nRCPT TO:<r@y>\r\nDATA\r\n")
                .c("Subject: after\r\n\r\nbody\r\n.\r\n").s("250 ok\r\n250 ok\r\n354 go\r\n250 ok\r\n")
                .forEverySplit(s -> {
                    assertThat(s.messages).extracting(SmtpScript.Message::text)
                            .containsExactly("Subject: after\r\n\r\nbody\r\n");
                    assertThat(s.messages.get(0).envelope).isEqualTo(new SmtpEnvelope("", List.of("r@y"), false, ""));
                    assertThat(s.messages.get(0).gaps).isEmpty();
                    assertThat(s.weirds.get("smtp.gap_in_commands")).isEqualTo(1);
                });
    }

    @Test
    void aGapThatTookTheEndOfDataEndsTheMessageAtTheNextCommand() {
        new SmtpScript().s("220 mx\r\n").c("EHLO c\r\n").s("250 ok\r\n")
                .c("MAIL FROM:<a@x>\r\nRCPT TO:<r@y>\r\nDATA\r\n").s("250 ok\r\n250 ok\r\n354 go\r\n")
                .c("Subject: one\r\n\r\nstart").gap(C, 30)
                .c("RCPT TO:<r2@y>\r\nDATA\r\nSubject: two\r\n\r\nsecond\r\n.\r\n")
                .forEverySplit(s -> {
                    assertThat(s.messages).extracting(SmtpScript.Message::text)
                            .containsExactly("Subject: one\r\n\r\nstart", "Subject: two\r\n\r\nsecond\r\n");
                    assertThat(s.messages.get(0).outcome).isEqualTo(MessageOutcome.INCOMPLETE);
                    assertThat(s.messages.get(0).gaps).containsExactly(30L);
                    assertThat(s.messages.get(1).gaps).isEmpty();
                    assertThat(s.messages.get(1).envelope.rcptTo()).containsExactly("r2@y");
                    assertThat(s.weirds.get("smtp.data_end_in_gap")).isEqualTo(1);
                });
    }

    @Test
    void aGapInsideDataThatKeptTheEndLeavesTheSessionInStep() {
        new SmtpScript().s("220 mx\r\n").c("EHLO c\r\n").s("250 ok\r\n")
                .c("MAIL FROM:<a@x>\r\nRCPT TO:<r@y>\r\nDATA\r\n").s("250 ok\r\n250 ok\r\n354 go\r\n")
                .c("Subject: one\r\n\r\nstart").gap(C, 30).c("end\r\n.\r\n").s("250 ok\r\n")
                .c("MAIL FROM:<b@x>\r\nRCPT TO:<r2@y>\r\nDATA\r\n").s("250 ok\r\n250 ok\r\n354 go\r\n")
                .c("two\r\n.\r\n").s("250 ok\r\n")
                .forEverySplit(s -> {
                    assertThat(s.messages).extracting(SmtpScript.Message::text)
                            .containsExactly("Subject: one\r\n\r\nstartend\r\n", "two\r\n");
                    assertThat(s.messages).extracting(m -> m.outcome)
                            .containsExactly(MessageOutcome.ACCEPTED, MessageOutcome.ACCEPTED);
                });
    }

    @Test
    void aGapInTheRepliesMakesTheClientFollowedAlone() {
        new SmtpScript().s("220 mx\r\n").c("EHLO c\r\n").s("250 ok\r\n")
                .c("MAIL FROM:<a@x>\r\nRCPT TO:<r@y>\r\nDATA\r\n").gap(S, 40)
                .c("Subject: one\r\n\r\nbody\r\n.\r\nQUIT\r\n").s("250 ok\r\n221 bye\r\n")
                .forEverySplit(s -> {
                    assertThat(s.messages).extracting(SmtpScript.Message::text)
                            .containsExactly("Subject: one\r\n\r\nbody\r\n");
                    assertThat(s.messages.get(0).outcome).isEqualTo(MessageOutcome.UNCONFIRMED);
                    assertThat(s.messages.get(0).envelope).isEqualTo(new SmtpEnvelope("a@x", List.of("r@y"), false, ""));
                });
    }
}
