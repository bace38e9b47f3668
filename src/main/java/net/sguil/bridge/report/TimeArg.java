package net.sguil.bridge.report;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A time given on the command line: absolute UTC ({@code 2006-06-15T10:00:00Z} or
 * {@code 2006-06-15 10:00:00}) or relative to now ({@code 90s}, {@code 30m}, {@code 1h}, {@code 7d},
 * {@code 2w} meaning that long ago).
 */
public final class TimeArg {
    private static final Pattern RELATIVE = Pattern.compile("([0-9]{1,9})([smhdw])");
    private static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    private final Instant absolute;
    private final Duration ago;

    private TimeArg(Instant absolute, Duration ago) {
        this.absolute = absolute;
        this.ago = ago;
    }

    public static TimeArg ago(Duration d) {
        return new TimeArg(null, d);
    }

    public static TimeArg parse(String s) {
        String t = s.strip();
        Matcher m = RELATIVE.matcher(t);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            Duration unit = switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(1);
                case "m" -> Duration.ofMinutes(1);
                case "h" -> Duration.ofHours(1);
                case "d" -> Duration.ofDays(1);
                default -> Duration.ofDays(7);
            };
            return ago(unit.multipliedBy(n));
        }
        try {
            if (t.endsWith("Z")) {
                return new TimeArg(Instant.parse(t), null);
            }
            return new TimeArg(LocalDateTime.parse(t, SPACED).toInstant(ZoneOffset.UTC), null);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + t.replaceAll("[^\\x20-\\x7e]", "?")
                    + "' is not a time: use 2006-06-15T10:00:00Z, '2006-06-15 10:00:00' (UTC) or 1h, 7d, 30m");
        }
    }

    public Instant resolve(Instant now) {
        return absolute != null ? absolute : now.minus(ago);
    }
}
