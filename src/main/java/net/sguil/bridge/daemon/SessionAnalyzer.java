package net.sguil.bridge.daemon;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.sguil.bridge.config.BridgeConfig.SensorPcaps;
import net.sguil.bridge.analysis.AnalysisLimits;
import net.sguil.bridge.analysis.CaptureProcessor;
import net.sguil.bridge.analysis.CaptureReport;
import net.sguil.bridge.analysis.ExtractedMessage;
import net.sguil.bridge.analysis.ExtractionConfig;
import net.sguil.bridge.analysis.ExtractionPipeline;
import net.sguil.bridge.analysis.FactFeed;
import net.sguil.bridge.facts.TimedFact;
import net.sguil.bridge.facts.ExtractSession;
import net.sguil.bridge.rawlog.RawLogLocator;
import net.sguil.bridge.rawlog.SessionFilter;
import net.sguil.bridge.state.CrashPoint;
import net.sguil.bridge.weird.Weirds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out an {@link ExtractSession} request: finds the session's packets in its sensor's
 * RAW_LOG_DIR the way sguild's pcap agent does, reassembles them, runs the SMTP/MIME and HTTP
 * analysis, and returns the facts found; the weirds of each capture read are added to the daemon's.
 *
 * <p>Each request writes under a directory of its own in the extract directory, named after the
 * session. A request interrupted by a crash is carried out again after the restart; its directory
 * is emptied first ({@link #discardPartial}), so no half-written file or spool of the first attempt
 * is left to look like a result, and {@link #removeStaleSpools} clears what any other crashed
 * analysis left.
 */
final class SessionAnalyzer {
    private static final Logger LOG = LoggerFactory.getLogger(SessionAnalyzer.class);
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final String SPOOL_PREFIX = ".spool-";

    /** Why a request could not be carried out; counted, logged, not retried. */
    static final class NotAnalysable extends Exception {
        NotAnalysable(String why) {
            super(why);
        }
    }

    /**
     * What one request found.
     *
     * @param connections TCP connections of the session seen in the captures: 0 when it is not in them
     * @param files the capture files searched
     */
    record Found(List<TimedFact> facts, int captures, long connections, List<String> files) {
    }

    private final Map<String, SensorPcaps> sensors;
    private final Duration back;
    private final Duration forward;
    private final Path extractDir;
    private final AnalysisLimits limits;
    private final Weirds weirds;

    SessionAnalyzer(Map<String, SensorPcaps> sensors, Duration back, Duration forward, Path extractDir,
                    AnalysisLimits limits, Weirds weirds) {
        this.sensors = sensors;
        this.back = back;
        this.forward = forward;
        this.extractDir = extractDir;
        this.limits = limits;
        this.weirds = weirds;
    }

    Found analyse(ExtractSession req) throws IOException, NotAnalysable {
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
        int[] captures = {0};
        long[] connections = {0};
        FactFeed collect = new FactFeed(found::addAll) {
            @Override
            public void message(ExtractedMessage m) {
                CrashPoint.here(CrashPoint.ANALYSIS_STORED);
                super.message(m);
            }

            @Override
            public void capture(CaptureReport report) {
                captures[0]++;
                connections[0] += report.connections();
                weirds.addAll(report.weirds());
            }
        };
        Path out = Files.createDirectories(directoryOf(req));
        try (ExtractionPipeline pipeline = new ExtractionPipeline(ExtractionConfig.defaults(out).withThreads(1).withLimits(limits),
                collect)) {
            new CaptureProcessor(pipeline, true).processSession(files,
                    files.get(0).getFileName().toString(),
                    sink -> new SessionFilter(req.getSrcIp(), req.getSrcPort(), req.getDstIp(), req.getDstPort(), sink));
        }
        return new Found(found, captures[0], connections[0],
                files.stream().map(f -> f.getFileName().toString()).toList());
    }

    /** Removes what an interrupted attempt at {@code req} wrote, before it is carried out again. */
    void discardPartial(ExtractSession req) throws IOException {
        Path dir = directoryOf(req);
        if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            LOG.info("removing the partial results of an interrupted analysis: {}", dir);
            deleteTree(dir);
        }
    }

    /** Removes the spool directories crashed analyses left in the extract directory (no analysis runs yet). */
    void removeStaleSpools() throws IOException {
        if (!Files.isDirectory(extractDir)) {
            return;
        }
        try (DirectoryStream<Path> top = Files.newDirectoryStream(extractDir)) {
            for (Path p : top) {
                if (isSpool(p)) {
                    deleteTree(p);
                } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    try (DirectoryStream<Path> inner = Files.newDirectoryStream(p, SPOOL_PREFIX + "*")) {
                        for (Path q : inner) {
                            if (isSpool(q)) {
                                deleteTree(q);
                            }
                        }
                    }
                }
            }
        }
    }

    private static boolean isSpool(Path p) {
        return p.getFileName().toString().startsWith(SPOOL_PREFIX) && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
    }

    /** {@code <kind>-<start>-<src>.<port>-<dst>.<port>}, in characters any file system takes. */
    Path directoryOf(ExtractSession req) {
        String kind = req.getKind().length() > 20 ? req.getKind().substring(0, 20) : req.getKind();
        String name = kind + "-" + STAMP.format(req.getStartTime()) + "-" + req.getSrcIp() + "."
                + req.getSrcPort() + "-" + req.getDstIp() + "." + req.getDstPort();
        return extractDir.resolve(name.replaceAll("[^A-Za-z0-9._-]", "_"));
    }

    /** Deletes a tree without following links out of it (a link is removed, not its target). */
    private static void deleteTree(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
