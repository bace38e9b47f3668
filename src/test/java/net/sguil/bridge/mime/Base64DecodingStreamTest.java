package net.sguil.bridge.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Base64DecodingStreamTest {

    @Test
    void decodesLikeTheJdkForAnyLengthLineWidthAndReadSize() throws IOException {
        Random r = new Random(7);
        for (int round = 0; round < 300; round++) {
            byte[] data = new byte[r.nextInt(5000)];
            r.nextBytes(data);
            int width = 4 * (1 + r.nextInt(30));
            String eol = r.nextBoolean() ? "\r\n" : "\n";
            String encoded = Base64.getMimeEncoder(width, eol.getBytes(StandardCharsets.US_ASCII)).encodeToString(data);
            if (r.nextBoolean()) {
                encoded = encoded.replace("=", ""); // missing padding is accepted
            }
            Base64DecodingStream in = new Base64DecodingStream(new ByteArrayInputStream(
                    (encoded + eol).getBytes(StandardCharsets.US_ASCII)));
            assertThat(RandomInput.drain(in, 1 + r.nextInt(100_000), r)).isEqualTo(data);
            assertThat(in.damaged()).isFalse();
        }
    }

    @Test
    void keepsDecodingAfterDamage() throws IOException {
        assertDecodes("QUJD!!REVG", "ABCDEF", true);       // garbage characters are skipped
        assertDecodes("QUJDRA==QUJD", "ABCDABC", true);   // concatenated base64: the JDK stops at the padding
        assertDecodes("QUJDR", "ABC", true);              // dangling character dropped
        assertDecodes("QUJDRA", "ABCD", false);           // missing padding is fine
        assertDecodes("", "", false);
    }

    @Test
    void aStrayCharacterIsToleratedButTextIsNotBase64() throws IOException {
        byte[] data = new byte[3000];
        new Random(5).nextBytes(data);
        String encoded = Base64.getMimeEncoder().encodeToString(data);
        String stray = encoded.substring(0, 2000) + "." + encoded.substring(2000);
        Base64DecodingStream in = new Base64DecodingStream(new ByteArrayInputStream(
                stray.getBytes(StandardCharsets.US_ASCII)));
        assertThat(in.readAllBytes()).isEqualTo(data);
        assertThat(in.damaged()).as("one stray character in 4000").isFalse();
        assertThat(in.exact()).isFalse();

        Base64DecodingStream text = new Base64DecodingStream(new ByteArrayInputStream(
                "From: alice@example.org\r\nSubject: hello, Bob.\r\n\r\nSee the attachment.\r\n"
                        .getBytes(StandardCharsets.US_ASCII)));
        text.readAllBytes();
        assertThat(text.damaged()).as("plain text declared base64").isTrue();
    }

    @Test
    void cleanAndDamagedRunsDecodeTheSameHoweverTheInputArrives() throws IOException {
        Random r = new Random(11);
        for (int round = 0; round < 400; round++) {
            byte[] encoded = mixedBody(r);
            LenientBase64.Decoded whole = LenientBase64.decode(encoded);
            Base64DecodingStream in = new Base64DecodingStream(RandomInput.trickle(encoded, r, 7, 700));
            assertThat(RandomInput.drain(in, 1 + r.nextInt(5000), r)).as("round %d", round).isEqualTo(whole.bytes());
            assertThat(in.damaged()).as("round %d", round).isEqualTo(whole.damaged());
        }
    }

    @Test
    void concatenatedDataAfterPaddingIsDamageWhereverTheReadsAreCut() throws IOException {
        byte[] encoded = "QUJDRA==\r\nQUJD".getBytes(StandardCharsets.US_ASCII);
        for (int cut = 0; cut <= encoded.length; cut++) {
            Base64DecodingStream in = new Base64DecodingStream(RandomInput.cutAt(encoded, cut));
            assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("ABCDABC");
            assertThat(in.damaged()).as("cut at %d", cut).isTrue();
        }
    }

    /**
     * Lines of clean base64 (76 or other widths, CRLF or LF) with, now and then, damage mid-stream:
     * stray characters, padding in the middle, a line whose length breaks the quanta, spaces.
     */
    private static byte[] mixedBody(Random r) {
        StringBuilder b = new StringBuilder();
        int pieces = 1 + r.nextInt(8);
        for (int i = 0; i < pieces; i++) {
            byte[] data = new byte[r.nextInt(3000)];
            r.nextBytes(data);
            int width = r.nextInt(4) == 0 ? 4 * (1 + r.nextInt(25)) : 76;
            String eol = r.nextInt(5) == 0 ? "\n" : "\r\n";
            b.append(Base64.getMimeEncoder(width, eol.getBytes(StandardCharsets.US_ASCII)).encodeToString(data));
            switch (r.nextInt(8)) {
                case 0 -> b.append("!*");
                case 1 -> b.append(eol).append("QQ");
                case 2 -> b.append(" \t");
                case 3 -> b.insert(r.nextInt(b.length() + 1), '~');
                default -> { }
            }
            b.append(eol);
        }
        return b.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static void assertDecodes(String encoded, String expected, boolean damaged) throws IOException {
        Base64DecodingStream in = new Base64DecodingStream(new ByteArrayInputStream(
                encoded.getBytes(StandardCharsets.US_ASCII)));
        assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo(expected);
        assertThat(in.damaged()).as(encoded).isEqualTo(damaged);
    }
}
