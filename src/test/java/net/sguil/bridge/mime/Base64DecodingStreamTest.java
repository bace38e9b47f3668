package net.sguil.bridge.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
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
            assertThat(readAll(in, 1 + r.nextInt(100_000), r)).isEqualTo(data);
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

    private static void assertDecodes(String encoded, String expected, boolean damaged) throws IOException {
        Base64DecodingStream in = new Base64DecodingStream(new ByteArrayInputStream(
                encoded.getBytes(StandardCharsets.US_ASCII)));
        assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo(expected);
        assertThat(in.damaged()).as(encoded).isEqualTo(damaged);
    }

    private static byte[] readAll(InputStream in, int maxChunk, Random r) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[maxChunk];
        while (true) {
            if (r.nextInt(10) == 0) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                out.write(b);
                continue;
            }
            int n = in.read(buf, 0, 1 + r.nextInt(maxChunk));
            if (n < 0) {
                break;
            }
            assertThat(n).isPositive();
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }
}
