package net.sguil.bridge.http;

import net.sguil.bridge.bytes.ByteScan;
import net.sguil.bridge.weird.Weirds;

/**
 * Follows the framing of one message body: a Content-Length count, chunked coding (sizes,
 * chunk data, trailers) or everything until the connection closes. Only counts and forwards
 * bytes; never buffers more than one chunk-size or trailer line.
 */
final class BodyReader {
    enum Kind { NONE, LENGTH, CHUNKED, UNTIL_CLOSE }

    private enum Step { DATA, SIZE_LINE, DATA_END, TRAILER, DONE, FAILED }

    /** Receives the body's payload bytes (chunk framing removed). */
    @FunctionalInterface
    interface Sink {
        void accept(byte[] b, int off, int len);
    }

    private static final int MAX_HEX_DIGITS = 15;

    private final HttpLimits limits;
    private final Weirds weirds;
    private final LineBuffer line;
    private Kind kind = Kind.NONE;
    private Step step = Step.DONE;
    private long remaining;
    private int trailerLines;
    private HttpWeird failure;

    BodyReader(HttpLimits limits, Weirds weirds) {
        this.limits = limits;
        this.weirds = weirds;
        this.line = new LineBuffer(limits.maxLineLength());
    }

    void start(Kind k, long length) {
        kind = k;
        line.clear();
        trailerLines = 0;
        switch (k) {
            case NONE -> step = Step.DONE;
            case LENGTH -> {
                remaining = length;
                step = length == 0 ? Step.DONE : Step.DATA;
            }
            case CHUNKED -> step = Step.SIZE_LINE;
            case UNTIL_CLOSE -> {
                remaining = Long.MAX_VALUE;
                step = Step.DATA;
            }
        }
    }

    boolean done() {
        return step == Step.DONE;
    }

    boolean failed() {
        return step == Step.FAILED;
    }

    /** Why the body could not be followed: the weird counted. */
    HttpWeird failure() {
        return failure;
    }

    /** Bytes a gap may cover without losing the framing: the rest of the current data run. */
    long absorbable() {
        return step == Step.DATA ? remaining : 0;
    }

    /** Accounts for {@code n <= absorbable()} bytes that were lost. */
    void skip(long n) {
        advance(n);
    }

    /** @return bytes consumed; fewer than {@code len} only when the body ended or failed inside the buffer */
    int feed(byte[] b, int off, int len, Sink sink) {
        int i = off;
        int end = off + len;
        while (i < end && step != Step.DONE && step != Step.FAILED) {
            if (step == Step.DATA) {
                int n = (int) Math.min(remaining, end - i);
                sink.accept(b, i, n);
                i += n;
                advance(n);
                continue;
            }
            int nl = ByteScan.indexOf(b, i, end, (byte) '\n');
            int stop = nl < 0 ? end : nl;
            if (!line.append(b, i, stop - i)) {
                fail(HttpWeird.HTTP_LINE_TOO_LONG);
                return i - off;
            }
            i = nl < 0 ? end : nl + 1;
            if (nl >= 0) {
                lineDone();
            }
        }
        return i - off;
    }

    private void advance(long n) {
        if (kind == Kind.UNTIL_CLOSE) {
            return;
        }
        remaining -= n;
        if (remaining == 0) {
            step = kind == Kind.CHUNKED ? Step.DATA_END : Step.DONE;
        }
    }

    private void lineDone() {
        boolean blank = line.blank();
        String text = line.text();
        line.clear();
        switch (step) {
            case SIZE_LINE -> {
                long size = chunkSize(text);
                if (size < 0) {
                    fail(HttpWeird.HTTP_BAD_CHUNK_SIZE);
                } else if (size == 0) {
                    step = Step.TRAILER;
                } else {
                    remaining = size;
                    step = Step.DATA;
                }
            }
            case DATA_END -> {
                if (blank) {
                    step = Step.SIZE_LINE;
                } else {
                    fail(HttpWeird.HTTP_CHUNK_MISSING_CRLF);
                }
            }
            case TRAILER -> {
                if (blank) {
                    step = Step.DONE;
                } else if (++trailerLines > limits.maxHeaders()) {
                    fail(HttpWeird.HTTP_TOO_MANY_TRAILERS);
                }
            }
            default -> throw new IllegalStateException("line in step " + step);
        }
    }

    /** Hex size before any chunk extension; -1 when malformed or absurdly large. */
    static long chunkSize(String text) {
        int end = text.length();
        int semi = text.indexOf(';');
        if (semi >= 0) {
            end = semi;
        }
        while (end > 0 && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\t')) {
            end--;
        }
        if (end == 0 || end > MAX_HEX_DIGITS) {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < end; i++) {
            int d = Character.digit(text.charAt(i), 16);
            if (d < 0) {
                return -1;
            }
            v = v << 4 | d;
        }
        return v;
    }

    private void fail(HttpWeird weird) {
        weirds.count(weird);
        failure = weird;
        step = Step.FAILED;
    }
}
