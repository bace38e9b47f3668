package net.sguil.bridge.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bridge's configuration file format: one {@code key = value} a line, {@code #} starts a comment
 * line, blank lines ignored, later lines win. Keys of other parts of the bridge pass through untouched.
 */
public final class KeyValueConfig {
    private final Map<String, String> values;
    private final Path baseDir;

    private KeyValueConfig(Map<String, String> values, Path baseDir) {
        this.values = Map.copyOf(values);
        this.baseDir = baseDir;
    }

    public static KeyValueConfig of(Map<String, String> values) {
        return new KeyValueConfig(values, Path.of(""));
    }

    public static KeyValueConfig load(Path file) throws ConfigException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage(), e);
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new ConfigException(file + ":" + (i + 1) + ": expected 'key = value'");
            }
            values.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
        }
        Path parent = file.toAbsolutePath().getParent();
        return new KeyValueConfig(values, parent == null ? Path.of("") : parent);
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key)).filter(v -> !v.isEmpty());
    }

    /** A path value; relative paths are taken from the directory of the configuration file. */
    public Optional<Path> path(String key) {
        return get(key).map(v -> baseDir.resolve(v));
    }
}
