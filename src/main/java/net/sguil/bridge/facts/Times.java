package net.sguil.bridge.facts;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** UTC helpers for fact getters; Sguil keeps every time in UTC, whatever the machine's zone. */
public final class Times {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private Times() {
    }

    public static String utcDay(Instant t) {
        return DAY.format(t);
    }

    /** Start of the UTC hour containing {@code t}. */
    public static Instant utcHour(Instant t) {
        return Instant.ofEpochSecond(Math.floorDiv(t.getEpochSecond(), 3600) * 3600);
    }
}
