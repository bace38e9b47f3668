package net.sguil.bridge.delivery;

import java.time.Instant;

/** The most recent error of a component and when it happened (ISO-8601 UTC). */
public record LastError(String message, String time) {
    public static LastError now(String message) {
        return new LastError(message, Instant.now().toString());
    }

    /** The later of two, either may be null. */
    public static LastError latest(LastError a, LastError b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return Instant.parse(a.time()).isAfter(Instant.parse(b.time())) ? a : b;
    }
}
