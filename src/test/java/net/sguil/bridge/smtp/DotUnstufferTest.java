package net.sguil.bridge.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DotUnstufferTest {
    /** Bytes a message body, a stuffed dot, a lone dot or a line end are made of, dots and line ends often. */
    private static final byte[] ALPHABET = "ab.\r\n".getBytes(StandardCharsets.US_ASCII);

    @Test
    void anySplitGivesWhatTheWholeInputGives() {
        Random r = new Random(13);
        for (int round = 0; round < 3000; round++) {
            byte[] input = randomData(r, r.nextInt(200));
            Result whole = reference(input);
            Result split = feedSplit(new DotUnstuffer(), input, r);
            assertThat(split.text()).as("round %d: %s", round, printable(input)).isEqualTo(whole.text());
            assertThat(split.consumed).as("round %d: %s", round, printable(input)).isEqualTo(whole.consumed);
        }
    }

    @Test
    void theEndOfDataIsFoundWhereverTheSegmentsAreCut() {
        byte[] input = "line\r\n..stuffed\r\n.\r\nQUIT\r\n".getBytes(StandardCharsets.US_ASCII);
        for (int cut1 = 0; cut1 <= input.length; cut1++) {
            for (int cut2 = cut1; cut2 <= input.length; cut2++) {
                Result r = feed(new DotUnstuffer(), input, cut1, cut2);
                assertThat(r.text()).as("cuts %d %d", cut1, cut2).isEqualTo("line\r\n.stuffed\r\n");
                assertThat(r.consumed).as("cuts %d %d", cut1, cut2).isEqualTo(input.length - "QUIT\r\n".length());
            }
        }
    }

    @Test
    void aDotAndCrThatEndNothingStayContentAcrossSegments() {
        byte[] input = "x\r\n.\rstill text\r\n.\r\n".getBytes(StandardCharsets.US_ASCII);
        for (int cut = 0; cut <= input.length; cut++) {
            Result r = feed(new DotUnstuffer(), input, cut, cut);
            assertThat(r.text()).as("cut %d", cut).isEqualTo("x\r\n\rstill text\r\n");
        }
    }

    @Test
    void base64SizedSegmentsPassInBulk() {
        byte[] line = "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0\r\n"
                .getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int i = 0; i < 200; i++) {
            body.writeBytes(line);
        }
        byte[] content = body.toByteArray();
        CountingBody out = new CountingBody();
        DotUnstuffer u = new DotUnstuffer();
        for (int off = 0; off < content.length; off += 1460) {
            assertThat(u.feed(content, off, Math.min(1460, content.length - off), out)).isEqualTo(-1);
        }
        assertThat(out.bytes.toByteArray()).isEqualTo(content);
        assertThat(out.writes).isEqualTo((content.length + 1459) / 1460);
    }

    @Test
    void afterAGapOnlyALineEndThenADotEndsTheData() {
        DotUnstuffer u = new DotUnstuffer();
        CountingBody out = new CountingBody();
        u.afterGap();
        byte[] a = ".\r\nmore\r\n.\r\n".getBytes(StandardCharsets.US_ASCII);
        assertThat(u.feed(a, 0, a.length, out)).isEqualTo(a.length);
        assertThat(out.bytes.toString(StandardCharsets.US_ASCII)).isEqualTo(".\r\nmore\r\n");
    }

    private static byte[] randomData(Random r, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = ALPHABET[r.nextInt(ALPHABET.length)];
        }
        return b;
    }

    private record Result(byte[] out, int consumed) {
        String text() {
            return new String(out, StandardCharsets.US_ASCII);
        }
    }

    /** The rule of RFC 5321 4.5.2 over the whole input at once, byte by byte. */
    private static Result reference(byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean lineStart = true;
        for (int i = 0; i < b.length; i++) {
            if (lineStart && b[i] == '.') {
                if (i + 1 < b.length && b[i + 1] == '\n') {
                    return new Result(out.toByteArray(), i + 2);
                }
                if (i + 2 < b.length && b[i + 1] == '\r' && b[i + 2] == '\n') {
                    return new Result(out.toByteArray(), i + 3);
                }
                if (i + 1 == b.length || i + 2 == b.length && b[i + 1] == '\r') {
                    break; // "." or ".\r" at the very end: undecided, nothing of it is content yet
                }
                lineStart = false; // the dot is dropped
                continue;
            }
            out.write(b[i]);
            lineStart = b[i] == '\n';
        }
        return new Result(out.toByteArray(), -1);
    }

    private static Result feedSplit(DotUnstuffer u, byte[] input, Random r) {
        CountingBody out = new CountingBody();
        int off = 0;
        while (off < input.length) {
            int n = Math.min(input.length - off, r.nextInt(4) == 0 ? 1 + r.nextInt(3) : 1 + r.nextInt(40));
            int used = u.feed(input, off, n, out);
            if (used >= 0) {
                return new Result(out.bytes.toByteArray(), off + used);
            }
            off += n;
        }
        return new Result(out.bytes.toByteArray(), -1);
    }

    private static Result feed(DotUnstuffer u, byte[] input, int cut1, int cut2) {
        CountingBody out = new CountingBody();
        int[] bounds = {0, cut1, cut2, input.length};
        for (int k = 0; k < 3; k++) {
            int used = u.feed(input, bounds[k], bounds[k + 1] - bounds[k], out);
            if (used >= 0) {
                return new Result(out.bytes.toByteArray(), bounds[k] + used);
            }
        }
        return new Result(out.bytes.toByteArray(), -1);
    }

    private static String printable(byte[] b) {
        return new String(b, StandardCharsets.US_ASCII).replace("\r", "\\r").replace("\n", "\\n");
    }

    private static final class CountingBody implements MessageBody {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int writes;

        @Override
        public void write(byte[] buffer, int offset, int length) {
            bytes.write(buffer, offset, length);
            writes++;
        }

        @Override
        public void gap(long length) {
        }

        @Override
        public void end(MessageOutcome outcome, SmtpEnvelope envelope) {
        }
    }
}
