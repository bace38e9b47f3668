package net.sguil.bridge.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.sguil.bridge.config.BridgeConfig;
import net.sguil.bridge.sguil.AnalystConsole;
import net.sguil.bridge.sguil.SguilTestData;
import net.sguil.bridge.sguil.agent.FakeSguild;
import net.sguil.bridge.state.CrashPoint;
import org.junit.jupiter.api.Test;

/**
 * The analyst asks from the console (issue 15): a status change written the way sguild writes it
 * (the event row updated, a history row inserted) for an alert whose session is in the sensor's
 * RAW_LOG_DIR; the answer reaches the sguild test server once, referring to the alert.
 */
class AnalystRequestDaemonTest extends DaemonTestBase {
    /** The other packs' verdicts (the analysis feeds them too) and the answer to the analyst. */
    static final List<String> ANSWER = List.of(
            "BRIDGE SMTP attachment with double extension: invoice.pdf.exe (pe)",
            "BRIDGE SMTP executable attachment: invoice.pdf.exe (pe)",
            "BRIDGE request 1.1 answered: 1 message, 1 attachment, 0 HTTP requests",
            "BRIDGE request 1.1: attachment invoice.pdf.exe (pe)");

    /** The sensor and a Snort alert on the SMTP session of the fixture's capture (no sancp row: nothing else asks for it). */
    private void writeSmtpAlert() throws Exception {
        try (Connection c = fx.db.connect()) {
            fx.sid = new SguilTestData(c).sensor("sensor1");
            new AnalystConsole(c).alert("sensor1", fx.sid, 1, "ET POLICY SMTP executable attachment", 2000001,
                    fx.t0.plusSeconds(3), DaemonFixture.MAIL_CLIENT, 40001, DaemonFixture.MAIL_SERVER, 25, 6);
        }
    }

    private void escalate() throws Exception {
        try (Connection c = fx.db.connect()) {
            new AnalystConsole(c).status("alice", "sensor1", fx.sid, 1, fx.t0, 2, null, java.time.Instant.now());
        }
    }

    /** The daemon has taken the history reader's first position: actions from now on are requests. */
    private boolean following() {
        return Files.exists(dir.resolve("state").resolve("history.position"));
    }

    private FakeSguild.Stored stored(String message) {
        return fx.sguild.stored().stream().filter(s -> s.message().equals(message)).findFirst().orElseThrow();
    }

    @Test
    void anEscalatedSmtpAlertIsAnsweredWithItsAttachmentAndASummaryOnce() throws Exception {
        fx.writeCapture();
        writeSmtpAlert();
        Path config = fx.writeConfig();
        try (Connection c = fx.db.connect()) {
            // before the bridge ever ran: asks nothing of it
            new AnalystConsole(c).status("bob", "sensor1", fx.sid, 1, fx.t0, 2, null, java.time.Instant.now().minusSeconds(60));
        }
        BridgeDaemon daemon = BridgeDaemon.start(BridgeConfig.load(config));
        try {
            // at once: the first run's history position is taken when the daemon starts, not at its first poll
            escalate();
            await("the answer", () -> fx.signatures().size() >= ANSWER.size());
        } finally {
            daemon.stop();
        }
        assertThat(fx.signatures()).as("each once").containsExactlyElementsOf(ANSWER);
        assertThat(fx.sguild.stored()).as("GenericEvent refID: the answers name the alert's cid, the packs' own events none")
                .allSatisfy(s -> assertThat(s.fields().get(7)).isEqualTo(s.message().startsWith("BRIDGE request") ? "1" : "0"));
        String summary = stored(ANSWER.get(2)).detail();
        assertThat(summary).contains("alert 1.1: ET POLICY SMTP executable attachment", "alice escalated",
                "invoice.pdf.exe", "snort.log.");
        String file = stored(ANSWER.get(3)).detail();
        assertThat(file).contains("alert 1.1", "invoice.pdf.exe", "SHA-256",
                "BRIDGE SMTP executable attachment: invoice.pdf.exe (pe)");

        BridgeDaemon again = BridgeDaemon.start(BridgeConfig.load(config));
        try {
            await("the restarted daemon's history position", this::following);
            DaemonStatus s = StatusFile.load(dir.resolve("state"));
            await("a status of the restarted daemon", () -> {
                try {
                    return !StatusFile.load(dir.resolve("state")).time().equals(s.time());
                } catch (java.io.IOException e) {
                    return false;
                }
            });
        } finally {
            again.stop();
        }
        assertThat(fx.signatures()).as("not answered again after a restart").containsExactlyElementsOf(ANSWER);
    }

    @Test
    void aCommentAskingAboutAPutAlertIsAnsweredWithThePutsOutcome() throws Exception {
        fx.writeCapture();
        Path config = fx.writeConfig();
        BridgeDaemon daemon = BridgeDaemon.start(BridgeConfig.load(config));
        List<String> answer = List.of("BRIDGE request 1.1 answered: 0 messages, 0 attachments, 1 HTTP request",
                "BRIDGE request 1.1: PUT /index.html (201)", "HTTP PUT Defacement SUCCEEDED: /index.html");
        try {
            await("the history reader's first position", this::following);
            try (Connection c = fx.db.connect()) {
                fx.sid = new SguilTestData(c).sensor("sensor1");
                AnalystConsole console = new AnalystConsole(c);
                console.alert("sensor1", fx.sid, 1, "WEB-MISC HTTP PUT Defacement", 1000003, fx.t0.plusSeconds(5),
                        DaemonFixture.PUT_CLIENT, 40000, DaemonFixture.PUT_SERVER, 80, 6);
                console.status("carol", "sensor1", fx.sid, 1, fx.t0, 1, "Analyze this upload",
                        java.time.Instant.now());
            }
            await("the answer", () -> fx.signatures().size() >= answer.size());
        } finally {
            daemon.stop();
        }
        assertThat(fx.signatures()).as("each once; the PUT pack's own event too").containsExactlyElementsOf(answer);
        assertThat(stored(answer.get(1)).detail()).contains("alert 1.1: WEB-MISC HTTP PUT Defacement",
                "carol set status 1, comment: Analyze this upload", "201", "HTTP PUT Defacement SUCCEEDED: /index.html");
    }

    @Test
    void aRequestForASessionWithoutCaptureFilesIsAnsweredWithWhyNot() throws Exception {
        writeSmtpAlert();
        Path config = fx.writeConfig();
        BridgeDaemon daemon = BridgeDaemon.start(BridgeConfig.load(config));
        try {
            await("the history reader's first position", this::following);
            try (Connection c = fx.db.connect()) {
                new AnalystConsole(c).status("bob", "sensor1", fx.sid, 1, fx.t0, 11, "extract: what was sent?",
                        java.time.Instant.now());
            }
            await("the answer", () -> !fx.signatures().isEmpty());
        } finally {
            daemon.stop();
        }
        assertThat(fx.signatures()).singleElement().asString()
                .startsWith("BRIDGE request 1.1 cannot be served: no capture file of sensor sensor1 covers");
        assertThat(fx.sguild.stored().get(0).detail()).contains("bob set status 11, comment: extract: what was sent?");
        assertThat(StatusFile.load(dir.resolve("state")).actions().failed()).isEqualTo(1);
    }

    @Test
    void killedBetweenTheRequestAndItsAnswerTheRequestIsAnsweredOnceAfterTheRestart() throws Exception {
        fx.writeCapture();
        writeSmtpAlert();
        Path config = fx.writeConfig();
        Path log = dir.resolve("daemon-" + CrashPoint.HISTORY_READ + ".log");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), "net.sguil.bridge.cli.Main", "run",
                "--config", config.toString()).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put(CrashPoint.ENV, CrashPoint.HISTORY_READ);
        Process p = pb.start();
        try {
            await("the history reader's first position", java.time.Duration.ofMinutes(10),
                    () -> following() || !p.isAlive());
            escalate();
            assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("halted at %s; see %s", CrashPoint.HISTORY_READ, log).isTrue();
        } finally {
            p.destroyForcibly().waitFor(60, TimeUnit.SECONDS);
        }
        assertThat(p.exitValue()).isEqualTo(CrashPoint.EXIT_STATUS);
        assertThat(fx.signatures()).as("nothing answered yet").isEmpty();
        try (ActionQueue q = ActionQueue.open(dir.resolve("state").resolve(BridgeDaemon.ACTIONS), 100)) {
            assertThat(q.replayed()).extracting(r -> r.request().getAsked().getAlert())
                    .as("the request is durable with who asked about which alert").containsExactly("1.1");
        }

        BridgeDaemon daemon = BridgeDaemon.start(BridgeConfig.load(config));
        try {
            await("the answer", () -> fx.signatures().size() >= ANSWER.size());
            await("the request finished", () -> {
                try {
                    DaemonStatus s = StatusFile.load(dir.resolve("state"));
                    return s.actions().pending() == 0 && s.delivery().outboxDepth() == 0;
                } catch (java.io.IOException e) {
                    return false;
                }
            });
        } finally {
            daemon.stop();
        }
        assertThat(fx.signatures()).as("answered once").containsExactlyElementsOf(ANSWER);
    }
}
