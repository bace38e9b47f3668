package net.sguil.bridge.daemon;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.sguil.bridge.facts.TimedFact;
import net.sguil.bridge.delivery.DeliveryStats;
import net.sguil.bridge.delivery.EventDelivery;
import net.sguil.bridge.delivery.LastError;
import net.sguil.bridge.delivery.StoredConclusions;
import net.sguil.bridge.facts.AnalysisOutcome;
import net.sguil.bridge.facts.SguilAlert;
import net.sguil.bridge.facts.SguilEventOut;
import net.sguil.bridge.rules.RuleEngine;
import net.sguil.bridge.rules.RuleSet;
import net.sguil.bridge.sguil.DbUnreachableException;
import net.sguil.bridge.sguil.EventReader;
import net.sguil.bridge.sguil.HistoryReader;
import net.sguil.bridge.sguil.SancpReader;
import net.sguil.bridge.state.CrashPoint;
import net.sguil.bridge.state.Durable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that owns the rule engine: polls of {@code event}, {@code sancp} and {@code history}
 * (the analysts' actions, polled as often as {@code event}), the results of
 * pcap analyses, clock ticks and health reports are all tasks on it, so the engine is never touched
 * concurrently. Pcap work runs on its own thread ({@link ActionRunner}).
 *
 * <p>Durable before acknowledged: a polled row is inserted and the rules fired, each conclusion
 * appended to the outbox and each pcap request to the action journal, both forced to disk, and only
 * then does the reader save its position. A crash in between makes the rows come again after the
 * restart; the rules conclude the same, and the outbox refuses what it already holds. A pcap
 * request leaves its journal only once its facts are inserted and their conclusions forced too.
 *
 * <p>At start, before the first poll: the readers take their first-run positions (so rows arriving
 * while the daemon gets going are read), the conclusions Sguil already holds as the bridge's events
 * are read back into the outbox's memory (so a lost state directory sends nothing twice), and the
 * alerts behind the position are replayed with the engine in replay-only mode: the trending
 * baselines are rebuilt, nothing is raised. The engine's clock is the data's time, kept moving with
 * the wall clock by a tick.
 */
final class EngineLoop {
    private static final Logger LOG = LoggerFactory.getLogger(EngineLoop.class);

    private final DaemonSettings settings;
    private final EventDelivery delivery;
    private final ActionQueue queue;
    private final DaemonCounters counters;
    private final HealthReport health;
    private final ScheduledExecutorService thread;
    private final ActionRunner actions;
    private final RuleEngine engine;
    private final Durable durable;
    private Connection connection;
    private EventReader events;
    private SancpReader sessions;
    private HistoryReader history;
    private boolean warmedUp;
    private volatile boolean databaseConnected;
    private volatile boolean stopping;
    private volatile DaemonStatus.Rules rules;

    EngineLoop(DaemonSettings settings, RuleSet rules, EventDelivery delivery, ActionQueue queue,
               DaemonCounters counters) throws IOException {
        this.settings = settings;
        this.delivery = delivery;
        this.queue = queue;
        this.counters = counters;
        this.health = new HealthReport(settings.stateDir());
        this.durable = delivery.then(queue);
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "rule-engine");
            t.setDaemon(true);
            return t;
        });
        this.actions = new ActionRunner(new SessionAnalyzer(settings.sensorPcaps(), settings.pcapBack(),
                settings.pcapForward(), settings.extractDir(), settings.analysisLimits(), counters.analysisWeirds),
                queue, counters,
                (p, outcome, facts) -> thread.execute(() -> analysed(p, outcome, facts)));
        this.engine = RuleEngine.replay(rules, settings.ruleParameters(), this::conclude, actions);
    }

    /** Hands over rules that were rebuilt after a change; they take effect at the next task. */
    void offer(RuleSet rules) {
        engine.offer(rules);
    }

    /** The first-run positions, the read-back and the replay (see the class comment), then the schedule. */
    void start() {
        try {
            thread.submit(guarded("start", this::warmUp)).get(5, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("start-up against the database did not finish; the polls go on trying: {}", e.toString());
        }
        actions.start();
        schedule(guarded("event poll", this::pollEvents), settings.eventPoll().toMillis());
        schedule(guarded("sancp poll", this::pollSessions), settings.sancpPoll().toMillis());
        schedule(guarded("history poll", this::pollHistory), settings.eventPoll().toMillis());
        schedule(guarded("clock", () -> engine.advanceTo(Instant.now())), 1000);
        schedule(guarded("health", () -> health.report(status())), settings.healthInterval().toMillis());
        schedule(guarded("status", () -> health.writeIfChanged(status())), 1000);
    }

    private void schedule(Runnable task, long everyMillis) {
        thread.scheduleWithFixedDelay(task, 0, everyMillis, TimeUnit.MILLISECONDS);
    }

    @FunctionalInterface
    private interface Task {
        void run() throws Exception;
    }

    private Runnable guarded(String what, Task task) {
        return () -> {
            if (stopping) {
                return;
            }
            try {
                task.run();
            } catch (SQLException | DbUnreachableException e) {
                counters.error(what + ": " + e.getMessage());
                LOG.warn("{} failed: {}; reconnecting at the next poll", what, e.getMessage());
                disconnect();
            } catch (Exception e) {
                counters.error(what + ": " + e);
                LOG.error("{} failed", what, e);
            }
        };
    }

    private void connectIfNeeded() throws DbUnreachableException, IOException, SQLException {
        if (connection != null) {
            return;
        }
        connection = settings.db().connect();
        Path state = settings.stateDir();
        events = new EventReader(connection, state.resolve(FirstRunPositions.EVENT), settings.sensors(),
                settings.readerLimits());
        sessions = new SancpReader(connection, state.resolve(FirstRunPositions.SANCP), settings.sensors(),
                settings.readerLimits());
        history = new HistoryReader(connection, state.resolve(FirstRunPositions.HISTORY), settings.sensors(),
                settings.readerLimits());
        databaseConnected = true;
        LOG.info("connected to the database at {}:{}", settings.db().host(), settings.db().port());
    }

    private void disconnect() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // The connection is being dropped because it failed; its close failing tells nothing new.
            }
        }
        connection = null;
        events = null;
        sessions = null;
        history = null;
        databaseConnected = false;
    }

    private void warmUp() throws Exception {
        connectIfNeeded();
        if (warmedUp) {
            return;
        }
        events.start();
        sessions.start();
        history.start();
        List<String> known = StoredConclusions.read(connection, settings.ownSensor(),
                settings.deliveryLimits().outbox().rememberedConclusions());
        delivery.remember(known);
        Instant since = Instant.now().minus(settings.historyWindow());
        long before = counters.replayed.get();
        engine.replayOnly(true);
        try {
            events.history(since, a -> {
                if (!isOwn(a)) {
                    counters.replayed.incrementAndGet();
                    engine.insert(a, a.getTimestamp());
                    engine.fireUntilQuiet();
                }
            });
        } finally {
            engine.replayOnly(false);
        }
        warmedUp = true;
        LOG.info("{} conclusion(s) already in Sguil; replayed {} alert(s) since {} to rebuild the rules' state",
                known.size(), counters.replayed.get() - before, since);
    }

    private void pollEvents() throws Exception {
        warmUp();
        if (events.poll(this::alert, durable) > 0) {
            CrashPoint.here(CrashPoint.EVENT_READ);
        }
    }

    private void pollSessions() throws Exception {
        warmUp();
        int n = sessions.poll(s -> {
            counters.sessionsIn.incrementAndGet();
            engine.insert(s, s.getStartTime());
            engine.fireUntilQuiet();
        }, durable);
        if (n > 0) {
            CrashPoint.here(CrashPoint.SANCP_READ);
        }
    }

    /** An analyst's status change or comment: the rules decide whether it asks for an analysis. */
    private void pollHistory() throws Exception {
        warmUp();
        if (history.poll(a -> {
            engine.insert(a, a.getTime());
            engine.fireUntilQuiet();
        }, durable) > 0) {
            CrashPoint.here(CrashPoint.HISTORY_READ);
        }
    }

    /** The bridge's own events come back through {@code event}; they are not evidence. */
    private boolean isOwn(SguilAlert a) {
        return a.getSignatureGen() == SguilEventOut.BRIDGE_GENERATOR_ID && settings.ownSensor().equals(a.getSensor());
    }

    private void alert(SguilAlert a) {
        if (isOwn(a)) {
            return;
        }
        counters.alertsIn.incrementAndGet();
        engine.insert(a, a.getTimestamp());
        engine.fireUntilQuiet();
    }

    /**
     * An analysis' facts, fired, and then its outcome, fired: so the rules answering an analyst find
     * what the other rules concluded from the same facts. Then their conclusions are forced to disk
     * and the request is finished.
     */
    private void analysed(ActionQueue.Pending p, AnalysisOutcome outcome, List<TimedFact> facts) {
        try {
            engine.insertAndFire(facts);
            engine.insert(outcome, outcome.getTime());
            engine.fireUntilQuiet();
            delivery.sync();
            actions.finished(p, outcome.isServed());
        } catch (IOException | RuntimeException e) {
            counters.error("inserting analysis results: " + e);
            LOG.error("inserting the results of a pcap analysis failed; it is carried out again at the next start", e);
        }
    }

    /** The engine's sink: every conclusion goes into the outbox before the rows behind it count as read. */
    private void conclude(SguilEventOut e) {
        counters.conclusions.incrementAndGet();
        try {
            if (!delivery.submit(e)) {
                counters.duplicateConclusions.incrementAndGet();
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot keep a conclusion in the outbox", ex);
        }
    }

    /** On the engine thread: the engine is read. */
    private DaemonStatus status() {
        rules = new DaemonStatus.Rules(engine.rules().files().stream().map(Path::toString).toList(),
                engine.factCount(), counters.conclusions.get(), counters.duplicateConclusions.get(),
                engine.weirds().snapshot());
        return snapshot();
    }

    /** The status with the rule engine's part as last seen on its thread; callable from any thread. */
    DaemonStatus snapshot() {
        DeliveryStats d = delivery.stats();
        return new DaemonStatus(Instant.now().toString(), ProcessHandle.current().pid(),
                settings.healthInterval().toSeconds(),
                new DaemonStatus.Intake(counters.alertsIn.get(), counters.sessionsIn.get(), counters.replayed.get(),
                        databaseConnected),
                new DaemonStatus.Actions(counters.actionsQueued.get(), counters.actionsDone.get(),
                        counters.actionsDropped.get(), counters.actionsFailed.get(), queue.size()),
                new DaemonStatus.Analysis(counters.captures.get(), counters.analysisFacts.get(),
                        counters.analysisWeirds.snapshot()),
                rules, d, LastError.latest(counters.lastError.get(), d.lastError()));
    }

    /**
     * SIGTERM: stop intake, let the request in hand finish (the others stay in the journal), fire
     * what is pending, write the last status.
     */
    void stop() throws Exception {
        stopping = true;
        actions.stop(30_000);
        thread.submit(() -> {
            engine.fireUntilQuiet();
            status();
            engine.close();
            delivery.sync();
            disconnect();
            return null;
        }).get(60, TimeUnit.SECONDS);
        thread.shutdown();
    }

    /** After {@link #stop}: the last status, with the delivery as it is now. */
    void reportFinal() throws IOException {
        health.write(snapshot());
    }
}
