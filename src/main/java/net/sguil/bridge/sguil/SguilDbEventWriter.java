package net.sguil.bridge.sguil;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;

/**
 * Writes the bridge's events straight into Sguil's tables, for installations without a running sguild:
 * an event of sensor H on UTC day D goes into {@code event_H_D}, its detail (hex, as sguild stores an
 * agent's detail) into {@code data_H_D}. The first event of a day creates that day's tables and rebuilds
 * the MERGE tables, as sguild does, so the rows are visible through {@code event} and {@code data}.
 *
 * <p>Not safe while a sguild writes the same database: both would pick cids and rebuild MERGE tables
 * without coordinating. Use the agent protocol when sguild runs.
 */
public final class SguilDbEventWriter {
    /** Outcome of {@link #write(StorableEvent, long)}. */
    public enum Result {
        INSERTED,
        /** An event with this sid and cid already exists (on this or another day): nothing was changed. */
        ALREADY_PRESENT
    }

    private final Connection connection;
    private final SguilSchema schema;
    private final String sensor;
    private final String netName;
    private final Set<LocalDate> daysReady = new HashSet<>();
    private Integer sid;

    /**
     * @param sensor the sensor name the events belong to; refused unless it is a valid Sguil sensor name
     */
    public SguilDbEventWriter(Connection connection, SguilSchema schema, String sensor, String netName) {
        this.connection = connection;
        this.schema = schema;
        this.sensor = SensorName.requireValid(sensor);
        this.netName = netName;
    }

    /** The sensor id of (sensor, {@value Sensors#BRIDGE_AGENT_TYPE}), registered in {@code sensor} if missing. */
    public int sid() throws SQLException {
        if (sid == null) {
            sid = Sensors.register(connection, sensor, Sensors.BRIDGE_AGENT_TYPE, netName);
        }
        return sid;
    }

    /** Highest cid stored for a sid over all days, 0 if none. */
    public long maxCid(int sensorId) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT COALESCE(MAX(cid), 0) FROM event WHERE sid = ?")) {
            ps.setInt(1, sensorId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Writes the event with a cid the caller chose (the daemon's outbox assigns them). Idempotent: a cid
     * already stored for this sid yields {@link Result#ALREADY_PRESENT} and changes nothing, except that
     * a detail row missing after a crash between the two inserts is filled in.
     */
    public Result write(StorableEvent v, long cid) throws SQLException {
        if (cid < 1 || cid > 0xffffffffL) {
            throw new IllegalArgumentException("cid must be 1..4294967295");
        }
        int sensorId = sid();
        Instant ts = v.timestamp();
        LocalDate day = LocalDate.ofInstant(ts, ZoneOffset.UTC);
        if (daysReady.add(day)) {
            schema.ensureDayTables(connection, sensor, day, SguilSchema.ALERT_KINDS);
        }
        // The day tables' keys only catch a repeat on the same day; the MERGE table sees every day.
        LocalDate storedDay = storedOn(sensorId, cid);
        Result r = storedDay != null ? Result.ALREADY_PRESENT
                : insertEvent(new DayTable("event", sensor, day), sensorId, cid, ts, v);
        if (storedDay == null || storedDay.equals(day)) {
            try (PreparedStatement ps = connection.prepareStatement("INSERT IGNORE INTO "
                    + new DayTable("data", sensor, day).quoted() + " (sid, cid, data_payload) VALUES (?, ?, ?)")) {
                ps.setInt(1, sensorId);
                ps.setLong(2, cid);
                ps.setString(3, v.hexDetail());
                ps.executeUpdate();
            }
        }
        return r;
    }

    /** The UTC day of the stored event (sid, cid), or null if there is none. */
    private LocalDate storedOn(int sensorId, long cid) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT timestamp FROM event WHERE sid = ? AND cid = ? LIMIT 1")) {
            ps.setInt(1, sensorId);
            ps.setLong(2, cid);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? LocalDate.ofInstant(Rows.utc(rs, "timestamp"), ZoneOffset.UTC) : null;
            }
        }
    }

    private Result insertEvent(DayTable table, int sensorId, long cid, Instant ts, StorableEvent v) throws SQLException {
        String sql = "INSERT INTO " + table.quoted() + " (sid, cid, signature, signature_gen, signature_id,"
                + " signature_rev, timestamp, unified_event_id, unified_event_ref, unified_ref_time, priority, class,"
                + " status, src_ip, dst_ip, src_port, dst_port, icmp_type, icmp_code, ip_proto)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            int i = 1;
            ps.setInt(i++, sensorId);
            ps.setLong(i++, cid);
            ps.setString(i++, v.signature());
            ps.setLong(i++, v.generatorId());
            ps.setLong(i++, v.signatureId());
            ps.setLong(i++, v.revision());
            Rows.setUtc(ps, i++, ts);
            ps.setLong(i++, cid);
            ps.setLong(i++, v.refId());
            Rows.setUtc(ps, i++, ts);
            ps.setInt(i++, v.priority());
            ps.setString(i++, v.sigClass());
            ps.setLong(i++, v.srcIp());
            ps.setLong(i++, v.dstIp());
            setIntOrNull(ps, i++, v.hasPorts() ? v.srcPort() : null);
            setIntOrNull(ps, i++, v.hasPorts() ? v.dstPort() : null);
            setIntOrNull(ps, i++, v.ipProto() == 1 ? 0 : null);
            setIntOrNull(ps, i++, v.ipProto() == 1 ? 0 : null);
            ps.setInt(i, v.ipProto());
            ps.executeUpdate();
            return Result.INSERTED;
        } catch (SQLException e) {
            if (e.getErrorCode() == SqlErrors.DUPLICATE_KEY) {
                return Result.ALREADY_PRESENT;
            }
            throw e;
        }
    }

    private static void setIntOrNull(PreparedStatement ps, int i, Integer v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.INTEGER);
        } else {
            ps.setInt(i, v);
        }
    }
}
