package net.sguil.bridge.realsguild;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One genuine Sguil 1.0.0 server with its own MariaDB, started by the harness scripts of
 * {@code ../shared/sguild/harness} on free loopback ports, in a run directory of its own: several of
 * these (other test classes, other sessions on the machine) never share a port, a socket or a file.
 *
 * <p>Found through {@code SGUIL_SRC} (the Sguil source; the harness is {@code $SGUIL_SRC/../harness}).
 * Everything is stopped by pid file, never by name.
 */
public final class SguildHarness implements AutoCloseable {
    /** The environment variable naming the Sguil source. */
    public static final String SGUIL_SRC = "SGUIL_SRC";
    static final String DB_NAME = "sguildb";
    static final String DB_USER = "sguild";
    static final String DB_PASSWORD = "sguildpw";
    /** A read-only user for the bridge: in agent mode it must write nothing into sguild's database. */
    static final String BRIDGE_DB_USER = "sguil_bridge";
    static final String BRIDGE_DB_PASSWORD = "bridgepw";
    private static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(3);

    private final Path source;
    private final Path harness;
    private final Path run;
    private final Path socket;
    private int dbPort;
    private int sensorPort;
    private int clientPort;

    private SguildHarness(Path source, Path run) {
        this.source = source;
        this.harness = source.resolveSibling("harness");
        this.run = run;
        // A unix socket path is limited to 107 bytes; java.io.tmpdir may be long, /tmp is not.
        this.socket = Path.of("/tmp", run.getFileName() + ".sock");
    }

    /** The Sguil source named by {@code SGUIL_SRC}, or null when it is unset. */
    static Path sourceFromEnvironment() {
        String s = System.getenv(SGUIL_SRC);
        return s == null || s.isBlank() ? null : Path.of(s).toAbsolutePath().normalize();
    }

    /**
     * Starts MariaDB and sguild in a fresh run directory named after {@code name}; free ports are
     * picked here, and picked again if another process took one before the harness bound it.
     */
    public static SguildHarness start(Path source, String name) throws IOException, InterruptedException {
        if (!Files.isRegularFile(source.resolve("server/sguild"))) {
            throw new IllegalStateException(SGUIL_SRC + "=" + source + " has no server/sguild");
        }
        Path run = Files.createTempDirectory(Path.of("/tmp"), "rsg-" + name.replaceAll("[^A-Za-z0-9]", "") + "-");
        SguildHarness h = new SguildHarness(source, run);
        IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            h.pickPorts();
            try {
                h.script("start.sh");
                h.createBridgeUser();
                return h;
            } catch (IOException e) {
                last = e;
                h.script("stop.sh");
            }
        }
        h.close();
        throw last;
    }

    private void pickPorts() throws IOException {
        int[] p = freePorts(3);
        dbPort = p[0];
        sensorPort = p[1];
        clientPort = p[2];
    }

    private static int[] freePorts(int n) throws IOException {
        List<ServerSocket> held = new ArrayList<>();
        try {
            int[] out = new int[n];
            for (int i = 0; i < n; i++) {
                ServerSocket s = new ServerSocket();
                s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                held.add(s);
                out[i] = s.getLocalPort();
            }
            return out;
        } finally {
            for (ServerSocket s : held) {
                s.close();
            }
        }
    }

    private void createBridgeUser() throws IOException, InterruptedException {
        rootSql("CREATE USER IF NOT EXISTS '" + BRIDGE_DB_USER + "'@'127.0.0.1' IDENTIFIED BY '" + BRIDGE_DB_PASSWORD
                + "'; GRANT SELECT ON " + DB_NAME + ".* TO '" + BRIDGE_DB_USER + "'@'127.0.0.1'; FLUSH PRIVILEGES;");
    }

    /** Runs SQL as MariaDB's root over the unix socket (root has no password there: socket authentication). */
    void rootSql(String sql) throws IOException, InterruptedException {
        run(List.of("mariadb", "--no-defaults", "-S", socket.toString(), "-uroot", DB_NAME, "-e", sql), "mariadb");
    }

    private void script(String name, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("bash", harness.resolve(name).toString()));
        cmd.addAll(List.of(args));
        run(cmd, name);
    }

    private void run(List<String> cmd, String what) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put(SGUIL_SRC, source.toString());
        env.put("SGUIL_RUN", run.toString());
        env.put("SGUIL_DB_PORT", Integer.toString(dbPort));
        env.put("SGUIL_DB_SOCK", socket.toString());
        env.put("SGUIL_SENSOR_PORT", Integer.toString(sensorPort));
        env.put("SGUIL_CLIENT_PORT", Integer.toString(clientPort));
        env.put("SGUIL_DB_NAME", DB_NAME);
        env.put("SGUIL_DB_USER", DB_USER);
        env.put("SGUIL_DB_PASS", DB_PASSWORD);
        Path out = Files.createTempFile(Path.of("/tmp"), "rsg-script-", ".out");
        try {
            Process p = pb.redirectOutput(out.toFile()).start();
            if (!p.waitFor(SCRIPT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(what + " did not finish in " + SCRIPT_TIMEOUT + ": "
                        + Files.readString(out, StandardCharsets.UTF_8));
            }
            if (p.exitValue() != 0) {
                throw new IOException(what + " failed (exit " + p.exitValue() + "): "
                        + Files.readString(out, StandardCharsets.UTF_8));
            }
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** Stops sguild alone (SIGTERM, which also ends its loaderd and queryd) and starts it again. */
    public void restartSguild() throws IOException, InterruptedException {
        stopSguild();
        startSguild();
    }

    /**
     * Stops sguild alone; {@link #startSguild} brings it back on the same ports. SIGTERM first; a
     * sguild that has not gone a minute later (its handler runs only when its single event loop gets
     * to it, seen to take minutes on a machine this loaded) is killed, as systemd would; its loaderd
     * and queryd end when their pipes close, and the ports are free again.
     */
    public void stopSguild() throws IOException, InterruptedException {
        stopByPidFile(run.resolve("sguild.pid"));
        Await.until("sguild's ports to be free", () -> free(sensorPort) && free(clientPort));
    }

    /** Whether nothing listens on the port: binding it tells, without a connection sguild would log. */
    private static boolean free(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public void startSguild() throws IOException, InterruptedException {
        script("start.sh");
    }

    /**
     * Restarts sguild's MariaDB alone. sguild keeps its now dead database handle: from here on it
     * answers every event with {@code Failed {mysqlexec/db server: Lost connection…}} or
     * {@code … Server has gone away} (and a new RegisterAgent with nothing) until it is restarted.
     */
    public void restartDatabase() throws IOException, InterruptedException {
        stopByPidFile(run.resolve("mariadb.pid"));
        script("start.sh");
    }

    private static void stopByPidFile(Path pidFile) throws IOException, InterruptedException {
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        ProcessHandle p = ProcessHandle.of(pid).orElse(null);
        if (p != null) {
            // sguild's loaderd and queryd: after a SIGKILL of sguild they would be orphans
            List<ProcessHandle> children = p.descendants().toList();
            p.destroy();
            if (!exited(p, 60)) {
                p.destroyForcibly();
                children.forEach(ProcessHandle::destroyForcibly);
                if (!exited(p, 60)) {
                    throw new IOException("pid " + pid + " from " + pidFile + " did not stop, not even on SIGKILL");
                }
            }
        }
        Files.deleteIfExists(pidFile); // mariadbd removes its own on the way out
    }

    /** The process a pid file names and its descendants, alive now. */
    private static List<ProcessHandle> processTree(Path pidFile) throws IOException {
        if (!Files.exists(pidFile)) {
            return List.of();
        }
        List<ProcessHandle> out = new ArrayList<>();
        ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip())).ifPresent(p -> {
            out.add(p);
            p.descendants().forEach(out::add);
        });
        return out;
    }

    private static boolean exited(ProcessHandle p, int seconds) throws InterruptedException {
        try {
            p.onExit().get(seconds, TimeUnit.SECONDS);
            return true;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return false;
        }
    }

    /** A JDBC connection to sguild's database as sguild's own user (all rights on it). */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), DB_USER, DB_PASSWORD);
    }

    /** The JDBC URL of sguild's database, for the bridge's {@code db.url}. */
    public String jdbcUrl() {
        return "jdbc:mariadb://127.0.0.1:" + dbPort + "/" + DB_NAME;
    }

    public int sensorPort() {
        return sensorPort;
    }

    /** sguild's self-signed certificate, for the bridge's {@code sguild.cert}. */
    public Path certificate() {
        return run.resolve("certs/cert.pem");
    }

    /** Where sguild's loaderd picks up sancp files ({@code TMP_LOAD_DIR}). */
    Path loadDirectory() {
        return run.resolve("load");
    }

    /** sguild's own log (DEBUG 2: every line received and sent). */
    public Path log() {
        return run.resolve("log/sguild.log");
    }

    /** Stops everything and deletes the run directory, after copying sguild's logs to {@code keepLogs}. */
    public void close(Path keepLogs) throws IOException, InterruptedException {
        List<ProcessHandle> sguild = processTree(run.resolve("sguild.pid"));
        try {
            script("stop.sh");
        } finally {
            sguild.forEach(ProcessHandle::destroyForcibly); // what stop.sh's SIGKILL of sguild left behind
            if (keepLogs != null && Files.isDirectory(run.resolve("log"))) {
                Files.createDirectories(keepLogs);
                try (var files = Files.list(run.resolve("log"))) {
                    for (Path f : (Iterable<Path>) files::iterator) {
                        Files.copy(f, keepLogs.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            script("stop.sh", "--wipe");
            Files.deleteIfExists(socket);
        }
    }

    @Override
    public void close() {
        try {
            close(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
