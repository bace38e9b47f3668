package net.sguil.bridge.sguil;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SguilSchemaTest {
    static TestDatabase db;
    static Connection c;
    static final SguilSchema schema = SguilSchema.load();

    @BeforeAll
    static void up() throws Exception {
        db = TestDatabase.createWithSchema();
        c = db.connect();
    }

    @AfterAll
    static void down() throws Exception {
        c.close();
        db.close();
    }

    private static List<List<String>> query(String sql) throws SQLException {
        List<List<String>> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getString(i));
                }
                out.add(row);
            }
        }
        return out;
    }

    private static Map<String, String> engines() throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        for (List<String> r : query("SELECT table_name, engine FROM information_schema.tables"
                + " WHERE table_schema = DATABASE() ORDER BY table_name")) {
            out.put(r.get(0), r.get(1));
        }
        return out;
    }

    @Test
    void installsFixedTablesAsMyIsamAndEmptyMergeTables() throws Exception {
        Map<String, String> engines = engines();
        assertThat(engines).containsKeys("sensor", "status", "history", "user_info", "autocat", "portscan", "pads",
                "nessus", "nessus_data", "version");
        for (String fixed : List.of("sensor", "status", "history", "user_info", "autocat", "portscan", "pads",
                "nessus", "nessus_data", "version")) {
            assertThat(engines.get(fixed)).as(fixed).isEqualTo("MyISAM");
        }
        for (String merge : SguilSchema.DAY_TABLE_KINDS) {
            assertThat(engines.get(merge)).as(merge).isEqualTo("MRG_MyISAM");
        }
        assertThat(query("SELECT status_id FROM status ORDER BY status_id")).extracting(r -> r.get(0))
                .containsExactly("0", "1", "2", "11", "12", "13", "14", "15", "16", "17");
        assertThat(query("SELECT version FROM version")).containsExactly(List.of("0.14"));
        assertThat(query("SELECT COUNT(*) FROM event")).containsExactly(List.of("0"));
    }

    @Test
    void installIsIdempotent() throws Exception {
        schema.install(c);
        assertThat(query("SELECT COUNT(*) FROM status")).containsExactly(List.of("10"));
        assertThat(query("SELECT COUNT(*) FROM version")).containsExactly(List.of("1"));
    }

    @Test
    void dayTablesGetSguilsColumnsAndIndexesAndMergeTablesCoverThem() throws Exception {
        LocalDate d1 = LocalDate.of(2006, 6, 15);
        LocalDate d2 = LocalDate.of(2006, 6, 16);
        assertThat(schema.ensureDayTables(c, "ids-1.dmz", d1, SguilSchema.DAY_TABLE_KINDS)).isTrue();
        assertThat(schema.ensureDayTables(c, "ids-1.dmz", d1, SguilSchema.DAY_TABLE_KINDS)).isFalse();
        schema.ensureDayTables(c, "ids2", d2, List.of("sancp"));

        Map<String, String> engines = engines();
        for (String kind : SguilSchema.DAY_TABLE_KINDS) {
            assertThat(engines.get(kind + "_ids-1.dmz_20060615")).as(kind).isEqualTo("MyISAM");
        }
        List<List<String>> pk = query("SELECT column_name FROM information_schema.statistics WHERE table_schema = DATABASE()"
                + " AND table_name = 'event_ids-1.dmz_20060615' AND index_name = 'PRIMARY' ORDER BY seq_in_index");
        assertThat(pk).containsExactly(List.of("sid"), List.of("cid"));
        List<List<String>> sancpIdx = query("SELECT DISTINCT index_name FROM information_schema.statistics"
                + " WHERE table_schema = DATABASE() AND table_name = 'sancp_ids2_20060616' ORDER BY index_name");
        assertThat(sancpIdx).extracting(r -> r.get(0))
                .containsExactly("dst_ip", "dst_port", "PRIMARY", "src_ip", "src_port", "start_time");
        List<List<String>> eventCols = query("SELECT column_name FROM information_schema.columns"
                + " WHERE table_schema = DATABASE() AND table_name = 'event_ids-1.dmz_20060615' ORDER BY ordinal_position");
        assertThat(eventCols).extracting(r -> r.get(0)).startsWith("sid", "cid", "signature", "signature_gen",
                "signature_id", "signature_rev", "timestamp").contains("abuse_sent", "last_uid", "status");

        String sancpMerge = query("SHOW CREATE TABLE sancp").get(0).get(1);
        assertThat(sancpMerge).contains("ENGINE=MRG_MyISAM").contains("`sancp_ids2_20060616`");
        try (Statement st = c.createStatement()) {
            st.execute("INSERT INTO `sancp_ids2_20060616` (sid, sancpid, start_time, end_time, duration, ip_proto,"
                    + " src_pkts, src_bytes, dst_pkts, dst_bytes, src_flags, dst_flags)"
                    + " VALUES (9, 1, '2006-06-16 01:00:00', '2006-06-16 01:00:05', 5, 6, 1, 2, 3, 4, 0, 0)");
        }
        assertThat(query("SELECT sancpid FROM sancp WHERE sid = 9")).containsExactly(List.of("1"));
    }

    @Test
    void merge_tables_ignore_tables_that_are_not_day_tables() throws Exception {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE event_backup (x INT) ENGINE=MyISAM");
        }
        schema.rebuildMerge(c, "event");
        assertThat(schema.dayTables(c, "event")).extracting(DayTable::name).doesNotContain("event_backup");
        assertThat(query("SELECT COUNT(*) FROM event")).hasSize(1);
    }

    @Test
    void hostileSensorNamesAreRefusedBeforeAnySql() {
        for (String bad : List.of("x`; DROP TABLE sensor; --", "a b", "", "sensor/../x", "s\u00e9nsor", "x\ny",
                "a".repeat(SensorName.MAX_LENGTH + 1))) {
            assertThatThrownBy(() -> schema.ensureDayTables(c, bad, LocalDate.of(2006, 6, 15), List.of("event")))
                    .isInstanceOf(InvalidSensorNameException.class)
                    .hasMessageContaining("[A-Za-z0-9_.-]");
        }
        assertThat(SensorName.isValid("a".repeat(SensorName.MAX_LENGTH))).isTrue();
        assertThat(new DayTable("icmphdr", "a".repeat(SensorName.MAX_LENGTH), LocalDate.of(2006, 6, 15)).name())
                .hasSize(64);
    }

    @Test
    void dayTableNamesParseBack() {
        assertThat(DayTable.parse("event_my_sensor_20060615"))
                .contains(new DayTable("event", "my_sensor", LocalDate.of(2006, 6, 15)));
        assertThat(DayTable.parse("event_x_20061345")).isEmpty();
        assertThat(DayTable.parse("foo_x_20060615")).isEmpty();
        assertThat(DayTable.parse("event")).isEmpty();
    }
}
