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
import org.junit.jupiter.api.Test;

/**
 * The daemon as its own process, killed with SIGKILL at random moments while alerts turn into
 * events, restarted each time, and finally stopped with SIGTERM: every event reaches sguild once.
 */
class DaemonCrashTest extends DaemonTestBase {
    private static final int ALERTS = 10_000;
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
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), "net.sguil.bridge.cli.Main", "run", "--config",
                config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("daemon.log").toFile()).start();
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
    void killedAtRandomAndRestartedEveryEventArrivesExactlyOnce() throws Exception {
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
        int kills = 0;
        int killsMidDelivery = 0;
        while (kills < 8 && delivered() < ALERTS) {
            Process p = start(config);
            Thread.sleep(500 + random.nextInt(2500));
            int before = delivered();
            p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            kills++;
            if (before > 0 && before < ALERTS) {
                killsMidDelivery++;
            }
        }
        Process last = start(config);
        long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while ((delivered() < ALERTS || !runningAs(last)) && System.nanoTime() < end) {
            Thread.sleep(200);
        }
        last.destroy();
        assertThat(last.waitFor(60, TimeUnit.SECONDS)).as("SIGTERM stops it").isTrue();
        assertThat(last.exitValue()).as("a clean stop exits 0").isZero();

        List<String> messages = new ArrayList<>();
        for (FakeSguild.Stored s : fx.sguild.stored()) {
            messages.add(s.message());
        }
        assertThat(killsMidDelivery).as("the daemon was killed while delivering").isPositive();
        assertThat(new HashSet<>(messages)).as("every alert's event").hasSize(ALERTS);
        assertThat(messages).as("none twice").hasSize(ALERTS);
    }
}
