package net.sguil.bridge.mime;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * Quoted-printable (RFC 2045 §6.7) as lenient readers decode it, as a state machine over buffers
 * (escapes may straddle reads): {@code =XX} (hex in either case) is the byte, {@code =} at the end of
 * a line — trailing whitespace allowed — joins the lines, whitespace at the end of a line is transport
 * padding and dropped (as Jakarta Mail drops it), and an {@code =} that starts neither is kept as sent
 * with what follows, as Python's {@code quopri} keeps it. A bad escape marks the stream damaged; it
 * never ends the data, so an early {@code =ZZ} cannot hide the rest of a file.
 */
final class QuotedPrintableDecodingStream extends DecodingStream {
    private static final int BUFFER = 64 * 1024;
    /** Whitespace held back to see whether a line break follows; a longer run is data. */
    private static final int MAX_HELD_SPACE = 1024;

    /** Output filled up to this leaves room for one step's worst case: held whitespace plus "=X" and the byte. */
    private static final int ROOM = BUFFER - MAX_HELD_SPACE - 3;
    /** Bytes that may start something other than themselves; runs of the others are copied in bulk. */
    private static final boolean[] SPECIAL = new boolean[256];

    static {
        SPECIAL['='] = true;
        SPECIAL[' '] = true;
        SPECIAL['\t'] = true;
    }

    private enum State { TEXT, SPACE, EQUALS, EQUALS_HEX, EQUALS_SPACE, EQUALS_CR }

    private final InputStream in;
    private final byte[] inBuf = new byte[BUFFER];
    private int inPos;
    private int inLen;
    private boolean eof;
    private final byte[] outBuf = new byte[BUFFER];
    private int outPos;
    private int outLen;
    private final byte[] held = new byte[MAX_HELD_SPACE];
    private int heldLen;
    private int firstHex;
    private State state = State.TEXT;
    private boolean finished;
    private boolean damaged;

    QuotedPrintableDecodingStream(InputStream in) {
        this.in = in;
    }

    @Override
    boolean damaged() {
        return damaged;
    }

    @Override
    public int read() throws IOException {
        if (outPos == outLen && !fill()) {
            return -1;
        }
        return outBuf[outPos++] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        if (outPos == outLen && !fill()) {
            return -1;
        }
        int n = Math.min(len, outLen - outPos);
        System.arraycopy(outBuf, outPos, b, off, n);
        outPos += n;
        return n;
    }

    /** Decodes input until some output is ready; false at the end. */
    private boolean fill() throws IOException {
        outPos = 0;
        outLen = 0;
        while (outLen == 0 && !finished) {
            if (inPos == inLen) {
                int n = eof ? -1 : in.read(inBuf, 0, inBuf.length);
                if (n < 0) {
                    eof = true;
                    end();
                    finished = true;
                    break;
                }
                inPos = 0;
                inLen = n;
            }
            while (inPos < inLen && outLen <= ROOM) {
                if (state == State.TEXT && !SPECIAL[inBuf[inPos] & 0xFF]) {
                    copyRun();
                } else {
                    step(inBuf[inPos] & 0xFF);
                }
            }
        }
        return outLen > 0;
    }

    /** Copies ordinary bytes from the input as they are, as many as the output has room for. */
    private void copyRun() {
        int stop = Math.min(inLen, inPos + (ROOM + 1 - outLen));
        int q = inPos + 1;
        while (q < stop && !SPECIAL[inBuf[q] & 0xFF]) {
            q++;
        }
        System.arraycopy(inBuf, inPos, outBuf, outLen, q - inPos);
        outLen += q - inPos;
        inPos = q;
    }

    /** Consumes {@code c} unless the state changes without it (it is then looked at again). */
    private void step(int c) {
        switch (state) {
            case TEXT -> {
                inPos++;
                if (c == '=') {
                    state = State.EQUALS;
                } else if (c == ' ' || c == '\t') {
                    hold(c);
                    state = State.SPACE;
                } else {
                    emit(c);
                }
            }
            case SPACE -> {
                if (c == ' ' || c == '\t') {
                    inPos++;
                    if (heldLen == held.length) {
                        releaseHeld();
                    }
                    hold(c);
                } else {
                    if (c == '\r' || c == '\n') {
                        heldLen = 0; // padding before a line break
                    } else {
                        releaseHeld();
                    }
                    state = State.TEXT;
                }
            }
            case EQUALS -> {
                inPos++;
                if (c == '\n') {
                    state = State.TEXT;
                } else if (c == '\r') {
                    state = State.EQUALS_CR;
                } else if (c == ' ' || c == '\t') {
                    hold(c);
                    state = State.EQUALS_SPACE;
                } else if (EncodedWords.hex(c) >= 0) {
                    firstHex = c;
                    state = State.EQUALS_HEX;
                } else {
                    inPos--;
                    badEscape();
                }
            }
            case EQUALS_HEX -> {
                if (EncodedWords.hex(c) >= 0) {
                    inPos++;
                    emit(EncodedWords.hex(firstHex) << 4 | EncodedWords.hex(c));
                } else {
                    badEscape();
                    emit(firstHex);
                }
                state = State.TEXT;
            }
            case EQUALS_SPACE -> {
                if ((c == ' ' || c == '\t') && heldLen < held.length) {
                    inPos++;
                    hold(c);
                } else if (c == '\r' || c == '\n') {
                    heldLen = 0; // a soft line break with padding after the '='
                    inPos++;
                    state = c == '\r' ? State.EQUALS_CR : State.TEXT;
                } else {
                    badEscape();
                    releaseHeld();
                    state = State.TEXT;
                }
            }
            case EQUALS_CR -> {
                if (c == '\n') {
                    inPos++;
                }
                state = State.TEXT;
            }
        }
    }

    /** At the end of the input: a dangling {@code =} or whitespace is a soft break or padding. */
    private void end() {
        if (state == State.EQUALS_HEX) {
            badEscape();
            emit(firstHex);
        }
        heldLen = 0;
        state = State.TEXT;
    }

    private void badEscape() {
        damaged = true;
        emit('=');
        state = State.TEXT;
    }

    private void hold(int c) {
        held[heldLen++] = (byte) c;
    }

    private void releaseHeld() {
        System.arraycopy(held, 0, outBuf, outLen, heldLen);
        outLen += heldLen;
        heldLen = 0;
    }

    private void emit(int c) {
        outBuf[outLen++] = (byte) c;
    }
}
