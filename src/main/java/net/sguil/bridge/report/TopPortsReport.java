package net.sguil.bridge.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Bytes into and out of the home network per destination port, from Sguil's {@code sancp} table.
 *
 * <p>A session's bytes count by the side that sent them: what the inside host sent is "from my net",
 * what the outside host sent is "to my net", whichever side opened it. Sessions with both ends inside or
 * both outside the home net are left out. A session belongs to the window its start_time falls in
 * ({@code since ≤ start_time < until}). One pass over the window (the blog's query makes two, joined by
 * UNION ALL); the start_time range is on an indexed column of every day table, so the MERGE table can
 * use it.
 */
public final class TopPortsReport {
    /** Upper bound of {@code --limit}. */
    public static final int MAX_LIMIT = 65536;

    private TopPortsReport() {
    }

    /**
     * @param sids sensor ids to restrict to; empty for all sensors
     */
    public static List<TopPortRow> run(Connection c, HomeNet home, Instant since, Instant until, int limit,
                                       Collection<Integer> sids) throws SQLException {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT);
        }
        String sidFilter = sids.isEmpty() ? ""
                : " AND sid IN (" + sids.stream().map(s -> "?").collect(Collectors.joining(",")) + ")";
        String sql = "SELECT dst_port,"
                + " SUM(IF(src_in, dst_bytes, src_bytes)) AS bytes_to_mynet,"
                + " SUM(IF(src_in, src_bytes, dst_bytes)) AS bytes_from_mynet,"
                + " SUM(src_bytes) + SUM(dst_bytes) AS total_bytes,"
                + " COUNT(*) AS sessions"
                + " FROM (SELECT dst_port, src_bytes, dst_bytes, " + home.sqlInside("src_ip") + " AS src_in, "
                + home.sqlInside("dst_ip") + " AS dst_in"
                + " FROM sancp WHERE start_time >= ? AND start_time < ?" + sidFilter + ") s"
                + " WHERE src_in <> dst_in"
                + " GROUP BY dst_port ORDER BY total_bytes DESC, dst_port LIMIT ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            for (int side = 0; side < 2; side++) { // src_in, then dst_in
                for (HomeNet.Range r : home.ranges()) {
                    ps.setLong(i++, r.lo());
                    ps.setLong(i++, r.hi());
                }
            }
            ps.setObject(i++, LocalDateTime.ofInstant(since, ZoneOffset.UTC));
            ps.setObject(i++, LocalDateTime.ofInstant(until, ZoneOffset.UTC));
            for (Integer sid : sids) {
                ps.setInt(i++, sid);
            }
            ps.setInt(i, limit);
            return rows(ps);
        }
    }

    /** Reads result rows with the report's column names; shared with the UNION ALL comparison. */
    static List<TopPortRow> rows(PreparedStatement ps) throws SQLException {
        List<TopPortRow> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new TopPortRow(rs.getInt("dst_port"), rs.getLong("bytes_to_mynet"),
                        rs.getLong("bytes_from_mynet"), rs.getLong("total_bytes"), rs.getLong("sessions")));
            }
        }
        return out;
    }
}
