package net.sguil.bridge.mime;

import java.io.IOException;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes the uuencoded lines following a {@code begin NNN name} line, up to the {@code end} line.
 * Lenient: short lines are padded with zero bits (stripped trailing spaces), characters outside the
 * uuencode range are taken modulo 64 and mark the stream damaged, as does a missing {@code end}.
 */
final class UuDecodingStream extends DecodingStream {
    private static final Pattern BEGIN = Pattern.compile("^begin[ \\t]+[0-7]{3,4}[ \\t]+(.*?)[ \\t]*$");

    private final LineReader lines;
    private final byte[] decoded = new byte[64];
    private int decodedPos;
    private int decodedLen;
    private boolean done;
    private boolean damaged;

    UuDecodingStream(LineReader lines) {
        this.lines = lines;
    }

    /** The file name of a {@code begin} line ("" when it names none), or null when {@code line} is not one. */
    static String beginName(LineReader lines, int lineLength) {
        if (lineLength < 6 || lines.line()[0] != 'b' || lines.line()[5] != ' ' && lines.line()[5] != '\t') {
            return null;
        }
        Matcher m = BEGIN.matcher(lines.lineText());
        return m.matches() ? m.group(1) : null;
    }

    @Override
    boolean damaged() {
        return damaged;
    }

    @Override
    public int read() throws IOException {
        if (decodedPos == decodedLen && !nextLine()) {
            return -1;
        }
        return decoded[decodedPos++] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        int start = off;
        while (off < start + len) {
            if (decodedPos == decodedLen && !nextLine()) {
                break;
            }
            int n = Math.min(start + len - off, decodedLen - decodedPos);
            System.arraycopy(decoded, decodedPos, b, off, n);
            decodedPos += n;
            off += n;
        }
        return off == start ? -1 : off - start;
    }

    /** Consumes the rest of the block, so a caller that stopped early can go on after {@code end}. */
    void drain() throws IOException {
        while (nextLine()) {
            decodedPos = decodedLen;
        }
    }

    private boolean nextLine() throws IOException {
        while (!done) {
            int n = lines.next();
            if (n < 0) {
                damaged = true;
                done = true;
                break;
            }
            byte[] line = lines.line();
            if (isEnd(line, n)) {
                done = true;
                break;
            }
            if (n == 0) {
                continue;
            }
            int count = (line[0] - 0x20) & 0x3F;
            if (count == 0) {
                continue;
            }
            decodeLine(line, n, count);
            return true;
        }
        return false;
    }

    private void decodeLine(byte[] line, int n, int count) {
        int out = 0;
        for (int i = 1; out < count; i += 4) {
            int v = sextet(line, n, i) << 18 | sextet(line, n, i + 1) << 12 | sextet(line, n, i + 2) << 6
                    | sextet(line, n, i + 3);
            for (int shift = 16; shift >= 0 && out < count; shift -= 8) {
                decoded[out++] = (byte) (v >> shift);
            }
        }
        decodedPos = 0;
        decodedLen = out;
    }

    private int sextet(byte[] line, int n, int i) {
        if (i >= n) {
            return 0; // trailing spaces (value 0) stripped in transit: zero is the faithful value
        }
        int c = line[i] & 0xFF;
        if (c < 0x20 || c > 0x60) {
            damaged = true;
        }
        return (c - 0x20) & 0x3F;
    }

    private static boolean isEnd(byte[] line, int n) {
        int e = n;
        while (e > 0 && (line[e - 1] == ' ' || line[e - 1] == '\t')) {
            e--;
        }
        return e == 3 && line[0] == 'e' && line[1] == 'n' && line[2] == 'd';
    }
}
