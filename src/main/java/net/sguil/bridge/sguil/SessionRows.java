package net.sguil.bridge.sguil;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import net.sguil.bridge.facts.SancpSession;
import net.sguil.bridge.facts.SguilAlert;

/** One alert or one session record by the ids the console shows ({@code sid.cid}, {@code sid.sancpid}). */
public final class SessionRows {
    private static final String ALERT = "SELECT cid, signature, signature_gen, signature_id, signature_rev, timestamp,"
            + " priority, class, status, src_ip, dst_ip, src_port, dst_port, ip_proto FROM event WHERE sid = ? AND cid = ?";
    private static final String SANCP = "SELECT sancpid, start_time, end_time, duration, ip_proto, src_ip, dst_ip,"
            + " src_port, dst_port, src_pkts, src_bytes, dst_pkts, dst_bytes, src_flags, dst_flags FROM sancp"
            + " WHERE sid = ? AND sancpid = ?";

    private SessionRows() {
    }

    /** The alert {@code sid.cid}; empty when there is no such row (or no such sensor). */
    public static Optional<SguilAlert> alert(Connection c, int sid, long cid) throws SQLException {
        return row(c, ALERT, sid, cid, EventReader::alert);
    }

    /** The session record {@code sid.sancpid}; empty when there is none. */
    public static Optional<SancpSession> sancp(Connection c, int sid, long sancpId) throws SQLException {
        return row(c, SANCP, sid, sancpId, SancpReader::session);
    }

    /** How a reader turns its table's current row into a fact. */
    @FunctionalInterface
    private interface RowMapper<T> {
        T map(ResultSet rs, int sid, String sensor) throws SQLException;
    }

    private static <T> Optional<T> row(Connection c, String sql, int sid, long id, RowMapper<T> mapper)
            throws SQLException {
        String sensor = Sensors.sids(c, Set.of()).get(sid);
        if (sensor == null) {
            return Optional.empty();
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, sid);
            ps.setLong(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(mapper.map(rs, sid, sensor)) : Optional.empty();
            }
        }
    }
}
