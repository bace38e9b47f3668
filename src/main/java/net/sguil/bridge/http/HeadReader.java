package net.sguil.bridge.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import net.sguil.bridge.bytes.ByteScan;
import net.sguil.bridge.weird.Weirds;

/**
 * Reads one message head (blank lines, start line, header fields, the empty line) from bytes
 * arriving in pieces of any size. Bounded by {@link HttpLimits}, but never blinded by them: a
 * start line longer than the line limit is read from its first bytes (method and the start of the
 * target are there), a longer header line is skipped, and past the head limit only the framing
 * fields are kept while the end of the head is looked for; the first limit reached is the head's
 * {@link #cut()}. A header that would frame the body but was skipped leaves the framing unknown
 * ({@link #framingLost()}). In resync mode, lines before a valid start line are skipped instead of
 * failing the head: used after a gap, to find the next message.
 *
 * @param <T> the parsed start line
 */
final class HeadReader<T> {
    enum State { START, FIELDS, DONE, FAILED }

    private static final int PREFIX = 8;

    private final HttpLimits limits;
    private final Weirds weirds;
    private final Function<String, T> startLineParser;
    private final HttpWeird invalidStartLine;
    private final LineBuffer line;
    private final byte[] prefix = new byte[PREFIX];
    private final List<Map.Entry<String, String>> fields = new ArrayList<>();
    private int prefixLength;
    private State state = State.START;
    private boolean resync;
    private boolean skippingLongLine;
    /** The line being read is longer than the limit: its first bytes are kept, the rest skipped. */
    private boolean cutLine;
    private boolean startLineCut;
    private boolean overLimit;
    private boolean framingLost;
    private HttpWeird cut;
    private HttpWeird failure;
    private long headBytes;
    private T startLine;

    /**
     * @param startLineParser the parsed start line, or null when the line is not one
     * @param invalidStartLine weird counted when the first line is not a start line
     */
    HeadReader(HttpLimits limits, Weirds weirds, Function<String, T> startLineParser, HttpWeird invalidStartLine) {
        this.limits = limits;
        this.weirds = weirds;
        this.startLineParser = startLineParser;
        this.invalidStartLine = invalidStartLine;
        this.line = new LineBuffer(limits.maxLineLength());
    }

    void reset(boolean resyncMode) {
        resync = resyncMode;
        state = State.START;
        skippingLongLine = false;
        cutLine = false;
        startLineCut = false;
        overLimit = false;
        framingLost = false;
        cut = null;
        line.clear();
        fields.clear();
        startLine = null;
        restart();
    }

    private void restart() {
        headBytes = 0;
        prefixLength = 0;
    }

    State state() {
        return state;
    }

    /** True once a byte of this head (after any skipped resync lines) has been read. */
    boolean started() {
        return headBytes > 0;
    }

    T startLine() {
        return startLine;
    }

    List<Map.Entry<String, String>> fields() {
        return fields;
    }

    /** The first limit that made this head lose something ({@code http.line_too_long}, …); null when none. */
    HttpWeird cut() {
        return cut;
    }

    /** The start line was longer than the line limit: it was read from its first bytes. */
    boolean startLineCut() {
        return startLineCut;
    }

    /** A Content-Length or Transfer-Encoding field was lost to a limit: where the body ends is not known. */
    boolean framingLost() {
        return framingLost;
    }

    /** Heap held for the head being read: the line buffer, and about twice its bytes as field strings. */
    long heldBytes() {
        return 96 + line.heldBytes() + 2 * headBytes + 48L * fields.size();
    }

    /** The first bytes of the head as sent (blank lines before the start line included), ISO-8859-1. */
    String prefix() {
        return new String(prefix, 0, prefixLength, StandardCharsets.ISO_8859_1);
    }

    /** @return bytes consumed: all of them unless the head ended (or failed) inside the buffer */
    int feed(byte[] b, int off, int len) {
        int i = off;
        int end = off + len;
        while (i < end && (state == State.START || state == State.FIELDS)) {
            int nl = ByteScan.indexOf(b, i, end, (byte) '\n');
            int stop = nl < 0 ? end : nl;
            int consumed = (nl < 0 ? end : nl + 1) - i;
            keepPrefix(b, i, consumed);
            headBytes += consumed;
            if (!skippingLongLine && !cutLine && !line.append(b, i, stop - i)) {
                if (resync && state == State.START) {
                    skippingLongLine = true;
                    line.clear();
                } else {
                    weirds.count(HttpWeird.HTTP_LINE_TOO_LONG);
                    markCut(HttpWeird.HTTP_LINE_TOO_LONG);
                    line.appendWhatFits(b, i, stop - i);
                    cutLine = true;
                }
            }
            i += consumed;
            if (headBytes > limits.maxHeadBytes() && !(resync && state == State.START) && !overLimit) {
                if (state == State.START) {
                    // Only blank lines or one endless start line: nothing that is a request or response yet.
                    fail(HttpWeird.HTTP_HEAD_TOO_LARGE);
                    return i - off;
                }
                weirds.count(HttpWeird.HTTP_HEAD_TOO_LARGE);
                markCut(HttpWeird.HTTP_HEAD_TOO_LARGE);
                overLimit = true;
            }
            if (nl >= 0) {
                if (skippingLongLine) {
                    skippingLongLine = false;
                    restart();
                } else {
                    boolean wasCut = cutLine;
                    cutLine = false;
                    lineDone(wasCut);
                }
            }
        }
        return i - off;
    }

    private void keepPrefix(byte[] b, int off, int len) {
        int n = Math.min(len, PREFIX - prefixLength);
        if (n > 0) {
            System.arraycopy(b, off, prefix, prefixLength, n);
            prefixLength += n;
        }
    }

    /** @param wasCut the line was longer than the limit and {@link #line} holds its first bytes */
    private void lineDone(boolean wasCut) {
        boolean blank = line.blank() && !wasCut;
        String text = blank ? "" : line.text();
        line.clear();
        if (state == State.FIELDS) {
            if (blank) {
                state = State.DONE;
            } else if (wasCut) {
                // Skipped: a cut value would mislead. Framing lost with it makes the body unknown.
                int colon = text.indexOf(':');
                framingLost |= colon > 0 && isFraming(text.substring(0, colon));
            } else {
                field(text);
            }
            return;
        }
        if (blank) {
            // Blank lines before a start line are tolerated (RFC 9112 2.2) but stay in the prefix.
            if (resync) {
                restart();
            }
            return;
        }
        T parsed = startLineParser.apply(text);
        if (parsed != null) {
            startLine = parsed;
            startLineCut = wasCut;
            state = State.FIELDS;
        } else if (resync) {
            restart();
        } else {
            fail(invalidStartLine);
        }
    }

    private void field(String text) {
        char first = text.charAt(0);
        if (first == ' ' || first == '\t') {
            if (fields.isEmpty()) {
                weirds.count(HttpWeird.HTTP_HEADER_INVALID);
                return;
            }
            weirds.count(HttpWeird.HTTP_OBS_FOLD);
            Map.Entry<String, String> last = fields.remove(fields.size() - 1);
            fields.add(Map.entry(last.getKey(), last.getValue() + " " + trimOws(text)));
            return;
        }
        int colon = text.indexOf(':');
        String name = colon > 0 ? text.substring(0, colon) : "";
        if (name.isEmpty() || name.indexOf(' ') >= 0 || name.indexOf('\t') >= 0) {
            weirds.count(HttpWeird.HTTP_HEADER_INVALID);
            return;
        }
        boolean framing = isFraming(name);
        if (overLimit && !framing) {
            return;
        }
        if (fields.size() >= limits.maxHeaders() && !framing) {
            weirds.count(HttpWeird.HTTP_TOO_MANY_HEADERS);
            markCut(HttpWeird.HTTP_TOO_MANY_HEADERS);
            return;
        }
        if (fields.size() >= 2 * limits.maxHeaders()) {
            // Framing fields past every other limit: kept only so far, then the framing is not trusted.
            framingLost = true;
            return;
        }
        fields.add(Map.entry(name, trimOws(text.substring(colon + 1))));
    }

    static boolean isFraming(String name) {
        return name.equalsIgnoreCase("Content-Length") || name.equalsIgnoreCase("Transfer-Encoding");
    }

    private static String trimOws(String s) {
        int a = 0;
        int z = s.length();
        while (a < z && (s.charAt(a) == ' ' || s.charAt(a) == '\t')) {
            a++;
        }
        while (z > a && (s.charAt(z - 1) == ' ' || s.charAt(z - 1) == '\t')) {
            z--;
        }
        return s.substring(a, z);
    }

    private void markCut(HttpWeird limit) {
        if (cut == null) {
            cut = limit;
        }
    }

    /** Why the head failed: the weird counted; null unless {@link State#FAILED}. */
    HttpWeird failure() {
        return state == State.FAILED ? failure : null;
    }

    private void fail(HttpWeird weird) {
        weirds.count(weird);
        failure = weird;
        state = State.FAILED;
    }
}
