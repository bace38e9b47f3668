package net.sguil.bridge.sguil;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Writes rows into day tables the way sguild and its sancp loader do, for tests. */
public final class SguilTestData {
    private final Connection c;
    private final SguilSchema schema = SguilSchema.load();

    public SguilTestData(Connection c) {
        this.c = c;
    }

    public int sensor(String hostname) throws SQLException {
        return Sensors.register(c, hostname, "snort", hostname + "_net");
    }

    /** One sancp row; creates the day table (and rebuilds the MERGE table) on first use of the day. */
    public void sancp(String sensor, int sid, long sancpId, String start, int proto, String srcIp, int srcPort,
                      String dstIp, int dstPort, long srcBytes, long dstBytes) throws SQLException {
        Instant t = Instant.parse(start);
        schema.ensureDayTables(c, sensor, LocalDate.ofInstant(t, ZoneOffset.UTC), List.of("sancp"));
        String table = new DayTable("sancp", sensor, LocalDate.ofInstant(t, ZoneOffset.UTC)).quoted();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (sid, sancpid, start_time, end_time,"
                + " duration, ip_proto, src_ip, src_port, dst_ip, dst_port, src_pkts, src_bytes, dst_pkts, dst_bytes,"
                + " src_flags, dst_flags) VALUES (?, ?, ?, ?, 10, ?, INET_ATON(?), ?, INET_ATON(?), ?, 3, ?, 4, ?, 27, 27)")) {
            ps.setInt(1, sid);
            ps.setLong(2, sancpId);
            ps.setObject(3, LocalDateTime.ofInstant(t, ZoneOffset.UTC));
            ps.setObject(4, LocalDateTime.ofInstant(t.plusSeconds(10), ZoneOffset.UTC));
            ps.setInt(5, proto);
            ps.setString(6, srcIp);
            ps.setInt(7, srcPort);
            ps.setString(8, dstIp);
            ps.setInt(9, dstPort);
            ps.setLong(10, srcBytes);
            ps.setLong(11, dstBytes);
            ps.executeUpdate();
        }
    }

    /** One Snort alert; creates the day's alert tables on first use. */
    public void event(String sensor, int sid, long cid, String signature, long sigId, String timestamp) throws SQLException {
        events(sensor, sid, cid, 1, signature, sigId, timestamp);
    }

    /**
     * {@code count} Snort alerts with cids {@code firstCid..} at the same second (MariaDB's sequence
     * engine makes this one statement); creates the day's alert tables on first use.
     */
    public void events(String sensor, int sid, long firstCid, int count, String signature, long sigId, String timestamp)
            throws SQLException {
        Instant t = Instant.parse(timestamp);
        LocalDate day = LocalDate.ofInstant(t, ZoneOffset.UTC);
        schema.ensureDayTables(c, sensor, day, SguilSchema.ALERT_KINDS);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + new DayTable("event", sensor, day).quoted()
                + " (sid, cid, signature, signature_gen, signature_id, signature_rev, timestamp, priority, class,"
                + " status, src_ip, dst_ip, src_port, dst_port, ip_proto)"
                + " SELECT ?, ? + seq, ?, 1, ?, 1, ?, 1, 'web-application-attack', 0, INET_ATON('203.0.113.9'),"
                + " INET_ATON('10.1.1.80'), 40000, 80, 6 FROM seq_0_to_" + (count - 1))) {
            ps.setInt(1, sid);
            ps.setLong(2, firstCid);
            ps.setString(3, signature);
            ps.setLong(4, sigId);
            ps.setObject(5, LocalDateTime.ofInstant(t, ZoneOffset.UTC));
            ps.executeUpdate();
        }
    }
}
