package net.sguil.bridge.sguil;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import net.sguil.bridge.facts.SguilAlert;

/**
 * Reads new rows of Sguil's {@code event} MERGE table, per sensor id in cid order.
 *
 * <p>The cursor is the highest cid handed over per sid (see {@link IncrementalReader} for when it
 * is saved). This relies on what Sguil guarantees: cids of one sid are assigned in increasing order
 * by the single writer of that sid (barnyard or one agent connection) and never reused. Day tables
 * created while running are seen as soon as the MERGE table has been rebuilt over them, also on a
 * connection kept open across the rebuild (MariaDB reopens a MERGE table that was dropped and
 * recreated; tested); a poll that meets the MERGE table in the middle of its rebuild returns
 * nothing and the next one catches up.
 */
public final class EventReader extends IncrementalReader<SguilAlert, Long> {
    private static final String HEADER = "# sguil-bridge event reader position: sid last_cid";
    private static final String COLUMNS = "SELECT sid, cid, signature, signature_gen, signature_id, signature_rev,"
            + " timestamp, priority, class, status, src_ip, dst_ip, src_port, dst_port, ip_proto FROM event";
    private static final String QUERY = COLUMNS + " WHERE sid = ? AND cid > ? ORDER BY cid LIMIT ?";
    private static final String HISTORY = COLUMNS + " WHERE sid = ? AND cid <= ? AND timestamp >= ?";

    /**
     * @param sensors sensor names to read (empty: all sensors)
     * @throws IOException if the state file exists but cannot be read or is damaged (refusing to start
     *         is better than silently re-reading or skipping)
     */
    public EventReader(Connection connection, Path stateFile, Set<String> sensors, ReaderLimits limits)
            throws IOException {
        super(connection, stateFile, HEADER, sensors, limits);
    }

    @Override
    Long fresh() {
        return 0L;
    }

    @Override
    Long atEnd(int sid, String sensor) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT COALESCE(MAX(cid), 0) FROM event WHERE sid = ?")) {
            ps.setInt(1, sid);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Override
    void read(int sid, String sensor, Long afterCid, List<SguilAlert> out) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(QUERY)) {
            ps.setInt(1, sid);
            ps.setLong(2, afterCid);
            ps.setInt(3, limits.batchSize());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(alert(rs, sid, sensor));
                }
            }
        }
    }

    @Override
    Long advance(Long cursor, List<SguilAlert> rows) {
        return rows.isEmpty() ? cursor : rows.get(rows.size() - 1).getCid();
    }

    @Override
    void write(int sid, Long cid, List<String> lines) {
        lines.add(sid + " " + cid);
    }

    @Override
    void parse(String[] f, Map<Integer, Long> into) {
        if (f.length != 2) {
            throw new NumberFormatException();
        }
        into.put(Integer.parseInt(f[0]), Long.parseLong(f[1]));
    }

    /** The alert of the current row, by the column names of {@code event}. */
    static SguilAlert alert(ResultSet rs, int sid, String sensor) throws SQLException {
        return new SguilAlert(sid, rs.getLong("cid"), sensor, rs.getString("signature"), rs.getLong("signature_gen"),
                rs.getLong("signature_id"), rs.getLong("signature_rev"), Rows.utc(rs, "timestamp"),
                rs.getInt("priority"), rs.getString("class"), rs.getInt("status"), Rows.ip(rs, "src_ip"),
                Rows.ip(rs, "dst_ip"), rs.getInt("src_port"), rs.getInt("dst_port"), rs.getInt("ip_proto"));
    }

    /**
     * The alerts already behind the position (cid at most the position, per sensor) from
     * {@code since} on, oldest first: what a restarted daemon replays to rebuild its baselines
     * without counting anything twice. Call after {@link #start()} and before the first poll.
     */
    public void history(Instant since, Consumer<SguilAlert> sink) throws SQLException, IOException {
        List<SguilAlert> all = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(HISTORY)) {
            for (Map.Entry<Integer, String> s : start().entrySet()) {
                ps.setInt(1, s.getKey());
                ps.setLong(2, cursor(s.getKey()));
                Rows.setUtc(ps, 3, since);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        all.add(alert(rs, s.getKey(), s.getValue()));
                    }
                }
            }
        } catch (SQLException e) {
            if (!SqlErrors.isNoSuchTable(e)) {
                throw e;
            }
            return; // no event table yet: no history
        }
        all.sort(Comparator.comparing(SguilAlert::getTimestamp).thenComparing(SguilAlert::getCid));
        all.forEach(sink);
    }

}
