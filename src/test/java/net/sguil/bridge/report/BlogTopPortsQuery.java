package net.sguil.bridge.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The blog's query shape, for comparison: one selection for sessions opened from inside, one for
 * sessions opened from outside, joined by UNION ALL, with the window fixed to the same bounds.
 */
public final class BlogTopPortsQuery {
    private BlogTopPortsQuery() {
    }

    public static List<TopPortRow> run(Connection c, HomeNet home, Instant since, Instant until, int limit)
            throws SQLException {
        String srcIn = home.sqlInside("src_ip");
        String dstIn = home.sqlInside("dst_ip");
        String sql = "SELECT dst_port, SUM(to_net) AS bytes_to_mynet, SUM(from_net) AS bytes_from_mynet,"
                + " SUM(to_net) + SUM(from_net) AS total_bytes, COUNT(*) AS sessions FROM ("
                + " SELECT dst_port, dst_bytes AS to_net, src_bytes AS from_net FROM sancp"
                + " WHERE start_time >= ? AND start_time < ? AND " + srcIn + " AND NOT " + dstIn
                + " UNION ALL"
                + " SELECT dst_port, src_bytes AS to_net, dst_bytes AS from_net FROM sancp"
                + " WHERE start_time >= ? AND start_time < ? AND " + dstIn + " AND NOT " + srcIn
                + ") t GROUP BY dst_port ORDER BY total_bytes DESC, dst_port LIMIT ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            for (int half = 0; half < 2; half++) {
                ps.setObject(i++, LocalDateTime.ofInstant(since, ZoneOffset.UTC));
                ps.setObject(i++, LocalDateTime.ofInstant(until, ZoneOffset.UTC));
                for (int side = 0; side < 2; side++) {
                    for (HomeNet.Range r : home.ranges()) {
                        ps.setLong(i++, r.lo());
                        ps.setLong(i++, r.hi());
                    }
                }
            }
            ps.setInt(i, limit);
            return TopPortsReport.rows(ps);
        }
    }
}
