package net.sguil.bridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.sguil.bridge.daemon.DaemonStatus;
import net.sguil.bridge.daemon.StatusFile;
import net.sguil.bridge.delivery.DeliveryStats;
import net.sguil.bridge.delivery.LastError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code status} prints from the typed status file. */
class StatusOutputTest {
    @TempDir
    Path dir;

    private Path configWith(DaemonStatus s) throws Exception {
        Files.createDirectories(dir.resolve("state"));
        Files.writeString(dir.resolve("state").resolve(StatusFile.NAME), StatusFile.json(s));
        return Files.writeString(dir.resolve("bridge.conf"), "state.dir = state\n");
    }

    private static DaemonStatus status(Instant at, boolean connected, String condition) {
        return new DaemonStatus(at.toString(), 4711, 60,
                new DaemonStatus.Intake(12, 34, 5, true),
                new DaemonStatus.Actions(3, 2, 0, 1, 0),
                new DaemonStatus.Analysis(2, 7, Map.of("tcp.overlap_conflict", 2L)),
                new DaemonStatus.Rules(List.of("/usr/share/sguil-bridge/drl/put-defacement.drl"), 99, 4, 1,
                        Map.of("rules.replayed_conclusion", 1L)),
                new DeliveryStats("sguild 127.0.0.1:7736", 4, 6, 3, 1, 2, 0, 0, 1,
                        Map.of("delivery.address_not_ipv4", 1L), 1, connected, condition,
                        "2026-11-27T12:00:01Z", LastError.now("sguild: storing fails: Server has gone away")),
                new LastError("sguild: storing fails: Server has gone away", "2026-11-27T12:00:02Z"));
    }

    @Test
    void showsDeliveryAnomaliesTheConditionAndTheLastConfirmedEvent() throws Exception {
        Path config = configWith(status(Instant.now(), true, "sguild: storing fails: Server has gone away"));
        CliRun run = CliRun.of("status", "--config", config.toString());
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.lines()).contains(
                "delivery        sguild 127.0.0.1:7736: connected; sguild: storing fails: Server has gone away",
                "last confirmed  2026-11-27T12:00:01Z",
                "anomalies       transient failures 2, refused 0, dropped invalid 0, repaired 1"
                        + " {delivery.address_not_ipv4=1}",
                "analysis        captures 2, facts 7, weirds {tcp.overlap_conflict=2}",
                "last error      sguild: storing fails: Server has gone away (at 2026-11-27T12:00:02Z)");
    }

    @Test
    void jsonIsTheFileWithItsTypedFieldsAndAStaleFileExitsOne() throws Exception {
        Path config = configWith(status(Instant.now().minusSeconds(600), false, "sguild: not connected: EOF"));
        CliRun run = CliRun.of("status", "--config", config.toString(), "--json");
        assertThat(run.status()).as("not rewritten for three health intervals").isEqualTo(1);
        assertThat(run.out()).contains("\"transient_failures\" : 2", "\"dropped_invalid\" : 0", "\"repaired\" : 1",
                "\"connected\" : false", "\"last_confirmed_at\" : \"2026-11-27T12:00:01Z\"");
    }
}
