package net.sguil.bridge.mime;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class QuotedPrintableDecodingStreamTest {

    @Test
    void decodesValidInputAsJakartaDoesWhateverTheReadsAndTheInputSplits() throws Exception {
        Random r = new Random(11);
        for (int round = 0; round < 200; round++) {
            byte[] data = new byte[r.nextInt(3000)];
            for (int i = 0; i < data.length; i++) {
                data[i] = (byte) (r.nextInt(4) == 0 ? r.nextInt(256) : " \t=abc\r\n".charAt(r.nextInt(8)));
            }
            ByteArrayOutputStream encoded = new ByteArrayOutputStream();
            try (OutputStream qp = MimeUtility.encode(encoded, "quoted-printable")) {
                qp.write(data);
            }
            // Jakarta's encoder writes line breaks as CRLF, so its own decoder is the reference
            byte[] expected = MimeUtility.decode(new ByteArrayInputStream(encoded.toByteArray()), "quoted-printable")
                    .readAllBytes();
            QuotedPrintableDecodingStream in = new QuotedPrintableDecodingStream(
                    new Trickle(new ByteArrayInputStream(encoded.toByteArray()), r));
            assertThat(readAll(in, r)).isEqualTo(expected);
            assertThat(in.damaged()).isFalse();
        }
    }

    @Test
    void lenientWhereSendersAreSloppy() throws IOException {
        assertDecodes("caf=C3=A9 =3D soft=\r\nbreak", "café = softbreak", false);
        assertDecodes("caf=c3=a9", "café", false);                       // lower-case hex
        assertDecodes("padded   \r\nline\t\n", "padded\r\nline\n", false); // trailing whitespace is transport padding
        assertDecodes("soft= \t\r\nbreak", "softbreak", false);          // whitespace after the '='
        assertDecodes("ends with a soft break=", "ends with a soft break", false);
        assertDecodes("bare=\rCR", "bareCR", false);
    }

    @Test
    void aBadEscapeIsKeptAsSentAndTheRestStillDecoded() throws IOException {
        assertDecodes("=ZZ then =41", "=ZZ then A", true);
        assertDecodes("100=%", "100=%", true);
        assertDecodes("=4", "=4", true);
        assertDecodes("a = b", "a = b", true);
    }

    private static void assertDecodes(String encoded, String expected, boolean damaged) throws IOException {
        QuotedPrintableDecodingStream in = new QuotedPrintableDecodingStream(new ByteArrayInputStream(
                encoded.getBytes(StandardCharsets.ISO_8859_1)));
        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).as(encoded).isEqualTo(expected);
        assertThat(in.damaged()).as(encoded).isEqualTo(damaged);
    }

    private static byte[] readAll(InputStream in, Random r) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[1 + r.nextInt(5000)];
        for (int n; ; ) {
            if (r.nextInt(8) == 0) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                out.write(b);
                continue;
            }
            if ((n = in.read(buf, 0, 1 + r.nextInt(buf.length))) < 0) {
                break;
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    /** Hands the input on in pieces of random size, so escapes straddle reads. */
    private static final class Trickle extends FilterInputStream {
        private final Random r;

        Trickle(InputStream in, Random r) {
            super(in);
            this.r = r;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return super.read(b, off, Math.min(len, 1 + r.nextInt(3)));
        }
    }
}
