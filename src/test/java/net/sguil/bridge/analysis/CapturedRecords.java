package net.sguil.bridge.analysis;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.sguil.bridge.facts.HttpTransaction;

/** Everything the analysis of one capture reported, in order: for tests that read a whole capture. */
public final class CapturedRecords implements ExtractionListener {
    public final List<ExtractedMessage> messages = new ArrayList<>();
    public final List<SmtpSessionRecord> sessions = new ArrayList<>();
    public final List<HttpTransaction> transactions = new ArrayList<>();
    public Map<String, Long> weirds;

    private CapturedRecords() {
    }

    /** Analyses {@code pcap} with the default configuration, storing files under {@code outputDir}. */
    public static CapturedRecords of(Path pcap, Path outputDir) throws IOException {
        CapturedRecords r = new CapturedRecords();
        try (ExtractionPipeline p = new ExtractionPipeline(ExtractionConfig.defaults(outputDir), r)) {
            new CaptureProcessor(p, true).process(pcap, n -> { });
        }
        return r;
    }

    @Override
    public void message(ExtractedMessage m) {
        messages.add(m);
    }

    @Override
    public void smtpSession(SmtpSessionRecord s) {
        sessions.add(s);
    }

    @Override
    public void httpTransaction(HttpTransaction t) {
        transactions.add(t);
    }

    @Override
    public void capture(CaptureReport report) {
        weirds = report.weirds();
    }
}
