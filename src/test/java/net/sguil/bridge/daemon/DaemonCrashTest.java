package net.sguil.bridge.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import net.sguil.bridge.sguil.SguilTestData;
import net.sguil.bridge.sguil.agent.FakeSguild;
import net.sguil.bridge.sguil.agent.FakeSguild.Hold;
import org.junit.jupiter.api.Test;

/**
 * The daemon as its own process, killed with SIGKILL while it is provably delivering, restarted each
 * time, and finally stopped with SIGTERM: every event reaches sguild once. The fake sguild holds the
 * delivery at a chosen event (drawn from a fixed seed), alternately before storing it and after
 * storing it with its confirmation withheld; the kill comes only once the hold is reached, so it
 * never depends on how fast this machine compiles rules or delivers.
 */
class DaemonCrashTest extends DaemonTestBase {
    private static final int ALERTS = 2_000;
    private static final int KILLS = 4;
    /** The daemons' logs, kept for reading after a failure (the test's directory is deleted). */
    private static final Path LOG = Path.of("target", "daemon-crash-test.log");
    /**
     * How long a started daemon may take to reach a hold. Its JVM start and rule compilation took
     * 100 s on a 2-core machine at load 30; the limit only ends a broken run, it never paces one.
     */
    private static final java.time.Duration PATIENCE = java.time.Duration.ofMinutes(10);
    private final List<Process> started = new ArrayList<>();

    /** A failed assertion must not leave a daemon running for ever. */
    @org.junit.jupiter.api.AfterEach
    void killLeftovers() throws InterruptedException {
        for (Process p : started) {
            p.destroyForcibly().waitFor(60, TimeUnit.SECONDS);
        }
    }
    static final String RULE = """
            package crashtest;
            import net.sguil.bridge.facts.SguilAlert;
            import net.sguil.bridge.rules.EventBuilder;

            rule "crash test: one event per alert"
            when
                $a : SguilAlert(signature == "CRASH TEST")
            then
                insert(EventBuilder.event(drools.getRule().getName(), 1000200, 1, "CRASH TEST alert " + $a.getCid())
                        .at($a.getTimestamp()).evidence($a.getSid() + "." + $a.getCid())
                        .endpoints($a.getSrcIp(), $a.getSrcPort(), $a.getDstIp(), $a.getDstPort(), $a.getIpProto())
                        .build());
            end
            """;

    private Process start(Path config) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-Dsguil-bridge.test.log=" + LOG, "-cp", System.getProperty("java.class.path"),
                "net.sguil.bridge.cli.Main", "run", "--config", config.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(LOG.toFile())).start();
        started.add(p);
        return p;
    }

    /** The process has started up: it wrote its status file. */
    private boolean runningAs(Process p) {
        try {
            return ((Number) StatusFile.read(dir.resolve("state")).get("pid")).longValue() == p.pid();
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private int delivered() {
        return fx.sguild.stored().size();
    }

    @Test
    void killedWhileDeliveringAndRestartedEveryEventArrivesExactlyOnce() throws Exception {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("crash.drl"), RULE);
        try (Connection c = fx.db.connect()) {
            SguilTestData data = new SguilTestData(c);
            int sid = data.sensor("sensor1");
            data.events("sensor1", sid, 1, ALERTS, "CRASH TEST", 2000001, fx.t0.toString());
        }
        Path config = fx.writeConfig();
        Files.writeString(config, Files.readString(config).replaceAll("rules.dirs = .*", "rules.dirs = rules"));
        Random random = new Random(4711);
        for (int kill = 0; kill < KILLS; kill++) {
            int before = delivered();
            // at least one event delivered by this run, and some left for the next
            int at = before + 1 + random.nextInt((ALERTS - before) / (KILLS - kill + 1));
            Hold hold = kill % 2 == 0 ? Hold.AFTER_STORING : Hold.BEFORE_STORING;
            fx.sguild.holdAt(at, hold);
            Process p = start(config);
            await("the delivery held at event " + at, PATIENCE, () -> fx.sguild.holding() || !p.isAlive());
            assertThat(p.isAlive()).as("the daemon runs until it is killed; see %s", LOG).isTrue();
            p.destroyForcibly();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("SIGKILL ends it").isTrue();
            fx.sguild.release();
            assertThat(delivered()).as("kill %d (%s) landed mid-delivery", kill, hold).isEqualTo(at);
        }
        Process last = start(config);
        await("every event delivered by a running daemon", PATIENCE, () -> delivered() >= ALERTS && runningAs(last)
                || !last.isAlive());
        last.destroy();
        assertThat(last.waitFor(60, TimeUnit.SECONDS)).as("SIGTERM stops it").isTrue();
        assertThat(last.exitValue()).as("a clean stop exits 0; see %s", LOG).isZero();

        List<String> messages = new ArrayList<>();
        for (FakeSguild.Stored s : fx.sguild.stored()) {
            messages.add(s.message());
        }
        assertThat(new HashSet<>(messages)).as("every alert's event").hasSize(ALERTS);
        assertThat(messages).as("none twice").hasSize(ALERTS);
    }
}
