package net.sguil.bridge.sguil;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Writes what an analyst's action in the console makes sguild write (SguildGenericDB.tcl:
 * GetUserID, UpdateDBStatus, InsertHistory): the user's row on first use, the alert's new status
 * in its day table, and a {@code history} row (comment NULL when none was given). Also writes
 * alerts with the endpoints a test needs.
 */
public final class AnalystConsole {
    private final Connection c;
    private final SguilSchema schema = SguilSchema.load();

    public AnalystConsole(Connection c) {
        this.c = c;
    }

    /** One Snort alert of a TCP session, as barnyard stores it; creates the day's alert tables on first use. */
    public void alert(String sensor, int sid, long cid, String signature, long sigId, Instant at, String srcIp,
                      int srcPort, String dstIp, int dstPort, int proto) throws SQLException {
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        schema.ensureDayTables(c, sensor, day, SguilSchema.ALERT_KINDS);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + new DayTable("event", sensor, day).quoted()
                + " (sid, cid, signature, signature_gen, signature_id, signature_rev, timestamp, priority, class,"
                + " status, src_ip, dst_ip, src_port, dst_port, ip_proto)"
                + " VALUES (?, ?, ?, 1, ?, 1, ?, 2, 'policy-violation', 0, INET_ATON(?), INET_ATON(?), ?, ?, ?)")) {
            ps.setInt(1, sid);
            ps.setLong(2, cid);
            ps.setString(3, signature);
            ps.setLong(4, sigId);
            ps.setObject(5, LocalDateTime.ofInstant(at, ZoneOffset.UTC));
            ps.setString(6, srcIp);
            ps.setString(7, dstIp);
            ps.setInt(8, srcPort);
            ps.setInt(9, dstPort);
            ps.setInt(10, proto);
            ps.executeUpdate();
        }
    }

    /** The analyst sets the status of alert {@code sid.cid} (dated {@code alertDay}) at {@code at}, with an optional comment. */
    public void status(String analyst, String sensor, int sid, long cid, Instant alertDay, int status, String comment,
                       Instant at) throws SQLException {
        long uid = uid(analyst, at);
        LocalDate day = LocalDate.ofInstant(alertDay, ZoneOffset.UTC);
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + new DayTable("event", sensor, day).quoted()
                + " SET status = ?, last_modified = ?, last_uid = ? WHERE sid = ? AND cid = ?")) {
            ps.setInt(1, status);
            ps.setObject(2, LocalDateTime.ofInstant(at, ZoneOffset.UTC));
            ps.setLong(3, uid);
            ps.setInt(4, sid);
            ps.setLong(5, cid);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO history (sid, cid, uid, timestamp, status, comment) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setInt(1, sid);
            ps.setLong(2, cid);
            ps.setLong(3, uid);
            ps.setObject(4, LocalDateTime.ofInstant(at, ZoneOffset.UTC));
            ps.setInt(5, status);
            ps.setString(6, comment);
            ps.executeUpdate();
        }
    }

    private long uid(String analyst, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT uid FROM user_info WHERE username = ?")) {
            ps.setString(1, analyst);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return rs.getLong(1);
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO user_info (username, last_login) VALUES (?, ?)",
                java.sql.Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, analyst);
            ps.setObject(2, LocalDateTime.ofInstant(at, ZoneOffset.UTC));
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
