package net.sguil.bridge.sguil;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import net.sguil.bridge.facts.SguilAlert;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads new rows of Sguil's {@code event} MERGE table, per sensor id in cid order.
 *
 * <p>The position is the highest cid handed over per sid, kept in a state file that is replaced
 * atomically after the consumer has taken a batch: a restart neither repeats nor skips rows. This
 * relies on what Sguil guarantees: cids of one sid are assigned in increasing order by the single
 * writer of that sid (barnyard or one agent connection) and never reused. Day tables created while
 * running are seen as soon as the MERGE table has been rebuilt over them, also on a connection kept
 * open across the rebuild (MariaDB reopens a MERGE table that was dropped and recreated; tested); a
 * poll that meets the MERGE table in the middle of its rebuild returns nothing and the next one
 * catches up.
 */
public final class EventReader {
    private static final Logger LOG = LoggerFactory.getLogger(EventReader.class);
    private static final String HEADER = "# sguil-bridge event reader position: sid last_cid";
    private static final String QUERY = "SELECT sid, cid, signature, signature_gen, signature_id, signature_rev,"
            + " timestamp, priority, class, status, src_ip, dst_ip, src_port, dst_port, ip_proto"
            + " FROM event WHERE sid = ? AND cid > ? ORDER BY cid LIMIT ?";

    private final Connection connection;
    private final Path stateFile;
    private final Set<String> sensors;
    private final ReaderLimits limits;
    private final Map<Integer, Long> lastCid;
    private boolean firstRun;

    /**
     * @param sensors sensor names to read (empty: all sensors)
     * @throws IOException if the state file exists but cannot be read or is damaged (refusing to start
     *         is better than silently re-reading or skipping)
     */
    public EventReader(Connection connection, Path stateFile, Set<String> sensors, ReaderLimits limits) throws IOException {
        this.connection = connection;
        this.stateFile = stateFile;
        this.sensors = Set.copyOf(sensors);
        this.limits = limits;
        this.firstRun = !Files.exists(stateFile);
        this.lastCid = firstRun ? new TreeMap<>() : load(stateFile);
    }

    /**
     * Hands every alert newer than the position (at most {@code batchSize} per sensor id) to {@code sink},
     * then saves the new position. If {@code sink} throws, the position does not move.
     *
     * @return the number of alerts handed over
     */
    public int poll(Consumer<SguilAlert> sink) throws SQLException, IOException {
        Map<Integer, String> sids = prime();
        Map<Integer, Long> next = new TreeMap<>(lastCid);
        List<SguilAlert> batch = new ArrayList<>();
        try {
            for (Map.Entry<Integer, String> s : sids.entrySet()) {
                long from = next.getOrDefault(s.getKey(), 0L);
                long last = read(s.getKey(), s.getValue(), from, batch);
                next.put(s.getKey(), last);
            }
        } catch (SQLException e) {
            if (!SqlErrors.isMergeBeingRebuilt(e)) {
                throw e;
            }
            LOG.debug("event MERGE table is being rebuilt; retrying next poll");
            return 0;
        }
        batch.forEach(sink);
        if (!next.equals(lastCid) || firstRun) {
            save(next);
            lastCid.clear();
            lastCid.putAll(next);
        }
        firstRun = false;
        return batch.size();
    }

    /**
     * On the very first run with {@code startAtNow}, puts the position at the newest alert of each
     * sensor without reading anything; the rows behind it are {@link #history} only.
     *
     * @return the sensors to read, by sid
     */
    public Map<Integer, String> prime() throws SQLException {
        Map<Integer, String> sids = Sensors.sids(connection, sensors);
        if (firstRun && limits.startAtNow()) {
            for (Integer sid : sids.keySet()) {
                if (!lastCid.containsKey(sid)) {
                    lastCid.put(sid, maxCid(sid));
                }
            }
        }
        return sids;
    }

    private long read(int sid, String sensor, long afterCid, List<SguilAlert> out) throws SQLException {
        long last = afterCid;
        try (PreparedStatement ps = connection.prepareStatement(QUERY)) {
            ps.setInt(1, sid);
            ps.setLong(2, afterCid);
            ps.setInt(3, limits.batchSize());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    SguilAlert a = alert(rs, sid, sensor);
                    last = a.getCid();
                    out.add(a);
                }
            }
        }
        return last;
    }

    private static SguilAlert alert(ResultSet rs, int sid, String sensor) throws SQLException {
        return new SguilAlert(sid, rs.getLong("cid"), sensor, rs.getString("signature"), rs.getLong("signature_gen"),
                rs.getLong("signature_id"), rs.getLong("signature_rev"), Rows.utc(rs, "timestamp"),
                rs.getInt("priority"), rs.getString("class"), rs.getInt("status"), Rows.ip(rs, "src_ip"),
                Rows.ip(rs, "dst_ip"), rs.getInt("src_port"), rs.getInt("dst_port"), rs.getInt("ip_proto"));
    }

    /**
     * The alerts already behind the position (cid at most the position, per sensor) from
     * {@code since} on, oldest first: what a restarted daemon replays to rebuild its baselines
     * without counting anything twice. Call after {@link #prime} and before the first {@link #poll}.
     */
    public void history(Instant since, Consumer<SguilAlert> sink) throws SQLException {
        Map<Integer, String> sids = Sensors.sids(connection, sensors);
        String sql = "SELECT sid, cid, signature, signature_gen, signature_id, signature_rev, timestamp, priority, class,"
                + " status, src_ip, dst_ip, src_port, dst_port, ip_proto FROM event"
                + " WHERE sid = ? AND cid <= ? AND timestamp >= ? ORDER BY timestamp, cid";
        List<SguilAlert> all = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (Map.Entry<Integer, String> s : sids.entrySet()) {
                ps.setInt(1, s.getKey());
                ps.setLong(2, lastCid.getOrDefault(s.getKey(), 0L));
                ps.setObject(3, java.time.LocalDateTime.ofInstant(since, java.time.ZoneOffset.UTC));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        all.add(alert(rs, s.getKey(), s.getValue()));
                    }
                }
            }
        }
        all.sort(java.util.Comparator.comparing(SguilAlert::getTimestamp).thenComparing(SguilAlert::getCid));
        all.forEach(sink);
    }

    private long maxCid(int sid) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT COALESCE(MAX(cid), 0) FROM event WHERE sid = ?")) {
            ps.setInt(1, sid);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The saved position: sid → highest cid handed over. */
    public Map<Integer, Long> position() {
        return Map.copyOf(lastCid);
    }

    private void save(Map<Integer, Long> position) throws IOException {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        position.forEach((sid, cid) -> sb.append(sid).append(' ').append(cid).append('\n'));
        AtomicFile.write(stateFile, sb.toString());
    }

    private static Map<Integer, Long> load(Path file) throws IOException {
        Map<Integer, Long> out = new TreeMap<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(" ");
            try {
                if (f.length != 2) {
                    throw new NumberFormatException();
                }
                out.put(Integer.parseInt(f[0]), Long.parseLong(f[1]));
            } catch (NumberFormatException e) {
                throw new IOException(file + ":" + (i + 1) + ": damaged reader position (expected 'sid cid')");
            }
        }
        return out;
    }
}
