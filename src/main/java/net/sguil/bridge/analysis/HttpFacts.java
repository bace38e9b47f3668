package net.sguil.bridge.analysis;

import java.time.Instant;
import net.sguil.bridge.facts.HttpTransaction;
import net.sguil.bridge.http.HttpExchange;

/** The HTTP analyzer's exchanges as the rules see them. */
final class HttpFacts {
    private HttpFacts() {
    }

    static HttpTransaction of(HttpExchange e, ConnectionSource source) {
        Instant start = e.connection().firstSeen();
        HttpTransaction.Builder b = HttpTransaction.builder()
                .session(source.session(e.connection(), source.files(), start), !e.connection().midstream())
                .index(e.index())
                .requestLine(e.method(), e.uri(), e.version())
                .host(e.host())
                .userAgent(e.userAgent())
                .headers(e.headers())
                .requestStart(e.requestStart(), e.requestAtStreamStart())
                .requestHeadComplete(e.requestHeadComplete())
                .requestBody(e.requestBodySize(), e.requestBodyHead(), e.requestBodyComplete())
                .requestTime(e.requestTime())
                .sessionGaps(e.sessionGaps())
                .incomplete(e.incomplete());
        if (e.responseSeen()) {
            b.response(e.responseStatus(), e.responseReason(), e.responseTime());
        }
        return b.build();
    }
}
