package net.sguil.bridge.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import net.sguil.bridge.sguil.DayTable;
import net.sguil.bridge.sguil.DbSettings;
import net.sguil.bridge.sguil.Sensors;
import net.sguil.bridge.sguil.SguilSchema;
import net.sguil.bridge.sguil.TestDatabase;

/**
 * Benchmark of the top-ports report (run by {@code bench/top-ports.sh}, not by the test suite):
 * loads a deterministic sancp data set (2 sensors × 10 day tables) into its own database on the test
 * server with LOAD DATA LOCAL INFILE, then times the report and the blog's UNION ALL shape on a 1-hour and
 * a 24-hour window and checks they agree. Arguments: [rows (default 10000000)] [--keep].
 */
public final class TopPortsBench {
    static final String DB = "sguildb_bench_topports";
    static final String[] SENSORS = {"bench-s1", "bench-s2"};
    static final int DAYS = 10;
    static final LocalDate FIRST_DAY = LocalDate.of(2006, 6, 10);
    static final HomeNet HOME = HomeNet.parse("10.0.0.0/8,192.168.0.0/16");
    static final DateTimeFormatter SQL_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    private TopPortsBench() {
    }

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        boolean keep = Arrays.asList(args).contains("--keep");
        DbSettings server = DbSettings.of(TestDatabase.SERVER_URL
                + (TestDatabase.SERVER_URL.contains("?") ? "&" : "?") + "allowLocalInfile=true",
                TestDatabase.USER, TestDatabase.PASSWORD);
        try (Connection c = server.connect(); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + DB);
            st.execute("CREATE DATABASE " + DB + " CHARACTER SET latin1");
        }
        try (Connection c = server.withDatabase(DB).connect()) {
            load(c, rows);
            Instant day5 = FIRST_DAY.plusDays(5).atStartOfDay(ZoneOffset.UTC).toInstant();
            measure(c, "1-hour window ", day5.plusSeconds(10 * 3600), day5.plusSeconds(11 * 3600));
            measure(c, "24-hour window", day5, day5.plusSeconds(24 * 3600));
        } finally {
            if (!keep) {
                try (Connection c = server.connect(); Statement st = c.createStatement()) {
                    st.execute("DROP DATABASE IF EXISTS " + DB);
                }
            }
        }
    }

    static void load(Connection c, long rows) throws SQLException, IOException {
        SguilSchema schema = SguilSchema.load();
        schema.install(c);
        long perTable = rows / (SENSORS.length * DAYS);
        Path tmp = Files.createTempFile("sancp-bench", ".tsv");
        long t0 = System.nanoTime();
        long generating = 0;
        long loaded = 0;
        try {
            for (int s = 0; s < SENSORS.length; s++) {
                int sid = Sensors.register(c, SENSORS[s], "sancp", "bench");
                long sancpId = 1;
                for (int d = 0; d < DAYS; d++) {
                    LocalDate day = FIRST_DAY.plusDays(d);
                    DayTable table = new DayTable("sancp", SENSORS[s], day);
                    try (Statement st = c.createStatement()) {
                        st.execute(schema.dayTableDdl(table));
                    }
                    SplittableRandom rnd = new SplittableRandom(31L * s + d);
                    long g0 = System.nanoTime();
                    generate(tmp, rnd, sid, sancpId, day, perTable);
                    generating += System.nanoTime() - g0;
                    sancpId += perTable;
                    try (Statement st = c.createStatement()) {
                        loaded += st.executeUpdate("LOAD DATA LOCAL INFILE '" + tmp.toAbsolutePath()
                                + "' INTO TABLE " + table.quoted());
                    }
                }
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        schema.rebuildMerge(c, "sancp");
        double secs = (System.nanoTime() - t0) / 1e9;
        double loadSecs = secs - generating / 1e9;
        System.out.printf("loaded %,d sancp rows into %d day tables: %.1f s in all, %,.0f rows/s; LOAD DATA alone"
                + " %.1f s, %,.0f rows/s (the rest is the generator)%n",
                loaded, SENSORS.length * DAYS, secs, loaded / secs, loadSecs, loaded / loadSecs);
    }

    /**
     * One day of sessions of one sensor in start-time order (as sancp files arrive): mostly web, TLS and
     * DNS, some mail, ssh, rdp and high ports; 70 % opened from inside, 25 % from outside, the rest
     * inside-to-inside or outside-to-outside; heavy-tailed byte counts.
     */
    static void generate(Path file, SplittableRandom rnd, int sid, long firstId, LocalDate day, long n) throws IOException {
        long dayStart = day.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        long[] starts = new long[(int) n];
        for (int i = 0; i < n; i++) {
            starts[i] = dayStart + rnd.nextLong(86_400);
        }
        Arrays.sort(starts);
        int[] ports = {80, 443, 53, 25, 22, 3389, 110, 143, 123, 8080, 993, 445};
        int[] weights = {32, 28, 15, 5, 3, 2, 2, 2, 3, 3, 2, 1}; // % ; the rest: random high ports
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            StringBuilder sb = new StringBuilder(160);
            for (int i = 0; i < n; i++) {
                int pick = rnd.nextInt(100);
                int dstPort = 1024 + rnd.nextInt(64_000);
                for (int k = 0, acc = 0; k < ports.length; k++) {
                    acc += weights[k];
                    if (pick < acc) {
                        dstPort = ports[k];
                        break;
                    }
                }
                int proto = dstPort == 53 || dstPort == 123 ? 17 : 6;
                int dir = rnd.nextInt(100);
                long inside = insideHost(rnd);
                long outside = outsideHost(rnd);
                long src = dir < 70 ? inside : dir < 95 ? outside : dir < 98 ? insideHost(rnd) : outsideHost(rnd);
                long dst = dir < 70 ? outside : dir < 95 ? inside : dir < 98 ? inside : outside;
                long request = 40 + (long) Math.exp(rnd.nextDouble() * 9);
                long response = dstPort == 53 || dstPort == 123 ? 60 + rnd.nextInt(400)
                        : 40 + (long) Math.exp(rnd.nextDouble() * 15);
                long duration = rnd.nextInt(600);
                String start = LocalDateTime.ofEpochSecond(starts[i], 0, ZoneOffset.UTC).format(SQL_TIME);
                String end = LocalDateTime.ofEpochSecond(starts[i] + duration, 0, ZoneOffset.UTC).format(SQL_TIME);
                sb.setLength(0);
                sb.append(sid).append('\t').append(firstId + i).append('\t').append(start).append('\t').append(end)
                        .append('\t').append(duration).append('\t').append(proto).append('\t').append(src).append('\t')
                        .append(1024 + rnd.nextInt(64_000)).append('\t').append(dst).append('\t').append(dstPort)
                        .append('\t').append(1 + request / 500).append('\t').append(request).append('\t')
                        .append(1 + response / 1400).append('\t').append(response).append('\t').append(proto == 6 ? 27 : 0)
                        .append('\t').append(proto == 6 ? 27 : 0).append('\n');
                w.write(sb.toString());
            }
        }
    }

    private static long insideHost(SplittableRandom rnd) {
        return rnd.nextBoolean() ? 0x0a000000L + rnd.nextInt(1 << 16) : 0xc0a80000L + rnd.nextInt(1 << 12);
    }

    private static long outsideHost(SplittableRandom rnd) {
        long v;
        do {
            v = 0x01000000L + rnd.nextLong(0xdf000000L - 0x01000000L);
        } while (HOME.contains(v));
        return v;
    }

    static void measure(Connection c, String label, Instant since, Instant until) throws SQLException {
        long windowRows;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM sancp WHERE start_time >= '"
                + LocalDateTime.ofInstant(since, ZoneOffset.UTC).format(SQL_TIME) + "' AND start_time < '"
                + LocalDateTime.ofInstant(until, ZoneOffset.UTC).format(SQL_TIME) + "'")) {
            rs.next();
            windowRows = rs.getLong(1);
        }
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("EXPLAIN SELECT COUNT(*) FROM sancp"
                + " WHERE start_time >= '" + LocalDateTime.ofInstant(since, ZoneOffset.UTC).format(SQL_TIME) + "'"
                + " AND start_time < '" + LocalDateTime.ofInstant(until, ZoneOffset.UTC).format(SQL_TIME) + "'")) {
            rs.next();
            System.out.printf("%s: access to sancp: type=%s key=%s%n", label, rs.getString("type"), rs.getString("key"));
        }
        long ours = Long.MAX_VALUE;
        long blog = Long.MAX_VALUE;
        List<TopPortRow> a = null;
        List<TopPortRow> b = null;
        for (int round = 0; round < 2; round++) {
            long t0 = System.nanoTime();
            a = TopPortsReport.run(c, HOME, since, until, 10, List.of());
            long t1 = System.nanoTime();
            b = BlogTopPortsQuery.run(c, HOME, since, until, 10);
            long t2 = System.nanoTime();
            ours = Math.min(ours, t1 - t0);
            blog = Math.min(blog, t2 - t1);
        }
        System.out.printf("%s: %,d sessions in window; report top-ports %.3f s (%,.0f rows/s); blog UNION ALL %.3f s"
                        + " (%,.0f rows/s); blog/report time ratio %.2f; same answer: %s%n",
                label, windowRows, ours / 1e9, windowRows / (ours / 1e9), blog / 1e9, windowRows / (blog / 1e9),
                (double) blog / ours, a.equals(b) ? "yes" : "NO");
        if (!a.equals(b)) {
            System.out.println("  report: " + a + "\n  blog:   " + b);
            System.exit(1);
        }
    }
}
