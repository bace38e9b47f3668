package net.sguil.bridge.testhook;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test-only crash switch: with {@code SGUIL_BRIDGE_TEST_CRASH_AT=<point>[:<n>]} in its environment,
 * the process halts (as a kill -9 would: no shutdown hooks, no flushing) the n-th time (default the
 * first) it reaches that point, with exit status {@link #EXIT_STATUS}. Crash tests use it to stop the
 * daemon at the exact moment they are about instead of at a random time. Without the variable every
 * call is a comparison with null and nothing else.
 */
public final class CrashPoint {
    public static final String ENV = "SGUIL_BRIDGE_TEST_CRASH_AT";
    /** The exit status of a halt at a crash point, so a test can tell it from any other death. */
    public static final int EXIT_STATUS = 86;
    /** The event reader handed over new alerts and saved its position. */
    public static final String AFTER_EVENT_READ = "after-event-read";
    /** The sancp reader handed over new sessions and saved its position. */
    public static final String AFTER_SANCP_READ = "after-sancp-read";
    /** sguild confirmed an event; the outbox has not yet recorded it as delivered. */
    public static final String AFTER_EVENT_CONFIRMED = "after-event-confirmed";

    private static final String POINT;
    private static final int NTH;
    private static final AtomicInteger REACHED = new AtomicInteger();

    static {
        String v = System.getenv(ENV);
        int colon = v == null ? -1 : v.lastIndexOf(':');
        POINT = colon < 0 ? v : v.substring(0, colon);
        NTH = colon < 0 ? 1 : Integer.parseInt(v.substring(colon + 1));
    }

    private CrashPoint() {
    }

    /** Halts here if this is the point (and the time) the environment asks for. */
    public static void reached(String point) {
        if (point.equals(POINT) && REACHED.incrementAndGet() == NTH) {
            System.err.println("sguil-bridge: test crash point " + point + " reached (" + NTH + "): halting");
            System.err.flush();
            Runtime.getRuntime().halt(EXIT_STATUS);
        }
    }
}
