package net.sguil.bridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.sguil.bridge.sguil.SguilTestData;
import net.sguil.bridge.sguil.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

class ReportCommandTest {
    static TestDatabase db;
    @TempDir
    static Path tmp;
    static Path passwordFile;

    @BeforeAll
    static void up() throws Exception {
        db = TestDatabase.createWithSchema();
        try (Connection c = db.connect()) {
            SguilTestData d = new SguilTestData(c);
            int s1 = d.sensor("s1");
            d.sancp("s1", s1, 1, "2006-06-15T10:00:00Z", 6, "10.1.1.1", 40000, "198.51.100.1", 80, 100, 5000);
            d.sancp("s1", s1, 2, "2006-06-15T10:30:00Z", 6, "203.0.113.5", 50000, "192.168.1.2", 25, 20000, 300);
            d.events("s1", s1, 1, 3, "SIG, \"quoted\"", 1000003, "2006-06-14T10:00:00Z");
            d.events("s1", s1, 4, 30, "SIG, \"quoted\"", 1000003, "2006-06-15T10:00:00Z");
        }
        passwordFile = tmp.resolve("db.pass");
        Files.writeString(passwordFile, TestDatabase.PASSWORD + "\n");
    }

    @AfterAll
    static void down() throws Exception {
        db.close();
    }

    record Run(int exit, String out, String err, String logs) {
    }

    /** Runs the real command tree, capturing its writers and everything logged meanwhile. */
    static Run run(Map<String, String> env, String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        for (String sub : List.of("top-ports", "signature-trend")) {
            Object cmd = cl.getSubcommands().get("report").getSubcommands().get(sub).getCommand();
            DbOptions opts = cmd instanceof TopPortsCommand t ? t.db : ((SignatureTrendCommand) cmd).db;
            opts.env = env::get;
        }
        Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        int exit;
        try {
            exit = cl.execute(args);
        } finally {
            root.detachAppender(logs);
        }
        StringBuilder logged = new StringBuilder();
        for (ILoggingEvent e : logs.list) {
            logged.append(e.getFormattedMessage()).append('\n');
            for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
                logged.append(t.getMessage()).append('\n');
            }
        }
        return new Run(exit, out.toString(), err.toString(), logged.toString());
    }

    static Run run(String... args) {
        return run(Map.of(), args);
    }

    static List<String> dbArgs(String... more) {
        List<String> a = new ArrayList<>(List.of("--db", db.url(), "--db-user", TestDatabase.USER,
                "--db-password-file", passwordFile.toString()));
        a.addAll(List.of(more));
        return a;
    }

    static String[] topPorts(String... more) {
        List<String> a = new ArrayList<>(List.of("report", "top-ports", "--home-net", "10.0.0.0/8,192.168.1.0/24",
                "--since", "2006-06-15T10:00:00Z", "--until", "2006-06-15 11:00:00"));
        a.addAll(dbArgs(more));
        return a.toArray(String[]::new);
    }

    @Test
    void helpSaysWhatIsLeftOut() {
        Run r = run("report", "top-ports", "--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("inside-to-inside").contains("outside-to-outside")
                .contains("--home-net").contains("--since").contains("--until").contains("--limit").contains("--sensor")
                .contains("--csv").contains("--json").contains("--config").contains("--db-password-file");
    }

    @Test
    void printsAnAlignedTable() {
        Run r = run(topPorts());
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("dst_port  bytes_to_mynet  bytes_from_mynet  total_bytes  sessions");
        assertThat(lines.get(2)).isEqualTo("      25           20000               300        20300         1");
        assertThat(lines.get(3)).isEqualTo("      80            5000               100         5100         1");
        assertThat(lines).hasSize(4);
    }

    @Test
    void printsCsvAndJsonWithTheColumnNames() throws Exception {
        Run csv = run(topPorts("--csv", "--limit", "1"));
        assertThat(csv.out()).isEqualTo("dst_port,bytes_to_mynet,bytes_from_mynet,total_bytes,sessions\n25,20000,300,20300,1\n");

        Run json = run(topPorts("--json"));
        List<String> lines = json.out().lines().toList();
        assertThat(lines).hasSize(2);
        JsonNode first = new ObjectMapper().readTree(lines.get(0));
        List<String> keys = new ArrayList<>();
        first.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("dst_port", "bytes_to_mynet", "bytes_from_mynet", "total_bytes", "sessions");
        assertThat(first.get("total_bytes").asLong()).isEqualTo(20300);
    }

    @Test
    void signatureTrendAsJsonAndCsv() throws Exception {
        Run json = run(dbArgs("--json", "--days", "3").stream().collect(() -> new ArrayList<>(
                List.of("report", "signature-trend", "--signature", "SIG, \"quoted\"")), List::add, List::addAll)
                .toArray(String[]::new));
        assertThat(json.exit()).as(json.err()).isZero();
        List<String> lines = json.out().lines().toList();
        assertThat(lines).hasSize(2);
        JsonNode day2 = new ObjectMapper().readTree(lines.get(1));
        assertThat(day2.get("day").asText()).isEqualTo("2006-06-15");
        assertThat(day2.get("count").asLong()).isEqualTo(30);
        assertThat(day2.get("median_before").asDouble()).isEqualTo(0.0); // [3, 0, 0]
        assertThat(day2.get("ratio").asDouble()).isEqualTo(30.0);

        Run csv = run(dbArgs("--csv", "--from", "2006-06-15", "--to", "2006-06-15").stream().collect(() -> new ArrayList<>(
                List.of("report", "signature-trend", "--sid", "1000003", "--days", "1")), List::add, List::addAll)
                .toArray(String[]::new));
        assertThat(csv.out()).isEqualTo("day,count,median_before,ratio\n2006-06-15,30,3,10.00\n");
    }

    @Test
    void readsTheConnectionFromAConfigFileWithARelativePasswordFile() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("etc"));
        Files.writeString(dir.resolve("pw"), TestDatabase.PASSWORD + "\n");
        Path conf = dir.resolve("bridge.conf");
        Files.writeString(conf, "# bridge\n\ndb.url = " + db.url() + "\ndb.user = " + TestDatabase.USER
                + "\ndb.password_file = pw\n");
        Run r = run("report", "top-ports", "--home-net", "10.0.0.0/8", "--since", "2006-06-15T10:00:00Z",
                "--until", "2006-06-15T11:00:00Z", "--config", conf.toString(), "--csv");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("80,5000,100,5100,1");
    }

    @Test
    void thePasswordMayComeFromTheEnvironment() {
        List<String> a = new ArrayList<>(List.of("report", "top-ports", "--home-net", "10.0.0.0/8", "--since",
                "2006-06-15T10:00:00Z", "--until", "2006-06-15T11:00:00Z", "--db", db.url(), "--db-user", TestDatabase.USER));
        Run ok = run(Map.of(DbOptions.PASSWORD_ENV, TestDatabase.PASSWORD), a.toArray(String[]::new));
        assertThat(ok.exit()).as(ok.err()).isZero();
        Run wrong = run(Map.of(DbOptions.PASSWORD_ENV, "not-the-password-4711"), a.toArray(String[]::new));
        assertThat(wrong.exit()).isEqualTo(Main.EXIT_DB_UNREACHABLE);
        assertThat(wrong.err()).contains("access denied").doesNotContain("not-the-password-4711");
        assertThat(wrong.out() + wrong.logs()).doesNotContain("not-the-password-4711");
    }

    @Test
    void anUnreachableDatabaseIsExit3WithHostAndPortOnOneLineAndNoPassword() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        Path secret = tmp.resolve("secret.pass");
        Files.writeString(secret, "Tr0ub4dor&3-secret\n");
        Run r = run("report", "top-ports", "--home-net", "10.0.0.0/8", "--db",
                "jdbc:mariadb://127.0.0.1:" + closedPort + "/sguildb", "--db-user", "sguil",
                "--db-password-file", secret.toString());
        assertThat(r.exit()).isEqualTo(Main.EXIT_DB_UNREACHABLE);
        assertThat(r.err().strip()).doesNotContain("\n").contains("127.0.0.1:" + closedPort);
        assertThat(r.out() + r.err() + r.logs()).doesNotContain("Tr0ub4dor");
    }

    @Test
    void badUsageIsExit2() throws Exception {
        assertThat(run(topPorts("--csv", "--json")).exit()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(run("report", "top-ports", "--home-net", "10.0.0.0/33", "--db", db.url()).exit()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(run("report", "top-ports", "--home-net", "10.0.0.0/8", "--since", "yesterday").exit()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(run("report", "top-ports", "--home-net", "10.0.0.0/8").exit()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(run(topPorts("--sensor", "no-such-sensor")).exit()).isEqualTo(Main.EXIT_BAD_INPUT);
        Run hostile = run(topPorts("--sensor", "s1' OR '1'='1"));
        assertThat(hostile.exit()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(hostile.err()).contains("[A-Za-z0-9_.-]");
        assertThat(run("report", "top-ports", "--home-net", "10.0.0.0/8", "--db", "jdbc:mysql://h/x").exit())
                .isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(run("report").exit()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(run("report", "signature-trend", "--sid", "1", "--signature", "x").exit()).isEqualTo(Main.EXIT_BAD_INPUT);
    }
}
