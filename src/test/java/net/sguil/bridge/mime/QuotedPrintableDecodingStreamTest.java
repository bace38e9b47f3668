package net.sguil.bridge.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
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
            StringBuilder b = new StringBuilder(RandomInput.pieces(r, PIECES, 60));
            // Jakarta returns bytes that were never sent for an escape cut off at the very end
            // (a pushed-back -1): compare on bodies that end in a complete line.
            b.append("x\r\n");
            byte[] encoded = b.toString().getBytes(StandardCharsets.ISO_8859_1);
            byte[] expected = new QPDecoderStream(new ByteArrayInputStream(encoded)).readAllBytes();
            QuotedPrintableDecodingStream in = new QuotedPrintableDecodingStream(RandomInput.trickle(encoded, r, 5, 5));
            assertThat(RandomInput.drain(in, 64, r)).as("round %d: %s", round, b).isEqualTo(expected);
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
        for (int seed = 0; seed < 20; seed++) {
            byte[] out = new QuotedPrintableDecodingStream(RandomInput.trickle(in, new Random(seed), 5, 5)).readAllBytes();
            assertThat(new String(out, StandardCharsets.ISO_8859_1)).as(encoded).isEqualTo(decoded);
        }
    }
}
