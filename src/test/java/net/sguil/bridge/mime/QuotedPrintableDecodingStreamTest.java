package net.sguil.bridge.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.eclipse.angus.mail.util.QPDecoderStream;
import org.junit.jupiter.api.Test;

class QuotedPrintableDecodingStreamTest {
    /** What quoted-printable bodies are made of, escapes and soft breaks often, and some mistakes. */
    private static final String[] PIECES = {"a", "b", " ", "  ", "\t", "=", "=3D", "=C3=A9", "=e9", "=\r\n", "=\n",
        "\r\n", "\n", "\r", "4", "F", "g", "=4", "=G1", "==41", " \r\n", "\u00e9"};

    @Test
    void decodesLikeJakartaMailHoweverTheInputArrives() throws Exception {
        Random r = new Random(5);
        for (int round = 0; round < 2000; round++) {
            StringBuilder b = new StringBuilder();
            for (int i = r.nextInt(60); i > 0; i--) {
                b.append(PIECES[r.nextInt(PIECES.length)]);
            }
            // Jakarta returns bytes that were never sent for an escape cut off at the very end
            // (a pushed-back -1): compare on bodies that end in a complete line.
            b.append("x\r\n");
            byte[] encoded = b.toString().getBytes(StandardCharsets.ISO_8859_1);
            byte[] expected = new QPDecoderStream(new ByteArrayInputStream(encoded)).readAllBytes();
            QuotedPrintableDecodingStream in = new QuotedPrintableDecodingStream(new Trickle(encoded, r));
            assertThat(readAll(in, r)).as("round %d: %s", round, b).isEqualTo(expected);
            assertThat(in.damaged()).isFalse();
        }
    }

    @Test
    void softBreaksEscapesAndTransportSpaces() throws Exception {
        assertDecodes("caf=C3=A9 =3D soft=\r\nbreak", "caf\u00c3\u00a9 = softbreak");
        assertDecodes("lower =e9=0a case", "lower \u00e9\n case");
        assertDecodes("trailing   \r\nspaces \t\r\nkept tab  ", "trailing\r\nspaces \t\r\nkept tab");
        assertDecodes("bare=\nLF soft break=\rand CR", "bareLF soft breakand CR");
        assertDecodes("not hex =G1 and =-1 stay", "not hex =G1 and =-1 stay");
        assertDecodes("cut at the end =4", "cut at the end =4");
        assertDecodes("cut at the end =", "cut at the end ");
    }

    @Test
    void aHugeRunOfSpacesIsCountedNotHeld() throws Exception {
        byte[] spaces = " ".repeat(200_000).getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[spaces.length * 2 + 2];
        System.arraycopy(spaces, 0, body, 0, spaces.length);
        body[spaces.length] = 'x';
        System.arraycopy(spaces, 0, body, spaces.length + 1, spaces.length);
        body[body.length - 1] = '\n';
        byte[] out = new QuotedPrintableDecodingStream(new ByteArrayInputStream(body)).readAllBytes();
        assertThat(out).hasSize(spaces.length + 2);
        assertThat(out[spaces.length]).isEqualTo((byte) 'x');
        assertThat(out[out.length - 1]).isEqualTo((byte) '\n');
    }

    private static void assertDecodes(String encoded, String decoded) throws Exception {
        byte[] in = encoded.getBytes(StandardCharsets.ISO_8859_1);
        for (int cut = 0; cut <= in.length; cut++) {
            byte[] out = new QuotedPrintableDecodingStream(new Trickle(in, new Random(cut))).readAllBytes();
            assertThat(new String(out, StandardCharsets.ISO_8859_1)).as(encoded).isEqualTo(decoded);
        }
    }

    private static byte[] readAll(InputStream in, Random r) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[64];
        while (true) {
            if (r.nextInt(8) == 0) {
                int c = in.read();
                if (c < 0) {
                    break;
                }
                out.write(c);
                continue;
            }
            int n = in.read(buf, 0, 1 + r.nextInt(buf.length));
            if (n < 0) {
                break;
            }
            assertThat(n).isPositive();
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    /** Hands out its bytes a few at a time, so escapes and soft breaks are cut between reads. */
    private static final class Trickle extends InputStream {
        private final byte[] b;
        private final Random r;
        private int pos;

        Trickle(byte[] b, Random r) {
            this.b = b;
            this.r = r;
        }

        @Override
        public int read() {
            return pos < b.length ? b[pos++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] dst, int off, int len) {
            if (pos == b.length) {
                return -1;
            }
            int n = Math.min(Math.min(len, b.length - pos), 1 + r.nextInt(5));
            System.arraycopy(b, pos, dst, off, n);
            pos += n;
            return n;
        }
    }
}
