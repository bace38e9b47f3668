package net.sguil.bridge.http;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.sguil.bridge.tcp.ConnectionId;

/** One request on its way to becoming an {@link HttpExchange}: filled in as its bytes and its response arrive. */
final class PendingExchange implements BodyReader.Sink {
    final String method;
    private final int index;
    private final String uri;
    private final String version;
    private String requestStart = "";
    private final boolean atStreamStart;
    private final Instant requestTime;
    private final int bodyHeadLimit;
    private boolean headComplete = true;
    private String host = "";
    private String userAgent = "";
    private List<Map.Entry<String, String>> headers = List.of();
    private byte[] bodyHead;
    private int bodyHeadLength;
    private long bodySize;
    private boolean bodyComplete = true;
    private boolean headFrozen;
    private int status;
    private String reason = "";
    private Instant responseTime;
    private HttpWeird cut;
    boolean requestDone;
    boolean responseSeen;

    PendingExchange(int index, String method, String uri, String version, boolean atStreamStart,
                    Instant requestTime, int bodyHeadBytes) {
        this.index = index;
        this.method = method;
        this.uri = uri;
        this.version = version;
        this.atStreamStart = atStreamStart;
        this.requestTime = requestTime;
        this.bodyHeadLimit = bodyHeadBytes;
    }

    void head(boolean complete, String requestStart, String host, String userAgent,
              List<Map.Entry<String, String>> others) {
        this.headComplete = complete;
        this.requestStart = requestStart;
        this.host = host;
        this.userAgent = userAgent;
        this.headers = others;
    }

    void response(int status, String reason, Instant time) {
        this.responseSeen = true;
        this.status = status;
        this.reason = reason;
        this.responseTime = time;
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

    /** A limit of the analyzer cut what is known of this exchange; the first one is kept. Null is no limit. */
    void cutBy(HttpWeird limit) {
        if (cut == null) {
            cut = limit;
        }
    }

    HttpExchange build(ConnectionId connection, long sessionGaps) {
        String head = bodyHead == null ? "" : new String(bodyHead, 0, bodyHeadLength, StandardCharsets.ISO_8859_1);
        return new HttpExchange(connection, index, method, uri, version, host, userAgent, headers, requestStart,
                atStreamStart, headComplete, bodySize, head, bodyComplete, responseSeen, status, reason, requestTime,
                responseTime, sessionGaps, cut == null ? "" : cut.id());
    }
}
