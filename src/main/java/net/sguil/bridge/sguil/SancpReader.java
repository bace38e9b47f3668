package net.sguil.bridge.sguil;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import net.sguil.bridge.facts.SancpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads new rows of Sguil's {@code sancp} MERGE table, per sensor id.
 *
 * <p>Why not a "last sancpid" cursor: sancp files are loaded in batches minutes after the sessions
 * ended, and a sensor's sancpids are unique but do not arrive in increasing order, so a late batch
 * can hold ids below ones already read. The cursor per sid is instead
 * <ul>
 *   <li>a watermark {@code W}, the latest {@code start_time} handed over, and</li>
 *   <li>the set of sancpids handed over whose {@code start_time ≥ W − L}, L being
 *       {@link ReaderLimits#sancpLateness()}.</li>
 * </ul>
 * Each poll reads the rows with {@code start_time ≥ W − L} in (start_time, sancpid) order and hands
 * over those not in the set. A row loaded late but starting within L of the newest session is thus
 * read exactly once; a row loaded more than L late is never read (choose L above the sancp loader's
 * worst delay). Ids older than {@code W − L} leave the set, so its size is bounded by the sessions of
 * one window. A session starting more than ten minutes in the future is read once but does not move W.
 * Watermark and set are the cursor {@link IncrementalReader} saves.
 */
public final class SancpReader extends IncrementalReader<SancpSession, WindowCursor<Long>> {
    private static final Logger LOG = LoggerFactory.getLogger(SancpReader.class);
    /**
     * A sensor with a wrong clock (or a forged row) must not push the watermark into the future, or
     * every real session after it would fall behind the window and never be read.
     */
    private static final Duration MAX_CLOCK_AHEAD = Duration.ofMinutes(10);
    private static final String HEADER = "# sguil-bridge sancp reader position: 'w sid epoch' watermarks, 's sid sancpid epoch' seen ids";
    private static final String QUERY = "SELECT sancpid, start_time, end_time, duration, ip_proto, src_ip, dst_ip,"
            + " src_port, dst_port, src_pkts, src_bytes, dst_pkts, dst_bytes, src_flags, dst_flags FROM sancp"
            + " WHERE sid = ? AND start_time >= ? AND (start_time > ? OR (start_time = ? AND sancpid > ?))"
            + " ORDER BY start_time, sancpid LIMIT ?";

    private final Clock clock;

    /**
     * @param sensors sensor names to read (empty: all)
     * @throws IOException if the state file exists but is unreadable or damaged
     */
    public SancpReader(Connection connection, Path stateFile, Set<String> sensors, ReaderLimits limits) throws IOException {
        this(connection, stateFile, sensors, limits, Clock.systemUTC());
    }

    /** As above, with the clock that tells which session start times lie in the future. */
    public SancpReader(Connection connection, Path stateFile, Set<String> sensors, ReaderLimits limits, Clock clock)
            throws IOException {
        super(connection, stateFile, HEADER, sensors, limits);
        this.clock = clock;
    }

    @Override
    WindowCursor<Long> fresh() {
        return new WindowCursor<>();
    }

    /** The newest session's start, with every row of the lateness window behind it marked as seen. */
    @Override
    WindowCursor<Long> atEnd(int sid, String sensor) throws SQLException {
        WindowCursor<Long> c = new WindowCursor<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT MAX(start_time) AS m FROM sancp WHERE sid = ?")) {
            ps.setInt(1, sid);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Instant m = Rows.utc(rs, "m");
                c.watermark = m == null ? Long.MIN_VALUE : m.getEpochSecond();
            }
        }
        return pastEveryRow(sid, sensor, c);
    }

    /** Collects up to batchSize rows of the window that the cursor has not seen, in (start_time, sancpid) order. */
    @Override
    void read(int sid, String sensor, WindowCursor<Long> c, List<SancpSession> out) throws SQLException {
        long floor = c.floor(limits.sancpLateness());
        Instant afterTime = Instant.ofEpochSecond(floor - 1);
        long afterId = 0;
        Set<Long> taken = new HashSet<>();
        int pageSize = limits.batchSize();
        try (PreparedStatement ps = connection.prepareStatement(QUERY)) {
            while (out.size() < limits.batchSize()) {
                ps.setInt(1, sid);
                Rows.setUtc(ps, 2, Instant.ofEpochSecond(floor));
                Rows.setUtc(ps, 3, afterTime);
                Rows.setUtc(ps, 4, afterTime);
                ps.setLong(5, afterId);
                ps.setInt(6, pageSize);
                int rowsInPage = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next() && out.size() < limits.batchSize()) {
                        rowsInPage++;
                        long id = rs.getLong("sancpid");
                        Instant start = Rows.utc(rs, "start_time");
                        afterTime = start;
                        afterId = id;
                        if (c.seen.containsKey(id) || !taken.add(id)) {
                            continue;
                        }
                        out.add(session(rs, sid, sensor));
                    }
                }
                if (rowsInPage < pageSize) {
                    break;
                }
            }
        }
    }

    /** The session of the current row, by the column names of {@code sancp}. */
    static SancpSession session(ResultSet rs, int sid, String sensor) throws SQLException {
        return new SancpSession(sid, rs.getLong("sancpid"), sensor, Rows.utc(rs, "start_time"), Rows.utc(rs, "end_time"),
                rs.getLong("duration"), rs.getInt("ip_proto"), Rows.ip(rs, "src_ip"), Rows.ip(rs, "dst_ip"),
                rs.getInt("src_port"), rs.getInt("dst_port"), rs.getLong("src_pkts"), rs.getLong("src_bytes"),
                rs.getLong("dst_pkts"), rs.getLong("dst_bytes"), rs.getInt("src_flags"), rs.getInt("dst_flags"));
    }

    @Override
    WindowCursor<Long> advance(WindowCursor<Long> c, List<SancpSession> rows) {
        long cap = clock.instant().plus(MAX_CLOCK_AHEAD).getEpochSecond();
        for (SancpSession s : rows) {
            long start = s.getStartTime().getEpochSecond();
            c.read(s.getSancpId(), start, cap);
            if (start > cap) {
                LOG.warn("sancp row {}.{} starts at {}, in the future; it does not move the reader's watermark",
                        s.getSid(), s.getSancpId(), s.getStartTime());
            }
        }
        c.forgetBefore(limits.sancpLateness());
        return c;
    }

    /** Watermarks per sid (epoch seconds), for monitoring and tests. */
    public Map<Integer, Instant> watermarks() {
        Map<Integer, Instant> out = new TreeMap<>();
        cursors().forEach((sid, c) -> {
            if (c.watermark != Long.MIN_VALUE) {
                out.put(sid, Instant.ofEpochSecond(c.watermark));
            }
        });
        return out;
    }

    @Override
    void write(int sid, WindowCursor<Long> c, List<String> lines) {
        c.write(sid, lines);
    }

    @Override
    void parse(String[] f, Map<Integer, WindowCursor<Long>> into) {
        WindowCursor.parse(f, into, Long::parseLong);
    }
}
