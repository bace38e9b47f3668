package net.sguil.bridge.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BoundaryScannerTest {
    @Test
    void findsTheDelimitersWhereverTheScanWindowEnds() throws IOException {
        Random r = new Random(3);
        for (int shift = -4; shift <= 4; shift++) {
            // the second delimiter line starts right around the end of the first scan window
            int first = SpoolWindow.SCAN_WINDOW + shift;
            ByteArrayOutputStream m = new ByteArrayOutputStream();
            write(m, "--b\r\nContent-Type: text/plain\r\n\r\n");
            filler(m, r, first - 2 - m.size());
            int end1 = m.size();
            write(m, "\r\n--b\r\n");
            int part2 = m.size();
            filler(m, r, 3 * SpoolWindow.SCAN_WINDOW + r.nextInt(1000));
            int end2 = m.size();
            write(m, "\n--b--\r\n");
            byte[] bytes = m.toByteArray();
            assertThat(new String(bytes, end1 + 2, 3, StandardCharsets.US_ASCII)).isEqualTo("--b");

            BoundaryScanner.Parts parts = BoundaryScanner.scan(Spool.of(bytes, bytes.length), 0, bytes.length, "b", 10);

            assertThat(parts.closed()).isTrue();
            assertThat(parts.ranges()).hasSize(2);
            assertThat(parts.ranges().get(0)).as("shift %d", shift).containsExactly("--b\r\n".length(), end1);
            assertThat(parts.ranges().get(1)).as("shift %d", shift).containsExactly(part2, end2);
        }
    }

    /** Lines full of dashes and near-delimiters, none of them starting a line with "--b". */
    private static void filler(ByteArrayOutputStream m, Random r, int n) {
        String[] lines = {"a-b-c--d\r\n", "-- not it\r\n", "x--b\r\n", "QUJDREVGR0hJSktMTU5PUFFSU1RVVldY\r\n", "-\n"};
        StringBuilder b = new StringBuilder();
        while (b.length() < n) {
            b.append(lines[r.nextInt(lines.length)]);
        }
        b.setLength(n);
        if (n > 0) {
            b.setCharAt(n - 1, 'z'); // the line break before the delimiter is the delimiter's
        }
        write(m, b.toString());
    }

    private static void write(ByteArrayOutputStream m, String s) {
        m.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
    }
}
