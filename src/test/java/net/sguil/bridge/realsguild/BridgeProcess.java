package net.sguil.bridge.realsguild;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import net.sguil.bridge.daemon.StatusFile;

/**
 * The bridge daemon as operators run it, in a process of its own
 * ({@code java -cp … net.sguil.bridge.cli.Main run --config FILE}), so that it can be killed with
 * SIGKILL or stopped with SIGTERM like the real thing. Its output is appended to one log per
 * installation, each start marked, so a test can wait for a line this start logged.
 */
final class BridgeProcess implements AutoCloseable {
    /**
     * The product's logging (to stderr, here the log), not the tests' logback-test.xml, which the
     * test class path would otherwise pick and which sends everything to target/test.log: the
     * scenarios synchronise on what the bridge logs.
     */
    private static final String PRODUCT_LOGGING = java.util.Objects.requireNonNull(
            BridgeProcess.class.getClassLoader().getResource("logback.xml"), "logback.xml on the class path").toString();
    private final Process process;
    private final Path log;
    private final long logStart;
    private final Path stateDir;

    private BridgeProcess(Process process, Path log, long logStart, Path stateDir) {
        this.process = process;
        this.log = log;
        this.logStart = logStart;
        this.stateDir = stateDir;
    }

    /** Starts {@code run --config config} with {@code env} added to the environment. */
    static BridgeProcess start(Path config, Path stateDir, Path log, Map<String, String> env) throws IOException {
        Files.writeString(log, "---- start " + env + "\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
        long logStart = Files.size(log);
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Dlogback.configurationFile=" + PRODUCT_LOGGING, "-cp", System.getProperty("java.class.path"),
                "net.sguil.bridge.cli.Main", "run", "--config", config.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().putAll(env);
        return new BridgeProcess(pb.start(), log, logStart, stateDir);
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** What this start has logged so far. */
    String output() {
        try {
            byte[] all = Files.readAllBytes(log);
            return new String(all, (int) Math.min(logStart, all.length), (int) Math.max(0, all.length - logStart),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** Waits until this start logged a line matching {@code regex}; fails early if the process died. */
    void awaitLog(String regex) throws InterruptedException {
        Pattern p = Pattern.compile(regex, Pattern.MULTILINE);
        Await.until("the bridge to log /" + regex + "/", () -> {
            if (p.matcher(output()).find()) {
                return true;
            }
            if (!process.isAlive()) {
                throw new AssertionError("the bridge exited (" + process.exitValue() + ") before logging /" + regex
                        + "/:\n" + output());
            }
            return false;
        });
    }

    /** The status this process wrote last ({@code status.json}), or null before its first. */
    Map<String, Object> status() {
        try {
            Map<String, Object> s = StatusFile.read(stateDir);
            return ((Number) s.get("pid")).longValue() == process.pid() ? s : null;
        } catch (IOException | RuntimeException e) {
            return null; // not written yet, or written by the previous process
        }
    }

    /** A number of the last status, named by its path ({@code rules.concluded}); -1 before the first status. */
    long statusNumber(String path) {
        Map<String, Object> s = status();
        return s == null ? -1 : ((Number) field(s, path)).longValue();
    }

    /** The value at a dotted path of a status ({@code delivery.outbox_depth}); a missing field fails at once. */
    @SuppressWarnings("unchecked")
    static Object field(Map<String, Object> status, String path) {
        Object v = status;
        for (String name : path.split("\\.")) {
            v = ((Map<String, Object>) v).get(name);
            if (v == null) {
                throw new AssertionError("status.json has no " + path + ": " + status);
            }
        }
        return v;
    }

    /** Registered with sguild: the status says connected. */
    void awaitConnected() throws InterruptedException {
        Await.until("the bridge to register with sguild", () -> {
            checkAlive();
            Map<String, Object> s = status();
            return s != null && Boolean.TRUE.equals(field(s, "delivery.connected"));
        });
    }

    /** The bridge has taken its position in the event table: its reader wrote it (on a first run, at start). */
    void awaitEventPosition() throws InterruptedException {
        Await.until("the bridge's position in the event table", () -> {
            checkAlive();
            return Files.exists(stateDir.resolve("event.position"));
        });
    }

    private void checkAlive() {
        if (!process.isAlive()) {
            throw new AssertionError("the bridge exited (" + process.exitValue() + "):\n" + output());
        }
    }

    /** Waits for the process to die on its own (a crash point) and returns its exit status. */
    int awaitExit() throws InterruptedException {
        if (!process.waitFor(Await.DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("the bridge did not exit:\n" + output());
        }
        return process.exitValue();
    }

    /** Appends a dump of the bridge's threads to its log (jcmd Thread.print), for a bridge that seems stuck. */
    void dumpThreads() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        try {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(process.pid()), "Thread.print").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            jcmd.waitFor(60, TimeUnit.SECONDS);
        } catch (IOException e) {
            // a diagnostic only: the test fails with its own message anyway
        }
    }

    /** kill -9. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(60, TimeUnit.SECONDS);
    }

    /** SIGTERM, as systemd stops it; returns the exit status (0 for a clean stop). */
    int terminate() throws InterruptedException {
        process.destroy();
        return awaitExit();
    }

    /** CPU time (user + system) the process has used so far, if the platform tells. */
    Duration cpu() {
        return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
