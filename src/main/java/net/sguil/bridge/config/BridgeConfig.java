package net.sguil.bridge.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The daemon's configuration ({@code sguil-integration/sguil-bridge.conf.example} documents every
 * key). Unknown keys and bad values stop the start with a message naming the key and its line;
 * values are never echoed, since some lead to secrets.
 */
public final class BridgeConfig {
    /** Every key the bridge knows, besides the per-sensor ones. */
    static final Set<String> KEYS = Set.of(
            "db.url", "db.user", "db.password_file",
            "state.dir",
            "sguild.host", "sguild.port", "sguild.cert", "sguild.fingerprint", "sguild.trust_all",
            "sguild.sensor", "sguild.net",
            "sensors", "pcap.back_seconds", "pcap.forward_seconds",
            "home_net", "smtp.ports", "smtp.servers",
            "rules.dirs", "rules.cache", "rules.cache_dir", "rules.known_bad_hashes", "extract.dir", "analyst.request_keywords",
            "trending.min_count", "trending.ratio", "trending.days",
            "volume.ratio", "volume.hours", "volume.min_bytes",
            "poll.event_seconds", "poll.sancp_seconds", "health.interval_seconds", "actions.queue",
            "reader.sancp_lateness_minutes", "reader.start_at_now");
    private static final Pattern SENSOR_KEY = Pattern.compile("sensor\\.([A-Za-z0-9_.-]+)\\.(raw_log_dir|prefix)");

    /** Where one sensor's full-content pcaps are. */
    public record SensorPcaps(String name, Path rawLogDir, String prefix) {
    }

    private final ConfigFile file;

    private BridgeConfig(ConfigFile file) {
        this.file = file;
    }

    public static BridgeConfig load(Path path) throws ConfigException {
        ConfigFile f = ConfigFile.read(path);
        for (ConfigFile.Entry e : f.entries().values()) {
            // limits.* keys are checked by the analysis that reads them (AnalysisLimits.from)
            if (!KEYS.contains(e.key()) && !SENSOR_KEY.matcher(e.key()).matches() && !e.key().startsWith("limits.")) {
                throw new ConfigException(f.where(e.key()) + ": unknown key '" + e.key() + "'");
            }
        }
        BridgeConfig c = new BridgeConfig(f);
        c.sensorPcaps();
        c.stateDir();
        return c;
    }

    public ConfigFile file() {
        return file;
    }

    public Optional<String> string(String key) {
        return file.get(key).filter(v -> !v.isEmpty());
    }

    public String string(String key, String fallback) {
        return string(key).orElse(fallback);
    }

    public long number(String key, long fallback, long min, long max) throws ConfigException {
        Optional<String> v = string(key);
        if (v.isEmpty()) {
            return fallback;
        }
        try {
            long n = Long.parseLong(v.get());
            if (n < min || n > max) {
                throw new ConfigException(file.where(key) + ": " + key + " must be between " + min + " and " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ConfigException(file.where(key) + ": " + key + " must be a whole number");
        }
    }

    public Duration seconds(String key, long fallback) throws ConfigException {
        return Duration.ofSeconds(number(key, fallback, 1, 86_400 * 31L));
    }

    public boolean flag(String key, boolean fallback) throws ConfigException {
        Optional<String> v = string(key);
        if (v.isEmpty()) {
            return fallback;
        }
        return switch (v.get().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new ConfigException(file.where(key) + ": " + key + " must be true or false");
        };
    }

    /** A path, relative ones taken from the configuration file's directory. */
    public Optional<Path> path(String key) {
        return file.path(key);
    }

    /** A comma-separated list of paths, relative ones taken from the configuration file's directory. */
    public List<Path> paths(String key) {
        Path dir = file.path().toAbsolutePath().getParent();
        return list(key).stream().map(Path::of).map(p -> p.isAbsolute() || dir == null ? p : dir.resolve(p)).toList();
    }

    public List<String> list(String key) {
        List<String> out = new ArrayList<>();
        for (String s : string(key, "").split(",")) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }

    public Path stateDir() throws ConfigException {
        return path("state.dir").orElseThrow(() -> new ConfigException(file.path()
                + ": state.dir is required (where the outbox and the readers' positions are kept)"));
    }

    /** The sensors with a {@code sensor.NAME.raw_log_dir}, in file order. */
    public Map<String, SensorPcaps> sensorPcaps() throws ConfigException {
        Map<String, SensorPcaps> out = new LinkedHashMap<>();
        for (ConfigFile.Entry e : file.entries().values()) {
            Matcher m = SENSOR_KEY.matcher(e.key());
            if (m.matches() && m.group(2).equals("raw_log_dir")) {
                String name = m.group(1);
                String prefix = string("sensor." + name + ".prefix", "snort.log");
                if (prefix.contains("/")) {
                    throw new ConfigException(file.where("sensor." + name + ".prefix") + ": a file prefix, not a path");
                }
                out.put(name, new SensorPcaps(name, path(e.key()).orElseThrow(), prefix));
            } else if (m.matches() && file.get("sensor." + m.group(1) + ".raw_log_dir").isEmpty()) {
                throw new ConfigException(file.where(e.key()) + ": sensor." + m.group(1) + ".raw_log_dir is missing");
            }
        }
        return out;
    }
}
