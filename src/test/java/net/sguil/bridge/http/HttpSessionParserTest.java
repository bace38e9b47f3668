package net.sguil.bridge.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Random;
import net.sguil.bridge.tcp.Direction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpSessionParserTest {
    static final String SPYKIDS = "spykids".repeat(40);
    static final String BLOG_PUT = "PUT /index.html HTTP/1.0\r\n"
            + "Accept-Language: en-us;q=0.5\r\n"
            + "Translate: f\r\n"
            + "Content-Length: " + SPYKIDS.length() + "\r\n"
            + "User-Agent: Microsoft Data Access Internet Publishing Provider DAV 1.1\r\n"
            + "Host: www.example.com\r\n"
            + "\r\n" + SPYKIDS;

    private static HttpScript blog(String response) {
        return new HttpScript().c(BLOG_PUT).s(response);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 7, 64})
    void blogRequestIsParsedHoweverTheStreamIsCut(int piece) {
        HttpExchange t = blog("HTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n").run(piece).only();
        assertThat(t.method()).isEqualTo("PUT");
        assertThat(t.uri()).isEqualTo("/index.html");
        assertThat(t.version()).isEqualTo("HTTP/1.0");
        assertThat(t.host()).isEqualTo("www.example.com");
        assertThat(t.userAgent()).isEqualTo("Microsoft Data Access Internet Publishing Provider DAV 1.1");
        assertThat(t.headers()).containsExactly(Map.entry("Accept-Language", "en-us;q=0.5"),
                Map.entry("Translate", "f"), Map.entry("Content-Length", "280"));
        assertThat(t.header("translate")).isEqualTo("f");
        assertThat(t.requestBodySize()).isEqualTo(280);
        assertThat(t.requestBodyHead()).isEqualTo(SPYKIDS.substring(0, 256));
        assertThat(t.requestBodyComplete()).isTrue();
        assertThat(t.requestStart()).isEqualTo("PUT /ind");
        assertThat(t.requestAtStreamStart()).isTrue();
        assertThat(t.responseSeen()).isTrue();
        assertThat(t.responseStatus()).isEqualTo(201);
        assertThat(t.responseReason()).isEqualTo("Created");
        assertThat(t.requestTime()).isEqualTo(HttpScript.T0);
        assertThat(t.responseTime()).isEqualTo(HttpScript.T0.plusSeconds(1));
        assertThat(t.connection().clientIp()).isEqualTo("10.0.0.1");
        assertThat(t.connection().serverPort()).isEqualTo(80);
        assertThat(t.connection().midstream()).isFalse();
        assertThat(t.sessionGaps()).isZero();
    }

    @Test
    void randomSplitsGiveTheSameTransactions() {
        HttpScript s = new HttpScript()
                .c("GET /a HTTP/1.1\r\nHost: h\r\n\r\n" + BLOG_PUT)
                .s("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;x=1\r\nhello\r\n0\r\nX-T: 1\r\n\r\n"
                        + "HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 3\r\n\r\nno\n");
        for (long seed = 0; seed < 100; seed++) {
            s.runRandomSplits(seed);
            assertThat(s.transactions).as("seed %d", seed).extracting(HttpExchange::method,
                    HttpExchange::responseStatus).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("GET", 200), org.assertj.core.groups.Tuple.tuple("PUT", 405));
            assertThat(s.transactions.get(1).requestBodySize()).isEqualTo(280);
            assertThat(s.weirds.snapshot()).as("seed %d", seed).isEmpty();
        }
    }

    @Test
    void pipelinedPutAfterGetStartsItsOwnRequestButNotTheStream() {
        HttpScript s = new HttpScript()
                .c("GET / HTTP/1.1\r\nHost: h\r\n\r\nPUT /x HTTP/1.1\r\nHost: h\r\nContent-Length: 4\r\n\r\nabcd")
                .s("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi")
                .s("HTTP/1.1 204 No Content\r\n\r\n").run(0);
        assertThat(s.transactions).hasSize(2);
        HttpExchange get = s.transactions.get(0);
        HttpExchange put = s.transactions.get(1);
        assertThat(get.responseStatus()).isEqualTo(200);
        assertThat(get.requestAtStreamStart()).isTrue();
        assertThat(put.method()).isEqualTo("PUT");
        assertThat(put.requestStart()).startsWith("PUT ");
        assertThat(put.requestAtStreamStart()).isFalse();
        assertThat(put.index()).isEqualTo(2);
        assertThat(put.responseStatus()).isEqualTo(204);
        assertThat(put.requestBodyHead()).isEqualTo("abcd");
    }

    @Test
    void putInsideAPostBodyIsBodyNotARequest() {
        HttpScript s = new HttpScript()
                .c("POST /form HTTP/1.1\r\nHost: h\r\nContent-Length: 30\r\n\r\nPUT /index.html HTTP/1.0\r\n\r\nab")
                .s("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n").run(0);
        HttpExchange t = s.only();
        assertThat(t.method()).isEqualTo("POST");
        assertThat(t.requestStart()).isEqualTo("POST /fo");
        assertThat(t.requestBodyHead()).startsWith("PUT /index.html");
    }

    @Test
    void lowercasePutIsADifferentMethod() {
        HttpExchange t = new HttpScript().c("put /x HTTP/1.1\r\nHost: h\r\nContent-Length: 1\r\n\r\nz")
                .s("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n").run(1).only();
        assertThat(t.method()).isEqualTo("put");
        assertThat(t.requestStart()).doesNotStartWith("PUT ");
    }

    @Test
    void blankLinesBeforeTheRequestLineStayInTheRequestStart() {
        HttpExchange t = new HttpScript().c("\r\nPUT /x HTTP/1.1\r\nHost: h\r\n\r\n")
                .s("HTTP/1.1 201 Created\r\n\r\n").run(0).only();
        assertThat(t.method()).isEqualTo("PUT");
        assertThat(t.requestStart()).isEqualTo("\r\nPUT /x");
        assertThat(t.requestAtStreamStart()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 3})
    void expectContinueInterimResponseIsNotTheFinalOne(int piece) {
        HttpScript s = new HttpScript()
                .c("PUT /big HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n")
                .s("HTTP/1.1 100 Continue\r\n\r\n")
                .c("12345")
                .s("HTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n").run(piece);
        HttpExchange t = s.only();
        assertThat(t.responseStatus()).isEqualTo(201);
        assertThat(t.responseTime()).isEqualTo(HttpScript.T0.plusSeconds(3));
        assertThat(t.requestBodyHead()).isEqualTo("12345");
        assertThat(t.header("Expect")).isEqualTo("100-continue");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void chunkedRequestWithExtensionsAndTrailersIsDecoded(int piece) {
        HttpExchange t = new HttpScript()
                .c("PUT /c HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + "4;name=v\r\nspyk\r\n3\r\nids\r\n0\r\nX-Trailer: y\r\n\r\n"
                        + "GET /after HTTP/1.1\r\nHost: h\r\n\r\n")
                .s("HTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n")
                .run(piece).transactions.get(0);
        assertThat(t.requestBodySize()).isEqualTo(7);
        assertThat(t.requestBodyHead()).isEqualTo("spykids");
        assertThat(t.requestBodyComplete()).isTrue();
    }

    @Test
    void headAnd204And304ResponsesHaveNoBodyEvenWithContentLength() {
        HttpScript s = new HttpScript()
                .c("HEAD / HTTP/1.1\r\nHost: h\r\n\r\nGET /a HTTP/1.1\r\nHost: h\r\n\r\nGET /b HTTP/1.1\r\nHost: h\r\n\r\n"
                        + "GET /c HTTP/1.1\r\nHost: h\r\n\r\n")
                .s("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n")
                .s("HTTP/1.1 304 Not Modified\r\n\r\n")
                .s("HTTP/1.1 204 No Content\r\n\r\n")
                .s("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok").run(0);
        assertThat(s.transactions).extracting(HttpExchange::responseStatus).containsExactly(200, 304, 204, 200);
        assertThat(s.weirds.snapshot()).isEmpty();
    }

    @Test
    void responseWithoutFramingRunsUntilCloseAndIsReportedAtItsHead() {
        HttpScript s = new HttpScript().c("GET / HTTP/1.0\r\n\r\n")
                .s("HTTP/1.0 200 OK\r\n\r\nHTTP/1.0 200 OK looks like a response but is body").run(0);
        assertThat(s.only().responseStatus()).isEqualTo(200);
        assertThat(s.weirds.snapshot()).isEmpty();
    }

    @Test
    void requestWithoutResponseIsReportedAtClose() {
        HttpScript s = new HttpScript().c(BLOG_PUT).run(0);
        HttpExchange t = s.only();
        assertThat(t.responseSeen()).isFalse();
        assertThat(t.responseStatus()).isZero();
        assertThat(t.responseTime()).isNull();
        assertThat(t.requestTime()).isEqualTo(HttpScript.T0);
        assertThat(s.weirds.get("http.server_silent")).isEqualTo(1);
    }

    @Test
    void gapInsideABodyCountsIntoItAndTheNextRequestIsStillFound() {
        HttpScript s = new HttpScript()
                .c("PUT /x HTTP/1.1\r\nHost: h\r\nContent-Length: 10\r\n\r\nab")
                .gap(Direction.CLIENT_TO_SERVER, 5)
                .c("fgh" + "PUT /y HTTP/1.1\r\nHost: h\r\nContent-Length: 1\r\n\r\nz")
                .s("HTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\nHTTP/1.1 403 Forbidden\r\n\r\n").run(0);
        assertThat(s.transactions).hasSize(2);
        HttpExchange a = s.transactions.get(0);
        assertThat(a.requestBodySize()).isEqualTo(10);
        assertThat(a.requestBodyComplete()).isFalse();
        assertThat(a.requestBodyHead()).isEqualTo("ab");
        assertThat(a.sessionGaps()).isEqualTo(1);
        assertThat(s.transactions.get(1).uri()).isEqualTo("/y");
        assertThat(s.transactions.get(1).responseStatus()).isEqualTo(403);
    }

    @Test
    void gapInHeadersReportsThePartialRequestAndResynchronises() {
        HttpScript s = new HttpScript()
                .c("PUT /x HTTP/1.1\r\nHost: h\r\nConte")
                .gap(Direction.CLIENT_TO_SERVER, 40)
                .c("th: 3\r\n\r\nabc\r\nGET /next HTTP/1.1\r\nHost: h\r\n\r\n")
                .s("HTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n").run(0);
        assertThat(s.transactions).extracting(HttpExchange::uri).containsExactly("/x", "/next");
        assertThat(s.transactions.get(0).requestHeadComplete()).isFalse();
        assertThat(s.transactions.get(0).host()).isEqualTo("h");
        assertThat(s.transactions.get(1).responseStatus()).isEqualTo(200);
        assertThat(s.weirds.get("http.gap_in_request_head")).isEqualTo(1);
    }

    @Test
    void gapInResponseBodyKeepsThePairing() {
        HttpScript s = new HttpScript().c("GET /a HTTP/1.1\r\n\r\nGET /b HTTP/1.1\r\n\r\n")
                .s("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n0123456789")
                .gap(Direction.SERVER_TO_CLIENT, 80)
                .s("0123456789HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n").run(0);
        assertThat(s.transactions).extracting(HttpExchange::responseStatus).containsExactly(200, 404);
    }

    @Test
    void gapPastABodyEndResynchronisesOnTheNextStatusLine() {
        HttpScript s = new HttpScript().c("GET /a HTTP/1.1\r\n\r\nGET /b HTTP/1.1\r\n\r\n")
                .s("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n01234")
                .gap(Direction.SERVER_TO_CLIENT, 20)
                .s("xxxxxx\r\nHTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n").run(0);
        assertThat(s.transactions).extracting(HttpExchange::responseStatus).containsExactly(200, 404);
        assertThat(s.weirds.get("http.gap_past_response_body")).isEqualTo(1);
    }

    @Test
    void binaryClientIsSkippedWithACountedReason() {
        byte[] junk = new byte[300];
        new Random(1).nextBytes(junk);
        junk[0] = 0x16;
        HttpScript s = new HttpScript().c(junk).s("HTTP/1.1 400 Bad Request\r\n\r\n").run(0);
        assertThat(s.transactions).isEmpty();
        assertThat(s.weirds.get("http.request_line_invalid") + s.weirds.get("http.line_too_long")).isEqualTo(1);
        assertThat(s.weirds.get("http.unmatched_response")).isEqualTo(1);
    }

    @Test
    void serverOnlyHalfSessionReportsNothing() {
        HttpScript s = new HttpScript().s("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n").run(0);
        assertThat(s.transactions).isEmpty();
        assertThat(s.weirds.get("http.client_silent")).isEqualTo(1);
    }

    @Test
    void aHeadOverEveryLimitIsStillTheRequestFlaggedWithTheFirstLimit() {
        StringBuilder head = new StringBuilder("GET / HTTP/1.1\r\n");
        for (int i = 0; i < 2000; i++) {
            head.append("X-").append(i).append(": ").append("v".repeat(40)).append("\r\n");
        }
        HttpScript s = new HttpScript().c(head + "\r\n").run(0);
        assertThat(s.only().method()).isEqualTo("GET");
        assertThat(s.only().headers()).hasSize(100);
        assertThat(s.only().incomplete()).isEqualTo("http.too_many_headers");
        assertThat(s.weirds.get("http.head_too_large")).isEqualTo(1);
    }

    @Test
    void blankLinesAloneOverTheHeadLimitAreNoRequest() {
        HttpScript s = new HttpScript().c("\r\n".repeat(40_000) + "GET / HTTP/1.1\r\n\r\n").run(4096);
        assertThat(s.transactions).isEmpty();
        assertThat(s.weirds.get("http.head_too_large")).isEqualTo(1);
    }

    @Test
    void headersBeyondTheCountAreDroppedButFramingIsObeyed() {
        StringBuilder head = new StringBuilder("PUT / HTTP/1.1\r\n");
        for (int i = 0; i < 120; i++) {
            head.append("X-").append(i).append(": v\r\n");
        }
        head.append("Content-Length: 3\r\n\r\nabcGET /2 HTTP/1.1\r\n\r\n");
        HttpScript s = new HttpScript().c(head.toString()).run(0);
        assertThat(s.transactions).hasSize(2);
        assertThat(s.transactions.get(0).headers()).hasSize(101);
        assertThat(s.transactions.get(0).requestBodySize()).isEqualTo(3);
        assertThat(s.weirds.get("http.too_many_headers")).isEqualTo(20);
    }

    @Test
    void conflictingContentLengthsStopTheDirection() {
        HttpScript s = new HttpScript().c("PUT / HTTP/1.1\r\nContent-Length: 3\r\nContent-Length: 30\r\n\r\nabc")
                .s("HTTP/1.1 400 Bad Request\r\n\r\n").run(0);
        assertThat(s.only().requestBodyComplete()).isFalse();
        assertThat(s.weirds.get("http.content_length_conflict")).isEqualTo(1);
    }

    @Test
    void switchingProtocolsEndsTheAnalysis() {
        HttpScript s = new HttpScript().c("GET /ws HTTP/1.1\r\nUpgrade: websocket\r\n\r\n\u0081\u0085garbage")
                .s("HTTP/1.1 101 Switching Protocols\r\n\r\n\u0081\u0002hi").run(0);
        assertThat(s.only().responseStatus()).isEqualTo(101);
        assertThat(s.weirds.get("http.protocol_switch")).isEqualTo(1);
    }

    @Test
    void bodyHeadIsBoundedWhileTheSizeIsExact() {
        String body = "x".repeat(1_000_000);
        HttpScript s = new HttpScript();
        s.limits = HttpLimits.defaults().withBodyHeadBytes(16);
        HttpExchange t = s.c("PUT / HTTP/1.1\r\nContent-Length: 1000000\r\n\r\n" + body).run(0).only();
        assertThat(t.requestBodySize()).isEqualTo(1_000_000);
        assertThat(t.requestBodyHead()).hasSize(16);
    }

    @Test
    void randomBytesAndGapsNeverThrowAndStayBounded() {
        Random r = new Random(42);
        for (int round = 0; round < 300; round++) {
            HttpScript s = new HttpScript();
            s.c(r.nextBoolean() ? "PUT /x HTTP/1.1\r\nContent-Length: " + r.nextInt(50) + "\r\n\r\n" : "");
            for (int k = 0; k < 8; k++) {
                Direction d = r.nextBoolean() ? Direction.CLIENT_TO_SERVER : Direction.SERVER_TO_CLIENT;
                if (r.nextInt(5) == 0) {
                    s.gap(d, 1 + r.nextInt(100));
                } else {
                    byte[] b = new byte[r.nextInt(200)];
                    r.nextBytes(b);
                    String[] frags = {"HTTP/1.1 200 OK\r\n", "\r\n", "Content-Length: 5\r\n", "0\r\n\r\n",
                        "Transfer-Encoding: chunked\r\n", "GET / HTTP/1.1\r\n"};
                    String f = frags[r.nextInt(frags.length)];
                    byte[] mix = (f + new String(b, java.nio.charset.StandardCharsets.ISO_8859_1) + f)
                            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
                    if (d == Direction.CLIENT_TO_SERVER) {
                        s.c(mix);
                    } else {
                        s.s(mix);
                    }
                }
            }
            s.runRandomSplits(round);
            assertThat(s.transactions.size()).isLessThanOrEqualTo(20);
            for (HttpExchange t : s.transactions) {
                assertThat(t.requestBodyHead().length()).isLessThanOrEqualTo(256);
                assertThat(t.requestTime()).isAfterOrEqualTo(Instant.EPOCH);
            }
        }
    }
}
