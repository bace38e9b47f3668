package net.sguil.bridge.sguil;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import net.sguil.bridge.facts.AnalystAction;

/**
 * Reads new rows of Sguil's {@code history} table, the analysts' status changes and comments, per
 * sensor id, each with the analyst's name ({@code user_info}) and the alert it is about
 * ({@code event}).
 *
 * <p>Why not a "last row" cursor: {@code history} has no row id, and its one index is on {@code
 * timestamp} (whole seconds, several rows a second when an analyst categorises many alerts at
 * once). The cursor per sid is a watermark {@code W}, the latest timestamp handed over, and the
 * rows handed over whose timestamp is at least {@code W − }{@value #LATENESS_MINUTES} minutes, each
 * known by its cid, uid, status and comment. A poll reads the rows from {@code W − L} on and hands
 * over those it does not know, so a row written a little out of order (sguild inserts one row per
 * alert after updating them all) is read once. Two rows alike in every column are one action
 * clicked twice and are read once.
 *
 * <p>The first run always starts at the end of the table, whatever {@link ReaderLimits#startAtNow()}
 * says: what analysts did before the bridge ran asked nothing of it.
 */
public final class HistoryReader extends IncrementalReader<AnalystAction, HistoryReader.Cursor> {
    static final int LATENESS_MINUTES = 10;
    private static final Duration LATENESS = Duration.ofMinutes(LATENESS_MINUTES);
    private static final String HEADER = "# sguil-bridge history reader position: 'w sid epoch' watermarks, 's sid epoch row' rows seen";
    private static final String QUERY = "SELECT h.cid AS h_cid, h.uid AS h_uid, h.timestamp AS h_time,"
            + " h.status AS h_status, h.comment AS h_comment, u.username AS h_user,"
            + " e.cid, e.signature, e.signature_gen, e.signature_id, e.signature_rev, e.timestamp, e.priority,"
            + " e.class, e.status, e.src_ip, e.dst_ip, e.src_port, e.dst_port, e.ip_proto"
            + " FROM history h LEFT JOIN user_info u ON u.uid = h.uid"
            + " LEFT JOIN event e ON e.sid = h.sid AND e.cid = h.cid"
            + " WHERE h.sid = ? AND h.timestamp >= ? ORDER BY h.timestamp, h.cid, h.uid, h.status LIMIT ?";

    /** Cursor of one sid: watermark (epoch seconds) and the rows seen at or after its lateness floor. */
    static final class Cursor {
        long watermark = Long.MIN_VALUE;
        final Map<String, Long> seen = new HashMap<>();

        long floor() {
            return watermark == Long.MIN_VALUE ? 0 : Math.max(0, watermark - LATENESS.toSeconds());
        }
    }

    /**
     * @param sensors sensor names whose alerts' history is read (empty: all)
     * @throws IOException if the position file exists but is unreadable or damaged
     */
    public HistoryReader(Connection connection, Path stateFile, Set<String> sensors, ReaderLimits limits)
            throws IOException {
        super(connection, stateFile, HEADER, sensors,
                new ReaderLimits(limits.batchSize(), limits.sancpLateness(), true));
    }

    @Override
    Cursor fresh() {
        return new Cursor();
    }

    @Override
    Cursor atEnd(int sid, String sensor) throws SQLException {
        Cursor c = new Cursor();
        try (PreparedStatement ps = connection.prepareStatement("SELECT MAX(timestamp) AS m FROM history WHERE sid = ?")) {
            ps.setInt(1, sid);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Instant m = Rows.utc(rs, "m");
                if (m == null) {
                    return c;
                }
                c.watermark = m.getEpochSecond();
            }
        }
        return pastEveryRow(sid, sensor, c);
    }

    /** What the cursor knows a row by: its time, alert, status, analyst and comment. */
    private static String key(AnalystAction a) {
        return a.getTime().getEpochSecond() + ":" + a.getCid() + ":" + a.getStatus() + ":"
                + Integer.toHexString(Objects.hash(a.getAnalyst(), a.getComment()));
    }

    /**
     * Up to a batch of rows the cursor does not know, from its floor on: the known rows of the
     * window are at most {@code seen.size()}, so that many more than a batch always reaches past them.
     */
    @Override
    void read(int sid, String sensor, Cursor c, List<AnalystAction> out) throws SQLException {
        Set<String> taken = new HashSet<>();
        try (PreparedStatement ps = connection.prepareStatement(QUERY)) {
            ps.setInt(1, sid);
            Rows.setUtc(ps, 2, Instant.ofEpochSecond(c.floor()));
            ps.setInt(3, (int) Math.min(Integer.MAX_VALUE, (long) limits.batchSize() + c.seen.size()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next() && out.size() < limits.batchSize()) {
                    String user = rs.getString("h_user");
                    long cid = rs.getLong("h_cid");
                    rs.getLong("cid");
                    boolean alertKnown = !rs.wasNull();
                    AnalystAction a = new AnalystAction(sid, cid, sensor,
                            user == null ? "uid " + rs.getLong("h_uid") : user, Rows.utc(rs, "h_time"),
                            rs.getInt("h_status"), rs.getString("h_comment"),
                            alertKnown ? EventReader.alert(rs, sid, sensor) : null);
                    String key = key(a);
                    if (!c.seen.containsKey(key) && taken.add(key)) {
                        out.add(a);
                    }
                }
            }
        }
    }

    @Override
    Cursor advance(Cursor c, List<AnalystAction> rows) {
        for (AnalystAction a : rows) {
            c.seen.put(key(a), a.getTime().getEpochSecond());
            c.watermark = Math.max(c.watermark, a.getTime().getEpochSecond());
        }
        long floor = c.floor();
        c.seen.values().removeIf(epoch -> epoch < floor);
        return c;
    }

    @Override
    void write(int sid, Cursor c, List<String> lines) {
        lines.add("w " + sid + " " + c.watermark);
        c.seen.forEach((row, epoch) -> lines.add("s " + sid + " " + epoch + " " + row));
    }

    @Override
    void parse(String[] f, Map<Integer, Cursor> into) {
        if (f[0].equals("w") && f.length == 3) {
            into.computeIfAbsent(Integer.parseInt(f[1]), k -> new Cursor()).watermark = Long.parseLong(f[2]);
        } else if (f[0].equals("s") && f.length == 4 && f[3].matches("-?\\d+:\\d+:\\d+:[0-9a-f]+")) {
            into.computeIfAbsent(Integer.parseInt(f[1]), k -> new Cursor()).seen.put(f[3], Long.parseLong(f[2]));
        } else {
            throw new NumberFormatException();
        }
    }
}
