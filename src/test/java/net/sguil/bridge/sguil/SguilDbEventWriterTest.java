package net.sguil.bridge.sguil;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SguilDbEventWriterTest {
    TestDatabase db;
    Connection c;
    SguilSchema schema = SguilSchema.load();

    @BeforeEach
    void up() throws Exception {
        db = TestDatabase.createWithSchema();
        c = db.connect();
    }

    @AfterEach
    void down() throws Exception {
        c.close();
        db.close();
    }

    /** The cid of the alert the events answer: stored as {@code unified_event_ref}. */
    private static final long REF_ID = 4242;

    static StorableEvent event(String ts, String signature, String detail) {
        return new StorableEvent(signature, 2, "web-application-atta", 10001, 1000003, 2, Instant.parse(ts),
                Ipv4.parse("203.0.113.9"), 41000, Ipv4.parse("10.1.1.80"), 80, 6, REF_ID,
                HexFormat.of().formatHex((detail == null ? "plain" : detail).getBytes(StandardCharsets.UTF_8)));
    }

    private List<String> row(String sql, Object... args) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<String> out = new ArrayList<>();
                if (rs.next()) {
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        out.add(rs.getString(i));
                    }
                }
                return out;
            }
        }
    }

    @Test
    void writesIntoANewDayTableVisibleThroughTheMergeTables() throws Exception {
        SguilDbEventWriter w = new SguilDbEventWriter(c, schema, "bridge-1", "dmz");
        assertThat(w.write(event("2006-06-15T23:59:59Z", "HTTP PUT Defacement Attempt (accepted)", "<b>PUT</b> /index.html"), 1))
                .isEqualTo(SguilDbEventWriter.Result.INSERTED);
        assertThat(schema.dayTables(c, "event")).extracting(DayTable::name).containsExactly("event_bridge-1_20060615");

        List<String> e = row("SELECT e.sid, e.cid, e.signature, e.signature_gen, e.signature_id, e.signature_rev,"
                + " e.timestamp, e.status, INET_NTOA(e.src_ip), INET_NTOA(e.dst_ip), e.src_port, e.dst_port, e.ip_proto,"
                + " e.class, e.priority, e.unified_event_id, e.unified_event_ref, s.hostname, s.agent_type, s.net_name"
                + " FROM event e JOIN sensor s ON s.sid = e.sid");
        assertThat(e).containsExactly(Integer.toString(w.sid()), "1", "HTTP PUT Defacement Attempt (accepted)", "10001",
                "1000003", "2", "2006-06-15 23:59:59", "0", "203.0.113.9", "10.1.1.80", "41000", "80", "6",
                "web-application-atta", "2", "1", Long.toString(REF_ID), "bridge-1", "sguil-bridge", "dmz");
        String payload = row("SELECT data_payload FROM data WHERE sid = ? AND cid = 1", w.sid()).get(0);
        assertThat(new String(HexFormat.of().parseHex(payload), StandardCharsets.UTF_8)).isEqualTo("<b>PUT</b> /index.html");

        // The next UTC day: new day tables, MERGE rebuilt over both, cid continues.
        assertThat(w.write(event("2006-06-16T00:00:00Z", "second", null), 2)).isEqualTo(SguilDbEventWriter.Result.INSERTED);
        assertThat(schema.dayTables(c, "data")).extracting(DayTable::name)
                .containsExactly("data_bridge-1_20060615", "data_bridge-1_20060616");
        assertThat(row("SELECT COUNT(*), MAX(cid) FROM event WHERE sid = ?", w.sid())).containsExactly("2", "2");
        assertThat(row("SELECT data_payload FROM data WHERE cid = 2")).containsExactly(
                HexFormat.of().formatHex("plain".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void maxCidIsTheHighestCidOfTheSensorOnAnyDay() throws Exception {
        SguilDbEventWriter w = new SguilDbEventWriter(c, schema, "bridge-1", "dmz");
        assertThat(w.write(event("2006-06-20T10:00:00Z", "a", null), 41)).isEqualTo(SguilDbEventWriter.Result.INSERTED);
        assertThat(w.write(event("2006-06-15T10:00:00Z", "older day", null), 7)).isEqualTo(SguilDbEventWriter.Result.INSERTED);
        assertThat(w.maxCid(w.sid())).isEqualTo(41);
        SguilDbEventWriter other = new SguilDbEventWriter(c, schema, "bridge-2", "dmz");
        assertThat(other.maxCid(other.sid())).isZero();
    }

    @Test
    void writingAGivenCidTwiceReportsAlreadyPresentAndChangesNothing() throws Exception {
        SguilDbEventWriter w = new SguilDbEventWriter(c, schema, "bridge-1", "dmz");
        StorableEvent ev = event("2006-06-15T10:00:00Z", "once", "detail");
        assertThat(w.write(ev, 7)).isEqualTo(SguilDbEventWriter.Result.INSERTED);
        assertThat(w.write(ev, 7)).isEqualTo(SguilDbEventWriter.Result.ALREADY_PRESENT);
        // Same cid on another day: Sguil's key would accept it, the writer must not.
        assertThat(w.write(event("2006-06-16T10:00:00Z", "once", "detail"), 7))
                .isEqualTo(SguilDbEventWriter.Result.ALREADY_PRESENT);
        assertThat(row("SELECT COUNT(*) FROM event")).containsExactly("1");
        assertThat(row("SELECT COUNT(*) FROM data")).containsExactly("1");
    }

    @Test
    void aMissingDetailRowIsFilledInOnRetry() throws Exception {
        SguilDbEventWriter w = new SguilDbEventWriter(c, schema, "bridge-1", "dmz");
        w.write(event("2006-06-15T10:00:00Z", "x", "detail"), 3);
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM `data_bridge-1_20060615`")) {
            ps.executeUpdate(); // as if the bridge died between the two inserts
        }
        assertThat(w.write(event("2006-06-15T10:00:00Z", "x", "detail"), 3)).isEqualTo(SguilDbEventWriter.Result.ALREADY_PRESENT);
        assertThat(row("SELECT COUNT(*) FROM data")).containsExactly("1");
    }

    @Test
    void storesTheLongestSignatureAndDetailSguilKeeps() throws Exception {
        SguilDbEventWriter w = new SguilDbEventWriter(c, schema, "bridge-1", "dmz");
        w.write(event("2006-06-15T10:00:00Z", "S" + "x".repeat(254), "d".repeat(StorableEvent.MAX_DETAIL_HEX / 2)), 1);
        List<String> r = row("SELECT signature, LENGTH(d.data_payload) FROM event e JOIN data d USING (sid, cid)");
        assertThat(r.get(0)).hasSize(255);
        assertThat(r.get(1)).isEqualTo(Integer.toString(StorableEvent.MAX_DETAIL_HEX));
    }

    @Test
    void aHostileSensorNameIsRefused() {
        assertThatThrownBy(() -> new SguilDbEventWriter(c, schema, "x`_20060101` (a int); --", "dmz"))
                .isInstanceOf(InvalidSensorNameException.class).hasMessageContaining("[A-Za-z0-9_.-]");
    }
}
