package net.sguil.bridge.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The streaming decoder against its rules applied byte by byte to the whole input ({@link
 * LenientBase64}) and, on clean input, against the JDK's MIME decoder: the same bytes, the same {@code damaged()} and
 * {@code exact()}, whatever the input, however it arrives and however it is read back; and no read
 * touches the caller's array outside the bytes it returns.
 */
class Base64DecodingStreamDifferentialTest {
    private static final int[] READ_SIZES = {1, 2, 3, 4, 7, 64 * 1024};
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    @Test
    void cleanMimeBase64DecodesAsTheJdkDoes() throws IOException {
        Random r = new Random(21);
        for (int round = 0; round < 120; round++) {
            byte[] data = new byte[r.nextInt(r.nextBoolean() ? 300 : 200_000)];
            r.nextBytes(data);
            int width = r.nextInt(3) > 0 ? 76 : 4 * (1 + r.nextInt(40));
            String eol = r.nextInt(3) > 0 ? "\r\n" : "\n";
            byte[] encoded = Base64.getMimeEncoder(width, eol.getBytes(StandardCharsets.US_ASCII)).encode(data);
            if (r.nextBoolean()) {
                encoded = concat(encoded, eol.getBytes(StandardCharsets.US_ASCII));
            }
            assertThat(Base64.getMimeDecoder().decode(encoded)).isEqualTo(data);
            for (int size : READ_SIZES) {
                Outcome now = decode(new Base64DecodingStream(arriving(encoded, r)), size, r);
                assertThat(now.bytes).as("round %d, reads of %d", round, size).isEqualTo(data);
                assertThat(now.damaged).isFalse();
                assertThat(now.exact).isTrue();
                assertSame(now, oracle(encoded), round, size);
            }
        }
    }

    @Test
    void hostileInputDecodesAsItsRulesSay() throws IOException {
        Random r = new Random(22);
        for (int round = 0; round < 1500; round++) {
            byte[] encoded = hostile(r);
            int size = READ_SIZES[r.nextInt(READ_SIZES.length)];
            Outcome now = decode(new Base64DecodingStream(arriving(encoded, r)), size, r);
            assertSame(now, oracle(encoded), round, size);
        }
    }

    @Test
    void everyReadSizeAndEveryCutOfOneMessageGiveTheSameResult() throws IOException {
        Random r = new Random(23);
        byte[] encoded = hostile(r);
        while (encoded.length < 2000 || encoded.length > 20_000) {
            encoded = hostile(r);
        }
        Outcome whole = oracle(encoded);
        for (int cut = 0; cut <= Math.min(encoded.length, 400); cut++) {
            for (int size : READ_SIZES) {
                Outcome now = decode(new Base64DecodingStream(RandomInput.cutAt(encoded, cut)), size, r);
                assertSame(now, whole, cut, size);
            }
        }
    }

    /**
     * A body as damaged mail has them: runs of clean lines of any width (odd ones too) ended by CRLF,
     * LF or a lone CR; padding in the middle and at the end; spaces, tabs, stray characters and
     * arbitrary bytes; and now and then no base64 at all.
     */
    private static byte[] hostile(Random r) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        if (r.nextInt(20) == 0) {
            byte[] noise = new byte[r.nextInt(5000)];
            r.nextBytes(noise);
            return noise;
        }
        for (int pieces = 1 + r.nextInt(12); pieces > 0; pieces--) {
            switch (r.nextInt(10)) {
                case 0 -> b.writeBytes(ascii("=".repeat(1 + r.nextInt(3))));
                case 1 -> b.writeBytes(ascii(" \t".substring(r.nextInt(2))));
                case 2 -> b.write(r.nextInt(256));
                case 3 -> b.writeBytes(ascii("\r"));
                case 4 -> b.writeBytes(ascii(ALPHABET.substring(0, r.nextInt(4)))); // breaks the quanta
                default -> b.writeBytes(lines(r));
            }
        }
        return b.toByteArray();
    }

    private static byte[] lines(Random r) {
        byte[] data = new byte[r.nextInt(r.nextBoolean() ? 100 : 20_000)];
        r.nextBytes(data);
        String flat = Base64.getEncoder().encodeToString(data);
        if (r.nextBoolean()) {
            flat = flat.replace("=", "");
        }
        int width = r.nextInt(3) > 0 ? 76 : 1 + r.nextInt(90);
        String eol = new String[] {"\r\n", "\n", "\r", "\n\r", "\r\n\r\n"}[r.nextInt(3) > 0 ? 0 : r.nextInt(5)];
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < flat.length(); i += width) {
            s.append(flat, i, Math.min(flat.length(), i + width)).append(eol);
        }
        return ascii(s.toString());
    }

    /** The input in chunks of 1 to 7 bytes, of up to 700, or whole, at random. */
    private static InputStream arriving(byte[] encoded, Random r) {
        return switch (r.nextInt(3)) {
            case 0 -> RandomInput.trickle(encoded, r, 7, 700);
            case 1 -> RandomInput.cutAt(encoded, r.nextInt(encoded.length + 1));
            default -> new ByteArrayInputStream(encoded);
        };
    }

    /** Everything {@code in} gives in reads of {@code size} bytes, each checked as {@link RandomInput#drain} does. */
    private static Outcome decode(DecodingStream in, int size, Random r) throws IOException {
        byte[] bytes = RandomInput.drain(in, () -> size, r);
        return new Outcome(bytes, in.damaged(), in.exact());
    }

    private static Outcome oracle(byte[] encoded) {
        LenientBase64.Decoded d = LenientBase64.decode(encoded);
        return new Outcome(d.bytes(), d.damaged(), d.exact());
    }

    private static void assertSame(Outcome now, Outcome before, int round, int size) {
        assertThat(now.bytes).as("round %d, reads of %d", round, size).isEqualTo(before.bytes);
        assertThat(now.damaged).as("damaged, round %d", round).isEqualTo(before.damaged);
        assertThat(now.exact).as("exact, round %d", round).isEqualTo(before.exact);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private record Outcome(byte[] bytes, boolean damaged, boolean exact) {
    }
}
