package net.sguil.bridge.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import net.sguil.bridge.config.BridgeConfig;
import net.sguil.bridge.config.ConfigException;
import net.sguil.bridge.delivery.EventDelivery;
import net.sguil.bridge.rules.KnowledgeBaseLoader;
import net.sguil.bridge.rules.RuleBuildException;
import net.sguil.bridge.rules.RuleSet;
import net.sguil.bridge.rules.RuleWatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code sguil-bridge run}: puts the parts together and stops them in order. {@link DaemonSettings}
 * reads the configuration; {@link EngineLoop} follows Sguil's {@code event} and {@code sancp}
 * tables into the rules on one thread; {@link ActionRunner} carries out the rules' pcap requests
 * from the durable {@link ActionQueue}; an {@link EventDelivery} gets every conclusion into Sguil
 * exactly once, through sguild or straight into its database; {@link HealthReport} writes what it
 * all amounts to.
 */
public final class BridgeDaemon {
    private static final Logger LOG = LoggerFactory.getLogger(BridgeDaemon.class);
    static final String OUTBOX = "outbox.journal";
    static final String ACTIONS = "actions.journal";

    private final CountDownLatch stopped = new CountDownLatch(1);
    private final EventDelivery delivery;
    private final ActionQueue queue;
    private final EngineLoop loop;
    private final RuleWatcher watcher;
    /** SIGTERM and SIGINT may both arrive, each on a thread of its own: one of them stops. */
    private final AtomicBoolean stopping = new AtomicBoolean();

    private BridgeDaemon(DaemonSettings settings, RuleSet rules) throws IOException {
        Path state = Files.createDirectories(settings.stateDir());
        Files.createDirectories(settings.extractDir());
        this.delivery = settings.openDelivery(state.resolve(OUTBOX));
        this.queue = ActionQueue.open(state.resolve(ACTIONS), settings.actionsQueue());
        DaemonCounters counters = new DaemonCounters();
        this.loop = new EngineLoop(settings, rules, delivery, queue, counters);
        this.watcher = RuleWatcher.start(settings.ruleDirs(), settings.ruleCache(), Duration.ofSeconds(2), loop::offer,
                e -> counters.error("rules do not compile: " + e.getMessage()));
    }

    /** Builds everything (rules that do not compile stop it here) and starts following Sguil. */
    public static BridgeDaemon start(BridgeConfig config) throws ConfigException, IOException, RuleBuildException {
        DaemonSettings settings = DaemonSettings.from(config);
        FirstRunPositions.take(settings);
        BridgeDaemon d = new BridgeDaemon(settings, KnowledgeBaseLoader.load(settings.ruleDirs(), settings.ruleCache()));
        d.loop.start();
        LOG.info("sguil-bridge running: rules {}, state {}, delivery {}", settings.ruleDirs(), settings.stateDir(),
                d.delivery.stats().transport());
        return d;
    }

    /**
     * SIGTERM: stop intake, let the request in hand finish (queued ones stay in the action journal),
     * fire what is pending, wait briefly for the outbox to drain (what remains is in its journal), stop.
     */
    public void stop() {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        LOG.info("stopping: intake closed");
        try {
            watcher.close();
            loop.stop();
            queue.close();
            if (!delivery.awaitDrained(Duration.ofSeconds(10))) {
                LOG.info("{} event(s) still in the outbox; they will be delivered after the next start",
                        delivery.stats().outboxDepth());
            }
            loop.reportFinal();
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
