package net.sguil.bridge.sguil;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where and how to reach Sguil's database: a {@code jdbc:mariadb://HOST:PORT/DB} URL, a user and a
 * password. The password is held here only to hand it to the driver; {@link #toString()} and every
 * error message leave it out.
 */
public final class DbSettings {
    private static final Pattern URL = Pattern.compile(
            "jdbc:mariadb://([A-Za-z0-9.\\-]+|\\[[0-9A-Fa-f:.]+\\])(?::([0-9]{1,5}))?/([A-Za-z0-9_$\\-]*)(\\?[^\\s]*)?");
    private static final int DEFAULT_PORT = 3306;
    private static final int CONNECT_TIMEOUT_MS = 5000;

    private final String url;
    private final String host;
    private final int port;
    private final String database;
    private final String user;
    private final String password;

    private DbSettings(String url, String host, int port, String database, String user, String password) {
        this.url = url;
        this.host = host;
        this.port = port;
        this.database = database;
        this.user = user;
        this.password = password;
    }

    /**
     * @throws IllegalArgumentException for a URL of another shape, or one that carries credentials
     *         (they belong in the password file or the environment, not on a command line)
     */
    public static DbSettings of(String url, String user, String password) {
        Matcher m = URL.matcher(Objects.requireNonNull(url, "url"));
        if (!m.matches()) {
            throw new IllegalArgumentException("database URL must look like jdbc:mariadb://HOST:PORT/DB");
        }
        String query = m.group(4) == null ? "" : m.group(4).toLowerCase(Locale.ROOT);
        if (query.matches(".*[?&](password|user|pwd)=.*")) {
            throw new IllegalArgumentException("database URL must not carry credentials; use --db-user and a password file");
        }
        int port = m.group(2) == null ? DEFAULT_PORT : Integer.parseInt(m.group(2));
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("database URL has port " + port + " out of range");
        }
        return new DbSettings(url, m.group(1), port, m.group(3), user, password == null ? "" : password);
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String database() {
        return database;
    }

    public String user() {
        return user;
    }

    /** The same server and credentials, another database (tests and benchmarks use one database each). */
    public DbSettings withDatabase(String name) {
        if (!name.matches("[A-Za-z0-9_$]+")) {
            throw new IllegalArgumentException("bad database name");
        }
        int slash = url.indexOf('/', "jdbc:mariadb://".length());
        int q = url.indexOf('?', slash);
        String rest = q < 0 ? "" : url.substring(q);
        return of(url.substring(0, slash + 1) + name + rest, user, password);
    }

    /**
     * Opens a connection. Any failure to connect or log in becomes a one-line
     * {@link DbUnreachableException} naming host and port, with the driver's text left out (it may
     * quote the connection string).
     */
    public Connection connect() throws DbUnreachableException {
        Properties p = new Properties();
        if (user != null) {
            p.setProperty("user", user);
        }
        p.setProperty("password", password);
        // Connector/J adds STRICT_TRANS_TABLES to the session's sql_mode by default; Sguil's data and
        // sguild's own inserts assume the server's non-strict mode, so the bridge keeps the server's.
        if (!url.contains("jdbcCompliantTruncation=")) {
            p.setProperty("jdbcCompliantTruncation", "false");
        }
        if (!url.contains("connectTimeout=")) {
            p.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_MS));
        }
        try {
            return DriverManager.getConnection(url, p);
        } catch (SQLException e) {
            throw new DbUnreachableException("cannot connect to the database at " + host + ":" + port + ": " + reason(e));
        }
    }

    private String reason(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.equals("28000") || e.getErrorCode() == 1045) {
            return "access denied for user " + (user == null ? "(none)" : "'" + user + "'");
        }
        if (e.getErrorCode() == 1049) {
            return "unknown database '" + database + "'";
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.ConnectException) {
                return "connection refused";
            }
            if (t instanceof java.net.UnknownHostException) {
                return "unknown host";
            }
            if (t instanceof java.net.SocketTimeoutException) {
                return "timed out";
            }
        }
        return "SQL state " + (state.isEmpty() ? "unknown" : state) + ", error " + e.getErrorCode();
    }

    @Override
    public String toString() {
        return "jdbc:mariadb://" + host + ":" + port + "/" + database + " as " + user;
    }
}
