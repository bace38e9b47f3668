package net.sguil.bridge.fuzz;

import static net.sguil.bridge.fuzz.Fuzzing.check;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.List;
import net.sguil.bridge.smtp.MessageBody;
import net.sguil.bridge.smtp.MessageOutcome;
import net.sguil.bridge.smtp.SmtpEnvelope;
import net.sguil.bridge.smtp.SmtpLimits;
import net.sguil.bridge.smtp.SmtpListener;
import net.sguil.bridge.smtp.SmtpSessionParser;
import net.sguil.bridge.smtp.SmtpSessionSummary;
import net.sguil.bridge.tcp.Direction;
import net.sguil.bridge.weird.Weirds;

/**
 * The SMTP session parser fed both directions of a connection as a {@link StreamScript}. Byte 0
 * chooses the limits (bit 0: tiny ones, so that the line, hold-back and pipelining bounds are reached).
 *
 * <p>Beyond "nothing escapes": messages are numbered 1, 2, …; no byte or gap reaches a message after
 * its end; every message begun has ended exactly once when the session ends, and the session ends
 * once; a message never holds more bytes than the client sent, nor more gap than the client lost.
 */
class SmtpParserFuzzTest {
    static final SmtpLimits TINY = new SmtpLimits(64, 256, 4);

    private static final class Message implements MessageBody {
        final int index;
        long bytes;
        long gapBytes;
        MessageOutcome outcome;

        Message(int index) {
            this.index = index;
        }

        @Override
        public void write(byte[] buffer, int offset, int length) {
            check(outcome == null, "write after end of message " + index);
            check(length >= 0 && offset >= 0 && offset + length <= buffer.length, "bad slice");
            bytes += length;
        }

        @Override
        public void gap(long length) {
            check(outcome == null, "gap after end of message " + index);
            check(length > 0, "empty gap");
            gapBytes += length;
        }

        @Override
        public void end(MessageOutcome o, SmtpEnvelope envelope) {
            check(outcome == null, "message " + index + " ended twice");
            check(o != null && envelope != null, "null outcome or envelope");
            outcome = o;
        }
    }

    @FuzzTest
    void parseSession(byte[] input) {
        if (input.length == 0) {
            return;
        }
        List<Message> messages = new ArrayList<>();
        SmtpSessionSummary[] summary = new SmtpSessionSummary[1];
        SmtpListener listener = new SmtpListener() {
            @Override
            public MessageBody beginMessage(int index) {
                check(summary[0] == null, "message begun after the session ended");
                check(index == messages.size() + 1, "message " + index + " after " + messages.size());
                Message m = new Message(index);
                messages.add(m);
                return m;
            }

            @Override
            public void sessionEnded(SmtpSessionSummary s) {
                check(summary[0] == null, "session ended twice");
                summary[0] = s;
            }
        };
        SmtpLimits limits = (input[0] & 1) != 0 ? TINY : SmtpLimits.defaults();
        SmtpSessionParser parser = new SmtpSessionParser(limits, listener, new Weirds());
        long[] clientData = new long[1];
        long[] clientGaps = new long[1];
        StreamScript.play(input, 1, new CountingHandler(parser, Direction.CLIENT_TO_SERVER, clientData, clientGaps),
                (d, offset) -> check(summary[0] == null, "session ended before the connection"));

        check(summary[0] != null, "session never ended");
        check(summary[0].messages() == messages.size(), "summary counts " + summary[0].messages() + " messages of "
                + messages.size());
        long bytes = 0;
        long gaps = 0;
        for (Message m : messages) {
            check(m.outcome != null, "message " + m.index + " never ended");
            bytes += m.bytes;
            gaps += m.gapBytes;
        }
        check(bytes <= clientData[0], "messages hold " + bytes + " bytes of " + clientData[0] + " sent");
        check(gaps <= clientGaps[0], "messages lost " + gaps + " bytes of " + clientGaps[0] + " missing");
    }
}
