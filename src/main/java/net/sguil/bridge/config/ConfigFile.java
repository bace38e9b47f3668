package net.sguil.bridge.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bridge's configuration file: lines {@code key = value}, {@code #} comments and blank lines.
 * Keys keep their file order and line number so that later checks can point at the offending line.
 * Values are never echoed in errors: some of them lead to secrets.
 */
public final class ConfigFile {
    /** A value and the line it came from. */
    public record Entry(String key, String value, int line) {
    }

    private final Path path;
    private final Map<String, Entry> entries;

    private ConfigFile(Path path, Map<String, Entry> entries) {
        this.path = path;
        this.entries = Collections.unmodifiableMap(entries);
    }

    public static ConfigFile read(Path path) throws ConfigException {
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(path + ": cannot read: " + e.getMessage());
        }
        return parse(path, lines);
    }

    static ConfigFile parse(Path path, List<String> lines) throws ConfigException {
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            int lineNo = i + 1;
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new ConfigException(path + ":" + lineNo + ": expected 'key = value'");
            }
            String key = line.substring(0, eq).strip();
            if (!key.matches("[A-Za-z0-9_.\\-]+")) {
                throw new ConfigException(path + ":" + lineNo + ": malformed key");
            }
            Entry previous = entries.put(key, new Entry(key, line.substring(eq + 1).strip(), lineNo));
            if (previous != null) {
                throw new ConfigException(path + ":" + lineNo + ": key '" + key + "' already set on line " + previous.line());
            }
        }
        return new ConfigFile(path, entries);
    }

    public Path path() {
        return path;
    }

    /** Every entry in file order. */
    public Map<String, Entry> entries() {
        return entries;
    }

    /** Entries given in code (tests, defaults), as if read from a file named {@code <inline>}. */
    public static ConfigFile of(Map<String, String> values) throws ConfigException {
        List<String> lines = new java.util.ArrayList<>();
        values.forEach((k, v) -> lines.add(k + " = " + v));
        return parse(Path.of("<inline>"), lines);
    }

    public Optional<String> get(String key) {
        Entry e = entries.get(key);
        return e == null ? Optional.empty() : Optional.of(e.value());
    }

    /** A path value; relative ones are taken from the configuration file's directory. Empty values count as unset. */
    public Optional<Path> path(String key) {
        return get(key).filter(v -> !v.isEmpty()).map(v -> {
            Path p = Path.of(v);
            Path dir = path.toAbsolutePath().getParent();
            return p.isAbsolute() || dir == null ? p : dir.resolve(p);
        });
    }

    /** Where a key was set, as {@code file:line}, for error messages. */
    public String where(String key) {
        Entry e = entries.get(key);
        return e == null ? path.toString() : path + ":" + e.line();
    }
}
