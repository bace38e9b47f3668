package net.sguil.bridge.realsguild;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * sancp rows reaching sguild's database the way they do on a real sensor: the sancp agent registers
 * as agent type {@code sancp} (which gives the sid its rows carry), writes each day's sessions as
 * {@code parsed.<sensor>.<file>.<YYYYMMDD>} lines {@code sid|sancpid|start|end|…}, and sguild's
 * loaderd, every 5 s, creates {@code sancp_<sensor>_<day>} and the MERGE table if needed and
 * {@code LOAD DATA}s the file ({@code SguildLoaderd.tcl}). {@link #load} returns once the rows are
 * visible in the {@code sancp} MERGE table.
 */
final class SancpLoader {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);
    private static final AtomicLong FILES = new AtomicLong();

    /** One TCP session as sancp records it. */
    record Session(long sancpId, Instant start, Instant end, String srcIp, int srcPort, String dstIp, int dstPort) {
    }

    private final SguildHarness sguild;
    private final String sensor;
    private final long sid;

    private SancpLoader(SguildHarness sguild, String sensor, long sid) {
        this.sguild = sguild;
        this.sensor = sensor;
        this.sid = sid;
    }

    static SancpLoader register(SguildHarness sguild, String sensor) throws IOException {
        try (SensorConnection c = SensorConnection.register(sguild, "sancp", sensor, sensor + "_net")) {
            return new SancpLoader(sguild, sensor, c.sid);
        }
    }

    long sid() {
        return sid;
    }

    /** Hands the sessions (all of one UTC day) to loaderd and waits until sguild's database shows them. */
    void load(List<Session> sessions) throws IOException, InterruptedException {
        writeFile(sessions);
        Await.until("loaderd to load " + sessions.size() + " sancp row(s) of " + sensor, () -> visible(sessions));
    }

    /** Hands the sessions to loaderd without waiting: they appear within loaderd's 5 s scan. */
    void writeFile(List<Session> sessions) throws IOException {
        StringBuilder sb = new StringBuilder();
        String day = DAY.format(sessions.get(0).start());
        for (Session s : sessions) {
            if (!DAY.format(s.start()).equals(day)) {
                throw new IllegalArgumentException("one file per day, as the sancp agent splits them");
            }
            long duration = s.end().getEpochSecond() - s.start().getEpochSecond();
            sb.append(sid).append('|').append(s.sancpId()).append('|').append(TIME.format(s.start())).append('|')
                    .append(TIME.format(s.end())).append('|').append(duration).append("|6|")
                    .append(SnortAgent.aton(s.srcIp())).append('|').append(s.srcPort()).append('|')
                    .append(SnortAgent.aton(s.dstIp())).append('|').append(s.dstPort())
                    .append("|12|2400|10|900|27|27\n");
        }
        Path dir = sguild.loadDirectory();
        String name = "parsed." + sensor + ".stats.eth0." + Instant.now().getEpochSecond() + FILES.incrementAndGet()
                + "." + day;
        // loaderd takes every parsed.* it finds: the file appears whole or not at all
        Path tmp = Files.writeString(dir.resolve(".writing-" + name), sb.toString(), StandardCharsets.US_ASCII);
        Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private boolean visible(List<Session> sessions) {
        try (Connection c = sguild.connect()) {
            if (!SguildTables.exist(c, "sancp")) {
                return false; // loaderd creates the MERGE table with its first file
            }
            return allThere(c, sessions);
        } catch (SQLException e) {
            return false; // loaderd is rebuilding the MERGE table over a new day's table
        }
    }

    private boolean allThere(Connection c, List<Session> sessions) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM sancp WHERE sid = ? AND sancpid = ?")) {
            for (Session s : sessions) {
                ps.setLong(1, sid);
                ps.setLong(2, s.sancpId());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        return false;
                    }
                }
            }
            return true;
        }
    }
}
