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
        assertThat(e.getSignature()).isEqualTo("HTTP PUT Defacement SUCCEEDED");
        assertThat(e.getPriority()).isEqualTo(1);
        assertThat(e.getSigClass()).isEqualTo("web-application-attack");
        assertThat(e.getGeneratorId()).isEqualTo(SguilEventOut.BRIDGE_GENERATOR_ID);
        assertThat(e.getSignatureId()).isEqualTo(1000003);
        assertThat(e.getSrcIp()).isEqualTo("10.9.9.9");
        assertThat(e.getDstPort()).isEqualTo(80);
        assertThat(e.getIpProto()).isEqualTo(6);
        assertThat(e.getTimestamp()).isEqualTo(T0.plusMillis(5));
        assertThat(e.getDetail()).contains("PUT /index.html HTTP/1.0", "www.example.com",
                "Microsoft Data Access Internet Publishing Provider DAV 1.1", "ACCEPTED by the server (201 Created)");
        assertThat(e.getHtmlDetail()).contains("&lt;script&gt;spykids&lt;/script&gt;").doesNotContain("<script>");
        assertThat(e.getEvidenceKey()).contains("10.9.9.9:1043").endsWith("#1");
    }

    @Test
    void noContentIsASuccessToo() {
        insert(answered("10.9.9.9", 1043, T0, 204, "No Content"));
        assertThat(events()).extracting(SguilEventOut::getSignature).containsExactly("HTTP PUT Defacement SUCCEEDED");
    }

    @Test
    void unansweredPutSaysSo() {
        insert(put("10.9.9.9", 1043, T0).build());
        List<SguilEventOut> ev = events();
        assertThat(ev).extracting(SguilEventOut::getSignature).containsExactly("HTTP PUT Defacement Attempt");
        assertThat(ev.get(0).getPriority()).isEqualTo(2);
        assertThat(ev.get(0).getDetail()).contains("no response seen");
    }

    @Test
    void oneRefusedPutIsOneAttemptAndNoSummary() {
        insert(answered("10.9.9.9", 1043, T0, 405, "Method Not Allowed"));
        at(T0.plus(Duration.ofHours(1)));
        List<SguilEventOut> ev = events();
        assertThat(ev).hasSize(1);
        assertThat(ev.get(0).getDetail()).contains("refused (405 Method Not Allowed)");
    }

    @Test
    void manyRefusedPutsFromOneSourceAreSummarisedButASuccessIsReportedAtOnce() {
        for (int i = 0; i < 10; i++) {
            insert(answered("10.9.9.9", 2000 + i, T0.plusSeconds(10L * i), i % 2 == 0 ? 403 : 405, "No"));
        }
        insert(answered("10.9.9.9", 3000, T0.plusSeconds(120), 201, "Created"));
        assertThat(events()).extracting(SguilEventOut::getSignature)
                .containsExactly("HTTP PUT Defacement Attempt", "HTTP PUT Defacement SUCCEEDED");
        at(T0.plusSeconds(601));
        List<SguilEventOut> ev = events();
        assertThat(ev).hasSize(3);
        SguilEventOut summary = ev.stream().filter(e -> e.getEvidenceKey().startsWith("http-put-refused|"))
                .findFirst().orElseThrow();
        assertThat(summary.getTimestamp()).isEqualTo(T0.plusSeconds(90).plusMillis(5));
        assertThat(summary.getSignature()).isEqualTo("HTTP PUT Defacement Attempt");
        assertThat(summary.getDetail()).contains("9 more after the first");
        assertThat(summary.getEvidenceKey()).isEqualTo("http-put-refused|10.9.9.9|" + T0.plusMillis(5).toEpochMilli());
        // A new window opens for the same source afterwards.
        insert(answered("10.9.9.9", 4000, T0.plusSeconds(700), 403, "Forbidden"));
        assertThat(events()).hasSize(4);
    }

    @Test
    void refusedWindowsAreKeptPerSourceAndTheWindowIsConfigurable() {
        FactType settings = PutRules.base().getFactType("drl", "PutDefacementSettings");
        Object s;
        try {
            s = settings.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
        settings.set(s, "refusedWindowSeconds", 60L);
        insert(s, T0);
        insert(answered("10.1.1.1", 2000, T0, 403, "Forbidden"));
        insert(answered("10.2.2.2", 2000, T0.plusSeconds(1), 403, "Forbidden"));
        insert(answered("10.1.1.1", 2001, T0.plusSeconds(2), 403, "Forbidden"));
        assertThat(events()).hasSize(2);
        at(T0.plusSeconds(61));
        List<SguilEventOut> ev = events();
        assertThat(ev).hasSize(3);
        assertThat(ev.get(2).getSrcIp()).isEqualTo("10.1.1.1");
        assertThat(ev.get(2).getDetail()).contains("1 more after the first");
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
