package net.sguil.bridge.daemon;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.sguil.bridge.config.BridgeConfig.SensorPcaps;
import net.sguil.bridge.analysis.CaptureProcessor;
import net.sguil.bridge.analysis.ExtractionConfig;
import net.sguil.bridge.analysis.ExtractionListener;
import net.sguil.bridge.analysis.ExtractionPipeline;
import net.sguil.bridge.analysis.FactFeed;
import net.sguil.bridge.analysis.TimedFact;
import net.sguil.bridge.facts.ExtractSession;
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
        ExtractionListener collect = new FactFeed(found::addAll);
        try (ExtractionPipeline pipeline = new ExtractionPipeline(ExtractionConfig.defaults(extractDir).withThreads(1),
                collect)) {
            new CaptureProcessor(pipeline, true).processSession(files,
                    files.get(0).getFileName().toString(),
                    sink -> new SessionFilter(req.getSrcIp(), req.getSrcPort(), req.getDstIp(), req.getDstPort(), sink));
        }
        return found;
    }
}
