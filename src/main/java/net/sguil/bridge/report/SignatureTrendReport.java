package net.sguil.bridge.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads a signature's per-UTC-day counts from Sguil's {@code event} table and turns them into a {@link SignatureTrend}. */
public final class SignatureTrendReport {
    /** Which alerts: by message text (exact) or by Snort signature id. */
    public sealed interface Selector permits ByText, BySid {
    }

    public record ByText(String signature) implements Selector {
    }

    public record BySid(long signatureId) implements Selector {
    }

    private SignatureTrendReport() {
    }

    /**
     * @param first first day to report (null: the first day with an alert)
     * @param last  last day to report (null: the last day with an alert)
     */
    public static List<TrendRow> run(Connection c, Selector which, LocalDate first, LocalDate last, int days)
            throws SQLException {
        String where = which instanceof ByText ? "signature = ?" : "signature_id = ?";
        StringBuilder sql = new StringBuilder("SELECT DATE(timestamp) AS day, COUNT(*) AS n FROM event WHERE ")
                .append(where);
        if (first != null) {
            sql.append(" AND timestamp >= ?");
        }
        if (last != null) {
            sql.append(" AND timestamp < ?");
        }
        sql.append(" GROUP BY day");
        Map<LocalDate, Long> counts = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int i = 1;
            if (which instanceof ByText t) {
                ps.setString(i++, t.signature());
            } else {
                ps.setLong(i++, ((BySid) which).signatureId());
            }
            if (first != null) {
                ps.setObject(i++, first.minusDays(days).atStartOfDay());
            }
            if (last != null) {
                ps.setObject(i, LocalDateTime.of(last.plusDays(1), java.time.LocalTime.MIDNIGHT));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getObject("day", LocalDate.class), rs.getLong("n"));
                }
            }
        }
        return SignatureTrend.compute(counts, first, last, days);
    }
}
