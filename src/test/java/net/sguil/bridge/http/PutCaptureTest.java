package net.sguil.bridge.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.sguil.bridge.analysis.CapturedRecords;
import net.sguil.bridge.facts.HttpTransaction;
import net.sguil.bridge.facts.SguilEventOut;
import net.sguil.bridge.testpcap.TcpSessionBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole captures (written by the test pcap writer) through the packet decoder, TCP reassembly,
 * protocol detection, the HTTP analyzer and drl/put-defacement.drl: exactly the expected events.
 */
class PutCaptureTest {
    private static final String SUCCEEDED = "HTTP PUT Defacement SUCCEEDED";
    private static final String ATTEMPT = "HTTP PUT Defacement Attempt";
    private static final String CREATED = "HTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n";

    @TempDir
    Path dir;

    private final List<HttpTransaction> transactions = new ArrayList<>();
    private Map<String, Long> weirds;

    private static TcpSessionBuilder session(int port) {
        return TcpSessionBuilder.ipv4("10.9.9.9", 1043, "192.168.1.80", port).handshake();
    }

    private List<SguilEventOut> scan(TcpSessionBuilder b) throws IOException {
        CapturedRecords r = CapturedRecords.of(b.finish().writePcap(dir.resolve("case.pcap")), dir.resolve("out"));
        transactions.addAll(r.transactions);
        weirds = r.weirds;
        return PutRules.replay(transactions);
    }

    private static List<String> signatures(List<SguilEventOut> events) {
        return events.stream().map(e -> e.getSignature().replaceFirst(":.*", "")).toList(); // the outcome follows
    }

    @Test
    void theBlogRequestAccepted() throws IOException {
        List<SguilEventOut> ev = scan(session(80).client(HttpSessionParserTest.BLOG_PUT).server(CREATED));
        assertThat(signatures(ev)).containsExactly(SUCCEEDED);
        assertThat(ev.get(0).getDetail()).contains("/index.html", "spykidsspykids", "201 Created", "Capture: case.pcap");
        HttpTransaction t = transactions.get(0);
        assertThat(t.isEstablished()).isTrue();
        assertThat(t.getPcap()).isEqualTo("case.pcap");
        assertThat(t.getSrcIp()).isEqualTo("10.9.9.9");
        assertThat(t.getDstIp()).isEqualTo("192.168.1.80");
        assertThat(t.getRequestTime()).isBefore(t.getResponseTime());
    }

    @Test
    void aPutWhoseRequestLineOutgrowsTheDetectionWindowStillFiresTheRule() throws IOException {
        String uri = "/" + "d".repeat(2500) + ".html";
        List<SguilEventOut> ev = scan(session(8000).segmentSize(500)
                .client("PUT " + uri + " HTTP/1.1\r\nHost: www\r\nContent-Length: 5\r\n\r\nhello").server(CREATED));
        assertThat(signatures(ev)).containsExactly(SUCCEEDED);
        assertThat(transactions.get(0).getUri()).isEqualTo(uri);
    }

    /** Issue 12: an odd version does not make a PUT vanish before the rules (Snort matches "PUT " alone). */
    @Test
    void threeMalformedPutsAnswered411AllReachTheRules() throws IOException {
        String refused = "HTTP/1.1 411 Length Required\r\nContent-Length: 0\r\n\r\n";
        List<SguilEventOut> ev = scan(session(80).client("PUT / HTTP/1.\r\nHost: www\r\n\r\n").server(refused)
                .client("PUT /HTTP/1.1\r\nHost: www\r\n\r\n").server(refused)
                .client("PUT / HTTP/1.1\r\nHost: www\r\n\r\n").server(refused));
        assertThat(transactions).extracting(HttpTransaction::getMethod).containsExactly("PUT", "PUT", "PUT");
        assertThat(transactions).extracting(HttpTransaction::getVersion).containsExactly("HTTP/1.", "", "HTTP/1.1");
        assertThat(transactions).extracting(HttpTransaction::getResponseStatus).containsExactly(411, 411, 411);
        // The refused-PUT policy: the first reported at once, the others summarised when the window closes.
        assertThat(ev).extracting(SguilEventOut::getSignature)
                .containsExactly(ATTEMPT + ": refused 411", ATTEMPT + ": 2 more refused");
        assertThat(weirds).containsEntry("http.bad_version", 2L);
    }

    /** Issue 11: a header padded past the line limit still gives the PUT event, flagged with the limit. */
    @Test
    void aPutPaddedPastTheLineLimitStillFiresTheRule() throws IOException {
        List<SguilEventOut> ev = scan(session(80).client("PUT /index.html HTTP/1.1\r\nHost: www\r\nX-Pad: "
                + "p".repeat(9000) + "\r\nContent-Length: 7\r\n\r\nspykids").server(CREATED));
        assertThat(signatures(ev)).containsExactlyInAnyOrder(SUCCEEDED, "BRIDGE HTTP request hidden from analysis");
        assertThat(transactions.get(0).getIncomplete()).isEqualTo("http.line_too_long");
        SguilEventOut put = ev.stream().filter(e -> e.getSignatureId() == 1000003).findFirst().orElseThrow();
        assertThat(put.getDetail()).contains("http.line_too_long (part of the request hidden from analysis)");
        SguilEventOut hidden = ev.stream().filter(e -> e.getSignatureId() == 1000116).findFirst().orElseThrow();
        assertThat(hidden.getSignature()).isEqualTo("BRIDGE HTTP request hidden from analysis: http.line_too_long");
        assertThat(hidden.getDetail()).contains("PUT /index.html");
        assertThat(transactions.get(0).getRequestBodyHead()).isEqualTo("spykids");
    }

    @Test
    void noContentIsAcceptedToo() throws IOException {
        assertThat(signatures(scan(session(80).client(HttpSessionParserTest.BLOG_PUT)
                .server("HTTP/1.1 204 No Content\r\n\r\n")))).containsExactly(SUCCEEDED);
    }

    @Test
    void refused405And403() throws IOException {
        List<SguilEventOut> ev = scan(session(80).client(HttpSessionParserTest.BLOG_PUT)
                .server("HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n"));
        assertThat(signatures(ev)).containsExactly(ATTEMPT);
        assertThat(ev.get(0).getDetail()).contains("Outcome: refused 405", "Response: 405 Method Not Allowed");
        transactions.clear();
        ev = scan(session(80).client(HttpSessionParserTest.BLOG_PUT).server("HTTP/1.0 403 Forbidden\r\n\r\nno"));
        assertThat(signatures(ev)).containsExactly(ATTEMPT);
        assertThat(ev.get(0).getDetail()).contains("Outcome: refused 403", "Response: 403 Forbidden");
    }

    @Test
    void noResponse() throws IOException {
        List<SguilEventOut> ev = scan(session(80).autoAck().client(HttpSessionParserTest.BLOG_PUT));
        assertThat(signatures(ev)).containsExactly(ATTEMPT);
        assertThat(ev.get(0).getDetail()).contains("Outcome: no response");
    }

    @Test
    void pipelinedPutAfterAGet() throws IOException {
        List<SguilEventOut> ev = scan(session(80)
                .client("GET / HTTP/1.1\r\nHost: www.example.com\r\n\r\n" + HttpSessionParserTest.BLOG_PUT)
                .server("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello" + CREATED));
        assertThat(signatures(ev)).containsExactly(SUCCEEDED);
        assertThat(transactions).extracting(HttpTransaction::getMethod).containsExactly("GET", "PUT");
        assertThat(transactions.get(1).isRequestAtStreamStart()).isFalse();
    }

    @Test
    void postWhoseBodyContainsPutIsNothing() throws IOException {
        String body = "PUT /index.html HTTP/1.0\r\n\r\n";
        assertThat(scan(session(80).client("POST /upload HTTP/1.1\r\nHost: h\r\nContent-Length: " + body.length()
                + "\r\n\r\n" + body).server(CREATED))).isEmpty();
        assertThat(transactions).extracting(HttpTransaction::getMethod).containsExactly("POST");
    }

    @Test
    void lowercasePutIsNothing() throws IOException {
        assertThat(scan(session(80).client("put /index.html HTTP/1.0\r\nContent-Length: 7\r\n\r\nspykids")
                .server("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"))).isEmpty();
        assertThat(transactions).extracting(HttpTransaction::getMethod).containsExactly("put");
    }

    @Test
    void putSplitAcrossManySegments() throws IOException {
        assertThat(signatures(scan(session(80).segmentSize(3).client(HttpSessionParserTest.BLOG_PUT)
                .segmentSize(1460).server(CREATED)))).containsExactly(SUCCEEDED);
        assertThat(transactions.get(0).getRequestBodySize()).isEqualTo(280);
    }

    @Test
    void putOnANonStandardPort() throws IOException {
        List<SguilEventOut> ev = scan(session(8081).client(HttpSessionParserTest.BLOG_PUT).server(CREATED));
        assertThat(signatures(ev)).containsExactly(SUCCEEDED);
        assertThat(ev.get(0).getDstPort()).isEqualTo(8081);
    }

    @Test
    void chunkedUploadWithExpectContinue() throws IOException {
        List<SguilEventOut> ev = scan(session(80)
                .client("PUT /index.html HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nTransfer-Encoding: chunked\r\n\r\n")
                .server("HTTP/1.1 100 Continue\r\n\r\n")
                .client("7\r\nspykids\r\n7\r\nspykids\r\n0\r\n\r\n")
                .server("HTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n"));
        assertThat(signatures(ev)).containsExactly(SUCCEEDED);
        assertThat(transactions.get(0).getRequestBodyHead()).isEqualTo("spykidsspykids");
    }

    @Test
    void lostBodySegmentMakesTheUploadIncompleteButStillReported() throws IOException {
        TcpSessionBuilder b = session(80).segmentSize(100).client(HttpSessionParserTest.BLOG_PUT).segmentSize(1460)
                .server(CREATED);
        b.dropSegment(5); // request bytes 200..299: inside the body, which starts at 188
        List<SguilEventOut> ev = scan(b);
        assertThat(signatures(ev)).containsExactly(SUCCEEDED);
        assertThat(transactions.get(0).isRequestBodyComplete()).isFalse();
        assertThat(transactions.get(0).getRequestBodySize()).isEqualTo(280);
        assertThat(ev.get(0).getDetail()).contains("incomplete", "capture gap");
    }

    @Test
    void connectionPickedUpMidStreamIsNotEstablished() throws IOException {
        TcpSessionBuilder b = session(80).client(HttpSessionParserTest.BLOG_PUT).server(CREATED).dropHandshake();
        assertThat(scan(b)).isEmpty();
        assertThat(transactions).hasSize(1);
        assertThat(transactions.get(0).isEstablished()).isFalse();
    }

    @Test
    void tlsOnPort443IsNotHttp() throws IOException {
        byte[] hello = {0x16, 0x03, 0x01, 0x00, 0x05, 0x01, 0x00, 0x00, 0x01, 0x00};
        assertThat(scan(session(443).client(hello).server(new byte[] {0x16, 0x03, 0x03, 0, 0}))).isEmpty();
        assertThat(transactions).isEmpty();
        assertThat(weirds).containsKey("detect.unknown_protocol");
    }
}
