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

    /** The sid of (hostname, agentType), registering the sensor the way sguild does if it is new. */
    public static int register(Connection c, String hostname, String agentType, String netName) throws SQLException {
        SensorName.requireValid(hostname);
        try (PreparedStatement ps = c.prepareStatement("SELECT sid FROM sensor WHERE hostname = ? AND agent_type = ?")) {
            ps.setString(1, hostname);
            ps.setString(2, agentType);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return rs.getInt(1);
                }
            }
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
