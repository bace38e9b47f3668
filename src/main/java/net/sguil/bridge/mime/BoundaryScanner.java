package net.sguil.bridge.mime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a multipart body into its parts by the RFC 2046 rules: a delimiter is a line
 * {@code --boundary} (optionally followed by {@code --} for the last one and by transport
 * padding), and the line break before it belongs to the delimiter, not to the part.
 */
final class BoundaryScanner {
    private static final int MAX_PADDING = 256;

    /**
     * @param ranges         {start, end} of each part's bytes (headers and body)
     * @param foundDelimiter false when the body holds no delimiter at all
     * @param closed         whether the close delimiter {@code --boundary--} was seen
     * @param limited        whether scanning stopped at the part budget
     */
    record Parts(List<long[]> ranges, boolean foundDelimiter, boolean closed, boolean limited) {
    }

    private BoundaryScanner() {
    }

    static Parts scan(Spool spool, long start, long end, String boundary, int maxParts) throws IOException {
        SpoolWindow w = new SpoolWindow(spool, start, end, SpoolWindow.SCAN_WINDOW);
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.UTF_8);
        List<long[]> ranges = new ArrayList<>();
        boolean found = false;
        boolean closed = false;
        boolean limited = false;
        long partStart = -1;
        long ls = start;
        int prevTerminator = 0;
        while (ls < w.end()) {
            if (w.byteAt(ls) == '-') {
                long[] hit = delimiterAt(w, ls, delimiter);
                if (hit != null) {
                    found = true;
                    if (partStart >= 0) {
                        ranges.add(new long[] {partStart, Math.max(partStart, ls - prevTerminator)});
                    }
                    if (hit[0] == 1) {
                        closed = true;
                        break;
                    }
                    if (ranges.size() >= maxParts) {
                        limited = true;
                        break;
                    }
                    partStart = hit[1];
                    prevTerminator = (int) hit[2];
                    ls = hit[1];
                    continue;
                }
            }
            long next = w.nextLineStartingWith((byte) '-', ls);
            if (next < 0) {
                break;
            }
            prevTerminator = next - 2 >= start && w.byteAt(next - 2) == '\r' ? 2 : 1;
            ls = next;
        }
        if (!closed && !limited && partStart >= 0) {
            ranges.add(new long[] {partStart, w.end()});
        }
        return new Parts(ranges, found, closed, limited);
    }

    /** {close?1:0, start of the next line, length of this line's terminator}, or null if no delimiter here. */
    private static long[] delimiterAt(SpoolWindow w, long ls, byte[] delimiter) throws IOException {
        for (int i = 0; i < delimiter.length; i++) {
            if (w.byteAt(ls + i) != (delimiter[i] & 0xFF)) {
                return null;
            }
        }
        long p = ls + delimiter.length;
        boolean close = w.byteAt(p) == '-' && w.byteAt(p + 1) == '-';
        if (close) {
            p += 2;
        }
        int c;
        for (int pad = 0; (c = w.byteAt(p)) == ' ' || c == '\t'; pad++) {
            if (pad > MAX_PADDING) {
                return null;
            }
            p++;
        }
        if (c == -1) {
            return new long[] {close ? 1 : 0, p, 0};
        }
        if (c == '\n') {
            return new long[] {close ? 1 : 0, p + 1, 1};
        }
        if (c == '\r' && w.byteAt(p + 1) == '\n') {
            return new long[] {close ? 1 : 0, p + 2, 2};
        }
        return null;
    }
}
