package net.sguil.bridge.http;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.sguil.bridge.tcp.ConnectionId;

/**
 * One HTTP/1.x request and the final response paired with it, as the {@link HttpSessionParser}
 * found them. Strings are the bytes on the wire read as ISO-8859-1, so every byte maps to one
 * character and nothing is lost.
 *
 * @param index 1-based position of the request in its connection (pipelined and keep-alive requests count up)
 * @param method exactly as sent (case-sensitive)
 * @param uri the request target exactly as sent (may be hostile); its first bytes only when the request line
 *        was longer than the line limit
 * @param version as sent ({@code HTTP/1.1}, {@code HTTP/1.}, …); empty when missing or cut off
 * @param host the Host header's value; empty when absent
 * @param userAgent the User-Agent header's value; empty when absent
 * @param headers every other request header as (name, value) pairs in wire order
 * @param requestStart the first bytes (at most 8) of the request exactly as the client sent them, from
 *        where the previous request ended: what Snort's {@code content:"PUT "; depth:4} looks at
 * @param requestAtStreamStart the request began at offset 0 of the client's stream
 * @param requestHeadComplete false when a capture gap or the end of the connection cut the header block
 * @param requestBodySize decoded body size; bytes lost in gaps included
 * @param requestBodyHead the first bytes of the body, up to {@link HttpLimits#bodyHeadBytes()}
 * @param requestBodyComplete false when part of the body fell in a gap or the connection ended first
 * @param responseSeen a final (non-1xx) response was paired with the request
 * @param responseStatus 0 without a response
 * @param responseReason empty without a response
 * @param requestTime capture time of the packet carrying the request's first byte
 * @param responseTime capture time of the packet carrying the final response's first byte; null without one
 * @param sessionGaps capture gaps (both directions) in the connection up to the moment the exchange was complete
 * @param incomplete the id of the first limit of the analyzer that cut what is known of this exchange
 *        ({@code http.head_too_large}, {@code http.line_too_long}, …); empty when none did
 */
public record HttpExchange(ConnectionId connection, int index, String method, String uri, String version,
                           String host, String userAgent, List<Map.Entry<String, String>> headers,
                           String requestStart, boolean requestAtStreamStart, boolean requestHeadComplete,
                           long requestBodySize, String requestBodyHead, boolean requestBodyComplete,
                           boolean responseSeen, int responseStatus, String responseReason, Instant requestTime,
                           Instant responseTime, long sessionGaps, String incomplete) {
    public HttpExchange {
        headers = List.copyOf(headers);
    }

    /** The first value of header {@code name} (case-insensitive) among {@link #headers()}, or null. */
    public String header(String name) {
        for (Map.Entry<String, String> h : headers) {
            if (h.getKey().equalsIgnoreCase(name)) {
                return h.getValue();
            }
        }
        return null;
    }
}
