package net.sguil.bridge.http;

/**
 * Every resource limit of the HTTP analyzer, in one immutable place.
 *
 * @param maxLineLength longest request, status, header or chunk-size line ({@code http.line_too_long}): a
 *        longer start line is read from its first bytes, a longer header line is skipped, a longer chunk-size
 *        line ends the analysis of that direction
 * @param maxHeadBytes largest header block (start line, fields, blank lines before the start line); past it
 *        only the framing fields are kept up to the end of the head ({@code http.head_too_large})
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
