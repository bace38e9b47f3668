package net.sguil.bridge.sguil;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Column conversions shared by the readers: DATETIME is UTC wall time, IPs are unsigned ints. */
final class Rows {
    private Rows() {
    }

    /** Reads a DATETIME as the UTC instant it denotes, independent of the JVM's zone. */
    static Instant utc(ResultSet rs, String col) throws SQLException {
        LocalDateTime t = rs.getObject(col, LocalDateTime.class);
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }

    static void setUtc(PreparedStatement ps, int i, Instant t) throws SQLException {
        ps.setObject(i, LocalDateTime.ofInstant(t, ZoneOffset.UTC));
    }

    static String ip(ResultSet rs, String col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : Ipv4.toDotted(v);
    }
}
