package net.sguil.bridge.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import net.sguil.bridge.config.BridgeConfig;
import net.sguil.bridge.sguil.SguilTestData;
import org.junit.jupiter.api.Test;

/**
 * Idempotent across state loss, in direct database mode (the bridge's events are in the same
 * database it reads): a fresh state directory on a database with history sends nothing old, whether
 * it starts at now (the history is replayed to rebuild baselines only) or reads everything again
 * (the conclusions Sguil already holds are recognised by the mark in their detail); the day's
 * trending spike is raised once.
 */
class IdempotencyTest extends DaemonTestBase {
    private static final String SPIKE = "BRIDGE TRENDING signature spike: SPIKE SIG";

    /** The bridge's events in the database, by signature. */
    private List<String> bridgeEvents() throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = fx.db.connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT e.signature FROM event e JOIN sensor n ON n.sid = e.sid"
                     + " WHERE n.hostname = 'bridge' AND e.signature_gen = 10001 ORDER BY e.signature")) {
            while (r.next()) {
                out.add(r.getString(1));
            }
        }
        return out;
    }

    private DaemonStatus status() {
        try {
            return StatusFile.load(dir.resolve("state"));
        } catch (IOException e) {
            return null;
        }
    }

    /** Runs the daemon until its status satisfies {@code done}, then stops it. */
    private DaemonStatus run(Path config, String what, Predicate<DaemonStatus> done) throws Exception {
        BridgeDaemon daemon = BridgeDaemon.start(BridgeConfig.load(config));
        try {
            await(what, () -> {
                DaemonStatus s = status();
                return s != null && s.pid() == ProcessHandle.current().pid() && done.test(s);
            });
        } finally {
            daemon.stop();
        }
        return status();
    }

    private void loseTheStateDirectory() throws IOException {
        try (Stream<Path> s = Files.walk(dir.resolve("state"))) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Test
    void aFreshStateDirectoryOnADatabaseWithHistorySendsNothingOld() throws Exception {
        fx.writeCapture();
        fx.writeRows();
        try (Connection c = fx.db.connect()) {
            new SguilTestData(c).events("sensor1", fx.sid, 2, 5, "SPIKE SIG", 2000009, fx.t0.plusSeconds(20).toString());
        }
        Path config = fx.writeConfig();
        Files.writeString(config, Files.readString(config).replaceAll("sguild.host = .*", "sguild.host =")
                + "trending.min_count = 3\n");
        List<String> expected = new ArrayList<>(BridgeDaemonTest.EXPECTED);
        expected.add(SPIKE);
        expected.sort(null);

        run(config, "everything delivered", s -> s.delivery().confirmed() == expected.size());
        assertThat(bridgeEvents()).containsExactlyElementsOf(expected);

        loseTheStateDirectory();
        Path atNow = Files.writeString(dir.resolve("at-now.conf"), Files.readString(config)
                .replace("reader.start_at_now = false", "reader.start_at_now = true"));
        BridgeDaemon daemon = BridgeDaemon.start(BridgeConfig.load(atNow));
        try {
            await("the history replayed", () -> status() != null && status().intake().replayed() == 6);
            try (Connection c = fx.db.connect()) {
                new SguilTestData(c).event("sensor1", fx.sid, 7, "SPIKE SIG", 2000009, fx.t0.plusSeconds(30).toString());
            }
            await("the new alert read", () -> status().intake().alerts() == 1 && status().rules().weirds()
                    .containsKey("rules.replayed_conclusion"));
        } finally {
            daemon.stop();
        }
        DaemonStatus replayed = status();
        assertThat(replayed.rules().concluded()).as("the replay raised nothing, the spike is not raised again")
                .isZero();
        assertThat(replayed.actions().queued()).as("no pcap analysis for replayed alerts").isZero();
        assertThat(bridgeEvents()).containsExactlyElementsOf(expected);

        loseTheStateDirectory();
        DaemonStatus reread = run(config, "every row read again and analysed",
                s -> s.actions().done() == 2 && s.rules().concluded() == expected.size());
        assertThat(reread.rules().duplicates()).as("Sguil holds them all already").isEqualTo(expected.size());
        assertThat(reread.delivery().submitted()).isZero();
        assertThat(bridgeEvents()).as("nothing old sent again").containsExactlyElementsOf(expected);
    }
}
