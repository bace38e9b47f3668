package net.sguil.bridge.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import net.sguil.bridge.config.BridgeConfig;
import org.junit.jupiter.api.Test;

/** End to end: rows in event and sancp plus a pcap in RAW_LOG_DIR in, exactly the expected events out. */
class BridgeDaemonTest extends DaemonTestBase {
    static final List<String> EXPECTED = List.of(
            "BRIDGE SMTP attachment with double extension: invoice.pdf.exe (pe)",
            "BRIDGE SMTP executable attachment: invoice.pdf.exe (pe)",
            "HTTP PUT Defacement SUCCEEDED: /index.html");



    @Test
    void alertsSessionsAndPcapsBecomeEventsInSguildExactlyOnceAcrossARestart() throws Exception {
        fx.writeCapture();
        fx.writeRows();
        Path config = fx.writeConfig();
        BridgeDaemon daemon = BridgeDaemon.start(BridgeConfig.load(config));
        try {
            await("the expected events", () -> fx.signatures().size() >= EXPECTED.size());
            Map<String, Object> before = StatusFile.read(dir.resolve("state"));
            await("two more health rounds", () -> {
                try {
                    return !StatusFile.read(dir.resolve("state")).get("time").equals(before.get("time"));
                } catch (java.io.IOException e) {
                    return false;
                }
            });
        } finally {
            daemon.stop();
        }
        assertThat(fx.signatures()).containsExactlyElementsOf(EXPECTED);
        Map<String, Object> status = StatusFile.read(dir.resolve("state"));
        assertThat(status.get("events_delivered")).isEqualTo(3);
        assertThat(status.get("outbox_depth")).isEqualTo(0);
        assertThat(((Number) status.get("actions_done")).intValue()).isEqualTo(2);
        assertThat(((Number) status.get("alerts_in")).intValue()).as("each alert once").isEqualTo(1);

        BridgeDaemon again = BridgeDaemon.start(BridgeConfig.load(config));
        try {
            Map<String, Object> first = StatusFile.read(dir.resolve("state"));
            await("the restarted daemon to run a few polls", () -> {
                try {
                    Map<String, Object> s = StatusFile.read(dir.resolve("state"));
                    return !s.get("time").equals(first.get("time"))
                            && ((Number) s.get("actions_done")).longValue() >= 1;
                } catch (java.io.IOException e) {
                    return false;
                }
            });
        } finally {
            again.stop();
        }
        assertThat(fx.signatures()).as("nothing twice after a restart").containsExactlyElementsOf(EXPECTED);
        assertThat(((Number) StatusFile.read(dir.resolve("state")).get("events_duplicate")).intValue())
                .as("the replayed alert concluded the same again and the outbox refused it").isPositive();
    }
}
