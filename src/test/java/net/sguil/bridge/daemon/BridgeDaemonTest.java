package net.sguil.bridge.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import net.sguil.bridge.config.BridgeConfig;
import net.sguil.bridge.delivery.DeliveryStats;
import org.junit.jupiter.api.Test;

/** End to end: rows in event and sancp plus a pcap in RAW_LOG_DIR in, exactly the expected events out. */
class BridgeDaemonTest extends DaemonTestBase {
    static final List<String> EXPECTED = List.of(
            "BRIDGE SMTP attachment with double extension: invoice.pdf.exe (pe)",
            "BRIDGE SMTP executable attachment: invoice.pdf.exe (pe)",
            "HTTP PUT Defacement SUCCEEDED: /index.html");

    /** The status file, or null while there is none yet. */
    DaemonStatus status() {
        try {
            return StatusFile.load(dir.resolve("state"));
        } catch (IOException e) {
            return null;
        }
    }

    /** Waits for a status written after {@code before} that satisfies {@code condition}. */
    DaemonStatus awaitStatus(String what, DaemonStatus before, java.util.function.Predicate<DaemonStatus> condition)
            throws InterruptedException {
        DaemonStatus[] seen = {null};
        await(what, () -> {
            DaemonStatus s = status();
            seen[0] = s;
            return s != null && (before == null || !s.time().equals(before.time())) && condition.test(s);
        });
        return seen[0];
    }

    @Test
    void alertsSessionsAndPcapsBecomeEventsInSguildExactlyOnceAcrossARestart() throws Exception {
        fx.writeCapture();
        fx.writeRows();
        Path config = fx.writeConfig();
        BridgeDaemon daemon = BridgeDaemon.start(BridgeConfig.load(config));
        DaemonStatus running;
        try {
            await("the expected events", () -> fx.signatures().size() >= EXPECTED.size());
            running = awaitStatus("a status showing them", null, s -> s.delivery().confirmed() == EXPECTED.size());
        } finally {
            daemon.stop();
        }
        assertThat(fx.signatures()).containsExactlyElementsOf(EXPECTED);
        assertThat(running.delivery()).extracting(DeliveryStats::connected, DeliveryStats::condition)
                .containsExactly(true, null);
        assertThat(running.delivery().lastConfirmedAt()).isNotNull();
        DaemonStatus status = status();
        assertThat(status.delivery().outboxDepth()).isZero();
        assertThat(status.actions().done()).isEqualTo(2);
        assertThat(status.actions().pending()).isZero();
        assertThat(status.intake().alerts()).as("each alert once").isEqualTo(1);
        assertThat(status.analysis().captures()).as("one capture file read per pcap request").isEqualTo(2);
        assertThat(status.rules().concluded()).isEqualTo(EXPECTED.size());
        Map<String, Object> json = StatusFile.read(dir.resolve("state"));
        assertThat(json).containsKeys("time", "pid", "intake", "actions", "analysis", "rules", "delivery", "last_error");
        @SuppressWarnings("unchecked")
        Map<String, Object> delivery = (Map<String, Object>) json.get("delivery");
        assertThat(delivery).containsKeys("transient_failures", "dropped_invalid", "repaired",
                "connected", "condition", "last_confirmed_at", "last_error");
        assertThat(dir.resolve("state").resolve("rules-cache")).as("the compiled rules, which the restart loads")
                .isDirectoryContaining("glob:**.kbase");

        BridgeDaemon again = BridgeDaemon.start(BridgeConfig.load(config));
        DaemonStatus restarted;
        try {
            restarted = awaitStatus("the restarted daemon's status", status, s -> s.intake().replayed() >= 1);
        } finally {
            again.stop();
        }
        assertThat(fx.signatures()).as("nothing twice after a restart").containsExactlyElementsOf(EXPECTED);
        assertThat(restarted.rules().weirds()).as("the replayed alert rebuilt state and raised nothing")
                .containsKey("rules.replayed_action");
        assertThat(restarted.actions().queued()).isZero();
    }

    @Test
    void whileSguildsDatabaseIsGoneTheStatusSaysSoAndEverythingArrivesOnceAfterSguildRestarts() throws Exception {
        fx.writeCapture();
        Path config = fx.writeConfig();
        BridgeDaemon daemon = BridgeDaemon.start(BridgeConfig.load(config));
        try {
            awaitStatus("registered with sguild", null, s -> s.delivery().connected());
            fx.sguild.databaseGone();
            fx.writeRows();
            DaemonStatus failing = awaitStatus("storing fails in the status", null,
                    s -> s.delivery().condition() != null && s.delivery().condition().contains("storing fails"));
            assertThat(failing.delivery().condition())
                    .matches("sguild: storing fails: (Lost connection to server during query|Server has gone away)");
            assertThat(failing.delivery().connected()).as("registered before the database went").isTrue();
            assertThat(failing.delivery().transientFailures()).isPositive();
            assertThat(failing.lastError().message()).contains("storing fails");
            fx.sguild.stop();
            fx.sguild.start();
            await("the expected events", () -> fx.signatures().size() >= EXPECTED.size());
            awaitStatus("the condition cleared", failing, s -> s.delivery().condition() == null);
        } finally {
            daemon.stop();
        }
        assertThat(fx.signatures()).containsExactlyElementsOf(EXPECTED);
    }
}
