package net.sguil.bridge.daemon;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.sguil.bridge.config.BridgeConfig;
import net.sguil.bridge.sguil.DayTable;
import net.sguil.bridge.sguil.SguilTestData;
import net.sguil.bridge.sguil.agent.FakeSguild;

/**
 * bench/daemon.sh: event and sancp rows arriving at a steady rate into the real MariaDB, the daemon
 * with the shipped rules (plus one rule that concludes per bench alert, so there is something to
 * deliver), the sguild test server on TLS. Prints end-to-end latency (row inserted -> event
 * confirmed), events/s delivered and peak RSS.
 * Usage: DaemonBench EVENTS SANCP SECONDS
 */
public final class DaemonBench {
    private static final String RULE = """
            package bench;
            import net.sguil.bridge.facts.SguilAlert;
            import net.sguil.bridge.rules.EventBuilder;

            rule "bench: one event per alert"
            when
                $a : SguilAlert(signature == "BENCH")
            then
                insert(EventBuilder.event(drools.getRule().getName(), 1000299, 1, "BENCH alert " + $a.getCid())
                        .at($a.getTimestamp()).evidence($a.getSid() + "." + $a.getCid())
                        .endpoints($a.getSrcIp(), $a.getSrcPort(), $a.getDstIp(), $a.getDstPort(), $a.getIpProto())
                        .build());
            end
            """;

    private DaemonBench() {
    }

    public static void main(String[] args) throws Exception {
        int events = Integer.parseInt(args[0]);
        int sessions = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        Path dir = Files.createTempDirectory("daemon-bench");
        try (DaemonFixture fx = new DaemonFixture(dir)) {
            Path rules = Files.createDirectories(dir.resolve("rules"));
            Files.writeString(rules.resolve("bench.drl"), RULE);
            Path config = fx.writeConfig();
            Files.writeString(config, Files.readString(config).replaceAll("rules.dirs = (.*)", "rules.dirs = $1,rules")
                    .replace("reader.start_at_now = false", "reader.start_at_now = true"));
            int sid;
            LocalDate day = LocalDate.now(ZoneOffset.UTC);
            try (Connection c = fx.db.connect()) {
                SguilTestData data = new SguilTestData(c);
                sid = data.sensor("sensor1");
                data.sancp("sensor1", sid, 0, Instant.now().toString(), 6, "10.9.9.9", 1, "10.9.9.8", 2, 1, 1);
                data.event("sensor1", sid, 0, "WARMUP", 1, Instant.now().toString());
            }
            BridgeDaemon daemon = BridgeDaemon.start(BridgeConfig.load(config));
            DaemonTestBase.await("the daemon's first status", () -> Files.exists(dir.resolve("state").resolve(StatusFile.NAME)));
            int ticks = seconds * 10;
            int eventsPerTick = Math.max(1, events / ticks);
            int sessionsPerTick = Math.max(1, sessions / ticks);
            long[] insertedAt = new long[ticks * eventsPerTick + 1];
            long start = System.nanoTime();
            try (Connection c = fx.db.connect()) {
                SguilTestData data = new SguilTestData(c);
                String sancp = "INSERT INTO " + new DayTable("sancp", "sensor1", day).quoted()
                        + " (sid, sancpid, start_time, end_time, duration, ip_proto, src_ip, src_port, dst_ip, dst_port,"
                        + " src_pkts, src_bytes, dst_pkts, dst_bytes, src_flags, dst_flags)"
                        + " SELECT ?, ? + seq, ?, ?, 10, 6, INET_ATON('10.1.2.3') + seq % 250, 1024 + seq % 60000,"
                        + " INET_ATON('198.51.100.1') + seq % 200, ELT(1 + seq % 4, 80, 443, 53, 22), 5, 500 + seq % 1000,"
                        + " 4, 4000, 27, 27 FROM seq_0_to_" + (sessionsPerTick - 1);
                for (int t = 0; t < ticks; t++) {
                    long due = start + t * 100_000_000L;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                    LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
                    data.events("sensor1", sid, 1L + (long) t * eventsPerTick, eventsPerTick, "BENCH", 2000002,
                            now.toInstant(ZoneOffset.UTC).toString());
                    long at = System.nanoTime();
                    Arrays.fill(insertedAt, 1 + t * eventsPerTick, 1 + (t + 1) * eventsPerTick, at);
                    try (PreparedStatement ps = c.prepareStatement(sancp)) {
                        ps.setInt(1, sid);
                        ps.setLong(2, 1L + (long) t * sessionsPerTick);
                        ps.setObject(3, now);
                        ps.setObject(4, now.plusSeconds(10));
                        ps.executeUpdate();
                    }
                }
            }
            int total = ticks * eventsPerTick;
            long deadline = System.nanoTime() + 600_000_000_000L;
            while (benchEvents(fx.sguild.stored()) < total && System.nanoTime() < deadline) {
                Thread.sleep(500);
            }
            List<FakeSguild.Stored> stored = fx.sguild.stored();
            daemon.stop();
            List<Long> latencies = new ArrayList<>();
            long last = 0;
            for (FakeSguild.Stored s : stored) {
                if (s.message().startsWith("BENCH alert ")) {
                    int cid = Integer.parseInt(s.message().substring("BENCH alert ".length()));
                    latencies.add(s.storedAtNanos() - insertedAt[cid]);
                    last = Math.max(last, s.storedAtNanos());
                }
            }
            latencies.sort(null);
            double secs = (last - start) / 1e9;
            System.out.printf("daemon: %,d event rows and %,d sancp rows inserted over %d s; %,d events delivered "
                            + "(%d expected) at %.0f events/s; latency row inserted -> event confirmed: median %.2f s, "
                            + "p99 %.2f s; peak RSS %d MB, CPU %.1f s user+sys (bench JVM: daemon, sguild test server and"
                            + " row generator; load average %.1f)%n",
                    total, (long) ticks * sessionsPerTick, seconds, latencies.size(), total, latencies.size() / secs,
                    percentile(latencies, 0.5) / 1e9, percentile(latencies, 0.99) / 1e9, peakRssMb(), cpuSeconds(),
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static long benchEvents(List<FakeSguild.Stored> stored) {
        return stored.stream().filter(s -> s.message().startsWith("BENCH alert ")).count();
    }

    static long percentile(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size())));
    }

    static double cpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    static long peakRssMb() throws java.io.IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }
}
