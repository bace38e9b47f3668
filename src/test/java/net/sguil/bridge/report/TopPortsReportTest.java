package net.sguil.bridge.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.sguil.bridge.sguil.SguilTestData;
import net.sguil.bridge.sguil.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The top-ports report on a hand-checked data set (window 2006-06-15 10:00–11:00, home 10/8 and 192.168.1/24). */
class TopPortsReportTest {
    static final HomeNet HOME = HomeNet.parse("10.0.0.0/8,192.168.1.0/24");
    static final Instant SINCE = Instant.parse("2006-06-15T10:00:00Z");
    static final Instant UNTIL = Instant.parse("2006-06-15T11:00:00Z");

    static TestDatabase db;
    static Connection c;
    static int s1;
    static int s2;

    @BeforeAll
    static void up() throws Exception {
        db = TestDatabase.createWithSchema();
        c = db.connect();
        SguilTestData d = new SguilTestData(c);
        s1 = d.sensor("s1");
        s2 = d.sensor("s2");
        // opened from inside, on the window's start: to 5000, from 100
        d.sancp("s1", s1, 1, "2006-06-15T10:00:00Z", 6, "10.1.1.1", 40000, "198.51.100.1", 80, 100, 5000);
        // opened from outside: to 700, from 30000
        d.sancp("s1", s1, 2, "2006-06-15T10:30:00Z", 6, "203.0.113.5", 50000, "10.2.2.2", 80, 700, 30000);
        // inside-to-inside (two home ranges) and outside-to-outside: left out
        d.sancp("s1", s1, 3, "2006-06-15T10:31:00Z", 6, "10.1.1.1", 40001, "192.168.1.10", 80, 99999, 99999);
        d.sancp("s1", s1, 4, "2006-06-15T10:32:00Z", 6, "198.51.100.1", 40002, "203.0.113.5", 80, 88888, 88888);
        // on the window's end (excluded) and one second before its start (excluded)
        d.sancp("s1", s1, 5, "2006-06-15T11:00:00Z", 6, "10.1.1.1", 40003, "198.51.100.1", 80, 1000000, 1000000);
        d.sancp("s1", s1, 6, "2006-06-15T09:59:59Z", 6, "10.1.1.1", 40004, "198.51.100.1", 80, 1000000, 1000000);
        // second home range, opened from inside, last second of the window: to 300, from 40000
        d.sancp("s1", s1, 7, "2006-06-15T10:59:59Z", 6, "192.168.1.20", 1025, "198.51.100.9", 25, 40000, 300);
        // other sensor, opened from outside into the second range: to 20000, from 200
        d.sancp("s2", s2, 1, "2006-06-15T10:10:00Z", 6, "198.51.100.9", 1026, "192.168.1.20", 25, 20000, 200);
        // 192.168.2.1 is outside 192.168.1.0/24: to 10, from 10
        d.sancp("s1", s1, 8, "2006-06-15T10:20:00Z", 6, "192.168.2.1", 2000, "10.0.0.1", 22, 10, 10);
        // UDP from outside: to 60, from 120
        d.sancp("s2", s2, 2, "2006-06-15T10:40:00Z", 17, "8.8.8.8", 33000, "10.0.0.53", 53, 60, 120);
        // a session the day before (another day table)
        d.sancp("s1", s1, 9, "2006-06-14T10:30:00Z", 6, "10.1.1.1", 40005, "198.51.100.1", 443, 5, 5);
    }

    @AfterAll
    static void down() throws Exception {
        c.close();
        db.close();
    }

    @Test
    void countsBytesByTheSideThatSentThemAndLeavesOutInternalAndExternalTraffic() throws Exception {
        assertThat(TopPortsReport.run(c, HOME, SINCE, UNTIL, 10, List.of())).containsExactly(
                new TopPortRow(25, 20300, 40200, 60500, 2),
                new TopPortRow(80, 5700, 30100, 35800, 2),
                new TopPortRow(53, 60, 120, 180, 1),
                new TopPortRow(22, 10, 10, 20, 1));
    }

    @Test
    void limitAndSensorFilter() throws Exception {
        assertThat(TopPortsReport.run(c, HOME, SINCE, UNTIL, 1, List.of()))
                .containsExactly(new TopPortRow(25, 20300, 40200, 60500, 2));
        assertThat(TopPortsReport.run(c, HOME, SINCE, UNTIL, 10, List.of(s1))).containsExactly(
                new TopPortRow(25, 300, 40000, 40300, 1),
                new TopPortRow(80, 5700, 30100, 35800, 2),
                new TopPortRow(22, 10, 10, 20, 1));
    }

    @Test
    void withOnlyOneHomeRangeTheOtherRangeIsOutside() throws Exception {
        // 192.168.1.x is now outside: session 3 counts (opened from inside 10/8), 7 and the s2 port-25 one do not.
        assertThat(TopPortsReport.run(c, HomeNet.parse("10.0.0.0/8"), SINCE, UNTIL, 10, List.of())).containsExactly(
                new TopPortRow(80, 5700 + 99999, 30100 + 99999, 35800 + 199998, 3),
                new TopPortRow(53, 60, 120, 180, 1),
                new TopPortRow(22, 10, 10, 20, 1));
    }

    @Test
    void givesTheSameAnswerAsTheBlogsUnionAllShape() throws Exception {
        assertThat(TopPortsReport.run(c, HOME, SINCE, UNTIL, 10, List.of()))
                .isEqualTo(BlogTopPortsQuery.run(c, HOME, SINCE, UNTIL, 10));
    }

    @Test
    void givesTheSameAnswerAsTheBlogsShapeOnRandomSessions() throws Exception {
        try (TestDatabase rnd = TestDatabase.createWithSchema(); Connection rc = rnd.connect()) {
            SguilTestData d = new SguilTestData(rc);
            int sid = d.sensor("r1");
            Random r = new Random(42);
            String[] hosts = {"10.0.0.1", "10.9.9.9", "192.168.1.1", "192.168.1.255", "192.168.2.1", "198.51.100.3", "8.8.4.4"};
            for (int i = 0; i < 400; i++) {
                String start = Instant.parse("2006-06-15T09:30:00Z").plusSeconds(r.nextInt(7200)).toString();
                d.sancp("r1", sid, i, start, 6, hosts[r.nextInt(hosts.length)], 1024 + r.nextInt(1000),
                        hosts[r.nextInt(hosts.length)], new int[] {22, 25, 80, 443, 3389}[r.nextInt(5)],
                        r.nextInt(100000), r.nextInt(100000));
            }
            List<TopPortRow> ours = TopPortsReport.run(rc, HOME, SINCE, UNTIL, 10, List.of());
            assertThat(ours).hasSize(5).isEqualTo(BlogTopPortsQuery.run(rc, HOME, SINCE, UNTIL, 10));
        }
    }

    @Test
    void theShippedSqlFileGivesTheSameAnswer() throws Exception {
        String file = Files.readString(Path.of("sguil-integration/sql/top-ports.sql"));
        List<String> statements = new ArrayList<>();
        for (String st : file.replaceAll("(?m)^--.*$", "").split(";")) {
            if (!st.isBlank()) {
                statements.add(st.strip());
            }
        }
        String select = statements.get(statements.size() - 1);
        assertThat(select).startsWith("SELECT");
        try (Statement st = c.createStatement()) {
            st.execute("SET @since = '2006-06-15 10:00:00', @until = '2006-06-15 11:00:00',"
                    + " @net_lo = INET_ATON('10.0.0.0'), @net_hi = INET_ATON('10.255.255.255')");
        }
        List<TopPortRow> fromFile;
        try (PreparedStatement ps = c.prepareStatement(select)) {
            fromFile = TopPortsReport.rows(ps);
        }
        assertThat(fromFile).isEqualTo(TopPortsReport.run(c, HomeNet.parse("10.0.0.0/8"), SINCE, UNTIL, 10, List.of()));
    }
}
