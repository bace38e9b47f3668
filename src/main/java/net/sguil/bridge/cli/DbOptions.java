package net.sguil.bridge.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.function.UnaryOperator;
import net.sguil.bridge.config.ConfigException;
import net.sguil.bridge.config.ConfigFile;
import net.sguil.bridge.sguil.DbSettings;
import net.sguil.bridge.sguil.DbSettingsSource;
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
    public static final String PASSWORD_ENV = DbSettingsSource.PASSWORD_ENV;

    @Option(names = "--config", paramLabel = "FILE", description = "The bridge's configuration file, for db.url, db.user and db.password_file.")
    Path config;

    @Option(names = "--db", paramLabel = "URL", description = "The database, as jdbc:mariadb://HOST:PORT/DB.")
    String url;

    @Option(names = "--db-user", paramLabel = "USER", description = "The database user.")
    String user;

    @Option(names = "--db-password-file", paramLabel = "FILE",
            description = "The file holding the database password (one trailing newline is ignored). "
                    + "Otherwise the password is taken from $" + PASSWORD_ENV + ", then from db.password_file.")
    Path passwordFile;

    /** The process environment; replaced in tests. */
    UnaryOperator<String> env = System::getenv;

    /** Resolves the settings. Bad or missing values are a {@link ConfigException} naming the source. */
    public DbSettings settings() throws ConfigException {
        return DbSettingsSource.resolve(config == null ? null : ConfigFile.read(config), url, user, passwordFile, env);
    }

    /** Resolves the settings and connects. */
    public Connection connect() throws ConfigException, DbUnreachableException {
        return settings().connect();
    }
}
