package net.sguil.bridge.sguil;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One per-sensor per-day table, e.g. {@code event_sensor1_20060615}. Built only from a validated
 * sensor name, a known kind and a date, so its quoted name is safe to put into SQL.
 */
public record DayTable(String kind, String sensor, LocalDate day) {
    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;
    private static final Pattern NAME = Pattern.compile("([a-z]+)_(" + SensorName.CHARS + "+)_([0-9]{8})");

    public DayTable {
        if (!SguilSchema.DAY_TABLE_KINDS.contains(kind)) {
            throw new IllegalArgumentException("not a Sguil day table kind: " + kind);
        }
        SensorName.requireValid(sensor);
    }

    public String name() {
        return kind + "_" + sensor + "_" + YYYYMMDD.format(day);
    }

    /** The name in backquotes, for SQL. */
    public String quoted() {
        return "`" + name() + "`";
    }

    /** Parses a table name as found in the database; empty if it is not a day table the bridge can handle. */
    public static Optional<DayTable> parse(String tableName) {
        Matcher m = NAME.matcher(tableName);
        if (!m.matches() || !SguilSchema.DAY_TABLE_KINDS.contains(m.group(1)) || !SensorName.isValid(m.group(2))) {
            return Optional.empty();
        }
        try {
            return Optional.of(new DayTable(m.group(1), m.group(2), LocalDate.parse(m.group(3), YYYYMMDD)));
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
