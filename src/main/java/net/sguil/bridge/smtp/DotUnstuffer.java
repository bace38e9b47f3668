package net.sguil.bridge.smtp;

import net.sguil.bridge.bytes.ByteScan;

/**
 * Streaming decoder of SMTP DATA content (RFC 5321 4.5.2): removes the leading dot of every line
 * that has one, and finds the end-of-data line ".". A state machine over arbitrary splits of the
 * input; bare LF line ends are accepted as well as CRLF, since broken senders use them and
 * servers take them.
 */
final class DotUnstuffer {
    private static final byte[] CR = {'\r'};

    private enum State { LINE_START, DOT, DOT_CR, MID_LINE }

    private State state = State.LINE_START;

    void reset() {
        state = State.LINE_START;
    }

    /** After a gap we no longer know where a line starts; only a full "\n.\r\n" ends the data. */
    void afterGap() {
        state = State.MID_LINE;
    }

    /**
     * Feeds content to {@code out}.
     *
     * @return bytes of the input used, up to and including the end-of-data line, or -1 when all
     *         of it was content and the end has not been seen yet
     */
    int feed(byte[] b, int off, int len, MessageBody out) {
        int end = off + len;
        int run = off;
        int i = off;
        while (i < end) {
            switch (state) {
                case MID_LINE -> {
                    int nl = ByteScan.indexOf(b, i, end, (byte) '\n');
                    if (nl < 0) {
                        i = end;
                    } else {
                        i = nl + 1;
                        state = State.LINE_START;
                    }
                }
                case LINE_START -> {
                    if (b[i] == '.') {
                        emit(b, run, i, out);
                        i++;
                        run = i;
                        state = State.DOT;
                    } else {
                        state = State.MID_LINE;
                    }
                }
                case DOT -> {
                    if (b[i] == '\n') {
                        return i + 1 - off;
                    }
                    if (b[i] == '\r') {
                        i++;
                        run = i;
                        state = State.DOT_CR;
                    } else {
                        state = State.MID_LINE;
                    }
                }
                case DOT_CR -> {
                    if (b[i] == '\n') {
                        return i + 1 - off;
                    }
                    // ".\rX": not the end; the dot is dropped, the CR is content.
                    out.write(CR, 0, 1);
                    state = State.MID_LINE;
                }
            }
        }
        emit(b, run, end, out);
        return -1;
    }

    private static void emit(byte[] b, int from, int to, MessageBody out) {
        if (to > from) {
            out.write(b, from, to - from);
        }
    }
}
