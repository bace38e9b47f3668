package net.sguil.bridge.realsguild;

import java.io.Closeable;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Snort's alerts reaching sguild the way they do on a real sensor: barnyard2 hands each alert to
 * snort_agent, which registers with sguild as agent type {@code snort} and relays it as
 * {@code BYEventRcvd} (sguild's {@code SguildSensorAgentComms.tcl}); sguild stores it in
 * {@code event_<sensor>_<day>} (creating the day's tables and MERGE tables) and answers
 * {@code Confirm <req> <cid>}. cids continue from what sguild reports for the sensor, as barnyard's
 * {@code SidCidRequest} does.
 */
final class SnortAgent implements Closeable {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);
    private static final String REQ = "barnyard0";

    /** One Snort alert: what barnyard2 knows of it. */
    record Alert(String signature, long sigId, Instant time, String srcIp, int srcPort, String dstIp, int dstPort) {
    }

    /** An alert as sguild stored it. */
    record Stored(long sid, long cid, Alert alert) {
        /** The evidence key the counting rule puts on its conclusion about this alert. */
        String key() {
            return sid + "." + cid;
        }
    }

    private final SguildHarness sguild;
    private final String sensor;
    private SensorConnection connection;
    private long nextCid;

    private SnortAgent(SguildHarness sguild, String sensor) {
        this.sguild = sguild;
        this.sensor = sensor;
    }

    static SnortAgent connect(SguildHarness sguild, String sensor) throws IOException {
        SnortAgent a = new SnortAgent(sguild, sensor);
        a.reconnect();
        return a;
    }

    /** (Re)connects, e.g. after sguild restarted, and asks sguild for the last cid stored, as barnyard does. */
    void reconnect() throws IOException {
        if (connection != null) {
            connection.close();
        }
        connection = SensorConnection.register(sguild, "snort", sensor, sensor + "_net");
        List<String> last = connection.request("AgentLastCidReq " + REQ + " " + connection.sid);
        if (!last.get(0).equals("LastCidResults")) {
            throw new IOException("expected LastCidResults, got " + last);
        }
        nextCid = Long.parseLong(last.get(2)) + 1;
    }

    long sid() {
        return connection.sid;
    }

    /** Relays one alert and waits for sguild's confirmation; fails on {@code Failed}. */
    Stored send(Alert a) throws IOException {
        long cid = nextCid;
        List<String> reply = connection.request(line(cid, a));
        if (!reply.equals(List.of("Confirm", REQ, Long.toString(cid)))) {
            throw new IOException("sguild did not store alert " + cid + ": " + reply);
        }
        nextCid++;
        return new Stored(connection.sid, cid, a);
    }

    /**
     * Stores the alert with the next cid straight into sguild's tables, as sguild would have
     * ({@link SguildTables#insertAsSguild}), for when sguild cannot take it.
     */
    Stored storeAsSguild(java.sql.Connection c, Alert a) throws java.sql.SQLException {
        return SguildTables.insertAsSguild(c, sensor, connection.sid, nextCid++, a);
    }

    List<Stored> sendAll(List<Alert> alerts) throws IOException {
        List<Stored> out = new ArrayList<>();
        for (Alert a : alerts) {
            out.add(send(a));
        }
        return out;
    }

    /** The 46 fields barnyard2 sends (SguildSensorAgentComms.tcl BYEventRcvd), behind the request socket. */
    private String line(long cid, Alert a) {
        String ts = TIME.format(a.time());
        List<String> f = List.of(REQ, "0", Long.toString(connection.sid), Long.toString(cid), sensor,
                Long.toString(cid), Long.toString(cid), ts, "1", Long.toString(a.sigId()), "1", a.signature(), ts, "1",
                "web-application-attack", Long.toString(aton(a.srcIp())), a.srcIp(), Long.toString(aton(a.dstIp())),
                a.dstIp(), "6", "4", "5", "0", "60", "4242", "2", "0", "64", "0", "", "", "", "", "",
                Integer.toString(a.srcPort()), Integer.toString(a.dstPort()), "1", "1", "5", "0", "24", "64240", "0",
                "0", "", "", "505554202F");
        StringBuilder sb = new StringBuilder("BYEventRcvd");
        for (String w : f) {
            sb.append(' ').append(SensorConnection.word(w));
        }
        return sb.toString();
    }

    static long aton(String ip) {
        long v = 0;
        for (String p : ip.split("\\.")) {
            v = v * 256 + Integer.parseInt(p);
        }
        return v;
    }

    @Override
    public void close() throws IOException {
        connection.close();
    }
}
