package net.sguil.bridge.sguil;

import java.util.regex.Pattern;

/**
 * Sensor names become part of table names ({@code event_<sensor>_<YYYYMMDD>}). sguild builds its SQL
 * with them unescaped, so only {@code [A-Za-z0-9_.-]} works there; the bridge additionally quotes
 * every identifier with backquotes (needed for '.' and '-') and refuses everything else.
 */
public final class SensorName {
    /** 64 (MariaDB's identifier limit) minus the longest prefix "icmphdr_" and the "_YYYYMMDD" suffix. */
    public static final int MAX_LENGTH = 64 - "icmphdr_".length() - "_YYYYMMDD".length();
    static final String CHARS = "[A-Za-z0-9_.\\-]";
    private static final Pattern VALID = Pattern.compile(CHARS + "{1," + MAX_LENGTH + "}");

    private SensorName() {
    }

    public static boolean isValid(String name) {
        return name != null && VALID.matcher(name).matches();
    }

    /** Returns the name, or throws with a message that says what is allowed. */
    public static String requireValid(String name) {
        if (!isValid(name)) {
            throw new InvalidSensorNameException("sensor name " + describe(name)
                    + " refused: use 1 to " + MAX_LENGTH + " characters of [A-Za-z0-9_.-]");
        }
        return name;
    }

    /** A printable rendering of a rejected name: control and non-ASCII characters are escaped, length bounded. */
    private static String describe(String name) {
        if (name == null) {
            return "(none)";
        }
        StringBuilder sb = new StringBuilder("'");
        name.codePoints().limit(80).forEach(c -> {
            if (c >= 0x20 && c < 0x7f && c != '\'') {
                sb.append((char) c);
            } else {
                sb.append(String.format("\\u%04x", c));
            }
        });
        return sb.append(name.length() > 80 ? "'..." : "'").toString();
    }
}
