package net.sguil.bridge.http;

import net.sguil.bridge.weird.Means;
import net.sguil.bridge.weird.Weird;

/** The anomalies the HTTP analyzer counts. */
public enum HttpWeird implements Weird {
    @Means("a chunk-size line that is not a hexadecimal size; the body ends there")
    HTTP_BAD_CHUNK_SIZE,
    @Means("a chunk not followed by CRLF")
    HTTP_CHUNK_MISSING_CRLF,
    @Means("a start, header or chunk line longer than limits.http.max_line_length: a start line is read from its "
            + "first bytes, a header line skipped, a chunk line ends the analysis of that direction; the request "
            + "marked incomplete")
    HTTP_LINE_TOO_LONG,
    @Means("more trailer fields than limits.http.max_headers; that direction is not analysed further, the request "
            + "marked incomplete")
    HTTP_TOO_MANY_TRAILERS,
    @Means("a header block larger than limits.http.max_head_bytes: only framing fields are kept up to its end, the "
            + "request marked incomplete")
    HTTP_HEAD_TOO_LARGE,
    @Means("a header line without a valid field name")
    HTTP_HEADER_INVALID,
    @Means("an obsolete folded header line")
    HTTP_OBS_FOLD,
    @Means("more header fields than limits.http.max_headers; the rest are dropped (framing fields still obeyed), "
            + "the request marked incomplete")
    HTTP_TOO_MANY_HEADERS,
    @Means("a Content-Length that is not a number")
    HTTP_BAD_CONTENT_LENGTH,
    @Means("a Transfer-Encoding the analyzer cannot follow")
    HTTP_BAD_TRANSFER_ENCODING,
    @Means("several different Content-Length values")
    HTTP_CONTENT_LENGTH_CONFLICT,
    @Means("both Transfer-Encoding and Content-Length (request smuggling trick); chunked wins")
    HTTP_TE_AND_CONTENT_LENGTH,
    @Means("a connection on which the client sent nothing")
    HTTP_CLIENT_SILENT,
    @Means("a connection on which the server sent nothing")
    HTTP_SERVER_SILENT,
    @Means("a CONNECT request: what follows is a tunnel")
    HTTP_CONNECT_TUNNEL,
    @Means("a capture gap inside a request's header block")
    HTTP_GAP_IN_REQUEST_HEAD,
    @Means("a capture gap inside a response's header block")
    HTTP_GAP_IN_RESPONSE_HEAD,
    @Means("a capture gap running past the end of a request body; resynchronised on the next request line")
    HTTP_GAP_PAST_REQUEST_BODY,
    @Means("a capture gap running past the end of a response body; resynchronised on the next status line")
    HTTP_GAP_PAST_RESPONSE_BODY,
    @Means("101 Switching Protocols or an accepted CONNECT: the rest is not HTTP")
    HTTP_PROTOCOL_SWITCH,
    @Means("the connection ended inside a request body")
    HTTP_REQUEST_BODY_INCOMPLETE,
    @Means("the connection ended inside a request's header block")
    HTTP_REQUEST_HEAD_INCOMPLETE,
    @Means("a client line that is not a request line; that direction is not analysed further")
    HTTP_REQUEST_LINE_INVALID,
    @Means("a server line that is not a status line; that direction is not analysed further")
    HTTP_STATUS_LINE_INVALID,
    @Means("more requests awaiting responses than limits.http.max_pending_requests; the oldest is reported without "
            + "one, marked incomplete")
    HTTP_TOO_MANY_PENDING,
    @Means("a response no request was waiting for")
    HTTP_UNMATCHED_RESPONSE,
    @Means("a request or status line whose version is missing or not HTTP/1.0 or HTTP/1.1; parsed all the same")
    HTTP_BAD_VERSION;

    /** A limit of the analyzer, not a fault of the traffic: what it stops carries its id as {@code incomplete}. */
    boolean isLimit() {
        return switch (this) {
            case HTTP_LINE_TOO_LONG, HTTP_HEAD_TOO_LARGE, HTTP_TOO_MANY_HEADERS, HTTP_TOO_MANY_TRAILERS,
                    HTTP_TOO_MANY_PENDING -> true;
            default -> false;
        };
    }
}
