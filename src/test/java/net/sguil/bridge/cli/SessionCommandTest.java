package net.sguil.bridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.sguil.bridge.pcap.CaptureFiles;
import net.sguil.bridge.pcap.PacketSource;
import net.sguil.bridge.pcap.RawPacket;
import net.sguil.bridge.rawlog.RawLogLocator;
import net.sguil.bridge.sguil.AnalystConsole;
import net.sguil.bridge.sguil.SguilTestData;
import net.sguil.bridge.sguil.TestDatabase;
import net.sguil.bridge.testpcap.Captures;
import net.sguil.bridge.testpcap.LinkLayer;
import net.sguil.bridge.testpcap.MailSessions;
import net.sguil.bridge.testpcap.Packet;
import net.sguil.bridge.testpcap.TcpSessionBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sguil-bridge session}: a real MariaDB with Sguil's schema holding an SMTP alert, its sancp
 * record, a UDP alert and an alert of a sensor without pcaps; the sensor's RAW_LOG_DIR holds the
 * SMTP session split across two rotated files, next to another session.
 */
class SessionCommandTest {
    static final Instant T = Instant.parse("2026-06-15T10:00:00Z");
    static final String CLIENT = "198.51.100.7";
    static final String SERVER = "10.1.1.25";
    static final String CONN = CLIENT + ":40001-" + SERVER + ":25";

    @TempDir
    static Path dir;
    static TestDatabase db;
    static Path config;
    static List<Packet> mail;

    @BeforeAll
    static void installation() throws Exception {
        db = TestDatabase.createWithSchema();
        try (Connection c = db.connect()) {
            SguilTestData data = new SguilTestData(c);
            AnalystConsole console = new AnalystConsole(c);
            int sid = data.sensor("sensor1");
            console.alert("sensor1", sid, 1, "ET POLICY SMTP executable", 2000001, T.plusSeconds(3), CLIENT, 40001,
                    SERVER, 25, 6);
            console.alert("sensor1", sid, 2, "ET DNS odd query", 2000002, T.plusSeconds(3), CLIENT, 5353, SERVER, 53, 17);
            data.sancp("sensor1", sid, 7, T.toString(), 6, CLIENT, 40001, SERVER, 25, 5000, 300);
            int other = data.sensor("sensor2");
            console.alert("sensor2", other, 1, "ET POLICY SMTP executable", 2000001, T, CLIENT, 40001, SERVER, 25, 6);
        }
        writeCaptures();
        Files.writeString(dir.resolve("db.password"), TestDatabase.PASSWORD + "\n");
        config = Files.writeString(dir.resolve("bridge.conf"), String.join("\n",
                "db.url = " + db.url(),
                "db.user = " + TestDatabase.USER,
                "db.password_file = db.password",
                "state.dir = state",
                "sensor.sensor1.raw_log_dir = raw",
                "rules.dirs = " + Path.of("drl").toAbsolutePath(),
                ""));
    }

    @AfterAll
    static void down() throws Exception {
        db.close();
    }

    /** The SMTP session (an executable attached), cut in two by a file rotation, and a web session beside it. */
    private static void writeCaptures() throws Exception {
        mail = MailSessions.invoiceExe(CLIENT, 40001, SERVER, 25, T.getEpochSecond() * 1_000_000_000L);
        List<Packet> web = TcpSessionBuilder.ipv4(CLIENT, 40002, "10.1.1.80", 80).start(T)
                .handshake().client("GET / HTTP/1.0\r\n\r\n").server("HTTP/1.0 200 OK\r\n\r\nhello").finish().build();
        List<Packet> all = Captures.merge(mail, web);
        int half = all.size() / 2;
        Instant first = T.minusSeconds(30);
        Instant second = Instant.ofEpochSecond(all.get(half).tsNanos() / 1_000_000_000L);
        Path day = Files.createDirectories(dir.resolve("raw").resolve(RawLogLocator.dayDirectory(first)));
        Captures.writePcap(day.resolve("snort.log." + first.getEpochSecond()), LinkLayer.ETHERNET, all.subList(0, half));
        Captures.writePcap(day.resolve("snort.log." + second.getEpochSecond()), LinkLayer.ETHERNET,
                all.subList(half, all.size()));
    }

    private static CliRun session(String... args) {
        List<String> all = new ArrayList<>(List.of("session", "--config", config.toString()));
        all.addAll(List.of(args));
        return CliRun.of(all.toArray(String[]::new));
    }

    /** The one line a failure printed, after checking it is the only one and carries no Java. */
    private static String failure(CliRun run, int status) {
        assertThat(run.status()).as("exit status; stderr: %s", run.err()).isEqualTo(status);
        List<String> lines = run.err().lines().toList();
        assertThat(lines).as("stderr").hasSize(1);
        assertThat(lines.get(0)).startsWith("sguil-bridge: ").doesNotContain("Exception", "\tat ");
        return lines.get(0);
    }

    @Test
    void anAlertsSessionIsFoundAcrossTheRotationAndPrintedWithTheRulesEvents() {
        CliRun run = session("--alert", "1.1");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("invoice.pdf.exe", "BRIDGE SMTP executable attachment: invoice.pdf.exe (pe)",
                "BRIDGE SMTP attachment with double extension: invoice.pdf.exe (pe)");
    }

    @Test
    void aSancpRecordsSessionAsJson() {
        CliRun run = session("--sancp", "1.7", "--json");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.lines()).allMatch(l -> l.startsWith("{") && l.endsWith("}"));
        assertThat(run.out()).contains("\"filename\":\"invoice.pdf.exe\"",
                "\"BRIDGE SMTP executable attachment: invoice.pdf.exe (pe)\"");
    }

    @Test
    void aConnectionGivenByItsEndpointsKeepsTheAttachmentsAndWritesExactlyTheSessionsPackets() throws Exception {
        Path out = dir.resolve("files");
        Path pcap = dir.resolve("session.pcap");
        CliRun run = session("--conn", CONN, "--at", "2026-06-15 10:00:01", "-o", out.toString(),
                "--write-pcap", pcap.toString());
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.err()).contains(mail.size() + " packet(s) of the session written to " + pcap);
        try (var s = Files.walk(out)) {
            assertThat(s.map(p -> p.getFileName().toString())).contains("invoice.pdf.exe");
        }
        List<RawPacket> written = new ArrayList<>();
        try (PacketSource source = CaptureFiles.open(pcap)) {
            RawPacket p = new RawPacket();
            while (source.next(p)) {
                RawPacket copy = new RawPacket();
                copy.timestampNanos = p.timestampNanos;
                copy.data = Arrays.copyOf(p.data, p.capturedLength);
                copy.linkType = p.linkType;
                written.add(copy);
            }
        }
        assertThat(written).as("the session's packets, none of the other session's").hasSize(mail.size());
        for (int i = 0; i < mail.size(); i++) {
            assertThat(written.get(i).data).isEqualTo(mail.get(i).frame());
            assertThat(written.get(i).timestampNanos).isEqualTo(mail.get(i).tsNanos() / 1000 * 1000);
            assertThat(written.get(i).linkType).isEqualTo(1);
        }
    }

    @Test
    void sentToSguilTheEventsArriveOnceHoweverOftenTheSessionIsSent() throws Exception {
        CliRun first = session("--alert", "1.1", "--send");
        assertThat(first.status()).as(first.err()).isZero();
        assertThat(first.err()).contains("2 event(s) sent to Sguil, 0 already there");
        CliRun again = session("--sancp", "1.7", "--send");
        assertThat(again.status()).as(again.err()).isZero();
        assertThat(again.err()).contains("0 event(s) sent to Sguil, 2 already there");
        try (Connection c = db.connect();
             var rs = c.createStatement().executeQuery("SELECT e.signature FROM event e JOIN sensor s ON s.sid = e.sid"
                     + " WHERE s.hostname = 'bridge' ORDER BY e.signature")) {
            List<String> stored = new ArrayList<>();
            while (rs.next()) {
                stored.add(rs.getString(1));
            }
            assertThat(stored).containsExactly("BRIDGE SMTP attachment with double extension: invoice.pdf.exe (pe)",
                    "BRIDGE SMTP executable attachment: invoice.pdf.exe (pe)");
        }
    }

    @Test
    void rowsThatDoNotExistOrHaveNoSessionAreBadInput() {
        assertThat(failure(session("--alert", "1.99"), Main.EXIT_BAD_INPUT)).contains("no alert 1.99 in the event table");
        assertThat(failure(session("--sancp", "1.8"), Main.EXIT_BAD_INPUT)).contains("no session 1.8 in the sancp table");
        assertThat(failure(session("--alert", "9.1"), Main.EXIT_BAD_INPUT)).contains("no alert 9.1");
        assertThat(failure(session("--alert", "1.2"), Main.EXIT_BAD_INPUT)).contains("alert 1.2 is not TCP (protocol 17)");
        assertThat(failure(session("--alert", "one"), Main.EXIT_BAD_INPUT)).contains("give it as SID.CID");
    }

    @Test
    void aSensorWithoutRawLogDirIsAConfigurationProblem() {
        assertThat(failure(session("--alert", "2.1"), Main.EXIT_BAD_INPUT))
                .contains("sensor sensor2 has no raw_log_dir: set sensor.sensor2.raw_log_dir in " + config);
        assertThat(failure(session("--conn", CONN, "--at", "2026-06-15T10:00:00Z", "--sensor", "sensor9"),
                Main.EXIT_BAD_INPUT)).contains("sensor sensor9 has no raw_log_dir");
    }

    @Test
    void aTimeOutsideTheCaptureFilesOrASessionNotInThemFails() {
        assertThat(failure(session("--conn", CONN, "--at", "2026-06-10T10:00:00Z"), Main.EXIT_FAILURE))
                .contains("no capture file of sensor sensor1 in ", " covers 2026-06-10T10:00:00Z");
        assertThat(failure(session("--conn", CLIENT + ":40009-" + SERVER + ":25", "--at", "2026-06-15T10:00:00Z"),
                Main.EXIT_FAILURE)).contains("is not in the capture files [snort.log.");
    }

    @Test
    void misusedOptionsAreBadInput() {
        assertThat(failure(session("--conn", CONN), Main.EXIT_BAD_INPUT)).contains("--conn needs --at TIME");
        assertThat(failure(session("--conn", "10.0.0.1-10.0.0.2", "--at", "1h"), Main.EXIT_BAD_INPUT))
                .contains("give it as SRC_IP:PORT-DST_IP:PORT");
        assertThat(failure(session("--alert", "1.1", "--at", "1h"), Main.EXIT_BAD_INPUT))
                .contains("--at and --sensor go with --conn");
        assertThat(session("--alert", "1.1", "--sancp", "1.7").status()).isEqualTo(Main.EXIT_BAD_INPUT);
    }

    @Test
    void anUnwritablePcapFileIsAnOutputFailure() throws Exception {
        Path notAFile = Files.createDirectories(dir.resolve("a-directory"));
        assertThat(failure(session("--alert", "1.1", "--write-pcap", notAFile.toString()), Main.EXIT_OUTPUT))
                .contains(notAFile + ": cannot write the session's packets");
    }

    @Test
    void anUnreachableDatabase() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.conf"), Files.readString(config)
                .replaceAll("db.url = .*", "db.url = jdbc:mariadb://127.0.0.1:1/sguildb"));
        CliRun run = CliRun.of("session", "--config", bad.toString(), "--alert", "1.1");
        assertThat(failure(run, Main.EXIT_DB_UNREACHABLE)).contains("127.0.0.1");
    }
}
