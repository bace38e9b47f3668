package net.sguil.bridge.daemon;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.sguil.bridge.config.BridgeConfig.SensorPcaps;
import net.sguil.bridge.extract.CaptureProcessor;
import net.sguil.bridge.extract.CaptureReport;
import net.sguil.bridge.extract.ExtractedMessage;
import net.sguil.bridge.extract.ExtractionConfig;
import net.sguil.bridge.extract.ExtractionListener;
import net.sguil.bridge.extract.ExtractionPipeline;
import net.sguil.bridge.extract.SmtpSessionRecord;
import net.sguil.bridge.facts.ExtractSession;
import net.sguil.bridge.facts.HttpTransaction;
import net.sguil.bridge.http.HttpLimits;
import net.sguil.bridge.rawlog.RawLogLocator;
import net.sguil.bridge.rawlog.SessionFilter;

/**
 * Carries out an {@link ExtractSession} request: finds the session's packets in its sensor's
 * RAW_LOG_DIR the way sguild's pcap agent does, reassembles them, runs the SMTP/MIME and HTTP
 * analysis, and returns the facts found.
 */
final class SessionAnalyzer {
    /** Why a request could not be carried out; counted, logged, not retried. */
    static final class NotAnalysable extends Exception {
        NotAnalysable(String why) {
            super(why);
        }
    }

    private final Map<String, SensorPcaps> sensors;
    private final Duration back;
    private final Duration forward;
    private final Path extractDir;

    SessionAnalyzer(Map<String, SensorPcaps> sensors, Duration back, Duration forward, Path extractDir) {
        this.sensors = sensors;
        this.back = back;
        this.forward = forward;
        this.extractDir = extractDir;
    }

    List<TimedFact> analyse(ExtractSession req) throws IOException, NotAnalysable {
        SensorPcaps s = sensors.get(req.getSensor());
        if (s == null) {
            throw new NotAnalysable("no sensor." + req.getSensor() + ".raw_log_dir configured");
        }
        Instant end = req.getEndTime() == null ? req.getStartTime() : req.getEndTime();
        List<Path> files = new RawLogLocator(s.rawLogDir(), s.prefix(), back, forward).filesFor(req.getStartTime(), end);
        if (files.isEmpty()) {
            throw new NotAnalysable("no capture file of sensor " + s.name() + " covers " + req.getStartTime());
        }
        List<TimedFact> found = new ArrayList<>();
        ExtractionListener collect = new ExtractionListener() {
            @Override
            public void message(ExtractedMessage m) {
                for (Object f : m.facts()) {
                    found.add(new TimedFact(f, m.session().getLastSeen()));
                }
            }

            @Override
            public void httpTransaction(HttpTransaction t) {
                found.add(new TimedFact(t, Instant.ofEpochMilli(t.getTimestampMillis())));
            }
        };
        try (ExtractionPipeline pipeline = new ExtractionPipeline(ExtractionConfig.defaults(extractDir).withThreads(1),
                collect)) {
            new CaptureProcessor(pipeline, HttpLimits.defaults()).processSession(files,
                    files.get(0).getFileName().toString(),
                    sink -> new SessionFilter(req.getSrcIp(), req.getSrcPort(), req.getDstIp(), req.getDstPort(), sink));
        }
        return found;
    }
}
