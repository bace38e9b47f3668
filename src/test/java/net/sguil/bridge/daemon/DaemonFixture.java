package net.sguil.bridge.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import net.sguil.bridge.rawlog.RawLogLocator;
import net.sguil.bridge.sguil.SguilTestData;
import net.sguil.bridge.sguil.TestDatabase;
import net.sguil.bridge.sguil.agent.FakeSguild;
import net.sguil.bridge.sguil.agent.TestCertificate;
import net.sguil.bridge.testpcap.Captures;
import net.sguil.bridge.testpcap.HttpSessions;
import net.sguil.bridge.testpcap.LinkLayer;
import net.sguil.bridge.testpcap.MailSessions;
import net.sguil.bridge.testpcap.Packet;

/**
 * A Sguil installation in miniature for daemon tests: a real MariaDB with Sguil's schema, a sguild
 * test server, a sensor's RAW_LOG_DIR with one capture, and the bridge's configuration file.
 * The alerts and sessions are dated just now: live operation sees rows within minutes of their time.
 */
final class DaemonFixture implements AutoCloseable {
    /** The upload that succeeded: seen by Snort (sid 1000003) and present in the sensor's pcap. */
    static final String PUT_CLIENT = "203.0.113.9";
    static final String PUT_SERVER = "10.1.1.80";
    static final String MAIL_CLIENT = "198.51.100.7";
    static final String MAIL_SERVER = "10.1.1.25";

    final Path dir;
    final TestDatabase db;
    final FakeSguild sguild;
    final Instant t0 = Instant.now().minus(2, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
    int sid;

    DaemonFixture(Path dir) throws Exception {
        this.dir = dir;
        this.db = TestDatabase.createWithSchema();
        this.sguild = new FakeSguild(TestCertificate.get()).start();
    }

    /** The sensor's capture: an SMTP session carrying an executable, and the PUT the Snort alert is about. */
    void writeCapture() throws IOException {
        long start = t0.getEpochSecond() * 1_000_000_000L;
        List<Packet> mail = MailSessions.invoiceExe(MAIL_CLIENT, 40001, MAIL_SERVER, 25, start);
        List<Packet> put = HttpSessions.acceptedPut(PUT_CLIENT, 40000, PUT_SERVER, 80, start + 5_000_000_000L);
        Instant fileStart = t0.minusSeconds(30);
        Path day = Files.createDirectories(dir.resolve("raw").resolve(RawLogLocator.dayDirectory(fileStart)));
        Captures.writePcap(day.resolve("snort.log." + fileStart.getEpochSecond()), LinkLayer.ETHERNET,
                Captures.merge(mail, put));
    }

    /** The rows Sguil would hold for that traffic: a Snort PUT alert and the SMTP session's sancp record. */
    void writeRows() throws Exception {
        try (Connection c = db.connect()) {
            SguilTestData data = new SguilTestData(c);
            sid = data.sensor("sensor1");
            data.event("sensor1", sid, 1, "WEB-MISC HTTP PUT Defacement", 1000003, t0.plusSeconds(5).toString());
            data.sancp("sensor1", sid, 1, t0.toString(), 6, MAIL_CLIENT, 40001, MAIL_SERVER, 25, 5000, 300);
        }
    }

    Path writeConfig() throws Exception {
        Files.writeString(dir.resolve("db.password"), TestDatabase.PASSWORD + "\n");
        Files.createDirectories(dir.resolve("raw"));
        return Files.writeString(dir.resolve("bridge.conf"), String.join("\n",
                "db.url = " + db.url(),
                "db.user = " + TestDatabase.USER,
                "db.password_file = db.password",
                "state.dir = state",
                "sguild.host = 127.0.0.1",
                "sguild.port = " + sguild.port(),
                "sguild.fingerprint = " + TestCertificate.get().sha256(),
                "sguild.sensor = bridge",
                "sguild.net = bridge",
                "sensors = sensor1",
                "sensor.sensor1.raw_log_dir = raw",
                "rules.dirs = " + Path.of("drl").toAbsolutePath(),
                "extract.dir = attachments",
                "poll.event_seconds = 1",
                "poll.sancp_seconds = 1",
                "health.interval_seconds = 1",
                "reader.start_at_now = false",
                "") );
    }

    List<String> signatures() {
        return sguild.stored().stream().map(FakeSguild.Stored::message).sorted().toList();
    }

    @Override
    public void close() throws Exception {
        sguild.close();
        db.close();
    }
}
