package net.sguil.bridge.sguil;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

/**
 * A database of its own on the test MariaDB server, dropped on close, so that test classes can run in
 * parallel. The server comes from SGUIL_BRIDGE_TEST_DB_URL / _USER / _PASSWORD (defaults: the server
 * {@code bin/test-db start} runs, on the port it recorded in target/test-db.port, else 3319). Typical use:
 * <pre>
 *   static TestDatabase db;
 *   &#64;BeforeAll static void up() throws Exception { db = TestDatabase.createWithSchema(); }
 *   &#64;AfterAll static void down() throws Exception { db.close(); }
 * </pre>
 */
public final class TestDatabase implements AutoCloseable {
    public static final String SERVER_URL = env("SGUIL_BRIDGE_TEST_DB_URL", "jdbc:mariadb://127.0.0.1:" + testDbPort() + "/");
    public static final String USER = env("SGUIL_BRIDGE_TEST_DB_USER", "bridge_test");
    public static final String PASSWORD = env("SGUIL_BRIDGE_TEST_DB_PASSWORD", "bridge_test");

    private final String name;
    private final DbSettings settings;

    private TestDatabase(String name) {
        this.name = name;
        this.settings = server().withDatabase(name);
    }

    /** The port {@code bin/test-db start} picked, so that {@code mvn test} finds the server without run-tests. */
    private static String testDbPort() {
        try {
            String port = java.nio.file.Files.readString(java.nio.file.Path.of("target", "test-db.port")).strip();
            return port.matches("[0-9]{1,5}") ? port : "3319";
        } catch (java.io.IOException e) {
            return "3319";
        }
    }

    private static String env(String key, String dflt) {
        String v = System.getenv(key);
        return v == null || v.isEmpty() ? dflt : v;
    }

    /** The test server without a database selected. */
    public static DbSettings server() {
        return DbSettings.of(SERVER_URL, USER, PASSWORD);
    }

    /** A new, empty database named sguildb_t_&lt;random&gt;. */
    public static TestDatabase create() throws SQLException, DbUnreachableException {
        byte[] r = new byte[6];
        new SecureRandom().nextBytes(r);
        String name = "sguildb_t_" + HexFormat.of().formatHex(r);
        try (Connection c = server().connect(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE `" + name + "` CHARACTER SET latin1");
        }
        return new TestDatabase(name);
    }

    /** A new database holding Sguil's fixed tables and empty MERGE tables. */
    public static TestDatabase createWithSchema() throws SQLException, DbUnreachableException {
        TestDatabase db = create();
        try (Connection c = db.connect()) {
            SguilSchema.load().install(c);
        }
        return db;
    }

    public String name() {
        return name;
    }

    public DbSettings settings() {
        return settings;
    }

    /** The JDBC URL of this database (no credentials in it). */
    public String url() {
        int q = SERVER_URL.indexOf('?');
        String base = q < 0 ? SERVER_URL : SERVER_URL.substring(0, q);
        return (base.endsWith("/") ? base : base + "/") + name + (q < 0 ? "" : SERVER_URL.substring(q));
    }

    public Connection connect() throws DbUnreachableException {
        return settings.connect();
    }

    @Override
    public void close() throws SQLException, DbUnreachableException {
        try (Connection c = server().connect(); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS `" + name + "`");
        }
    }
}
