package net.sguil.bridge.daemon;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.sguil.bridge.analysis.AnalysisLimits;
import net.sguil.bridge.config.BridgeConfig;
import net.sguil.bridge.config.BridgeConfig.SensorPcaps;
import net.sguil.bridge.config.ConfigException;
import net.sguil.bridge.delivery.AgentDelivery;
import net.sguil.bridge.delivery.DbDelivery;
import net.sguil.bridge.delivery.DeliveryLimits;
import net.sguil.bridge.delivery.EventDelivery;
import net.sguil.bridge.rules.RuleCache;
import net.sguil.bridge.rules.RuleDirectories;
import net.sguil.bridge.rules.RuleParameters;
import net.sguil.bridge.sguil.DbSettings;
import net.sguil.bridge.sguil.DbSettingsSource;
import net.sguil.bridge.sguil.ReaderLimits;
import net.sguil.bridge.sguil.agent.AgentConfig;
import net.sguil.bridge.sguil.agent.SguildTrust;

/**
 * Every key of the configuration the daemon uses, read and checked once at start (a bad value or an
 * unknown {@code limits.*} key stops it there, naming the key and its line). Defaults are real time:
 * 1 s polls.
 *
 * @param agent how to reach sguild; null in direct database mode (no {@code sguild.host})
 */
public record DaemonSettings(Path stateDir, DbSettings db, Set<String> sensors, String ownSensor, String netName,
                      ReaderLimits readerLimits, List<Path> ruleDirs, RuleCache ruleCache, RuleParameters ruleParameters,
                      Path extractDir, AnalysisLimits analysisLimits, Map<String, SensorPcaps> sensorPcaps,
                      Duration pcapBack, Duration pcapForward,
                      int actionsQueue, Duration eventPoll, Duration sancpPoll, Duration healthInterval,
                      AgentConfig agent, DeliveryLimits deliveryLimits) {

    public static DaemonSettings from(BridgeConfig c) throws ConfigException {
        Path stateDir = c.stateDir();
        RuleParameters parameters = RuleParameters.from(c.file());
        return new DaemonSettings(stateDir,
                DbSettingsSource.resolve(c.file(), null, null, null, System::getenv),
                Set.copyOf(c.list("sensors")),
                c.string("sguild.sensor", "bridge"),
                c.string("sguild.net", "bridge"),
                new ReaderLimits(5_000,
                        Duration.ofMinutes(c.number("reader.sancp_lateness_minutes", 30, 1, 24 * 60)),
                        c.flag("reader.start_at_now", true)),
                c.string("rules.dirs").isPresent() ? c.paths("rules.dirs") : List.of(RuleDirectories.shipped()),
                c.flag("rules.cache", true)
                        ? RuleCache.at(c.path("rules.cache_dir").orElse(stateDir.resolve("rules-cache")))
                        : RuleCache.none(),
                parameters,
                c.path("extract.dir").orElse(stateDir.resolve("attachments")),
                AnalysisLimits.from(c.file()),
                c.sensorPcaps(),
                c.seconds("pcap.back_seconds", 60),
                c.seconds("pcap.forward_seconds", 600),
                (int) c.number("actions.queue", 100, 1, 100_000),
                c.seconds("poll.event_seconds", 1),
                c.seconds("poll.sancp_seconds", 1),
                c.seconds("health.interval_seconds", 60),
                c.string("sguild.host").isPresent() ? agent(c) : null,
                DeliveryLimits.defaults());
    }

    /**
     * The way into Sguil this configuration names: sguild's agent protocol when {@code sguild.host}
     * is set, else the database directly; its outbox journal is {@code journal}.
     */
    public EventDelivery openDelivery(Path journal) throws IOException {
        if (agent != null) {
            return AgentDelivery.start(agent, deliveryLimits, journal);
        }
        return DbDelivery.start(db, ownSensor, netName, journal, deliveryLimits);
    }

    /** How far back the alerts behind the position are replayed to rebuild the trending baselines. */
    Duration historyWindow() {
        return Duration.ofDays(ruleParameters.getTrendingDays() + 1L);
    }

    private static AgentConfig agent(BridgeConfig c) throws ConfigException {
        try {
            return AgentConfig.builder()
                    .host(c.string("sguild.host").orElseThrow())
                    .port((int) c.number("sguild.port", AgentConfig.DEFAULT_PORT, 1, 65535))
                    .sensorName(c.string("sguild.sensor", "bridge"))
                    .netName(c.string("sguild.net", "bridge"))
                    .trust(trust(c))
                    .build();
        } catch (IllegalArgumentException e) {
            throw new ConfigException(c.file().path() + ": " + e.getMessage());
        }
    }

    private static SguildTrust trust(BridgeConfig c) throws ConfigException {
        Optional<Path> cert = c.path("sguild.cert");
        Optional<String> fingerprint = c.string("sguild.fingerprint");
        if (c.flag("sguild.trust_all", false)) {
            return SguildTrust.trustAllInsecure();
        }
        if (fingerprint.isPresent()) {
            try {
                return SguildTrust.sha256Fingerprint(fingerprint.get());
            } catch (IllegalArgumentException e) {
                throw new ConfigException(c.file().where("sguild.fingerprint") + ": " + e.getMessage());
            }
        }
        if (cert.isPresent()) {
            try {
                return SguildTrust.pemCertificate(cert.get());
            } catch (IOException e) {
                throw new ConfigException(c.file().where("sguild.cert") + ": cannot read the certificate: "
                        + e.getMessage());
            }
        }
        throw new ConfigException(c.file().path() + ": sguild.host is set but neither sguild.cert nor "
                + "sguild.fingerprint says which certificate to trust (sguild.trust_all = true for a lab only)");
    }
}
