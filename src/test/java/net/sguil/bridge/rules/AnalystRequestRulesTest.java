package net.sguil.bridge.rules;

import static net.sguil.bridge.rules.TestFacts.attachment;
import static net.sguil.bridge.rules.TestFacts.day;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import net.sguil.bridge.facts.AnalysisOutcome;
import net.sguil.bridge.facts.AnalystAction;
import net.sguil.bridge.facts.Attachment;
import net.sguil.bridge.facts.ExtractSession;
import net.sguil.bridge.facts.HttpTransaction;
import net.sguil.bridge.facts.SguilAlert;
import net.sguil.bridge.facts.SguilEventOut;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** drl/analyst-requests.drl, with the other shipped packs whose verdicts it reports. */
class AnalystRequestRulesTest {
    private static final Instant T = day(3).plusSeconds(3600);
    private static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static RuleSet rules;

    @BeforeAll
    static void build() throws Exception {
        rules = KnowledgeBaseLoader.load(List.of(Path.of("drl/analyst-requests.drl"), Path.of("drl/smtp-attachments.drl"),
                Path.of("drl/put-defacement.drl")));
    }

    private static SguilAlert smtpAlert(long gen, int proto) {
        return new SguilAlert(1, 42, "sensor1", "ET POLICY SMTP attachment", gen, 2001, 1, T, 2, "policy-violation", 2,
                "10.0.0.9", "10.0.0.25", 41000, 25, proto);
    }

    private static AnalystAction action(int status, String comment, SguilAlert alert) {
        return new AnalystAction(1, 42, "sensor1", "alice", T.plusSeconds(60), status, comment, alert);
    }

    private static CollectingSink run(RuleParameters p, Object... facts) {
        CollectingSink sink = new CollectingSink();
        RuleEngine engine = RuleEngine.replay(rules, p, sink, sink);
        try {
            // as the daemon does: an analysis' facts fired, then its outcome
            for (Object f : facts) {
                engine.insert(f, T.plusSeconds(60));
                engine.fireUntilQuiet();
            }
        } finally {
            engine.close();
        }
        return sink;
    }

    private static CollectingSink run(Object... facts) {
        return run(RuleParameters.defaults(), facts);
    }

    @Test
    void anEscalatedTcpAlertAsksForItsSessionAroundItsTime() {
        CollectingSink sink = run(action(2, "", smtpAlert(1, 6)));
        assertThat(sink.events).isEmpty();
        assertThat(sink.extractions).hasSize(1);
        ExtractSession x = sink.extractions.get(0);
        assertThat(x.getKind()).isEqualTo("smtp");
        assertThat(List.of(x.getSensor(), x.getSrcIp(), x.getSrcPort(), x.getDstIp(), x.getDstPort()))
                .containsExactly("sensor1", "10.0.0.9", 41000, "10.0.0.25", 25);
        assertThat(x.getStartTime()).isEqualTo(T.minusSeconds(300));
        assertThat(x.getEndTime()).isEqualTo(T.plusSeconds(300));
        assertThat(x.getAsked().getAlert()).isEqualTo("1.42");
        assertThat(x.getAsked().getAnalyst()).isEqualTo("alice");
        assertThat(x.getReason()).startsWith("alice escalated");
    }

    @Test
    void aCommentBeginningWithAKeywordAsksAndOtherCommentsAndStatusesDoNot() {
        assertThat(run(action(1, "  Extract: what was mailed?", smtpAlert(1, 6))).extractions).hasSize(1);
        assertThat(run(action(11, "analyze", smtpAlert(1, 6))).extractions).hasSize(1);
        assertThat(run(action(1, "extraction done elsewhere", smtpAlert(1, 6))).extractions).isEmpty();
        assertThat(run(action(1, "please extract", smtpAlert(1, 6))).extractions).isEmpty();
        assertThat(run(action(11, "", smtpAlert(1, 6))).extractions).isEmpty();
        RuleParameters own = RuleParameters.defaults().withRequestKeywords(List.of("pcap"));
        assertThat(run(own, action(1, "pcap please", smtpAlert(1, 6))).extractions).hasSize(1);
        assertThat(run(own, action(1, "extract", smtpAlert(1, 6))).extractions).isEmpty();
    }

    @Test
    void theBridgesOwnEventsAskNothing() {
        CollectingSink sink = run(action(2, "", smtpAlert(SguilEventOut.BRIDGE_GENERATOR_ID, 6)));
        assertThat(sink.extractions).isEmpty();
        assertThat(sink.events).isEmpty();
    }

    @Test
    void anAlertWithoutASessionIsAnsweredWithWhy() {
        CollectingSink udp = run(action(2, "", smtpAlert(1, 17)));
        assertThat(udp.extractions).isEmpty();
        assertThat(udp.events).extracting(SguilEventOut::getSignature)
                .containsExactly("BRIDGE request 1.42 cannot be served: alert 1.42 is not TCP (protocol 17)");
        CollectingSink gone = run(action(2, "", null));
        assertThat(gone.events).extracting(SguilEventOut::getSignature)
                .containsExactly("BRIDGE request 1.42 cannot be served: alert 1.42 is no longer in the event table");
        assertThat(gone.events.get(0).getSignatureId()).isEqualTo(1000124);
        assertThat(List.of(udp.events.get(0).getRefId(), gone.events.get(0).getRefId())).as("refID: the alert's cid")
                .containsOnly(42L);
    }

    @Test
    void theFindingsOfTheAnalysisComeBackAsOneEventEachAndASummaryReferringToTheAlert() {
        ExtractSession x = run(action(2, "", smtpAlert(1, 6))).extractions.get(0);
        Attachment exe = attachment("invoice.pdf.exe", "pe", SHA, "098f6bcd4621d373cade4e832627b4f6", Attachment.COMPLETE, T);
        Attachment txt = attachment("notes.txt", "text", SHA.replace('9', '8'), "098f6bcd4621d373cade4e832627b4f5",
                Attachment.COMPLETE, T);
        AnalysisOutcome o = AnalysisOutcome.served(x, List.of(exe, txt), List.of("snort.log.1"), T.plusSeconds(61));
        CollectingSink sink = run(exe, txt, o);
        List<SguilEventOut> files = sink.byRule("Analyst request: attachment found");
        assertThat(files).extracting(SguilEventOut::getSignature).containsExactlyInAnyOrder(
                "BRIDGE request 1.42: attachment invoice.pdf.exe (pe)", "BRIDGE request 1.42: attachment notes.txt (text)");
        SguilEventOut flagged = files.stream().filter(e -> e.getSignature().contains("invoice")).findFirst().orElseThrow();
        assertThat(flagged.getDetail()).contains("Request: alert 1.42: ET POLICY SMTP attachment",
                "Asked by: alice escalated", "SHA-256: " + SHA,
                "BRIDGE SMTP executable attachment: invoice.pdf.exe (pe)",
                "BRIDGE SMTP attachment with double extension: invoice.pdf.exe (pe)");
        assertThat(flagged.getPriority()).isEqualTo(1);
        SguilEventOut plain = files.stream().filter(e -> e.getSignature().contains("notes")).findFirst().orElseThrow();
        assertThat(plain.getDetail()).contains("Verdicts of the other packs: none");
        assertThat(plain.getPriority()).isEqualTo(3);
        List<SguilEventOut> summary = sink.byRule("Analyst request: summary");
        assertThat(summary).extracting(SguilEventOut::getSignature)
                .containsExactly("BRIDGE request 1.42 answered: 0 messages, 2 attachments, 0 HTTP requests");
        assertThat(summary.get(0).getTimestamp()).as("beside the alert").isEqualTo(T);
        assertThat(List.of(files.get(0), files.get(1), summary.get(0))).extracting(SguilEventOut::getRefId)
                .as("refID: the alert's cid").containsOnly(42L);
        assertThat(sink.events).filteredOn(e -> !e.getSignature().startsWith("BRIDGE request"))
                .extracting(SguilEventOut::getRefId).as("the other packs' own events refer to no alert").containsOnly(0L);
        assertThat(summary.get(0).getDetail()).contains("Capture files: snort.log.1");
        assertThat(summary.get(0).getEvidenceKey()).isEqualTo("analyst|" + x.getAsked().getKey());
    }

    @Test
    void anHttpRequestOfTheSessionComesBackWithItsOutcomeAndThePutPacksVerdictOnce() {
        SguilAlert put = new SguilAlert(1, 42, "sensor1", "WEB-MISC HTTP PUT", 1, 1000003, 1, T, 2,
                "web-application-attack", 1, "203.0.113.9", "10.0.0.80", 40000, 80, 6);
        ExtractSession x = run(action(1, "analyze", put)).extractions.stream().filter(e -> e.getAsked() != null)
                .findFirst().orElseThrow();
        assertThat(x.getKind()).isEqualTo("http");
        HttpTransaction t = HttpTransaction.builder()
                .connection("snort.log.1", "203.0.113.9", 40000, "10.0.0.80", 80, true, T)
                .index(1).requestLine("PUT", "/index.html", "HTTP/1.0").requestStart("PUT /ind", true)
                .host("www").requestBody(7, "spykids", true).requestTime(T).response(201, "Created", T).build();
        CollectingSink sink = run(t, AnalysisOutcome.served(x, List.of(t), List.of("snort.log.1"), T.plusSeconds(61)));
        assertThat(sink.events).extracting(SguilEventOut::getSignature).containsExactlyInAnyOrder(
                "HTTP PUT Defacement SUCCEEDED: /index.html", "BRIDGE request 1.42: PUT /index.html (201)",
                "BRIDGE request 1.42 answered: 0 messages, 0 attachments, 1 HTTP request");
        SguilEventOut answer = sink.byRule("Analyst request: HTTP request found").get(0);
        assertThat(answer.getDetail()).contains("Verdicts of the other packs: HTTP PUT Defacement SUCCEEDED: /index.html",
                "spykids", "201");
        assertThat(answer.getPriority()).isEqualTo(1);
    }

    @Test
    void aRequestThatCannotBeServedComesBackSayingWhy() {
        ExtractSession x = run(action(2, "", smtpAlert(1, 6))).extractions.get(0);
        CollectingSink sink = run(AnalysisOutcome.notServed(x, "no capture file of sensor sensor1 covers " + x.getStartTime(),
                List.of(), T.plusSeconds(61)));
        assertThat(sink.events).extracting(SguilEventOut::getSignature).containsExactly(
                "BRIDGE request 1.42 cannot be served: no capture file of sensor sensor1 covers " + x.getStartTime());
        assertThat(sink.events.get(0).getDetail()).contains("Why not: no capture file");
    }

    @Test
    void theRulesOwnRequestsAreNotAnswered() {
        ExtractSession x = new ExtractSession("smtp", "sensor1", "10.0.0.9", 41000, "10.0.0.25", 25, T, T, "sancp");
        assertThat(run(AnalysisOutcome.notServed(x, "no capture", List.of(), T)).events).isEmpty();
    }
}
