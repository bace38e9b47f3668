package net.sguil.bridge.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Optional;
import java.util.function.UnaryOperator;
import net.sguil.bridge.config.ConfigException;
import net.sguil.bridge.config.ConfigFile;
import net.sguil.bridge.sguil.DbSettings;
import net.sguil.bridge.sguil.DbUnreachableException;
import picocli.CommandLine.Option;

/**
 * How a command reaches Sguil's database: {@code --config FILE} (keys {@code db.url}, {@code db.user},
 * {@code db.password_file}) and/or {@code --db URL --db-user USER --db-password-file FILE}; options given
 * on the command line win over the file. The password comes from {@code --db-password-file}, else from
 * the environment variable {@value #PASSWORD_ENV}, else from the config file's {@code db.password_file};
 * it is never printed or logged.
 */
public final class DbOptions {
    public static final String PASSWORD_ENV = "SGUIL_BRIDGE_DB_PASSWORD";

    @Option(names = "--config", paramLabel = "FILE", description = "Bridge configuration file (db.url, db.user, db.password_file).")
    Path config;

    @Option(names = "--db", paramLabel = "URL", description = "Database, as jdbc:mariadb://HOST:PORT/DB.")
    String url;

    @Option(names = "--db-user", paramLabel = "USER", description = "Database user.")
    String user;

    @Option(names = "--db-password-file", paramLabel = "FILE",
            description = "File holding the database password (one trailing newline is ignored). "
                    + "Otherwise the password is taken from $" + PASSWORD_ENV + ", then from db.password_file.")
    Path passwordFile;

    /** The process environment; replaced in tests. */
    UnaryOperator<String> env = System::getenv;

    /** Resolves the settings. Bad or missing values are a {@link ConfigException} naming the source. */
    public DbSettings settings() throws ConfigException {
        ConfigFile file = config == null ? null : ConfigFile.read(config);
        String u = url != null ? url : fromFile(file, "db.url").orElseThrow(
                () -> new ConfigException("no database given: use --db jdbc:mariadb://HOST:PORT/DB or --config FILE with db.url"));
        String who = user != null ? user : fromFile(file, "db.user").orElse(null);
        String password;
        if (passwordFile != null) {
            password = readPassword(passwordFile, "--db-password-file");
        } else if (env.apply(PASSWORD_ENV) != null) {
            password = env.apply(PASSWORD_ENV);
        } else {
            Optional<String> pf = fromFile(file, "db.password_file");
            password = pf.isPresent()
                    ? readPassword(resolveAgainst(file.path(), pf.get()), file.where("db.password_file")) : "";
        }
        try {
            return DbSettings.of(u, who, password);
        } catch (IllegalArgumentException e) {
            throw new ConfigException((url != null ? "--db" : file.where("db.url")) + ": " + e.getMessage());
        }
    }

    /** Resolves the settings and connects. */
    public Connection connect() throws ConfigException, DbUnreachableException {
        return settings().connect();
    }

    private static Optional<String> fromFile(ConfigFile file, String key) {
        return file == null ? Optional.empty() : file.get(key).filter(v -> !v.isEmpty());
    }

    private static Path resolveAgainst(Path configPath, String value) {
        Path p = Path.of(value);
        Path dir = configPath.toAbsolutePath().getParent();
        return p.isAbsolute() || dir == null ? p : dir.resolve(p);
    }

    private static String readPassword(Path file, String source) throws ConfigException {
        try {
            String s = Files.readString(file, StandardCharsets.UTF_8);
            if (s.endsWith("\r\n")) {
                return s.substring(0, s.length() - 2);
            }
            return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
        } catch (IOException e) {
            throw new ConfigException(source + ": cannot read password file " + file);
        }
    }
}
