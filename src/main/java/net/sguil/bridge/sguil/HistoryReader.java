package net.sguil.bridge.sguil;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
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
public final class HistoryReader extends IncrementalReader<AnalystAction, WindowCursor<String>> {
    static final int LATENESS_MINUTES = 10;
    private static final Duration LATENESS = Duration.ofMinutes(LATENESS_MINUTES);
    private static final Pattern KEY = Pattern.compile("-?\\d+:\\d+:\\d+:[0-9a-f]+");
    private static final String HEADER = "# sguil-bridge history reader position: 'w sid epoch' watermarks, 's sid row epoch' rows seen";
    private static final String QUERY = "SELECT h.cid AS h_cid, h.uid AS h_uid, h.timestamp AS h_time,"
            + " h.status AS h_status, h.comment AS h_comment, u.username AS h_user,"
            + " e.cid, e.signature, e.signature_gen, e.signature_id, e.signature_rev, e.timestamp, e.priority,"
            + " e.class, e.status, e.src_ip, e.dst_ip, e.src_port, e.dst_port, e.ip_proto"
            + " FROM history h LEFT JOIN user_info u ON u.uid = h.uid"
            + " LEFT JOIN event e ON e.sid = h.sid AND e.cid = h.cid"
            + " WHERE h.sid = ? AND h.timestamp >= ? ORDER BY h.timestamp, h.cid, h.uid, h.status LIMIT ?";

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
    WindowCursor<String> fresh() {
        return new WindowCursor<>();
    }

    @Override
    WindowCursor<String> atEnd(int sid, String sensor) throws SQLException {
        WindowCursor<String> c = new WindowCursor<>();
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
    void read(int sid, String sensor, WindowCursor<String> c, List<AnalystAction> out) throws SQLException {
        Set<String> taken = new HashSet<>();
        try (PreparedStatement ps = connection.prepareStatement(QUERY)) {
            ps.setInt(1, sid);
            Rows.setUtc(ps, 2, Instant.ofEpochSecond(c.floor(LATENESS)));
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
    WindowCursor<String> advance(WindowCursor<String> c, List<AnalystAction> rows) {
        for (AnalystAction a : rows) {
            c.read(key(a), a.getTime().getEpochSecond(), Long.MAX_VALUE);
        }
        c.forgetBefore(LATENESS);
        return c;
    }

    @Override
    void write(int sid, WindowCursor<String> c, List<String> lines) {
        c.write(sid, lines);
    }

    @Override
    void parse(String[] f, Map<Integer, WindowCursor<String>> into) {
        WindowCursor.parse(f, into, key -> {
            if (!KEY.matcher(key).matches()) {
                throw new NumberFormatException(key);
            }
            return key;
        });
    }
}
