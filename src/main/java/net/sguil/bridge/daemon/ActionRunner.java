package net.sguil.bridge.daemon;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import net.sguil.bridge.facts.TimedFact;
import net.sguil.bridge.facts.AnalysisOutcome;
import net.sguil.bridge.facts.ExtractSession;
import net.sguil.bridge.rules.ActionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the rules' pcap requests off the rule-firing thread, one at a time, from the durable {@link
 * ActionQueue}: a slow search through a sensor's pcaps never stalls alert intake, and a flood of
 * requests is refused (and counted) rather than piling up. What an analysis found goes to {@code
 * results}, whose owner finishes the request ({@link #finished}) once those facts are in the engine
 * and their conclusions in the outbox; requests a crash interrupted are carried out again at start,
 * after their partial output is removed.
 */
final class ActionRunner implements ActionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ActionRunner.class);

    /**
     * Receives an analysis' facts and its outcome (also when the request could not be served) on the
     * worker thread; must call {@link #finished} when what they concluded is durable.
     */
    @FunctionalInterface
    interface Results {
        void accept(ActionQueue.Pending request, AnalysisOutcome outcome, List<TimedFact> facts);
    }

    private final SessionAnalyzer analyzer;
    private final ActionQueue queue;
    private final DaemonCounters counters;
    private final Results results;
    private final Thread worker;
    private volatile boolean running = true;

    ActionRunner(SessionAnalyzer analyzer, ActionQueue queue, DaemonCounters counters, Results results)
            throws IOException {
        this.analyzer = analyzer;
        this.queue = queue;
        this.counters = counters;
        this.results = results;
        analyzer.removeStaleSpools();
        for (ActionQueue.Pending p : queue.replayed()) {
            analyzer.discardPartial(p.request());
        }
        if (!queue.replayed().isEmpty()) {
            LOG.info("{} pcap request(s) left unfinished by the last run are carried out again", queue.replayed().size());
        }
        this.worker = new Thread(this::run, "pcap-actions");
        this.worker.setDaemon(true);
    }

    void start() {
        worker.start();
    }

    /**
     * Called on the engine's thread: never blocks on an analysis. The request is appended to the
     * journal; a failure to do so is thrown, so the rows that raised it are not marked read.
     */
    @Override
    public void extract(ExtractSession request) {
        ActionQueue.Pending p;
        try {
            p = queue.offer(request);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep a pcap request in the action journal", e);
        }
        if (p != null) {
            counters.actionsQueued.incrementAndGet();
        } else {
            counters.actionsDropped.incrementAndGet();
            LOG.warn("pcap action queue full; dropped {} {}:{} -> {}:{}", request.getKind(), request.getSrcIp(),
                    request.getSrcPort(), request.getDstIp(), request.getDstPort());
        }
    }

    /** The request's outcome is in the engine and what it concluded is durable; it was served or given up. */
    void finished(ActionQueue.Pending p, boolean served) throws IOException {
        (served ? counters.actionsDone : counters.actionsFailed).incrementAndGet();
        queue.done(p);
    }

    private void run() {
        while (running) {
            ActionQueue.Pending p;
            try {
                p = queue.take(500);
            } catch (InterruptedException e) {
                return;
            }
            if (p == null) {
                continue;
            }
            ExtractSession r = p.request();
            List<TimedFact> facts = List.of();
            AnalysisOutcome outcome;
            try {
                SessionAnalyzer.Found found = analyzer.analyse(r);
                counters.analysisFacts.addAndGet(found.facts().size());
                counters.captures.addAndGet(found.captures());
                facts = found.facts();
                outcome = found.connections() == 0
                        ? AnalysisOutcome.notServed(r, "the session is not in the capture files " + found.files(),
                                found.files(), Instant.now())
                        : AnalysisOutcome.served(r, facts.stream().map(TimedFact::fact).toList(), found.files(),
                                Instant.now());
            } catch (SessionAnalyzer.NotAnalysable e) {
                LOG.info("cannot analyse {} session {}:{} -> {}:{}: {}", r.getKind(), r.getSrcIp(), r.getSrcPort(),
                        r.getDstIp(), r.getDstPort(), e.getMessage());
                outcome = AnalysisOutcome.notServed(r, e.getMessage(), List.of(), Instant.now());
            } catch (IOException | RuntimeException e) {
                counters.error("pcap analysis failed: " + e);
                LOG.warn("pcap analysis of {}:{} -> {}:{} failed", r.getSrcIp(), r.getSrcPort(), r.getDstIp(),
                        r.getDstPort(), e);
                outcome = AnalysisOutcome.notServed(r, "reading the capture files failed: " + e.getMessage(),
                        List.of(), Instant.now());
            }
            results.accept(p, outcome, facts);
        }
    }

    /** Lets the request in hand finish (up to {@code waitMillis}); the others stay in the journal. */
    void stop(long waitMillis) {
        running = false;
        try {
            worker.join(waitMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
