package net.sguil.bridge.mime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import net.sguil.bridge.bytes.ByteScan;

/** Reads lines (LF or CRLF) of at most a fixed length; the rest of a longer line is dropped and flagged. */
final class LineReader {
    private final InputStream in;
    private final byte[] buf = new byte[64 * 1024];
    private int pos;
    private int len;
    private boolean eof;
    private final byte[] line;
    private int lineLen;
    private long cuts;
    private boolean cutThisLine;

    LineReader(InputStream in, int maxLineLength) {
        this.in = in;
        this.line = new byte[maxLineLength];
    }

    /** Reads the next line into {@link #line()}; returns its length without the terminator, or -1 at the end. */
    int next() throws IOException {
        lineLen = 0;
        cutThisLine = false;
        boolean any = false;
        while (true) {
            if (pos == len) {
                if (eof) {
                    break;
                }
                int n = in.read(buf, 0, buf.length);
                if (n < 0) {
                    eof = true;
                    break;
                }
                pos = 0;
                len = n;
                continue;
            }
            any = true;
            int nl = ByteScan.indexOf(buf, pos, len, (byte) '\n');
            int i = nl < 0 ? len : nl;
            append(pos, i - pos);
            if (nl >= 0) {
                pos = nl + 1;
                return finishLine();
            }
            pos = len;
        }
        return any ? finishLine() : -1;
    }

    byte[] line() {
        return line;
    }

    String lineText() {
        return new String(line, 0, lineLen, StandardCharsets.UTF_8);
    }

    /** How many lines so far were longer than the bound. */
    long cuts() {
        return cuts;
    }

    private void append(int from, int n) {
        int c = Math.min(n, line.length - lineLen);
        System.arraycopy(buf, from, line, lineLen, c);
        lineLen += c;
        if (c < n && !cutThisLine) {
            cuts++;
            cutThisLine = true;
        }
    }

    private int finishLine() {
        if (lineLen > 0 && line[lineLen - 1] == '\r') {
            lineLen--;
        }
        return lineLen;
    }
}
