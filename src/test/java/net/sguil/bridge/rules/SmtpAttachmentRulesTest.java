package net.sguil.bridge.rules;

import static net.sguil.bridge.rules.TestFacts.attachment;
import static net.sguil.bridge.rules.TestFacts.day;
import static net.sguil.bridge.rules.TestFacts.session;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import net.sguil.bridge.facts.Attachment;
import net.sguil.bridge.facts.ExtractSession;
import net.sguil.bridge.facts.SguilEventOut;
import net.sguil.bridge.facts.SmtpMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** drl/smtp-attachments.drl. */
class SmtpAttachmentRulesTest {
    private static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final String MD5 = "098f6bcd4621d373cade4e832627b4f6";
    private static final Instant T = day(3).plusSeconds(3600);
    private static RuleSet rules;

    @BeforeAll
    static void build() throws Exception {
        rules = KnowledgeBaseLoader.load(List.of(Path.of("drl/smtp-attachments.drl")));
    }

    private static CollectingSink run(RuleParameters p, Object... facts) {
        CollectingSink sink = new CollectingSink();
        RuleEngine engine = RuleEngine.replay(rules, p, sink, sink);
        try {
            for (Object f : facts) {
                engine.insert(f, T);
            }
            engine.fireUntilQuiet();
        } finally {
            engine.close();
        }
        return sink;
    }

    private static CollectingSink run(Object... facts) {
        return run(RuleParameters.defaults(), facts);
    }

    private static Attachment file(String name, String magic) {
        return attachment(name, magic, SHA, MD5, Attachment.COMPLETE, T);
    }

    @Test
    void aMessageWhoseAnalysisALimitCutIsContentHiddenFromAnalysis() {
        Attachment a = file("report.pdf", "pdf");
        SmtpMessage cut = new SmtpMessage(a.getSession(), a.getMessage(), 1, false, "mime.header_block_too_large", T);
        SmtpMessage whole = new SmtpMessage(a.getSession(), a.getMessage(), 1, false, "", T);
        CollectingSink sink = run(cut, whole, a);
        assertThat(sink.events).extracting(SguilEventOut::getRule)
                .containsExactly("SMTP: message content hidden from analysis");
        SguilEventOut e = sink.events.get(0);
        assertThat(e.getSignatureId()).isEqualTo(1000115);
        assertThat(e.getSignature()).isEqualTo("BRIDGE SMTP content hidden from analysis: mime.header_block_too_large");
        assertThat(e.getDstPort()).isEqualTo(25);
        assertThat(e.getDetail()).contains("mime.header_block_too_large", "Sender: eve@example.org",
                "Subject: Your invoice", "Attachments found: 1");
    }

    @Test
    void aPeCalledInvoicePdfExeIsAnExecutableWithADoubleExtension() {
        CollectingSink sink = run(file("invoice.pdf.exe", "pe"));
        assertThat(sink.events).extracting(SguilEventOut::getRule).containsExactlyInAnyOrder(
                "SMTP: executable attachment", "SMTP: attachment with a double extension");
        SguilEventOut e = sink.byRule("SMTP: executable attachment").get(0);
        assertThat(e.getSignatureId()).isEqualTo(1000111);
        assertThat(e.getSignature()).isEqualTo("BRIDGE SMTP executable attachment: invoice.pdf.exe (pe)");
        assertThat(e.getSrcIp()).isEqualTo("10.0.0.9");
        assertThat(e.getDstPort()).isEqualTo(25);
        assertThat(e.getTimestamp()).isEqualTo(T);
        assertThat(e.getDetail()).contains("File name: invoice.pdf.exe", "Detected type: pe", "Size: 4096 bytes",
                "MD5: " + MD5, "SHA-256: " + SHA, "Stored as: /var/lib/x/" + SHA, "Sender: eve@example.org",
                "Recipients: bob@example.com, carol@example.com", "Subject: Your invoice")
                .doesNotContain("TRUNCATED");
        assertThat(sink.byRule("SMTP: attachment with a double extension").get(0).getSignatureId()).isEqualTo(1000113);
    }

    @Test
    void aPdfNameOnAnExecutableDisagreesWithItsContent() {
        CollectingSink sink = run(file("invoice.pdf", "pe"));
        assertThat(sink.events).extracting(SguilEventOut::getRule).containsExactlyInAnyOrder(
                "SMTP: executable attachment", "SMTP: attachment name disagrees with its content");
        assertThat(sink.byRule("SMTP: attachment name disagrees with its content").get(0))
                .satisfies(e -> assertThat(e.getSignatureId()).isEqualTo(1000112))
                .satisfies(e -> assertThat(e.getDetail()).contains("Extension promises: pdf"));
    }

    @Test
    void aPdfThatIsReallyAPdfRaisesNothing() {
        assertThat(run(file("report.pdf", "pdf"), file("Report.PDF", "pdf"), file("data.docx", "ooxml"),
                file("notes", "text"), file("empty.pdf", "data") /* size 4096: garbage is a disagreement */)
                .events).extracting(SguilEventOut::getDetail)
                .singleElement().asString().contains("File name: empty.pdf");
    }

    @Test
    void scriptsAndElfAreExecutablesToo() {
        CollectingSink sink = run(file("run.sh", "script-sh"), file("a.out", "elf"), file("x.js", "script-js"));
        assertThat(sink.byRule("SMTP: executable attachment")).extracting(SguilEventOut::getSignature)
                .containsExactlyInAnyOrder("BRIDGE SMTP executable attachment: run.sh (script-sh)",
                        "BRIDGE SMTP executable attachment: a.out (elf)", "BRIDGE SMTP executable attachment: x.js (script-js)");
        assertThat(sink.events).hasSize(3);
    }

    @Test
    void knownBadHashesMatchInAnyCaseByMd5OrSha256() {
        RuleParameters p = RuleParameters.defaults().withKnownBadHashes(KnownBadHashes.of(SHA.toUpperCase()));
        CollectingSink sink = run(p, file("harmless.txt", "text"));
        assertThat(sink.events).singleElement().satisfies(e -> {
            assertThat(e.getRule()).isEqualTo("SMTP: attachment with a known-bad hash");
            assertThat(e.getSignatureId()).isEqualTo(1000114);
        });
        RuleParameters byMd5 = RuleParameters.defaults().withKnownBadHashes(KnownBadHashes.of(MD5));
        assertThat(run(byMd5, file("harmless.txt", "text")).events).hasSize(1);
        assertThat(run(file("harmless.txt", "text")).events).as("not listed").isEmpty();
    }

    @Test
    void aTruncatedAttachmentSaysSo() {
        Attachment a = attachment("setup.exe", "pe", SHA, MD5, Attachment.TRUNCATED, T);
        assertThat(run(a).events).singleElement().extracting(SguilEventOut::getDetail).asString()
                .contains("TRUNCATED");
    }

    @Test
    void theHtmlDetailEscapesWhatCameFromTheWire() {
        CollectingSink sink = run(file("<img src=x onerror=alert(1)>.pdf.exe", "pe"));
        assertThat(sink.events).isNotEmpty().allSatisfy(e -> {
            assertThat(e.getHtmlDetail()).contains("\\x3cimg src=x onerror=alert(1)\\x3e.pdf.exe")
                    .doesNotContain("<img");
            assertThat(e.getHtmlDetail()).startsWith("<table").contains("<td><b>File name</b></td>");
            assertThat(e.getSignature()).endsWith(": \\x3cimg src=x onerror=alert(1)\\x3e.pdf.exe (pe)");
        });
    }

    @Test
    void theSameAttachmentInsertedTwiceIsReportedOnce() {
        Attachment a = file("invoice.pdf", "pe");
        CollectingSink sink = run(a, a, file("invoice.pdf", "pe"));
        assertThat(sink.events).hasSize(2); // executable + disagreement, each once
    }

    @Test
    void smtpSessionsToAMailServerAreExtractedOnce() {
        var toMx = session("10.0.0.9", "10.0.0.25", 25, 5000, 300, T);
        var submission = session("10.0.0.9", "10.0.0.25", 587, 5000, 300, T);
        var smtps = session("10.0.0.9", "10.0.0.25", 465, 5000, 300, T);
        var web = session("10.0.0.9", "10.0.0.25", 80, 5000, 300, T);
        CollectingSink sink = run(toMx, toMx, submission, smtps, web);
        assertThat(sink.extractions).extracting(ExtractSession::getDstPort).containsExactlyInAnyOrder(25, 587);
        ExtractSession x = sink.extractions.stream().filter(e -> e.getDstPort() == 25).findFirst().orElseThrow();
        assertThat(x.getKind()).isEqualTo("smtp");
        assertThat(x.getSrcIp()).isEqualTo("10.0.0.9");
        assertThat(x.getStartTime()).isEqualTo(T);
        assertThat(x.getEndTime()).isEqualTo(T.plusSeconds(10));
        assertThat(x.getSensor()).isEqualTo("s1");
        assertThat(sink.events).isEmpty();
    }

    @Test
    void configuredMailServersAndPortsLimitTheExtraction() {
        RuleParameters p = RuleParameters.defaults().withSmtp(Set.of(2525), NetworkSet.parse("192.0.2.25"));
        CollectingSink sink = run(p, session("10.0.0.9", "192.0.2.25", 2525, 1, 1, T),
                session("10.0.0.9", "192.0.2.26", 2525, 1, 1, T), session("10.0.0.9", "192.0.2.25", 25, 1, 1, T));
        assertThat(sink.extractions).extracting(ExtractSession::getDstIp, ExtractSession::getDstPort)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("192.0.2.25", 2525));
    }
}
