package net.sguil.bridge.mime;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.InternetHeaders;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HeaderBlockTest {
    /** Header blocks are made of these, folding, odd line ends and bad UTF-8 often. */
    private static final String[] PIECES = {"Subject: hi", "Content-Type: text/plain;", " charset=utf-8", "\tname=a",
        "X", ":", " ", "\t", "no colon", "\r\n", "\n", "\r", "\r\r\n", "\r\r", "caf\u00c3\u00a9", "\u00ff\u00fe", "  lead"};

    @Test
    void readsFieldsAsJakartaMailsInternetHeadersDoes() throws Exception {
        Random r = new Random(17);
        for (int round = 0; round < 1000; round++) {
            String text = RandomInput.pieces(r, PIECES, 25);
            byte[] block = text.getBytes(StandardCharsets.ISO_8859_1);
            Object expected;
            try {
                expected = lines(new InternetHeaders(new ByteArrayInputStream(block), true));
            } catch (RuntimeException e) {
                expected = e.getClass(); // a continuation line with no field before it: mime.bad_header
            }
            Object actual;
            try {
                actual = lines(HeaderBlock.parse(block, block.length));
            } catch (RuntimeException e) {
                actual = e.getClass();
            }
            assertThat(actual).as("round %d: %s", round, text.replace("\r", "\\r").replace("\n", "\\n"))
                    .isEqualTo(expected);
        }
    }

    private static List<String> lines(InternetHeaders h) {
        return Collections.list(h.getAllHeaderLines());
    }
}
