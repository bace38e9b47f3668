package net.sguil.bridge.http;

import java.nio.charset.StandardCharsets;
import net.sguil.bridge.facts.HttpTransaction;

/** One request on its way to becoming an {@link HttpTransaction}: filled in as its bytes and its response arrive. */
final class Exchange implements BodyReader.Sink {
    final HttpTransaction.Builder fact = HttpTransaction.builder();
    final String method;
    private final int bodyHeadLimit;
    private byte[] bodyHead;
    private int bodyHeadLength;
    private long bodySize;
    private boolean bodyComplete = true;
    private boolean headFrozen;
    boolean requestDone;
    boolean responseSeen;

    Exchange(String method, int bodyHeadBytes) {
        this.method = method;
        this.bodyHeadLimit = bodyHeadBytes;
    }

    @Override
    public void accept(byte[] b, int off, int len) {
        int n = Math.min(len, bodyHeadLimit - bodyHeadLength);
        if (n > 0 && !headFrozen) {
            if (bodyHead == null) {
                bodyHead = new byte[bodyHeadLimit];
            }
            System.arraycopy(b, off, bodyHead, bodyHeadLength, n);
            bodyHeadLength += n;
        }
        bodySize += len;
    }

    /** {@code n} body bytes were lost in a capture gap; the kept head stops before them, so it stays contiguous. */
    void lost(long n) {
        bodySize += n;
        bodyComplete = false;
        headFrozen = true;
    }

    void incomplete() {
        bodyComplete = false;
    }

    HttpTransaction build(long sessionGaps) {
        String head = bodyHead == null ? "" : new String(bodyHead, 0, bodyHeadLength, StandardCharsets.ISO_8859_1);
        return fact.requestBody(bodySize, head,
                bodyComplete).sessionGaps(sessionGaps).build();
    }
}
