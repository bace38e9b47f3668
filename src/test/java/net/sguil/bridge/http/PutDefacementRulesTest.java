package net.sguil.bridge.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.sguil.bridge.facts.ExtractSession;
import net.sguil.bridge.facts.HttpTransaction;
import net.sguil.bridge.facts.SguilAlert;
import net.sguil.bridge.facts.SguilEventOut;
import net.sguil.bridge.rules.RuleEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kie.api.definition.type.FactType;

/** drl/put-defacement.drl in a STREAM-mode session with a pseudo clock driven by the facts' own times. */
class PutDefacementRulesTest {
    private static final Instant T0 = Instant.parse("2026-06-22T15:27:19Z");
    private final List<SguilEventOut> concluded = new java.util.ArrayList<>();
    private final List<ExtractSession> requested = new java.util.ArrayList<>();
    private RuleEngine engine;

    @BeforeEach
    void open() {
        engine = PutRules.engine(concluded, requested);
        engine.advanceTo(T0);
    }

    @AfterEach
    void close() {
        engine.close();
    }

    private static HttpTransaction.Builder put(String src, int srcPort, Instant at) {
        return HttpTransaction.builder()
                .connection("snort.log.1150990039", src, srcPort, "192.168.1.80", 80, true, at)
                .index(1).requestLine("PUT", "/index.html", "HTTP/1.0")
                .requestStart("PUT /ind", true)
                .host("www.example.com")
                .userAgent("Microsoft Data Access Internet Publishing Provider DAV 1.1")
                .requestBody(280, "<script>spykids</script>", true)
                .requestTime(at);
    }

    private static HttpTransaction answered(String src, int srcPort, Instant at, int status, String reason) {
        return put(src, srcPort, at).response(status, reason, at.plusMillis(5)).build();
    }

    private void at(Instant t) {
        engine.advanceTo(t);
    }

    private void insert(Object fact, Instant t) {
        engine.insert(fact, t);
        engine.fireUntilQuiet();
    }

    private void insert(HttpTransaction t) {
        insert(t, Instant.ofEpochMilli(t.getTimestampMillis()));
    }

    private List<SguilEventOut> events() {
        engine.fireUntilQuiet();
        return PutRules.sorted(concluded);
    }

    @Test
    void acceptedUploadIsReportedAsSucceededWithEscapedDetail() {
        insert(answered("10.9.9.9", 1043, T0, 201, "Created"));
        List<SguilEventOut> ev = events();
        assertThat(ev).hasSize(1);
        SguilEventOut e = ev.get(0);
        assertThat(e.getSignature()).isEqualTo("HTTP PUT Defacement SUCCEEDED: /index.html");
        assertThat(e.getPriority()).isEqualTo(1);
        assertThat(e.getSigClass()).isEqualTo("web-application-attack");
        assertThat(e.getGeneratorId()).isEqualTo(SguilEventOut.BRIDGE_GENERATOR_ID);
        assertThat(e.getSignatureId()).isEqualTo(1000003);
        assertThat(e.getSrcIp()).isEqualTo("10.9.9.9");
        assertThat(e.getDstPort()).isEqualTo(80);
        assertThat(e.getIpProto()).isEqualTo(6);
        assertThat(e.getTimestamp()).isEqualTo(T0.plusMillis(5));
        assertThat(e.getDetail()).contains("Rule: HTTP PUT Defacement SUCCEEDED", "Outcome: SUCCEEDED 201",
                "Request: PUT /index.html HTTP/1.0", "Host: www.example.com",
                "User-Agent: Microsoft Data Access Internet Publishing Provider DAV 1.1", "Response: 201 Created",
                "Capture: snort.log.1150990039");
        assertThat(e.getHtmlDetail()).contains("\\x3cscript\\x3espykids\\x3c/script\\x3e").doesNotContain("<script");
        assertThat(e.getSummary()).isEqualTo("SUCCEEDED 201, PUT /index.html");
        assertThat(e.getEvidenceKey()).contains("10.9.9.9:1043").endsWith("#1");
    }

    @Test
    void noContentIsASuccessToo() {
        insert(answered("10.9.9.9", 1043, T0, 204, "No Content"));
        assertThat(events()).extracting(SguilEventOut::getSignature).containsExactly("HTTP PUT Defacement SUCCEEDED: /index.html");
    }

    @Test
    void unansweredPutSaysSo() {
        insert(put("10.9.9.9", 1043, T0).build());
        List<SguilEventOut> ev = events();
        assertThat(ev).extracting(SguilEventOut::getSignature).containsExactly("HTTP PUT Defacement Attempt: no response");
        assertThat(ev.get(0).getPriority()).isEqualTo(2);
        assertThat(ev.get(0).getDetail()).contains("Outcome: no response", "Response: none seen");
        assertThat(ev.get(0).getSummary()).isEqualTo("no response, PUT /index.html");
    }

    @Test
    void oneRefusedPutIsOneAttemptAndNoSummary() {
        insert(answered("10.9.9.9", 1043, T0, 405, "Method Not Allowed"));
        at(T0.plus(Duration.ofHours(1)));
        List<SguilEventOut> ev = events();
        assertThat(ev).hasSize(1);
        assertThat(ev.get(0).getDetail()).contains("Outcome: refused 405", "Response: 405 Method Not Allowed");
        assertThat(ev.get(0).getSummary()).isEqualTo("refused 405, PUT /index.html");
    }

    @Test
    void refusedPutsAreSummarisedWhenTheyStopWithTheRealAddressesButASuccessIsReportedAtOnce() {
        for (int i = 0; i < 10; i++) {
            insert(answered("10.9.9.9", 2000 + i, T0.plusSeconds(10L * i), i % 2 == 0 ? 403 : 405, "No"));
        }
        insert(answered("10.9.9.9", 3000, T0.plusSeconds(60), 201, "Created"));
        assertThat(events()).extracting(SguilEventOut::getSignature)
                .containsExactly("HTTP PUT Defacement Attempt: refused 403", "HTTP PUT Defacement SUCCEEDED: /index.html");
        // The last refused PUT was answered at 90.005 s: the window closes 30 s later, not before.
        at(T0.plusSeconds(120));
        assertThat(events()).hasSize(2);
        at(T0.plusSeconds(120).plusMillis(5));
        List<SguilEventOut> ev = events();
        assertThat(ev).hasSize(3);
        SguilEventOut summary = ev.stream().filter(e -> e.getEvidenceKey().startsWith("http-put-refused|"))
                .findFirst().orElseThrow();
        assertThat(summary.getTimestamp()).isEqualTo(T0.plusSeconds(90).plusMillis(5));
        assertThat(summary.getSignature()).isEqualTo("HTTP PUT Defacement Attempt: 9 more refused");
        assertThat(summary.getSrcIp()).isEqualTo("10.9.9.9");
        assertThat(summary.getSrcPort()).isEqualTo(2009);
        assertThat(summary.getDstIp()).isEqualTo("192.168.1.80");
        assertThat(summary.getDstPort()).isEqualTo(80);
        assertThat(summary.getIpProto()).isEqualTo(6);
        assertThat(summary.getDetail()).contains("Outcome: 9 more refused after the first",
                "405 PUT www.example.com/index.html, 403 PUT www.example.com/index.html");
        assertThat(summary.getSummary())
                .isEqualTo("9 more refused after the first; next: 405 PUT www.example.com/index.html");
        assertThat(summary.getEvidenceKey())
                .isEqualTo("http-put-refused|10.9.9.9|192.168.1.80:80|" + T0.plusMillis(5).toEpochMilli());
        // The next refused PUT opens a new window and is reported at once.
        insert(answered("10.9.9.9", 4000, T0.plusSeconds(200), 403, "Forbidden"));
        assertThat(events()).hasSize(4);
    }

    @Test
    void aSteadyStreamOfRefusedPutsIsSummarisedAtTheLatestWhenTheLongWindowEnds() {
        for (int i = 0; i < 45; i++) { // one every 21 s for 15 minutes: never 30 s quiet
            insert(answered("10.9.9.9", 2000 + i, T0.plusSeconds(21L * i), 403, "Forbidden"));
        }
        at(T0.plus(Duration.ofHours(1)));
        List<SguilEventOut> ev = events();
        // 0 s: reported; 21 … 588 s: counted, summarised when the window ends at 600 s; 609 s: a new
        // window, reported; 630 … 924 s: counted, summarised 30 s after the last.
        assertThat(ev).extracting(SguilEventOut::getSummary).containsExactly("refused 403, PUT /index.html",
                "28 more refused after the first; next: 403 PUT www.example.com/index.html",
                "refused 403, PUT /index.html",
                "15 more refused after the first; next: 403 PUT www.example.com/index.html");
        assertThat(ev.get(1).getTimestamp()).isEqualTo(T0.plusSeconds(588).plusMillis(5));
        assertThat(ev.get(2).getTimestamp()).isEqualTo(T0.plusSeconds(609).plusMillis(5));
    }

    @Test
    void refusedWindowsAreKeptPerSourceAndServerAndTheirLengthsAreConfigurable() {
        FactType settings = PutRules.base().getFactType("drl", "PutDefacementSettings");
        Object s;
        try {
            s = settings.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
        settings.set(s, "refusedQuietSeconds", 5L);
        settings.set(s, "refusedWindowSeconds", 60L);
        engine.close(); // a session whose first fact is the settings, so the defaults never apply
        concluded.clear();
        engine = PutRules.engine(concluded, requested);
        insert(s, Instant.EPOCH);
        insert(answered("10.1.1.1", 2000, T0, 403, "Forbidden"));
        insert(answered("10.2.2.2", 2000, T0.plusSeconds(1), 403, "Forbidden"));
        insert(answered("10.1.1.1", 2001, T0.plusSeconds(2), 403, "Forbidden"));
        insert(put("10.1.1.1", 2002, T0.plusSeconds(3)).connection("snort.log.1150990039", "10.1.1.1", 2002,
                "192.168.1.81", 80, true, T0).response(403, "Forbidden", T0.plusSeconds(3)).build());
        assertThat(events()).hasSize(3);
        at(T0.plusSeconds(8));
        List<SguilEventOut> ev = events();
        assertThat(ev).hasSize(4);
        SguilEventOut summary = ev.get(2); // at the time of the last attempt it sums up
        assertThat(summary.getEvidenceKey()).startsWith("http-put-refused|10.1.1.1|192.168.1.80:80|");
        assertThat(summary.getSrcPort()).isEqualTo(2001);
        assertThat(summary.getTimestamp()).isEqualTo(T0.plusSeconds(2).plusMillis(5));
        assertThat(summary.getDetail()).contains("1 more refused after the first");
        assertThat(ev.get(3).getDstIp()).as("another server, another window").isEqualTo("192.168.1.81");
    }

    @Test
    void onlyAPutAtTheStartOfARequestOnAnEstablishedConnectionMatches() {
        insert(put("10.9.9.9", 1, T0).requestLine("POST", "/form", "HTTP/1.1").requestStart("POST /fo", true)
                .requestBody(30, "PUT /index.html HTTP/1.0", true).build());
        insert(put("10.9.9.9", 2, T0).requestLine("put", "/x", "HTTP/1.1").requestStart("put /x H", true).build());
        insert(put("10.9.9.9", 3, T0).requestStart("\r\nPUT /x", true).build());
        insert(put("10.9.9.9", 4, T0).connection("p", "10.9.9.9", 4, "192.168.1.80", 80, false, T0).build());
        assertThat(events()).isEmpty();
        insert(put("10.9.9.9", 5, T0).index(2).requestStart("PUT /x H", false).build());
        assertThat(events()).hasSize(1);
    }

    @Test
    void snortAlertForSid1000003AsksForTheSessionToBeAnalysed() {
        insert(new SguilAlert(1, 42, "sensor1", "HTTP PUT Defacement Attempt", 1, 1000003, 1, T0, 1,
                "web-application-attack", 0, "10.9.9.9", "192.168.1.80", 1043, 80, 6), T0);
        insert(new SguilAlert(1, 43, "sensor1", "HTTP PUT Defacement Attempt", SguilEventOut.BRIDGE_GENERATOR_ID,
                1000003, 1, T0, 2, "web-application-attack", 0, "10.9.9.9", "192.168.1.80", 1044, 80, 6), T0);
        insert(new SguilAlert(1, 44, "sensor1", "OTHER", 1, 2000001, 1, T0, 2, "misc", 0, "10.9.9.9",
                "192.168.1.80", 1045, 80, 6), T0);
        List<ExtractSession> actions = requested;
        assertThat(actions).hasSize(1);
        ExtractSession a = actions.get(0);
        assertThat(a.getKind()).isEqualTo("http");
        assertThat(a.getSensor()).isEqualTo("sensor1");
        assertThat(a.getSrcPort()).isEqualTo(1043);
        assertThat(a.getStartTime()).isBefore(T0);
        assertThat(a.getEndTime()).isAfter(T0);
        assertThat(a.getReason()).contains("1.42");
    }
}
