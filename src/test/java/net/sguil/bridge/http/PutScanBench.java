package net.sguil.bridge.http;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import net.sguil.bridge.extract.CaptureProcessor;
import net.sguil.bridge.extract.CaptureReport;
import net.sguil.bridge.extract.ExtractedMessage;
import net.sguil.bridge.extract.ExtractionConfig;
import net.sguil.bridge.extract.ExtractionListener;
import net.sguil.bridge.extract.ExtractionPipeline;
import net.sguil.bridge.extract.SmtpSessionRecord;
import net.sguil.bridge.facts.SguilEventOut;
import org.kie.api.runtime.KieSession;
import org.kie.api.time.SessionPseudoClock;

/**
 * Stand-in for {@code scan} until the rule engine is wired: extraction (SMTP attachments stored
 * under a temporary directory) plus the HTTP analyzer feeding drl/put-defacement.drl on a pseudo
 * clock. Prints MB/s, attachments, transactions and PUT events.
 * Usage: PutScanBench FILE.pcap
 */
public final class PutScanBench {
    private PutScanBench() {
    }

    public static void main(String[] args) throws IOException {
        Path pcap = Path.of(args[0]);
        Path out = Files.createTempDirectory("put-scan-bench");
        KieSession rules = PutRules.session(0);
        SessionPseudoClock clock = rules.getSessionClock();
        long[] counts = new long[2];
        ExtractionListener listener = new ExtractionListener() {
            @Override
            public void message(ExtractedMessage m) {
                counts[1] += m.attachments().size();
            }

            @Override
            public void smtpSession(SmtpSessionRecord s) {
            }

            @Override
            public void capture(CaptureReport r) {
            }
        };
        long t0 = System.nanoTime();
        try (ExtractionPipeline p = new ExtractionPipeline(ExtractionConfig.defaults(out), listener)) {
            new CaptureProcessor(p, HttpLimits.defaults(), t -> {
                counts[0]++;
                long delta = t.getTimestampMillis() - clock.getCurrentTime();
                if (delta > 0) {
                    clock.advanceTime(delta, TimeUnit.MILLISECONDS);
                }
                rules.insert(t);
                rules.fireAllRules();
            }).process(pcap, n -> { });
        }
        clock.advanceTime(1, TimeUnit.DAYS);
        rules.fireAllRules();
        double secs = (System.nanoTime() - t0) / 1e9;
        long puts = rules.getObjects(o -> o instanceof SguilEventOut e && e.getSignature().startsWith("HTTP PUT Defacement")).size();
        long ok = rules.getObjects(o -> o instanceof SguilEventOut e && e.getSignature().endsWith("SUCCEEDED")).size();
        double mb = Files.size(pcap) / 1048576.0;
        System.out.printf("put-scan: %.0f MB in %.2f s = %.1f MB/s; %d attachments, %d HTTP transactions, "
                + "%d PUT events (%d SUCCEEDED)%n", mb, secs, mb / secs, counts[1], counts[0], puts, ok);
        try (var files = Files.walk(out)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
