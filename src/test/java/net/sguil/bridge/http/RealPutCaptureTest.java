package net.sguil.bridge.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import net.sguil.bridge.analysis.CapturedRecords;
import net.sguil.bridge.facts.HttpTransaction;
import net.sguil.bridge.facts.SguilEventOut;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real capture (src/test/resources/captures/make-http-captures.sh: Python's http.server accepting
 * PUT, socat and curl as clients, tcpdump, in network namespaces) with the blog's exact request
 * accepted, refused with 405 and 403, a PUT pipelined after a GET, a POST carrying "PUT " in its body,
 * a lowercase put, a PUT on port 8081, a chunked PUT after 100 Continue and a PUT never answered.
 */
class RealPutCaptureTest {
    @TempDir
    Path dir;

    @Test
    void everyCaseGivesExactlyTheExpectedTransactionsAndEvents() throws IOException, URISyntaxException {
        Path pcap = Path.of(getClass().getResource("/captures/http-put-cases.pcap").toURI());
        List<HttpTransaction> found = CapturedRecords.of(pcap, dir).transactions;
        assertThat(found).extracting(HttpTransaction::getMethod, HttpTransaction::getUri, HttpTransaction::getDstPort,
                HttpTransaction::getResponseStatus).containsExactly(
                tuple("PUT", "/index.html", 80, 201),
                tuple("PUT", "/refused/index.html", 80, 405),
                tuple("PUT", "/forbidden/index.html", 80, 403),
                tuple("GET", "/", 80, 200),
                tuple("PUT", "/pipelined.html", 80, 201),
                tuple("POST", "/form", 80, 200),
                tuple("put", "/lower.html", 80, 501),
                tuple("PUT", "/alt-port.html", 8081, 201),
                tuple("PUT", "/chunked.html", 80, 201),
                tuple("PUT", "/unanswered.html", 8082, 0));
        HttpTransaction blog = found.get(0);
        assertThat(blog.getUserAgent()).isEqualTo("Microsoft Data Access Internet Publishing Provider DAV 1.1");
        assertThat(blog.header("Translate")).isEqualTo("f");
        assertThat(blog.getRequestBodySize()).isEqualTo(280);
        assertThat(blog.isEstablished()).isTrue();
        assertThat(found.get(8).getRequestBodySize()).isEqualTo(280);
        assertThat(found).allSatisfy(t -> assertThat(t.isRequestBodyComplete()).isTrue());

        List<SguilEventOut> events = PutRules.replay(found);
        assertThat(events).extracting(SguilEventOut::getSignature, SguilEventOut::getDstPort).containsExactlyInAnyOrder(
                tuple("HTTP PUT Defacement SUCCEEDED: /index.html", 80),
                tuple("HTTP PUT Defacement Attempt: refused 405", 80),
                tuple("HTTP PUT Defacement Attempt: 1 more refused", 80),
                tuple("HTTP PUT Defacement SUCCEEDED: /pipelined.html", 80),
                tuple("HTTP PUT Defacement SUCCEEDED: /alt-port.html", 8081),
                tuple("HTTP PUT Defacement SUCCEEDED: /chunked.html", 80),
                tuple("HTTP PUT Defacement Attempt: no response", 8082));
        assertThat(events).filteredOn(e -> e.getEvidenceKey().startsWith("http-put-refused|")).singleElement()
                .satisfies(e -> assertThat(e.getDetail()).contains("1 more refused after the first",
                        "403 PUT 10.78.0.2/forbidden/index.html"))
                .satisfies(e -> assertThat(e.getSrcIp()).isEqualTo(found.get(2).getSrcIp()))
                .satisfies(e -> assertThat(e.getSrcPort()).isEqualTo(found.get(2).getSrcPort()))
                .satisfies(e -> assertThat(e.getDstIp()).isEqualTo(found.get(2).getDstIp()));
        assertThat(events).filteredOn(e -> e.getDstPort() == 8082).singleElement()
                .satisfies(e -> assertThat(e.getDetail()).contains("Outcome: no response"));
    }
}
