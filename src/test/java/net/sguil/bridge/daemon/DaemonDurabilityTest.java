package net.sguil.bridge.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import net.sguil.bridge.config.BridgeConfig;
import net.sguil.bridge.sguil.SguilTestData;
import net.sguil.bridge.state.CrashPoint;
import org.junit.jupiter.api.Test;

/**
 * Durable before acknowledged: the daemon as its own process halts itself at a named point (as if
 * killed with SIGKILL there, {@link CrashPoint}); after a restart every conclusion reaches sguild
 * exactly once and nothing of the interrupted work is left behind.
 */
class DaemonDurabilityTest extends DaemonTestBase {

    /** The miniature installation with its capture and rows, and the daemon run until it halts at {@code point}. */
    private Path crashedAt(String point) throws Exception {
        fx.writeCapture();
        fx.writeRows();
        Path config = fx.writeConfig();
        assertThat(runUntilCrash(config, point)).isEqualTo(CrashPoint.EXIT_STATUS);
        return config;
    }

    /** Runs the daemon as a child process that halts at {@code point}; returns its exit status. */
    private int runUntilCrash(Path config, String point) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), "net.sguil.bridge.cli.Main", "run",
                "--config", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("daemon-" + point + ".log").toFile());
        pb.environment().put(CrashPoint.ENV, point);
        Process p = pb.start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("the daemon never reached " + point + "; see " + dir.resolve("daemon-" + point + ".log"));
        }
        return p.exitValue();
    }

    private void runToTheEnd(Path config) throws Exception {
        BridgeDaemon daemon = BridgeDaemon.start(BridgeConfig.load(config));
        try {
            await("the expected events", () -> fx.signatures().size() >= BridgeDaemonTest.EXPECTED.size());
        } finally {
            daemon.stop();
        }
        assertThat(fx.signatures()).as("each conclusion exactly once").containsExactlyElementsOf(BridgeDaemonTest.EXPECTED);
    }

    private List<Path> under(Path root, String namePrefix) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.getFileName().toString().startsWith(namePrefix)).toList();
        }
    }

    @Test
    void killedRightAfterTheSancpReadTheSessionsItAskedForAreStillAnalysed() throws Exception {
        Path config = crashedAt(CrashPoint.SANCP_READ);

        Path state = dir.resolve("state");
        assertThat(Files.readString(state.resolve("sancp.position"))).as("the position moved past the SMTP session")
                .contains("s " + fx.sid + " 1 ");
        assertThat(fx.signatures()).as("nothing had been concluded yet").isEmpty();
        try (ActionQueue q = ActionQueue.open(state.resolve(BridgeDaemon.ACTIONS), 100)) {
            assertThat(q.replayed()).extracting(p -> p.request().getKind()).as("both pcap requests are durable")
                    .containsExactlyInAnyOrder("http", "smtp");
        }
        runToTheEnd(config);
        try (ActionQueue q = ActionQueue.open(state.resolve(BridgeDaemon.ACTIONS), 100)) {
            assertThat(q.replayed()).as("finished once their conclusions were delivered").isEmpty();
        }
    }

    @Test
    void killedWhileAnAnalysisStoredItsFilesTheAnalysisIsRedoneAndNothingHalfDoneIsLeft() throws Exception {
        Path config = crashedAt(CrashPoint.ANALYSIS_STORED);

        Path attachments = dir.resolve("attachments");
        assertThat(under(attachments, ".spool-")).as("the interrupted analysis left its spool").isNotEmpty();
        assertThat(under(attachments, "invoice")).as("and its stored file").isNotEmpty();
        runToTheEnd(config);
        assertThat(under(attachments, ".spool-")).as("no spool left").isEmpty();
        assertThat(under(attachments, "invoice")).extracting(p -> p.getFileName().toString())
                .as("the attachment stored once, not once per attempt").containsExactly("invoice.pdf.exe");
    }

    @Test
    void aFirstStartAtNowTakesItsPositionWhenTheDaemonStarts() throws Exception {
        fx.writeCapture();
        Path config = fx.writeConfig();
        Files.writeString(config, Files.readString(config).replace("reader.start_at_now = false",
                "reader.start_at_now = true").replace("poll.sancp_seconds = 1", "poll.sancp_seconds = 2"));
        try (Connection c = fx.db.connect()) {
            SguilTestData data = new SguilTestData(c);
            fx.sid = data.sensor("sensor1");
            data.event("sensor1", fx.sid, 1, "OLD ALERT", 2000001, fx.t0.minusSeconds(600).toString());
            data.sancp("sensor1", fx.sid, 1, fx.t0.minusSeconds(60).toString(), 6, "192.0.2.1", 1, "192.0.2.2", 25, 1, 1);
        }
        BridgeDaemon daemon = BridgeDaemon.start(BridgeConfig.load(config));
        try {
            assertThat(dir.resolve("state").resolve("event.position")).as("taken at start").exists();
            assertThat(dir.resolve("state").resolve("sancp.position")).as("taken at start").exists();
            try (Connection c = fx.db.connect()) {
                SguilTestData data = new SguilTestData(c);
                data.event("sensor1", fx.sid, 2, "WEB-MISC HTTP PUT Defacement", 1000003, fx.t0.plusSeconds(5).toString());
                data.sancp("sensor1", fx.sid, 2, fx.t0.toString(), 6, DaemonFixture.MAIL_CLIENT, 40001,
                        DaemonFixture.MAIL_SERVER, 25, 5000, 300);
            }
            await("the events of the rows that arrived just after the start",
                    () -> fx.signatures().size() >= BridgeDaemonTest.EXPECTED.size());
        } finally {
            daemon.stop();
        }
        assertThat(fx.signatures()).containsExactlyElementsOf(BridgeDaemonTest.EXPECTED);
        assertThat(StatusFile.load(dir.resolve("state")).intake().alerts()).as("not the old alert").isEqualTo(1);
    }
}
