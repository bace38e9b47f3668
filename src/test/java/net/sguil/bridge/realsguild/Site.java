package net.sguil.bridge.realsguild;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One Sguil sensor and one bridge in front of a genuine sguild: the sensor's Snort and sancp agents,
 * its RAW_LOG_DIR, and the bridge's configuration, state directory and log. Several sites share one
 * sguild without seeing each other's rows (sensor {@code s<tag>}, bridge sensor {@code bridge<tag>}).
 */
final class Site implements AutoCloseable {
    /** The counting rule: one event per alert with signature "COUNTED ALERT", named after the alert's sid.cid. */
    static final String COUNT_RULE = """
            package realsguild;
            import net.sguil.bridge.facts.SguilAlert;
            import net.sguil.bridge.rules.EventBuilder;

            rule "realsguild: one event per counted alert"
            when
                $a : SguilAlert(signature == "COUNTED ALERT")
            then
                insert(EventBuilder.event(drools.getRule().getName(), 1000200, 1,
                        "REALSGUILD COUNT [" + $a.getSid() + "." + $a.getCid() + "]")
                        .at($a.getTimestamp()).evidence($a.getSid() + "." + $a.getCid())
                        .endpoints($a.getSrcIp(), $a.getSrcPort(), $a.getDstIp(), $a.getDstPort(), $a.getIpProto())
                        .build());
            end
            """;
    static final String COUNTED = "COUNTED ALERT";
    private static final Duration IDLE = Duration.ofSeconds(10);

    final SguildHarness sguild;
    final Path dir;
    final String sensor;
    final String bridgeSensor;
    final SensorTraffic traffic;
    private final Path keepLogs;
    private final Map<String, String> settings = new LinkedHashMap<>();
    private SnortAgent snort;
    private SancpLoader sancp;
    private final List<BridgeProcess> started = new ArrayList<>();

    Site(SguildHarness sguild, Path dir, String tag, Path keepLogs) throws IOException {
        this.sguild = sguild;
        this.keepLogs = keepLogs;
        this.dir = Files.createDirectories(dir);
        this.sensor = "s" + tag;
        this.bridgeSensor = "bridge" + tag;
        this.traffic = new SensorTraffic(Files.createDirectories(dir.resolve("raw")));
        Files.writeString(Files.createDirectories(dir.resolve("rules")).resolve("count.drl"), COUNT_RULE);
        Files.writeString(dir.resolve("db.password"), SguildHarness.BRIDGE_DB_PASSWORD + "\n");
        settings.put("db.url", sguild.jdbcUrl());
        settings.put("db.user", SguildHarness.BRIDGE_DB_USER);
        settings.put("db.password_file", "db.password");
        settings.put("state.dir", "state");
        settings.put("sguild.host", "127.0.0.1");
        settings.put("sguild.port", Integer.toString(sguild.sensorPort()));
        settings.put("sguild.cert", sguild.certificate().toString());
        settings.put("sguild.sensor", bridgeSensor);
        settings.put("sguild.net", bridgeSensor);
        settings.put("sensors", sensor);
        settings.put("sensor." + sensor + ".raw_log_dir", "raw");
        settings.put("rules.dirs", Path.of("drl").toAbsolutePath() + ",rules");
        settings.put("extract.dir", "attachments");
        settings.put("poll.event_seconds", "1");
        settings.put("poll.sancp_seconds", "1");
        settings.put("health.interval_seconds", "1");
        settings.put("reader.start_at_now", "false");
        // the day's alert count of one signature must not raise a spike, unless a test asks for one
        settings.put("trending.min_count", "1000000");
    }

    /** Changes (or with null removes) a configuration key for the next start. */
    Site set(String key, String value) {
        if (value == null) {
            settings.remove(key);
        } else {
            settings.put(key, value);
        }
        return this;
    }

    Path stateDir() {
        return dir.resolve(settings.get("state.dir"));
    }

    /** The sensor's Snort (snort_agent → sguild) connection, registered at first use. */
    SnortAgent snort() throws IOException {
        if (snort == null) {
            snort = SnortAgent.connect(sguild, sensor);
        }
        return snort;
    }

    /** The sensor's sancp agent (sid registered at first use) handing files to sguild's loaderd. */
    SancpLoader sancp() throws IOException {
        if (sancp == null) {
            sancp = SancpLoader.register(sguild, sensor);
        }
        return sancp;
    }

    /** A bridge at work, and the conclusions it must have delivered (a list the scenario adds to). */
    record Running(BridgeProcess bridge, List<Conclusion> expected) {
    }

    /**
     * Starts the bridge, waits until it is registered with sguild and has delivered its conclusions
     * about {@code n} counted alerts sent through sguild.
     */
    Running startAndDeliver(int n, Instant at) throws IOException, InterruptedException {
        BridgeProcess bridge = start();
        bridge.awaitConnected();
        List<Conclusion> delivered = new ArrayList<>(Scenarios.countConclusions(snort().sendAll(Scenarios.countedAlerts(n, at))));
        awaitConclusions(bridge, delivered);
        return new Running(bridge, delivered);
    }

    /**
     * Alerts that reach sguild's tables while sguild cannot take them ({@link SnortAgent#storeAsSguild}):
     * {@code n} counted alerts and two PUTs (their capture written first); returns the conclusions due.
     */
    List<Conclusion> storeBehindSguild(String tag, int n, Instant at) throws IOException, SQLException {
        List<Conclusion> due = new ArrayList<>();
        List<SensorTraffic.Put> puts = traffic.puts(tag, 2, at);
        try (Connection c = sguild.connect()) {
            for (SnortAgent.Alert a : Scenarios.countedAlerts(n, at.plusSeconds(10))) {
                due.add(Scenarios.countConclusions(List.of(snort().storeAsSguild(c, a))).get(0));
            }
            for (SensorTraffic.Put p : puts) {
                snort().storeAsSguild(c, p.alert());
                due.add(p.conclusion());
            }
        }
        return due;
    }

    /** Starts the bridge with the current settings. */
    BridgeProcess start() throws IOException {
        return start(Map.of());
    }

    BridgeProcess start(Map<String, String> env) throws IOException {
        StringBuilder sb = new StringBuilder();
        settings.forEach((k, v) -> sb.append(k).append(" = ").append(v).append('\n'));
        Path config = Files.writeString(dir.resolve("bridge.conf"), sb.toString());
        BridgeProcess p = BridgeProcess.start(config, stateDir(), dir.resolve("bridge.log"), env);
        started.add(p);
        return p;
    }

    /** Every event sguild holds from this site's bridge. */
    List<SguildTables.StoredEvent> events() throws SQLException {
        try (Connection c = sguild.connect()) {
            return SguildTables.bridgeEvents(c, bridgeSensor);
        }
    }

    Tally tally(Collection<Conclusion> expected) throws SQLException {
        return new Tally(expected, events());
    }

    /**
     * Waits until every expected conclusion is in sguild's event table, or until the bridge has been
     * idle for a while without them (nothing queued, nothing in the outbox, no counter moving across
     * status reports it kept writing for {@link #IDLE}), or has died: a bridge that lost them is
     * reported at once, not at a deadline. A bridge that stops writing its status is not idle but
     * stuck: that ends at the deadline, with its threads dumped into its log.
     */
    void awaitConclusions(BridgeProcess bridge, Collection<Conclusion> expected) throws InterruptedException {
        AtomicReference<Map<String, Object>> quiet = new AtomicReference<>();
        AtomicReference<Instant> quietSince = new AtomicReference<>();
        try {
            Await.until("the bridge to deliver " + expected.size() + " conclusions", () -> {
                try {
                    if (tally(expected).complete() || !bridge.isAlive()) {
                        return true;
                    }
                } catch (SQLException e) {
                    return false;
                }
                Map<String, Object> s = bridge.status();
                Map<String, Object> progress = progress(s);
                if (progress == null || !progress.equals(quiet.get())) {
                    quiet.set(progress);
                    quietSince.set(progress == null ? null : Instant.parse((String) s.get("time")));
                    return false;
                }
                Instant reported = Instant.parse((String) s.get("time"));
                return Duration.between(quietSince.get(), reported).compareTo(IDLE) > 0;
            });
        } catch (AssertionError e) {
            bridge.dumpThreads();
            throw e;
        }
    }

    /** The counters that move while the bridge works; null while it has work in hand. */
    private static Map<String, Object> progress(Map<String, Object> s) {
        if (s == null || ((Number) BridgeProcess.field(s, "delivery.outbox_depth")).longValue() > 0
                || ((Number) BridgeProcess.field(s, "actions.pending")).longValue() > 0
                || !Boolean.TRUE.equals(BridgeProcess.field(s, "delivery.connected"))) {
            return null;
        }
        Map<String, Object> p = new LinkedHashMap<>();
        for (String k : List.of("intake.alerts", "intake.sessions", "actions.done", "actions.failed", "actions.dropped",
                "rules.concluded", "delivery.submitted", "delivery.confirmed", "delivery.already_stored",
                "delivery.transient_failures", "delivery.refused")) {
            p.put(k, BridgeProcess.field(s, k));
        }
        return p;
    }

    /**
     * The end of a scenario: waits for the expected conclusions, stops the bridge cleanly (what it
     * still held is flushed, so nothing can arrive later) and counts what sguild stored.
     */
    Tally finish(BridgeProcess bridge, Collection<Conclusion> expected) throws InterruptedException, SQLException {
        awaitConclusions(bridge, expected);
        // a SIGTERM while the JVM itself starts would meet the default handler (exit 143)
        bridge.awaitLog("sguil-bridge running");
        int exit = bridge.terminate();
        if (exit != 0) {
            throw new AssertionError("the bridge did not stop cleanly (exit " + exit + "):\n" + bridge.output());
        }
        return tally(expected);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        for (BridgeProcess p : started) {
            p.close();
        }
        if (snort != null) {
            snort.close();
        }
        Path log = dir.resolve("bridge.log");
        if (keepLogs != null && Files.exists(log)) {
            Files.createDirectories(keepLogs);
            Files.copy(log, keepLogs.resolve(bridgeSensor + ".log"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
