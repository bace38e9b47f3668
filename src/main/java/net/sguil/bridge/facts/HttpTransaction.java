package net.sguil.bridge.facts;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One HTTP/1.x request and the final response paired with it, from a reassembled TCP connection.
 * "src" is always the client (the side that opened the connection), "dst" the server. Strings are
 * the bytes on the wire read as ISO-8859-1, so every byte maps to one character and nothing is lost.
 * Built with {@link #builder()}; immutable.
 */
public final class HttpTransaction {
    private final SessionInfo session;
    private final boolean established;
    private final int index;
    private final String method;
    private final String uri;
    private final String version;
    private final String host;
    private final String userAgent;
    private final List<Map.Entry<String, String>> headers;
    private final String requestStart;
    private final boolean requestAtStreamStart;
    private final boolean requestHeadComplete;
    private final long requestBodySize;
    private final String requestBodyHead;
    private final boolean requestBodyComplete;
    private final boolean responseSeen;
    private final int responseStatus;
    private final String responseReason;
    private final Instant requestTime;
    private final Instant responseTime;
    private final long sessionGaps;
    private final String incomplete;

    private HttpTransaction(Builder b) {
        this.session = b.session;
        this.established = b.established;
        this.index = b.index;
        this.method = b.method;
        this.uri = b.uri;
        this.version = b.version;
        this.host = b.host;
        this.userAgent = b.userAgent;
        this.headers = List.copyOf(b.headers);
        this.requestStart = b.requestStart;
        this.requestAtStreamStart = b.requestAtStreamStart;
        this.requestHeadComplete = b.requestHeadComplete;
        this.requestBodySize = b.requestBodySize;
        this.requestBodyHead = b.requestBodyHead;
        this.requestBodyComplete = b.requestBodyComplete;
        this.responseSeen = b.responseSeen;
        this.responseStatus = b.responseSeen ? b.responseStatus : 0;
        this.responseReason = b.responseSeen ? b.responseReason : "";
        this.requestTime = b.requestTime;
        this.responseTime = b.responseSeen ? b.responseTime : null;
        this.sessionGaps = b.sessionGaps;
        this.incomplete = b.incomplete;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The connection the transaction was carried by. */
    public SessionInfo getSession() { return session; }
    /** Name of the capture file the connection was read from. */
    public String getPcap() { return session.getPcap(); }
    /** The client's address (dotted quad or RFC 5952 IPv6 text). */
    public String getSrcIp() { return session.getSrcIp(); }
    public int getSrcPort() { return session.getSrcPort(); }
    /** The server's address: the side that accepted the connection. */
    public String getDstIp() { return session.getDstIp(); }
    public int getDstPort() { return session.getDstPort(); }
    /** True when the capture saw the TCP handshake (Snort's {@code flow:established} in the bridge's terms). */
    public boolean isEstablished() { return established; }
    /** Capture time of the connection's first packet. */
    public Instant getConnectionStart() { return session.getFirstSeen(); }
    /** 1-based position of this request in its connection (pipelined and keep-alive requests count up). */
    public int getIndex() { return index; }
    /** Request method exactly as sent (case-sensitive: {@code put} is not {@code PUT}). */
    public String getMethod() { return method; }
    /** Request target exactly as sent (may be hostile; escape before display). */
    public String getUri() { return uri; }
    /**
     * The version as sent: {@code HTTP/1.0}, {@code HTTP/1.1}, or whatever odd text stood there
     * ({@code HTTP/1.}); empty when the request line had none or was cut at the line limit.
     */
    public String getVersion() { return version; }
    /** Value of the Host header; empty when absent. */
    public String getHost() { return host; }
    /** Value of the User-Agent header; empty when absent. */
    public String getUserAgent() { return userAgent; }
    /** Every other request header as (name, value) pairs in wire order, names as sent; unmodifiable. */
    public List<Map.Entry<String, String>> getHeaders() { return headers; }

    /** The first value of header {@code name} (case-insensitive) among {@link #getHeaders()}, or null. */
    public String header(String name) {
        for (Map.Entry<String, String> h : headers) {
            if (h.getKey().equalsIgnoreCase(name)) {
                return h.getValue();
            }
        }
        return null;
    }

    /**
     * The first bytes (at most 8) of this request exactly as the client sent them, starting where the
     * previous request ended (or at the start of the stream), blank lines before the request line
     * included. This is what Snort's {@code content:"PUT "; depth:4} sees at the start of a request:
     * the signature matches when it {@code startsWith("PUT ")}.
     */
    public String getRequestStart() { return requestStart; }
    /** True when the request began at offset 0 of the client's stream: the connection's first client bytes. */
    public boolean isRequestAtStreamStart() { return requestAtStreamStart; }
    /** False when a capture gap cut the request's header block (method and URI are known, the rest is not). */
    public boolean isRequestHeadComplete() { return requestHeadComplete; }
    /** Size of the request body in bytes (decoded chunk sizes for chunked bodies; bytes lost in gaps included). */
    public long getRequestBodySize() { return requestBodySize; }
    /** The first bytes of the request body (at most the analyzer's limit, 256 by default), as ISO-8859-1 text. */
    public String getRequestBodyHead() { return requestBodyHead; }
    /** False when part of the body fell in a capture gap or the connection ended before the body did. */
    public boolean isRequestBodyComplete() { return requestBodyComplete; }
    /** True when a final (non-1xx) response was paired with this request. */
    public boolean isResponseSeen() { return responseSeen; }
    /** Status code of the final response; 0 when no response was seen. */
    public int getResponseStatus() { return responseStatus; }
    /** Reason phrase of the final response; empty when none. */
    public String getResponseReason() { return responseReason; }
    /** Capture time of the packet carrying the first byte of the request. */
    public Instant getRequestTime() { return requestTime; }
    /** Capture time of the packet carrying the first byte of the final response; null without one. */
    public Instant getResponseTime() { return responseTime; }
    /** Event time for Drools' {@code @timestamp}: the response's time when one was seen, else the request's. */
    public long getTimestampMillis() { return (responseTime != null ? responseTime : requestTime).toEpochMilli(); }
    /** Capture gaps (both directions) in the connection up to the moment this transaction was complete. */
    public long getSessionGaps() { return sessionGaps; }
    /**
     * The weird id of the first limit of the analyzer that cut what is known of this transaction:
     * {@code http.line_too_long} (a request line read from its first bytes, or a header line skipped),
     * {@code http.head_too_large}, {@code http.too_many_headers}, {@code http.too_many_trailers},
     * {@code http.too_many_pending}; "" when nothing was cut. An attacker controls these sizes:
     * {@code incomplete != ""} is content hidden from analysis.
     */
    public String getIncomplete() { return incomplete; }
    /** A key naming this transaction uniquely: capture, endpoints, connection start and index. */
    public String getTransactionKey() {
        Instant start = session.getFirstSeen();
        return getPcap() + "|" + getSrcIp() + ":" + getSrcPort() + ">" + getDstIp() + ":" + getDstPort() + "|"
                + start.getEpochSecond() + "." + start.getNano() + "#" + index;
    }

    @Override
    public String toString() {
        return "HttpTransaction[" + session + " #" + index + " " + method
                + " " + uri + " " + version + " -> " + (responseSeen ? responseStatus + " " + responseReason : "no response")
                + ", body " + requestBodySize + (requestBodyComplete ? "" : " (incomplete)")
                + (incomplete.isEmpty() ? "" : ", cut by " + incomplete) + "]";
    }

    /** Collects the fields of one transaction; defaults are empty strings, zero and false. */
    public static final class Builder {
        private SessionInfo session = new SessionInfo("", "", 0, "", 0, Instant.EPOCH, Instant.EPOCH);
        private boolean established;
        private int index;
        private String method = "";
        private String uri = "";
        private String version = "";
        private String host = "";
        private String userAgent = "";
        private List<Map.Entry<String, String>> headers = List.of();
        private String requestStart = "";
        private boolean requestAtStreamStart;
        private boolean requestHeadComplete = true;
        private long requestBodySize;
        private String requestBodyHead = "";
        private boolean requestBodyComplete = true;
        private boolean responseSeen;
        private int responseStatus;
        private String responseReason = "";
        private Instant requestTime = Instant.EPOCH;
        private Instant responseTime;
        private long sessionGaps;
        private String incomplete = "";

        private Builder() {
        }

        public Builder connection(String pcap, String srcIp, int srcPort, String dstIp, int dstPort,
                                  boolean established, Instant connectionStart) {
            return session(new SessionInfo(pcap, srcIp, srcPort, dstIp, dstPort, connectionStart, connectionStart),
                    established);
        }

        public Builder session(SessionInfo session, boolean established) {
            this.session = session;
            this.established = established;
            return this;
        }

        public Builder index(int index) { this.index = index; return this; }

        public Builder requestLine(String method, String uri, String version) {
            this.method = method;
            this.uri = uri;
            this.version = version;
            return this;
        }

        public Builder host(String host) { this.host = host; return this; }
        public Builder userAgent(String userAgent) { this.userAgent = userAgent; return this; }
        public Builder headers(List<Map.Entry<String, String>> headers) { this.headers = headers; return this; }

        public Builder requestStart(String firstBytes, boolean atStreamStart) {
            this.requestStart = firstBytes;
            this.requestAtStreamStart = atStreamStart;
            return this;
        }

        public Builder requestHeadComplete(boolean complete) { this.requestHeadComplete = complete; return this; }

        public Builder requestBody(long size, String head, boolean complete) {
            this.requestBodySize = size;
            this.requestBodyHead = head;
            this.requestBodyComplete = complete;
            return this;
        }

        public Builder response(int status, String reason, Instant time) {
            this.responseSeen = true;
            this.responseStatus = status;
            this.responseReason = reason;
            this.responseTime = time;
            return this;
        }

        public Builder requestTime(Instant t) { this.requestTime = t; return this; }
        public Builder sessionGaps(long gaps) { this.sessionGaps = gaps; return this; }
        public Builder incomplete(String limit) { this.incomplete = limit; return this; }

        public HttpTransaction build() {
            return new HttpTransaction(this);
        }
    }
}
