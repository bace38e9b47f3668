package net.sguil.bridge.delivery;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import net.sguil.bridge.sguil.Sensors;
import net.sguil.bridge.sguil.SqlErrors;

/**
 * The conclusions Sguil already holds as the bridge's events, read back from the marks at the head
 * of their details ({@link ConclusionId}): what keeps a bridge that lost its state directory from
 * sending them again. Reads only the first bytes of each detail, newest first.
 */
public final class StoredConclusions {
    private static final String QUERY = "SELECT LEFT(data_payload, ?) FROM data WHERE sid = ? ORDER BY cid DESC LIMIT ?";

    private StoredConclusions() {
    }

    /**
     * The ids of the newest {@code limit} events of the bridge's sensor ({@code sensorName}, agent
     * type {@value Sensors#BRIDGE_AGENT_TYPE}); none when the sensor or the {@code data} table does
     * not exist yet.
     */
    public static List<String> read(Connection c, String sensorName, int limit) throws SQLException {
        List<String> ids = new ArrayList<>();
        int sid = Sensors.find(c, sensorName, Sensors.BRIDGE_AGENT_TYPE);
        if (sid < 0) {
            return ids;
        }
        try (PreparedStatement ps = c.prepareStatement(QUERY)) {
            ps.setInt(1, ConclusionId.HEAD_HEX);
            ps.setInt(2, sid);
            ps.setInt(3, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String id = ConclusionId.inDetail(decode(rs.getString(1)));
                    if (id != null) {
                        ids.add(id);
                    }
                }
            }
        } catch (SQLException e) {
            if (!SqlErrors.isNoSuchTable(e)) {
                throw e;
            }
        }
        return ids;
    }

    /** The bytes of a hex prefix as Latin-1 (the mark is ASCII); junk and a cut last digit are ignored. */
    private static String decode(String hex) {
        if (hex == null) {
            return "";
        }
        int n = hex.length() & ~1;
        try {
            return new String(HexFormat.of().parseHex(hex, 0, n), StandardCharsets.ISO_8859_1);
        } catch (IllegalArgumentException notHex) {
            return "";
        }
    }
}
