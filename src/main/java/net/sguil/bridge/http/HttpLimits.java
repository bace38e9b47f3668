package net.sguil.bridge.http;

/**
 * Every resource limit of the HTTP analyzer, in one immutable place.
 *
 * @param maxLineLength longest request, status, header or chunk-size line; a longer one makes the
 *        analyzer give up on that direction ({@code http.line_too_long})
 * @param maxHeadBytes largest header block (start line, fields, blank lines before the start line)
 * @param maxHeaders header fields kept per message; further ones are dropped except the framing
 *        fields ({@code Content-Length}, {@code Transfer-Encoding}), which are still obeyed
 * @param bodyHeadBytes first bytes of each request body kept for the rules
 * @param maxPendingRequests requests waiting for their responses; past it the oldest is reported
 *        without a response ({@code http.too_many_pending})
 */
public record HttpLimits(int maxLineLength, int maxHeadBytes, int maxHeaders, int bodyHeadBytes,
                         int maxPendingRequests) {
    public HttpLimits {
        if (maxLineLength < 16 || maxHeadBytes < maxLineLength || maxHeaders < 1 || bodyHeadBytes < 0
                || maxPendingRequests < 1) {
            throw new IllegalArgumentException("HTTP limits out of range");
        }
    }

    public static HttpLimits defaults() {
        return new HttpLimits(8192, 64 * 1024, 100, 256, 100);
    }

    public HttpLimits withBodyHeadBytes(int n) {
        return new HttpLimits(maxLineLength, maxHeadBytes, maxHeaders, n, maxPendingRequests);
    }
}
