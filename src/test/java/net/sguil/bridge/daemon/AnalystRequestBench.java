package net.sguil.bridge.daemon;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import net.sguil.bridge.bench.SensorRawLog;
import net.sguil.bridge.config.BridgeConfig;
import net.sguil.bridge.facts.ExtractSession;
import net.sguil.bridge.rawlog.RawLogLocator;
import net.sguil.bridge.sguil.AnalystConsole;
import net.sguil.bridge.sguil.SguilTestData;
import net.sguil.bridge.sguil.agent.FakeSguild;
import net.sguil.bridge.weird.Weirds;

/**
 * bench/requests.sh (issue 15): analysts' requests answered from a sensor's RAW_LOG_DIR of
 * {@value SensorRawLog#HOURS} hourly capture files ({@link SensorRawLog}). The real MariaDB holds
 * one Snort alert per target session; the daemon runs with the shipped rules and the sguild test
 * server on TLS. The requests are written the way sguild writes an analyst's action ({@link
 * AnalystConsole#status}: SMTP alerts escalated, PUT alerts given an "extract" comment), one at a
 * time: the next once the last is answered, so each latency is one request's alone, after a pause
 * of 0 to 1 s (drawn at random), so the wait for the daemon's history poll is drawn too: without
 * it the requests fall into step with the 1 s poll and each waits the whole second. Prints, per
 * request, the time from the history row's insert to the test server's confirmation of the
 * answer's summary event (median, p99), requests/s, CPU and peak RSS; then the same sessions
 * analysed by {@link SessionAnalyzer} alone, the share of that time spent finding and reading the
 * capture files.
 * Usage: AnalystRequestBench REQUESTS FILE_MB RAW_LOG_DIR
 */
public final class AnalystRequestBench {
    private static final Duration ANSWER_LIMIT = Duration.ofMinutes(2);
    private static final double TARGET_SECONDS = 3;

    private AnalystRequestBench() {
    }

    public static void main(String[] args) throws Exception {
        int requests = Integer.parseInt(args[0]);
        int fileMb = Integer.parseInt(args[1]);
        Path raw = Path.of(args[2]).toAbsolutePath();
        List<SensorRawLog.Target> targets = SensorRawLog.targets(requests);
        Path dir = Files.createTempDirectory("request-bench");
        try (DaemonFixture fx = new DaemonFixture(dir)) {
            Path config = fx.writeConfig();
            Files.writeString(config, Files.readString(config)
                    .replace("sensor.sensor1.raw_log_dir = raw", "sensor.sensor1.raw_log_dir = " + raw)
                    .replace("reader.start_at_now = false", "reader.start_at_now = true"));
            try (Connection c = fx.db.connect()) {
                fx.sid = new SguilTestData(c).sensor("sensor1");
                AnalystConsole console = new AnalystConsole(c);
                for (SensorRawLog.Target t : targets) {
                    console.alert("sensor1", fx.sid, cid(t), t.smtp() ? "ET POLICY SMTP executable attachment"
                                    : "WEB-MISC HTTP PUT Defacement", t.smtp() ? 2000001 : 1000003, alertTime(t),
                            t.client(), t.clientPort(), t.server(), t.serverPort(), 6);
                }
            }
            BridgeDaemon daemon = BridgeDaemon.start(BridgeConfig.load(config));
            List<Long> latencies = new ArrayList<>();
            TreeMap<Integer, Integer> filesRead = new TreeMap<>();
            int notServed = 0;
            double cpuBefore;
            long begin;
            long end;
            try {
                DaemonTestBase.await("the history reader's first position", Duration.ofMinutes(10),
                        () -> Files.exists(dir.resolve("state").resolve("history.position")));
                cpuBefore = DaemonBench.cpuSeconds();
                begin = System.nanoTime();
                try (Connection c = fx.db.connect()) {
                    AnalystConsole console = new AnalystConsole(c);
                    SplittableRandom pause = new SplittableRandom(15);
                    for (SensorRawLog.Target t : targets) {
                        Thread.sleep(pause.nextInt(1000));
                        if (t.smtp()) {
                            console.status("alice", "sensor1", fx.sid, cid(t), t.start(), 2, null, Instant.now());
                        } else {
                            console.status("carol", "sensor1", fx.sid, cid(t), t.start(), 11,
                                    "extract: what was uploaded?", Instant.now());
                        }
                        long asked = System.nanoTime();
                        FakeSguild.Stored answer = answer(fx.sguild, fx.sid + "." + cid(t));
                        latencies.add(answer.storedAtNanos() - asked);
                        notServed += answer.message().contains(" cannot be served: ") ? 1 : 0;
                        filesRead.merge(answer.detail().split(SensorRawLog.PREFIX + "\\.", -1).length - 1, 1,
                                Integer::sum);
                    }
                }
                end = System.nanoTime();
            } finally {
                daemon.stop();
            }
            double cpu = DaemonBench.cpuSeconds() - cpuBefore;
            List<Long> sorted = latencies.stream().sorted().toList();
            double median = DaemonBench.percentile(sorted, 0.5) / 1e9;
            System.out.printf("requests: %d analyst requests (%d SMTP escalations, %d PUT comments), one at a time after a 0-1 s pause, "
                            + "against %d hourly capture files of %d MB; %d answered (%d cannot be served) at %.2f "
                            + "requests/s; capture files read per request (files: requests) %s; %d events in all "
                            + "(the answers' findings and the other packs' verdicts too)%n",
                    requests, (requests + 1) / 2, requests / 2, SensorRawLog.HOURS, fileMb, latencies.size(),
                    notServed, latencies.size() / ((end - begin) / 1e9), filesRead, fx.sguild.stored().size());
            System.out.printf("requests: latency history row inserted -> answer's summary event confirmed by the test "
                            + "server: median %.2f s, p99 %.2f s, max %.2f s; median %.2f s vs target %.0f s: %s%n",
                    median, DaemonBench.percentile(sorted, 0.99) / 1e9, sorted.get(sorted.size() - 1) / 1e9, median,
                    TARGET_SECONDS, median < TARGET_SECONDS ? "met" : "MISSED");
            List<Long> warm = latencies.stream().skip(1).sorted().toList();
            if (!warm.isEmpty()) {
                System.out.printf("requests: the first request %.2f s (the analysis path's first run: class loading, JIT); "
                                + "the other %d: median %.2f s, p99 %.2f s, max %.2f s%n", latencies.get(0) / 1e9,
                        warm.size(), DaemonBench.percentile(warm, 0.5) / 1e9, DaemonBench.percentile(warm, 0.99) / 1e9,
                        warm.get(warm.size() - 1) / 1e9);
            }
            System.out.printf("requests: CPU %.1f s user+sys over the requests (%.2f s per request; %.1f s in all, with "
                            + "start-up), peak RSS %d MB (bench JVM: daemon, sguild test server and request writer; "
                            + "load average %.1f)%n", cpu, cpu / requests, DaemonBench.cpuSeconds(),
                    DaemonBench.peakRssMb(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            analysedAlone(DaemonSettings.from(BridgeConfig.load(config)), targets, dir.resolve("alone"));
        }
    }

    /**
     * The same sessions through {@link SessionAnalyzer} alone, with the window the shipped rule asks
     * for: no history poll, rules or delivery, just finding the files and reading them.
     */
    private static void analysedAlone(DaemonSettings s, List<SensorRawLog.Target> targets, Path out) throws Exception {
        SessionAnalyzer analyzer = new SessionAnalyzer(s.sensorPcaps(), s.pcapBack(), s.pcapForward(), out,
                s.analysisLimits(), new Weirds());
        BridgeConfig.SensorPcaps sensor = s.sensorPcaps().get("sensor1");
        RawLogLocator locator = new RawLogLocator(sensor.rawLogDir(), sensor.prefix(), s.pcapBack(), s.pcapForward());
        List<Long> took = new ArrayList<>();
        long bytes = 0;
        double cpuBefore = DaemonBench.cpuSeconds();
        for (SensorRawLog.Target t : targets) {
            Instant at = alertTime(t);
            ExtractSession request = new ExtractSession(t.smtp() ? "smtp" : "http", "sensor1", t.client(),
                    t.clientPort(), t.server(), t.serverPort(), at.minusSeconds(300), at.plusSeconds(300), "bench");
            long start = System.nanoTime();
            analyzer.analyse(request);
            took.add(System.nanoTime() - start);
            for (Path f : locator.filesFor(request.getStartTime(), request.getEndTime())) {
                bytes += Files.size(f);
            }
        }
        double cpu = DaemonBench.cpuSeconds() - cpuBefore;
        List<Long> sorted = took.stream().sorted().toList();
        double total = took.stream().mapToLong(Long::longValue).sum() / 1e9;
        System.out.printf("requests: the same %d sessions analysed alone (SessionAnalyzer: find and read the capture "
                        + "files, no poll, rules or delivery): median %.2f s, p99 %.2f s; %.0f MB read at %.0f MB/s, "
                        + "CPU %.1f s user+sys%n", targets.size(), DaemonBench.percentile(sorted, 0.5) / 1e9,
                DaemonBench.percentile(sorted, 0.99) / 1e9, bytes / 1048576.0, bytes / 1048576.0 / total, cpu);
    }

    private static long cid(SensorRawLog.Target t) {
        return t.index() + 1L;
    }

    /** Snort alerts on the session's first data, a second after it opened. */
    private static Instant alertTime(SensorRawLog.Target t) {
        return t.start().plusSeconds(1);
    }

    /** The summary of the answer to the request about {@code alert}: "answered" or "cannot be served". */
    private static FakeSguild.Stored answer(FakeSguild sguild, String alert) throws InterruptedException {
        String answered = "BRIDGE request " + alert + " answered: ";
        String refused = "BRIDGE request " + alert + " cannot be served: ";
        long deadline = System.nanoTime() + ANSWER_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (FakeSguild.Stored s : sguild.stored()) {
                if (s.message().startsWith(answered) || s.message().startsWith(refused)) {
                    return s;
                }
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException("no answer to the request about alert " + alert + " within " + ANSWER_LIMIT);
    }
}
