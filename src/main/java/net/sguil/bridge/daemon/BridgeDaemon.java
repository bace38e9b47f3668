package net.sguil.bridge.daemon;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import net.sguil.bridge.analysis.TimedFact;
import net.sguil.bridge.config.BridgeConfig;
import net.sguil.bridge.config.ConfigException;
import net.sguil.bridge.delivery.DbDelivery;
import net.sguil.bridge.delivery.EventDelivery;
import net.sguil.bridge.facts.SguilAlert;
import net.sguil.bridge.facts.SguilEventOut;
import net.sguil.bridge.rules.KnowledgeBaseLoader;
import net.sguil.bridge.rules.RuleBuildException;
import net.sguil.bridge.rules.RuleDirectories;
import net.sguil.bridge.rules.RuleEngine;
import net.sguil.bridge.rules.RuleParameters;
import net.sguil.bridge.rules.RuleSet;
import net.sguil.bridge.rules.RuleWatcher;
import net.sguil.bridge.sguil.DbSettings;
import net.sguil.bridge.sguil.DbSettingsSource;
import net.sguil.bridge.sguil.DbUnreachableException;
import net.sguil.bridge.sguil.EventReader;
import net.sguil.bridge.sguil.ReaderLimits;
import net.sguil.bridge.sguil.SancpReader;
import net.sguil.bridge.sguil.agent.AgentDelivery;
import net.sguil.bridge.sguil.agent.DeliveryStats;
import net.sguil.bridge.sguil.agent.OutboxLimits;
import net.sguil.bridge.testhook.CrashPoint;
import net.sguil.bridge.weird.Weirds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code sguil-bridge run}: follows Sguil's {@code event} and {@code sancp} tables, runs the rules,
 * carries out their pcap requests, and delivers every conclusion through the durable outbox.
 *
 * <p>One thread owns the rule engine: polls, the results of pcap analyses and clock ticks are all
 * tasks on it, so the engine is never touched concurrently. Pcap work runs on its own thread
 * ({@link ActionRunner}).
 *
 * <p>Exactly once: a polled row is inserted and the rules fired, and each conclusion persisted in
 * the outbox (fsynced), before the reader saves its position. A crash in between makes the rows
 * come again after restart; the rules conclude the same, and the outbox refuses what it already
 * holds (same rule and evidence key). The engine's clock is the data's time, kept moving with the
 * wall clock by a tick, so that a restart can replay the last days of alerts to rebuild the
 * trending baselines with the same session that then follows live.
 */
public final class BridgeDaemon {
    private static final Logger LOG = LoggerFactory.getLogger(BridgeDaemon.class);

    private final BridgeConfig config;
    private final DaemonCounters counters = new DaemonCounters();
    private final Weirds weirds = new Weirds();
    private final ScheduledExecutorService engineThread;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final DbSettings db;
    private final Set<String> sensors;
    private final String ownSensor;
    private final Path stateDir;
    private final ReaderLimits readerLimits;
    private final Duration historyWindow;
    private final EventDelivery delivery;
    private final ActionRunner actions;
    private final RuleEngine engine;
    private final RuleWatcher watcher;
    private Connection connection;
    private EventReader events;
    private SancpReader sessions;
    private boolean warmedUp;
    private volatile boolean stopping;

    private BridgeDaemon(BridgeConfig config) throws ConfigException, IOException, RuleBuildException {
        this.config = config;
        this.stateDir = Files.createDirectories(config.stateDir());
        this.db = DbSettingsSource.resolve(config.file(), null, null, null, System::getenv);
        this.sensors = Set.copyOf(config.list("sensors"));
        this.ownSensor = config.string("sguild.sensor", "bridge");
        this.readerLimits = new ReaderLimits(5_000,
                Duration.ofMinutes(config.number("reader.sancp_lateness_minutes", 30, 1, 24 * 60)),
                config.flag("reader.start_at_now", true));
        RuleParameters parameters = RuleParameters.from(config.file());
        List<Path> ruleDirs = config.string("rules.dirs").isPresent() ? config.paths("rules.dirs")
                : List.of(RuleDirectories.shipped());
        this.historyWindow = Duration.ofDays(parameters.getTrendingDays() + 1L);
        RuleSet rules = KnowledgeBaseLoader.load(ruleDirs);
        this.delivery = openDelivery(config, db, stateDir);
        this.engineThread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "rule-engine");
            t.setDaemon(true);
            return t;
        });
        Path extractDir = config.path("extract.dir").orElse(stateDir.resolve("attachments"));
        Files.createDirectories(extractDir);
        this.actions = new ActionRunner(new SessionAnalyzer(config.sensorPcaps(),
                config.seconds("pcap.back_seconds", 60), config.seconds("pcap.forward_seconds", 600), extractDir),
                (int) config.number("actions.queue", 100, 1, 100_000), stateDir, counters,
                facts -> engineThread.execute(() -> insertAll(facts)));
        this.engine = RuleEngine.replay(rules, parameters, this::conclude, actions);
        this.watcher = RuleWatcher.start(ruleDirs, Duration.ofSeconds(2), engine::offer,
                e -> counters.error("rules do not compile: " + e.getMessage()));
    }

    /** Builds everything (rules that do not compile stop it here) and starts following Sguil. */
    public static BridgeDaemon start(BridgeConfig config) throws ConfigException, IOException, RuleBuildException {
        BridgeDaemon d = new BridgeDaemon(config);
        d.schedule();
        LOG.info("sguil-bridge running: rules {}, state {}, delivery {}", d.engine.rules().files(), d.stateDir,
                config.string("sguild.host").map(h -> "sguild at " + h).orElse("direct to the database"));
        return d;
    }

    private static EventDelivery openDelivery(BridgeConfig config, DbSettings db, Path stateDir)
            throws ConfigException, IOException {
        Path journal = stateDir.resolve("outbox.journal");
        if (config.string("sguild.host").isPresent()) {
            return AgentDelivery.start(AgentSettings.from(config), journal, new Weirds());
        }
        return DbDelivery.start(db,
                config.string("sguild.sensor", "bridge"), config.string("sguild.net", "bridge"), journal,
                OutboxLimits.defaults(), Duration.ofSeconds(1), Duration.ofMinutes(1));
    }

    private void schedule() throws ConfigException {
        long ev = config.seconds("poll.event_seconds", 5).toMillis();
        long sa = config.seconds("poll.sancp_seconds", 30).toMillis();
        long health = config.seconds("health.interval_seconds", 60).toMillis();
        engineThread.scheduleWithFixedDelay(guarded("event poll", this::pollEvents), 0, ev, TimeUnit.MILLISECONDS);
        engineThread.scheduleWithFixedDelay(guarded("sancp poll", this::pollSessions), sa / 2, sa,
                TimeUnit.MILLISECONDS);
        engineThread.scheduleWithFixedDelay(guarded("clock", this::tick), 1000, 1000, TimeUnit.MILLISECONDS);
        engineThread.scheduleWithFixedDelay(guarded("health", this::health), 0, health, TimeUnit.MILLISECONDS);
    }

    private Runnable guarded(String what, ThrowingTask task) {
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

    @FunctionalInterface
    private interface ThrowingTask {
        void run() throws Exception;
    }

    private void connectIfNeeded() throws DbUnreachableException, IOException, SQLException {
        if (connection != null) {
            return;
        }
        connection = db.connect();
        events = new EventReader(connection, stateDir.resolve("event.position"), sensors, readerLimits);
        sessions = new SancpReader(connection, stateDir.resolve("sancp.position"), sensors, readerLimits);
        LOG.info("connected to the database at {}:{}", db.host(), db.port());
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
    }

    private void pollEvents() throws Exception {
        connectIfNeeded();
        if (!warmedUp) {
            // The rows already read before this start rebuild the baselines first; new rows follow.
            events.prime();
            Instant since = Instant.now().minus(historyWindow);
            int[] n = {0};
            events.history(since, a -> {
                n[0]++;
                alert(a);
            });
            warmedUp = true;
            LOG.info("replayed {} alert(s) since {} to rebuild the trending baselines", n[0], since);
        }
        if (events.poll(this::alert) > 0) {
            CrashPoint.reached(CrashPoint.AFTER_EVENT_READ);
        }
    }

    private void alert(SguilAlert a) {
        if (a.getSignatureGen() == SguilEventOut.BRIDGE_GENERATOR_ID && ownSensor.equals(a.getSensor())) {
            return;
        }
        counters.alertsIn.incrementAndGet();
        engine.insert(a, a.getTimestamp());
        engine.fireUntilQuiet();
    }

    private void pollSessions() throws Exception {
        connectIfNeeded();
        int read = sessions.poll(s -> {
            counters.sessionsIn.incrementAndGet();
            engine.insert(s, s.getStartTime());
            engine.fireUntilQuiet();
        });
        if (read > 0) {
            CrashPoint.reached(CrashPoint.AFTER_SANCP_READ);
        }
    }

    private void insertAll(List<TimedFact> facts) {
        try {
            for (TimedFact f : facts) {
                engine.insert(f.fact(), f.time());
            }
            engine.fireUntilQuiet();
        } catch (RuntimeException e) {
            counters.error("inserting analysis results: " + e);
            LOG.error("inserting analysis results failed", e);
        }
    }

    private void tick() {
        engine.advanceTo(Instant.now());
    }

    /** The engine's sink: every conclusion goes into the outbox before the rows behind it count as read. */
    private void conclude(SguilEventOut e) {
        counters.conclusions.incrementAndGet();
        try {
            if (!delivery.submit(e)) {
                counters.duplicateConclusions.incrementAndGet();
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot persist a conclusion in the outbox", ex);
        }
    }

    private void health() throws IOException {
        Map<String, Object> s = status();
        LOG.info("health: facts in {} (alerts {}, sessions {}, from pcaps {}), actions done {} (queued {}, dropped {}, "
                        + "failed {}), events concluded {}, delivered {}, outbox depth {}, {}, last error: {}",
                counters.factsIn(), counters.alertsIn.get(), counters.sessionsIn.get(), counters.analysisFactsIn.get(),
                counters.actionsDone.get(), actions.queued(), counters.actionsDropped.get(),
                counters.actionsFailed.get(), counters.conclusions.get(), s.get("events_delivered"),
                s.get("outbox_depth"), Boolean.TRUE.equals(s.get("connected")) ? "connected" : "NOT connected",
                s.get("last_error") == null ? "none" : s.get("last_error"));
        StatusFile.write(stateDir, s);
    }

    Map<String, Object> status() {
        DeliveryStats d = delivery.stats();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("time", Instant.now().toString());
        s.put("pid", ProcessHandle.current().pid());
        s.put("health_interval_seconds", healthSeconds());
        s.put("facts_in", counters.factsIn());
        s.put("alerts_in", counters.alertsIn.get());
        s.put("sessions_in", counters.sessionsIn.get());
        s.put("analysis_facts_in", counters.analysisFactsIn.get());
        s.put("actions_done", counters.actionsDone.get());
        s.put("actions_queued", actions.queued());
        s.put("actions_dropped", counters.actionsDropped.get());
        s.put("actions_failed", counters.actionsFailed.get());
        s.put("events_concluded", counters.conclusions.get());
        s.put("events_duplicate", counters.duplicateConclusions.get());
        s.put("events_delivered", d.confirmed());
        s.put("events_failed", d.failed());
        s.put("outbox_depth", d.outboxDepth());
        s.put("connected", d.connected());
        String lastError = counters.lastError != null ? counters.lastError : d.lastError();
        s.put("last_error", lastError);
        s.put("rule_files", engine.rules().files().stream().map(Path::toString).toList());
        s.put("facts_in_memory", engine.factCount());
        s.put("weirds", engine.weirds().snapshot());
        return s;
    }

    private long healthSeconds() {
        try {
            return config.seconds("health.interval_seconds", 60).toSeconds();
        } catch (ConfigException e) {
            return 60;
        }
    }

    /**
     * SIGTERM: stop intake, let the request in hand finish (queued ones are saved), fire what is
     * pending, wait briefly for the outbox to drain (what remains is in the journal), stop.
     */
    public void stop() {
        if (stopping) {
            return;
        }
        stopping = true;
        LOG.info("stopping: intake closed");
        try {
            watcher.close();
            actions.stop(30_000);
            engineThread.submit(() -> {
                engine.fireUntilQuiet();
                engine.close();
                disconnect();
            }).get(60, TimeUnit.SECONDS);
            engineThread.shutdown();
            if (!delivery.awaitDrained(Duration.ofSeconds(10))) {
                LOG.info("{} event(s) still in the outbox; they will be delivered after the next start",
                        delivery.stats().outboxDepth());
            }
            StatusFile.write(stateDir, status());
            delivery.close();
        } catch (Exception e) {
            LOG.error("error while stopping", e);
        } finally {
            stopped.countDown();
        }
    }

    public void awaitStop() throws InterruptedException {
        stopped.await();
    }
}
