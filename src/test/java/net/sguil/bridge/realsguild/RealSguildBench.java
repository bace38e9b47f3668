package net.sguil.bridge.realsguild;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Latency of the bridge against the genuine sguild (issue 10 item 4), run by {@code bench/real-sguild.sh}:
 * alerts arrive through snort_agent at a steady pace and sancp rows through loaderd; a watcher polls
 * sguild's tables every 20 ms and notes when each alert was stored and when the bridge's event
 * about it became visible. Prints median and 99th percentile (nearest rank) of
 * <ul>
 *   <li>alert stored → bridge event visible, for an alert the rules conclude on at once;</li>
 *   <li>Snort PUT alert stored → "HTTP PUT Defacement SUCCEEDED" visible (with the pcap analysis);</li>
 *   <li>sancp row visible → attachment event visible (with the SMTP extraction);</li>
 * </ul>
 * plus the time from the bridge's start to its registration with sguild and its CPU time.
 * <p>usage: RealSguildBench EVENT_POLL_SECONDS SANCP_POLL_SECONDS ALERTS MAILS
 */
public final class RealSguildBench {
    private static final long POLL_MILLIS = 20;

    private final Map<String, Long> stored = new ConcurrentHashMap<>();
    private final Map<String, Long> visible = new ConcurrentHashMap<>();
    private volatile boolean watching = true;

    public static void main(String[] args) throws Exception {
        Path source = SguildHarness.sourceFromEnvironment();
        if (source == null) {
            System.err.println("real-sguild bench: " + SguildHarness.SGUIL_SRC + " is not set (../shared/sguild/sguil-1.0)");
            System.exit(2);
        }
        int eventPoll = Integer.parseInt(args[0]);
        int sancpPoll = Integer.parseInt(args[1]);
        int alerts = Integer.parseInt(args[2]);
        int mails = Integer.parseInt(args[3]);
        Path dir = Files.createTempDirectory("real-sguild-bench-");
        try (SguildHarness sguild = SguildHarness.start(source, "bench");
             Site site = new Site(sguild, dir, "bench", Path.of("target", "realsguild", "bench"))) {
            site.set("poll.event_seconds", Integer.toString(eventPoll)).set("poll.sancp_seconds", Integer.toString(sancpPoll));
            new RealSguildBench().run(site, alerts, mails, eventPoll, sancpPoll);
        }
    }

    private void run(Site site, int alerts, int mails, int eventPoll, int sancpPoll) throws Exception {
        Instant t0 = Instant.now().minus(3, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        List<SensorTraffic.Put> puts = site.traffic.puts("bench", alerts, t0);
        List<SensorTraffic.Mail> sessions = site.traffic.mails("bench", mails, t0.plusSeconds(alerts + 5), 9_000_000_001L);
        site.snort();
        site.sancp();
        // the MERGE tables exist before the bridge starts, as on any Sguil that has run for a day
        site.snort().send(new SnortAgent.Alert("BENCH WARM-UP", 2_000_999, t0, "192.0.2.1", 1, "10.1.1.1", 2));
        long startNanos = System.nanoTime();
        BridgeProcess bridge = site.start(Map.of("SGUIL_BRIDGE_LOG_LEVEL", "WARN"));
        Await.until("the bridge's first status", () -> Files.exists(site.stateDir().resolve("event.position")));
        bridge.awaitConnected();
        double startup = (System.nanoTime() - startNanos) / 1e9;
        Thread watcher = new Thread(() -> watch(site), "watcher");
        watcher.setDaemon(true);
        watcher.start();

        List<String> ruleKeys = new ArrayList<>();
        List<String> putKeys = new ArrayList<>();
        for (int i = 0; i < alerts; i++) {
            SnortAgent.Stored a = site.snort().send(Scenarios.countedAlerts(1, Instant.now().truncatedTo(ChronoUnit.SECONDS))
                    .get(0));
            stored.put("count " + a.key(), System.nanoTime());
            ruleKeys.add("count " + a.key());
            Thread.sleep(250);
            site.snort().send(puts.get(i).alert());
            stored.put("put " + puts.get(i).uri(), System.nanoTime());
            putKeys.add("put " + puts.get(i).uri());
            Thread.sleep(250);
        }
        List<String> mailKeys = new ArrayList<>();
        for (SensorTraffic.Mail m : sessions) {
            site.sancp().writeFile(List.of(m.session()));
            mailKeys.add("mail " + m.filename());
            Thread.sleep(1_000);
        }
        List<String> all = new ArrayList<>(ruleKeys);
        all.addAll(putKeys);
        all.addAll(mailKeys);
        Await.until("every event of the bench", Duration.ofMinutes(5), () -> visible.keySet().containsAll(all));
        Duration cpu = bridge.cpu();
        watching = false;
        watcher.join();
        bridge.terminate();
        System.out.printf(Locale.ROOT, "real sguild, poll.event_seconds=%d poll.sancp_seconds=%d: start -> registered %.1f s;"
                + " bridge CPU %.1f s (user+sys)%n", eventPoll, sancpPoll, startup, cpu.toMillis() / 1e3);
        print("alert stored -> bridge event visible (rule only)", ruleKeys);
        print("PUT alert stored -> PUT event visible (pcap analysis)", putKeys);
        print("sancp row visible -> attachment event visible", mailKeys);
    }

    private void print(String what, List<String> keys) {
        List<Double> s = keys.stream().map(k -> (visible.get(k) - stored.get(k)) / 1e9).sorted().toList();
        double median = s.size() % 2 == 1 ? s.get(s.size() / 2) : (s.get(s.size() / 2 - 1) + s.get(s.size() / 2)) / 2;
        double p99 = s.get((int) Math.ceil(0.99 * s.size()) - 1);
        System.out.printf(Locale.ROOT, "  %-55s n=%d median %.2f s p99 %.2f s (min %.2f, max %.2f)%n", what, s.size(),
                median, p99, s.get(0), s.get(s.size() - 1));
    }

    /** Notes when each sancp row and each bridge event first shows in sguild's tables. */
    private void watch(Site site) {
        long lastCid = 0;
        try (Connection c = site.sguild.connect();
             PreparedStatement events = c.prepareStatement("SELECT e.cid, e.signature, d.data_payload FROM event e"
                     + " JOIN sensor s ON s.sid = e.sid LEFT JOIN data d ON d.sid = e.sid AND d.cid = e.cid"
                     + " WHERE s.hostname = ? AND s.agent_type = 'sguil-bridge' AND e.cid > ? ORDER BY e.cid");
             PreparedStatement sancp = c.prepareStatement("SELECT sancpid FROM sancp WHERE sid = ? AND sancpid >= ?")) {
            while (watching) {
                long now = System.nanoTime();
                events.setString(1, site.bridgeSensor);
                events.setLong(2, lastCid);
                try (ResultSet rs = events.executeQuery()) {
                    while (rs.next() && rs.getString(3) != null) {
                        lastCid = rs.getLong(1);
                        visible.putIfAbsent(key(rs.getString(2), rs.getString(3)), now);
                    }
                }
                if (SguildTables.exist(c, "sancp")) {
                    sancp.setLong(1, site.sancp().sid());
                    sancp.setLong(2, 9_000_000_001L);
                    try (ResultSet rs = sancp.executeQuery()) {
                        while (rs.next()) {
                            stored.putIfAbsent("mail bench-" + (rs.getLong(1) - 9_000_000_001L) + ".exe", now);
                        }
                    }
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The bench's name for the conclusion a stored event is, from its message and detail. */
    private static String key(String signature, String hexDetail) {
        String detail = new String(HexFormat.of().parseHex(hexDetail), StandardCharsets.ISO_8859_1);
        if (signature.startsWith("REALSGUILD COUNT [")) {
            return "count " + signature.substring("REALSGUILD COUNT [".length(), signature.length() - 1);
        }
        java.util.regex.Matcher put = java.util.regex.Pattern.compile("/bench-\\d+\\.html").matcher(detail);
        if (signature.startsWith("HTTP PUT") && put.find()) {
            return "put " + put.group();
        }
        java.util.regex.Matcher mail = java.util.regex.Pattern.compile("bench-\\d+\\.exe").matcher(detail);
        return mail.find() ? "mail " + mail.group() : signature;
    }
}
