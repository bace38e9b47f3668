package net.sguil.bridge.realsguild;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** What sguild stored, read back from its tables; and alert rows written exactly as sguild writes them. */
final class SguildTables {
    private static final int NO_SUCH_TABLE = 1146;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    /**
     * One row of sguild's {@code event} table with its {@code data} detail, hex-decoded, and the
     * cid it refers to ({@code unified_event_ref}, GenericEvent's refID).
     */
    record StoredEvent(long sid, long cid, String signature, long generator, long signatureId, Instant timestamp,
                       int priority, String sigClass, int status, String srcIp, String dstIp, Integer srcPort,
                       Integer dstPort, String detail, long refId) {
    }

    private SguildTables() {
    }

    /** Every event sguild stored for the agent that registered as {@code sensor} with type sguil-bridge, by cid. */
    static List<StoredEvent> bridgeEvents(Connection c, String sensor) throws SQLException {
        String sql = "SELECT e.sid, e.cid, e.signature, e.signature_gen, e.signature_id, e.timestamp, e.priority,"
                + " e.class, e.status, INET_NTOA(e.src_ip) AS src, INET_NTOA(e.dst_ip) AS dst, e.src_port, e.dst_port,"
                + " e.unified_event_ref, d.data_payload FROM event e JOIN sensor s ON s.sid = e.sid"
                + " LEFT JOIN data d ON d.sid = e.sid AND d.cid = e.cid"
                + " WHERE s.hostname = ? AND s.agent_type = 'sguil-bridge' ORDER BY e.cid, e.timestamp";
        List<StoredEvent> out = new ArrayList<>();
        if (!exist(c, "event", "data")) {
            return out; // sguild creates the MERGE tables with the first event
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, sensor);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String hex = rs.getString("data_payload");
                    out.add(new StoredEvent(rs.getLong("sid"), rs.getLong("cid"), rs.getString("signature"),
                            rs.getLong("signature_gen"), rs.getLong("signature_id"),
                            rs.getObject("timestamp", LocalDateTime.class).toInstant(ZoneOffset.UTC),
                            rs.getInt("priority"), rs.getString("class"), rs.getInt("status"), rs.getString("src"),
                            rs.getString("dst"), (Integer) rs.getObject("src_port", Integer.class),
                            (Integer) rs.getObject("dst_port", Integer.class),
                            hex == null ? null : new String(HexFormat.of().parseHex(hex), StandardCharsets.ISO_8859_1),
                            rs.getLong("unified_event_ref")));
                }
            }
        } catch (SQLException e) {
            if (e.getErrorCode() == NO_SUCH_TABLE) {
                return out; // sguild is rebuilding the MERGE tables over a new day's tables
            }
            throw e;
        }
        return out;
    }

    /** Whether all these tables exist (asking first keeps the driver from logging a failed query). */
    static boolean exist(Connection c, String... tables) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM information_schema.tables"
                + " WHERE table_schema = DATABASE() AND table_name = ?")) {
            for (String t : tables) {
                ps.setString(1, t);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /**
     * A Snort alert written straight into sguild's day tables with the statements sguild's
     * {@code BYEventRcvd} issues (event header, TCP header, payload), for the moments when sguild
     * itself cannot take it (stopped, or holding a dead database handle). The day's tables must exist:
     * send one alert of that day through sguild first.
     */
    static SnortAgent.Stored insertAsSguild(Connection c, String sensor, long sid, long cid, SnortAgent.Alert a)
            throws SQLException {
        String day = DAY.format(a.time());
        LocalDateTime ts = LocalDateTime.ofInstant(a.time(), ZoneOffset.UTC);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO `event_" + sensor + "_" + day + "` (sid, cid,"
                + " unified_event_id, unified_event_ref, unified_ref_time, signature, signature_gen, signature_id,"
                + " signature_rev, timestamp, priority, class, status, src_ip, dst_ip, ip_proto, ip_ver, ip_hlen, ip_tos,"
                + " ip_len, ip_id, ip_flags, ip_off, ip_ttl, ip_csum, src_port, dst_port)"
                + " VALUES (?, ?, ?, ?, ?, ?, 1, ?, 1, ?, 1, 'web-application-atta', 0, ?, ?, 6, 4, 5, 0, 60, 4242, 2, 0,"
                + " 64, 0, ?, ?)")) {
            ps.setLong(1, sid);
            ps.setLong(2, cid);
            ps.setLong(3, cid);
            ps.setLong(4, cid);
            ps.setObject(5, ts);
            ps.setString(6, a.signature());
            ps.setLong(7, a.sigId());
            ps.setObject(8, ts);
            ps.setLong(9, SnortAgent.aton(a.srcIp()));
            ps.setLong(10, SnortAgent.aton(a.dstIp()));
            ps.setInt(11, a.srcPort());
            ps.setInt(12, a.dstPort());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO `tcphdr_" + sensor + "_" + day + "` (sid, cid,"
                + " tcp_seq, tcp_ack, tcp_off, tcp_res, tcp_flags, tcp_win, tcp_csum, tcp_urp)"
                + " VALUES (?, ?, 1, 1, 5, 0, 24, 64240, 0, 0)")) {
            ps.setLong(1, sid);
            ps.setLong(2, cid);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO `data_" + sensor + "_" + day + "` (sid, cid,"
                + " data_payload) VALUES (?, ?, '505554202F')")) {
            ps.setLong(1, sid);
            ps.setLong(2, cid);
            ps.executeUpdate();
        }
        return new SnortAgent.Stored(sid, cid, a);
    }
}
