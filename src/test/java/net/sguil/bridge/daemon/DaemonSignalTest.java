package net.sguil.bridge.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code run} as its own process, sent SIGTERM while it is still starting: the stop is clean (exit 0)
 * however early it comes once the command runs. A supervisor that signals as soon as the daemon
 * writes anything, or on its "running" line, must never meet the JVM's default handler (exit 143).
 */
class DaemonSignalTest extends DaemonTestBase {
    @Test
    void aSigtermDuringStartUpStopsTheDaemonCleanlyOnceItRuns() throws Exception {
        Path log = dir.resolve("daemon.log");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-Dsguil-bridge.test.log=" + log, "-cp", System.getProperty("java.class.path"),
                "net.sguil.bridge.cli.Main", "run", "--config", fx.writeConfig().toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("daemon.out").toFile()).start();
        try {
            // the first line it logs comes from start-up, before it announces it runs
            await("the daemon's first log line", java.time.Duration.ofMinutes(10),
                    () -> Files.exists(log) && size(log) > 0 || !p.isAlive());
            p.destroy();
            assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("SIGTERM stops it").isTrue();
            String output = Files.readString(log);
            assertThat(p.exitValue()).as("a clean stop exits 0:\n%s", output).isZero();
            assertThat(output).contains("sguil-bridge running", "stopping: intake closed");
        } finally {
            p.destroyForcibly().waitFor(60, TimeUnit.SECONDS);
        }
    }

    private static long size(Path f) {
        try {
            return Files.size(f);
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}
