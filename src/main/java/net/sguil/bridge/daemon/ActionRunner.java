package net.sguil.bridge.daemon;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import net.sguil.bridge.analysis.TimedFact;
import net.sguil.bridge.facts.ExtractSession;
import net.sguil.bridge.rules.ActionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the rules' pcap requests off the rule-firing thread, one at a time, from a bounded queue:
 * a slow search through a sensor's pcaps never stalls alert intake, and a flood of requests is
 * dropped (and counted) rather than piling up. The facts found go back to the engine through
 * {@code results}. Requests still queued at shutdown are saved and picked up at the next start.
 */
final class ActionRunner implements ActionHandler, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ActionRunner.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String PENDING_FILE = "actions.pending";

    private final SessionAnalyzer analyzer;
    private final Consumer<List<TimedFact>> results;
    private final DaemonCounters counters;
    private final Path pendingFile;
    private final BlockingQueue<ExtractSession> queue;
    private final Thread worker;
    private volatile boolean running = true;

    ActionRunner(SessionAnalyzer analyzer, int capacity, Path stateDir, DaemonCounters counters,
                 Consumer<List<TimedFact>> results) throws IOException {
        this.analyzer = analyzer;
        this.results = results;
        this.counters = counters;
        this.pendingFile = stateDir.resolve(PENDING_FILE);
        this.queue = new ArrayBlockingQueue<>(capacity);
        for (ExtractSession r : loadPending()) {
            extract(r);
        }
        this.worker = new Thread(this::run, "pcap-actions");
        this.worker.setDaemon(true);
        this.worker.start();
    }

    /** Called on the engine's thread: never blocks. */
    @Override
    public void extract(ExtractSession request) {
        if (queue.offer(request)) {
            counters.actionsQueued.incrementAndGet();
        } else {
            counters.actionsDropped.incrementAndGet();
            LOG.warn("pcap action queue full; dropped {} {}:{} -> {}:{}", request.getKind(), request.getSrcIp(),
                    request.getSrcPort(), request.getDstIp(), request.getDstPort());
        }
    }

    int queued() {
        return queue.size();
    }

    private void run() {
        while (running) {
            ExtractSession r;
            try {
                r = queue.poll(500, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (r == null) {
                continue;
            }
            try {
                List<TimedFact> facts = analyzer.analyse(r);
                counters.actionsDone.incrementAndGet();
                counters.analysisFactsIn.addAndGet(facts.size());
                results.accept(facts);
            } catch (SessionAnalyzer.NotAnalysable e) {
                counters.actionsFailed.incrementAndGet();
                LOG.info("cannot analyse {} session {}:{} -> {}:{}: {}", r.getKind(), r.getSrcIp(), r.getSrcPort(),
                        r.getDstIp(), r.getDstPort(), e.getMessage());
            } catch (IOException | RuntimeException e) {
                counters.actionsFailed.incrementAndGet();
                counters.error("pcap analysis failed: " + e);
                LOG.warn("pcap analysis of {}:{} -> {}:{} failed", r.getSrcIp(), r.getSrcPort(), r.getDstIp(),
                        r.getDstPort(), e);
            }
        }
    }

    /** Finishes the request in hand (up to {@code waitMillis}) and saves the ones still queued. */
    void stop(long waitMillis) throws IOException {
        running = false;
        try {
            worker.join(waitMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<ExtractSession> left = new ArrayList<>();
        queue.drainTo(left);
        savePending(left);
    }

    @Override
    public void close() throws IOException {
        stop(0);
    }

    private void savePending(List<ExtractSession> left) throws IOException {
        if (left.isEmpty()) {
            Files.deleteIfExists(pendingFile);
            return;
        }
        StringBuilder sb = new StringBuilder();
        for (ExtractSession r : left) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("kind", r.getKind());
            o.put("sensor", r.getSensor());
            o.put("src_ip", r.getSrcIp());
            o.put("src_port", r.getSrcPort());
            o.put("dst_ip", r.getDstIp());
            o.put("dst_port", r.getDstPort());
            o.put("start", r.getStartTime().toString());
            o.put("end", r.getEndTime() == null ? null : r.getEndTime().toString());
            o.put("reason", r.getReason());
            sb.append(JSON.writeValueAsString(o)).append('\n');
        }
        Path tmp = pendingFile.resolveSibling(PENDING_FILE + ".tmp");
        Files.writeString(tmp, sb.toString(), StandardCharsets.UTF_8);
        Files.move(tmp, pendingFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        LOG.info("saved {} pcap request(s) for the next start", left.size());
    }

    private List<ExtractSession> loadPending() throws IOException {
        List<ExtractSession> out = new ArrayList<>();
        if (!Files.exists(pendingFile)) {
            return out;
        }
        for (String line : Files.readAllLines(pendingFile, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            Map<?, ?> o = JSON.readValue(line, Map.class);
            Object end = o.get("end");
            out.add(new ExtractSession((String) o.get("kind"), (String) o.get("sensor"), (String) o.get("src_ip"),
                    ((Number) o.get("src_port")).intValue(), (String) o.get("dst_ip"),
                    ((Number) o.get("dst_port")).intValue(), Instant.parse((String) o.get("start")),
                    end == null ? null : Instant.parse((String) end), (String) o.get("reason")));
        }
        Files.delete(pendingFile);
        return out;
    }
}
