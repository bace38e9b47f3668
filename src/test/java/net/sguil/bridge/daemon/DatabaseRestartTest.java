package net.sguil.bridge.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import net.sguil.bridge.config.BridgeConfig;
import net.sguil.bridge.sguil.DbUnreachableException;
import net.sguil.bridge.sguil.SguilTestData;
import org.junit.jupiter.api.Test;

/**
 * MariaDB restarted (the test suite's own server, via bin/test-db) while alerts keep arriving and
 * the daemon writes its events straight into the database: every event lands once.
 */
class DatabaseRestartTest extends DaemonTestBase {
    private static final int BATCHES = 20;
    private static final int PER_BATCH = 100;


    private static void testDb(String action) throws Exception {
        Process p = new ProcessBuilder("bin/test-db", action).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("bin/test-db " + action).isTrue();
        assertThat(p.exitValue()).as("bin/test-db " + action).isZero();
    }

    /** Bridge events in the database: total rows and distinct messages. */
    private long[] bridgeEvents() {
        try (Connection c = fx.db.connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*), COUNT(DISTINCT e.signature) FROM event e"
                     + " JOIN sensor n ON n.sid = e.sid WHERE n.hostname = 'bridge' AND e.signature_gen = 10001")) {
            r.next();
            return new long[] {r.getLong(1), r.getLong(2)};
        } catch (SQLException | DbUnreachableException e) {
            return new long[] {-1, -1};
        }
    }

    private void insertBatch(int sid, int b) throws Exception {
        long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (true) {
            try (Connection c = fx.db.connect()) {
                new SguilTestData(c).events("sensor1", sid, 1L + (long) b * PER_BATCH, PER_BATCH, "CRASH TEST", 2000001,
                        Instant.now().toString());
                return;
            } catch (SQLException | DbUnreachableException e) {
                if (System.nanoTime() > end) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }

    @Test
    void everyEventLandsOnceAcrossADatabaseRestart() throws Exception {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("crash.drl"), DaemonCrashTest.RULE);
        int sid;
        try (Connection c = fx.db.connect()) {
            sid = new SguilTestData(c).sensor("sensor1");
        }
        Path config = fx.writeConfig();
        Files.writeString(config, Files.readString(config).replaceAll("rules.dirs = .*", "rules.dirs = rules")
                .replaceAll("sguild.host = .*", "sguild.host ="));
        BridgeDaemon daemon = BridgeDaemon.start(BridgeConfig.load(config));
        try {
            for (int b = 0; b < BATCHES; b++) {
                insertBatch(sid, b);
                if (b == BATCHES / 2) {
                    testDb("stop");
                    Thread.sleep(500);
                    testDb("start");
                }
                Thread.sleep(200);
            }
            long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (bridgeEvents()[0] < BATCHES * PER_BATCH && System.nanoTime() < end) {
                Thread.sleep(250);
            }
        } finally {
            daemon.stop();
        }
        assertThat(bridgeEvents()).containsExactly(BATCHES * PER_BATCH, BATCHES * PER_BATCH);
    }
}
