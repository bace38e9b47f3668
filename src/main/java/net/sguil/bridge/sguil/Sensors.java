package net.sguil.bridge.sguil;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Sguil's {@code sensor} table: which sensor ids belong to which sensor names. */
public final class Sensors {
    /** The {@code agent_type} the bridge registers as, through sguild or straight into the database. */
    public static final String BRIDGE_AGENT_TYPE = "sguil-bridge";

    private Sensors() {
    }

    /** sid → hostname for the given names (every sensor when {@code names} is empty), ordered by sid. */
    public static Map<Integer, String> sids(Connection c, Set<String> names) throws SQLException {
        Map<Integer, String> out = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT sid, hostname FROM sensor");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String host = rs.getString(2);
                if (names.isEmpty() || names.contains(host)) {
                    out.put(rs.getInt(1), host);
                }
            }
        }
        return out;
    }

    /** The sid of (hostname, agentType), or -1 when there is no such sensor. */
    public static int find(Connection c, String hostname, String agentType) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT sid FROM sensor WHERE hostname = ? AND agent_type = ?")) {
            ps.setString(1, hostname);
            ps.setString(2, agentType);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : -1;
            }
        }
    }

    /** The sid of (hostname, agentType), registering the sensor the way sguild does if it is new. */
    public static int register(Connection c, String hostname, String agentType, String netName) throws SQLException {
        SensorName.requireValid(hostname);
        int known = find(c, hostname, agentType);
        if (known >= 0) {
            return known;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO sensor (hostname, agent_type, net_name, active) VALUES (?, ?, ?, 'Y')",
                java.sql.Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, hostname);
            ps.setString(2, agentType);
            ps.setString(3, netName);
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
