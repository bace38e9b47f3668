package net.sguil.bridge.config;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Settings that are the components of an immutable record, read from the configuration file:
 * component {@code maxBufferedTotal} of the record at prefix {@code limits.tcp} is the key
 * {@code limits.tcp.max_buffered_total}; a component that is itself a record is a deeper prefix.
 * Keys not set keep the default's value; the record's own constructor checks the result, so a
 * limit is validated in one place whether it comes from code or from a file. Sizes take {@code k},
 * {@code M}, {@code G} (binary) and durations {@code s}, {@code m}, {@code h} suffixes (plain
 * numbers are bytes and seconds).
 */
public final class RecordSettings {
    private static final Pattern NUMBER = Pattern.compile("(\\d+)\\s*([kKmMgG]?)");
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*([smh]?)");

    private RecordSettings() {
    }

    /**
     * {@code defaults} with every key under {@code prefix} that the file sets applied.
     *
     * @throws ConfigException for a key under the prefix that names no component, a value that does not
     *         parse, or a combination the record refuses; the message names the file and line
     */
    public static <R extends Record> R read(ConfigFile file, String prefix, R defaults) throws ConfigException {
        Set<String> known = new LinkedHashSet<>();
        R r = bind(file, prefix, defaults, known);
        for (Map.Entry<String, ConfigFile.Entry> e : file.entries().entrySet()) {
            if (e.getKey().startsWith(prefix + ".") && !known.contains(e.getKey())) {
                throw new ConfigException(file.where(e.getKey()) + ": unknown key '" + e.getKey() + "'");
            }
        }
        return r;
    }

    /** Every key {@link #read} understands under {@code prefix}, with its default, for documentation. */
    public static Map<String, String> keys(String prefix, Record defaults) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (RecordComponent c : defaults.getClass().getRecordComponents()) {
            Object v = value(c, defaults);
            String key = prefix + "." + snake(c.getName());
            if (v instanceof Record nested) {
                out.putAll(keys(key, nested));
            } else {
                out.put(key, shown(v));
            }
        }
        return out;
    }

    private static String shown(Object v) {
        if (v instanceof Duration d) {
            return Long.toString(d.toSeconds());
        }
        if (v instanceof Set<?> set) {
            return set.stream().map(String::valueOf).sorted(java.util.Comparator.comparing(Integer::valueOf))
                    .collect(java.util.stream.Collectors.joining(","));
        }
        return String.valueOf(v);
    }

    @SuppressWarnings("unchecked")
    private static <R extends Record> R bind(ConfigFile file, String prefix, R defaults, Set<String> known)
            throws ConfigException {
        RecordComponent[] components = defaults.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        boolean changed = false;
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            types[i] = c.getType();
            Object current = value(c, defaults);
            String key = prefix + "." + snake(c.getName());
            if (current instanceof Record nested) {
                values[i] = bind(file, key, nested, known);
            } else {
                known.add(key);
                values[i] = file.get(key).isPresent() ? parse(file, key, c.getType()) : current;
            }
            changed |= values[i] != current;
        }
        if (!changed) {
            return defaults;
        }
        try {
            return (R) defaults.getClass().getDeclaredConstructor(types).newInstance(values);
        } catch (InvocationTargetException e) {
            throw new ConfigException(file.path() + ": the settings under " + prefix + " do not go together: "
                    + e.getCause().getMessage());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + defaults.getClass().getName(), e);
        }
    }

    private static Object value(RecordComponent c, Record r) {
        try {
            return c.getAccessor().invoke(r);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + c, e);
        }
    }

    private static Object parse(ConfigFile file, String key, Class<?> type) throws ConfigException {
        String v = file.get(key).orElseThrow().strip();
        try {
            if (type == int.class) {
                return Math.toIntExact(size(v));
            }
            if (type == long.class) {
                return size(v);
            }
            if (type == boolean.class) {
                return switch (v.toLowerCase(Locale.ROOT)) {
                    case "true", "yes", "on", "1" -> true;
                    case "false", "no", "off", "0" -> false;
                    default -> throw new IllegalArgumentException();
                };
            }
            if (type == Duration.class) {
                return duration(v);
            }
            if (type == Set.class) {
                Set<Integer> ports = new LinkedHashSet<>();
                for (String p : v.split(",")) {
                    if (!p.isBlank()) {
                        ports.add(Math.toIntExact(size(p.strip())));
                    }
                }
                return ports;
            }
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new ConfigException(file.where(key) + ": " + key + " must be " + expected(type));
        }
        throw new IllegalStateException("no setting of type " + type + " for " + key);
    }

    private static long size(String v) {
        Matcher m = NUMBER.matcher(v);
        if (!m.matches()) {
            throw new IllegalArgumentException(v);
        }
        int shift = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            default -> 0;
        };
        return Math.multiplyExact(Long.parseLong(m.group(1)), 1L << shift);
    }

    private static Duration duration(String v) {
        Matcher m = DURATION.matcher(v);
        if (!m.matches()) {
            throw new IllegalArgumentException(v);
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofSeconds(n);
        };
    }

    private static String expected(Class<?> type) {
        if (type == Duration.class) {
            return "a duration in seconds (or with s, m, h)";
        }
        if (type == boolean.class) {
            return "true or false";
        }
        if (type == Set.class) {
            return "a comma-separated list of numbers";
        }
        return "a whole number (sizes may end in k, M, G)";
    }

    /** {@code maxBufferedTotal} → {@code max_buffered_total}. */
    static String snake(String camel) {
        StringBuilder b = new StringBuilder(camel.length() + 4);
        for (char ch : camel.toCharArray()) {
            if (Character.isUpperCase(ch)) {
                b.append('_').append(Character.toLowerCase(ch));
            } else {
                b.append(ch);
            }
        }
        return b.toString();
    }
}
