package net.sguil.bridge.sguil;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;
import net.sguil.bridge.config.ConfigException;
import net.sguil.bridge.config.ConfigFile;

/**
 * Where the database settings come from: explicit values (the command line) win over the
 * configuration file's {@code db.url}, {@code db.user}, {@code db.password_file}; the password comes
 * from an explicit password file, else the environment variable {@value #PASSWORD_ENV}, else the
 * configuration's password file. It is never printed or logged.
 */
public final class DbSettingsSource {
    public static final String PASSWORD_ENV = "SGUIL_BRIDGE_DB_PASSWORD";

    private DbSettingsSource() {
    }

    /**
     * @param file the configuration file, or null
     * @param url explicit value, or null
     * @param user explicit value, or null
     * @param passwordFile explicit value, or null
     */
    public static DbSettings resolve(ConfigFile file, String url, String user, Path passwordFile,
                                     UnaryOperator<String> env) throws ConfigException {
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
