package net.sguil.bridge.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Requests as Zeek and real servers take them: odd request lines, bare LF line ends, and heads over
 * the limits, which are still requests (flagged with the limit). Each script is fed cut at every
 * position.
 */
class HttpTolerantRequestTest {
    private static final String LENGTH_REQUIRED = "HTTP/1.1 411 Length Required\r\nContent-Length: 0\r\n\r\n";

    @Test
    void threeMalformedPutsAnsweredLengthRequiredAreThreePuts() {
        new HttpScript().c("PUT / HTTP/1.\r\nHost: a\r\n\r\n").s(LENGTH_REQUIRED)
                .c("PUT /HTTP/1.1\r\nHost: a\r\n\r\n").s(LENGTH_REQUIRED)
                .c("PUT / HTTP/1.1\r\nHost: a\r\n\r\n").s(LENGTH_REQUIRED)
                .forEverySplit(s -> {
                    assertThat(s.transactions).extracting(HttpExchange::method).containsExactly("PUT", "PUT", "PUT");
                    assertThat(s.transactions).extracting(HttpExchange::uri).containsExactly("/", "/HTTP/1.1", "/");
                    assertThat(s.transactions).extracting(HttpExchange::version)
                            .containsExactly("HTTP/1.", "", "HTTP/1.1");
                    assertThat(s.transactions).extracting(HttpExchange::responseStatus).containsExactly(411, 411, 411);
                    assertThat(s.transactions).extracting(HttpExchange::host).containsOnly("a");
                    assertThat(s.transactions).extracting(HttpExchange::incomplete).containsOnly("");
                    assertThat(s.weirds.snapshot()).containsExactly(java.util.Map.entry("http.bad_version", 2L));
                });
    }

    @Test
    void anyMethodTokenAndBareLineFeeds() {
        new HttpScript().c("X-SCAN /a?b=<c> HTTP/1.1\nHost: h\nContent-Length: 3\n\nabcPROPFIND * HTTP/1.0\n\n")
                .s("HTTP/1.1 405\nContent-Length: 0\n\nHTTP/9.9 200 odd\r\nContent-Length: 0\r\n\r\n")
                .forEverySplit(s -> {
                    assertThat(s.transactions).extracting(HttpExchange::method).containsExactly("X-SCAN", "PROPFIND");
                    assertThat(s.transactions).extracting(HttpExchange::uri).containsExactly("/a?b=<c>", "*");
                    assertThat(s.transactions.get(0).host()).isEqualTo("h");
                    assertThat(s.transactions.get(0).requestBodyHead()).isEqualTo("abc");
                    assertThat(s.transactions).extracting(HttpExchange::responseStatus).containsExactly(405, 200);
                    assertThat(s.transactions).extracting(HttpExchange::responseReason).containsExactly("", "odd");
                    assertThat(s.weirds.snapshot()).containsExactly(java.util.Map.entry("http.bad_version", 1L));
                });
    }

    /** Issue 11: padding one header past the line limit must not hide a PUT the server accepted. */
    @Test
    void aPutWithAHeaderLineOverTheLimitIsStillAPutFlaggedWithTheLimit() {
        String request = "PUT /shell.php HTTP/1.1\r\nHost: victim\r\nX-Pad: " + "p".repeat(9000)
                + "\r\nContent-Length: 5\r\n\r\n<?php";
        new HttpScript().c(request).s("HTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n")
                .forEverySplit(s -> {
                    HttpExchange e = s.only();
                    assertThat(e.method()).isEqualTo("PUT");
                    assertThat(e.uri()).isEqualTo("/shell.php");
                    assertThat(e.host()).isEqualTo("victim");
                    assertThat(e.requestBodyHead()).isEqualTo("<?php");
                    assertThat(e.requestBodyComplete()).isTrue();
                    assertThat(e.responseStatus()).isEqualTo(201);
                    assertThat(e.incomplete()).isEqualTo("http.line_too_long");
                    assertThat(s.weirds.get("http.line_too_long")).isEqualTo(1);
                });
    }

    @Test
    void aHeadOverTheSizeLimitIsStillARequestFlaggedWithTheLimit() {
        StringBuilder head = new StringBuilder("PUT /big HTTP/1.1\r\n");
        for (int i = 0; i < 90; i++) {
            head.append("X-").append(i).append(": ").append("v".repeat(800)).append("\r\n");
        }
        HttpScript s = new HttpScript().c(head + "Content-Length: 2\r\n\r\nok")
                .s("HTTP/1.1 431 Request Header Fields Too Large\r\nContent-Length: 0\r\n\r\n").run(1000);
        HttpExchange e = s.only();
        assertThat(e.method()).isEqualTo("PUT");
        assertThat(e.uri()).isEqualTo("/big");
        assertThat(e.requestBodyHead()).isEqualTo("ok");
        assertThat(e.responseStatus()).isEqualTo(431);
        assertThat(e.incomplete()).isEqualTo("http.head_too_large");
        assertThat(s.weirds.get("http.head_too_large")).isEqualTo(1);
    }

    @Test
    void aRequestLineOverTheLimitIsReadFromItsFirstBytes() {
        HttpScript s = new HttpScript().c("PUT /" + "a".repeat(10_000) + " HTTP/1.1\r\n\r\n")
                .s("HTTP/1.1 414 URI Too Long\r\nContent-Length: 0\r\n\r\n").run(100);
        HttpExchange e = s.only();
        assertThat(e.method()).isEqualTo("PUT");
        assertThat(e.uri()).hasSize(8192 - "PUT ".length()).startsWith("/aaa");
        assertThat(e.version()).isEmpty();
        assertThat(e.responseStatus()).isEqualTo(414);
        assertThat(e.incomplete()).isEqualTo("http.line_too_long");
        assertThat(s.weirds.snapshot()).containsExactly(java.util.Map.entry("http.line_too_long", 1L));
    }
}
