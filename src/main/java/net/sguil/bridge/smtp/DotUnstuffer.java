package net.sguil.bridge.smtp;

import net.sguil.bridge.bytes.ByteScan;

/**
 * Streaming decoder of SMTP DATA content (RFC 5321 4.5.2): removes the leading dot of every line
 * that has one, and finds the end-of-data line ".". A state machine over arbitrary splits of the
 * input; bare LF line ends are accepted as well as CRLF, since broken senders use them and
 * servers take them.
 *
 * <p>Only a dot can start anything but content, so the scan looks for dots (a base64 body has
 * none) and asks the byte before each whether it starts a line; everything else is passed on in
 * bulk, a whole segment at a time.
 */
final class DotUnstuffer {
    private static final byte[] CR = {'\r'};

    private enum State { CONTENT, DOT, DOT_CR }

    private State state = State.CONTENT;
    /** The last byte seen ended a line (or none was seen yet): a dot now would start one. */
    private boolean afterLineEnd = true;

    void reset() {
        state = State.CONTENT;
        afterLineEnd = true;
    }

    /** After a gap we no longer know where a line starts; only a full "\n.\r\n" ends the data. */
    void afterGap() {
        state = State.CONTENT;
        afterLineEnd = false;
    }

    /**
     * Feeds content to {@code out}.
     *
     * @return bytes of the input used, up to and including the end-of-data line, or -1 when all
     *         of it was content and the end has not been seen yet
     */
    int feed(byte[] b, int off, int len, MessageBody out) {
        if (len == 0) {
            return -1;
        }
        int end = off + len;
        int run = off;
        int i = off;
        while (i < end) {
            switch (state) {
                case CONTENT -> {
                    int dot = ByteScan.indexOf(b, i, end, (byte) '.');
                    if (dot < 0) {
                        i = end;
                    } else {
                        i = dot + 1;
                        if (dot == off ? afterLineEnd : b[dot - 1] == '\n') {
                            emit(b, run, dot, out);
                            run = i;
                            state = State.DOT;
                        }
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
                        state = State.CONTENT;
                    }
                }
                case DOT_CR -> {
                    if (b[i] == '\n') {
                        return i + 1 - off;
                    }
                    // ".\rX": not the end; the dot is dropped, the CR is content.
                    out.write(CR, 0, 1);
                    state = State.CONTENT;
                }
            }
        }
        emit(b, run, end, out);
        afterLineEnd = b[end - 1] == '\n';
        return -1;
    }

    private static void emit(byte[] b, int from, int to, MessageBody out) {
        if (to > from) {
            out.write(b, from, to - from);
        }
    }
}
